-- Tests/Fixtures/valid/stops.lua: stops itself at tick 2 with a reason.
sim.scenario{ name = "stops", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
sim.metric("tick", function() return sim.tick() end)
sim.at(2, function() sim.stop("enough for today") end)
