-- Tests/Fixtures/valid/warns.lua: sets an alignment out of range: clamped, with a warning.
sim.scenario{ name = "warns", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
sim.align("a", "b", 2)
sim.metric("a_b", function() return sim.alignment("a", "b") end)
