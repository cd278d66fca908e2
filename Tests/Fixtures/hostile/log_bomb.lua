-- Tests/Fixtures/hostile/log_bomb.lua: keeps 16 MB of log lines outside the Lua state with a 256 KB string (lines 5-8).
sim.scenario{ name = "log_bomb", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local line = string.rep("x", 256 * 1024)
for _ = 1, 64 do
  sim.log(line)
end
