-- Tests/Fixtures/hostile/budget_format.lua: string.format('%s', big) copies 16 MiB per call (line 4).
sim.scenario{ name = "budget_format", start = "2024-01-01", steps = 1 }
local big = string.rep("x", 1 << 24)
while true do local s = string.format("%s", big) end
