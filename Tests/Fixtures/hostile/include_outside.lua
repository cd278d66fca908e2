-- Tests/Fixtures/hostile/include_outside.lua: includes a file above its own folder (line 5).
sim.scenario{ name = "include_outside", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local stolen = sim.include("../outside.lua")
