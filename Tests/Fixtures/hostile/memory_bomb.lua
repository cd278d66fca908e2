-- Tests/Fixtures/hostile/memory_bomb.lua: grows a table until the memory cap stops it (lines 5-8).
sim.scenario{ name = "memory_bomb", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local hoard = {}
for i = 1, 1e12 do
  hoard[i] = string.rep("x", 1024) .. i
end
