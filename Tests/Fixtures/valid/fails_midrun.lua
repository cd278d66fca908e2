-- Tests/Fixtures/valid/fails_midrun.lua: records a metric every tick and raises an error at tick 3 (line 6).
sim.scenario{ name = "fails_midrun", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
sim.metric("tick", function() return sim.tick() end)
sim.at(3, function() error("boom") end)
