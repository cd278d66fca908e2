-- Tests/Fixtures/hostile/budget_sub.lua: big:sub(2) copies 16 MiB per call (line 4).
sim.scenario{ name = "budget_sub", start = "2024-01-01", steps = 1 }
local big = string.rep("x", 1 << 24)
while true do local s = big:sub(2) end
