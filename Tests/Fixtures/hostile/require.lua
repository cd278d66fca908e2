-- Tests/Fixtures/hostile/require.lua: tries to load a C or Lua module (line 5); require is not in the sandbox.
sim.scenario{ name = "require", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local ffi = require("ffi")
