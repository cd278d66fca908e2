-- Tests/Fixtures/valid/loops_midrun.lua: loops forever in a hook at tick 2 (line 6): a limit reached mid-run.
sim.scenario{ name = "loops_midrun", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
sim.metric("tick", function() return sim.tick() end)
sim.at(2, function() while true do end end)
