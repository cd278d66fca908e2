-- Tests/Fixtures/hostile/wrong_argument_type.lua: a string where sim.align wants a number (line 5).
sim.scenario{ name = "wrong_argument_type", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
sim.align("a", "b", "high")
