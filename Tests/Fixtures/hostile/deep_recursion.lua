-- Tests/Fixtures/hostile/deep_recursion.lua: unbounded (non-tail) recursion: a Lua stack overflow (line 5).
sim.scenario{ name = "deep_recursion", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local function dive(n) return 1 + dive(n + 1) end
dive(1)
