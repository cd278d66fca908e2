-- Tests/Fixtures/batch/syntax_error.lua: a syntax error on line 5.
sim.scenario{ name = "syntax_error", start = "2024-01-01", steps = 20 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local x = = 1
