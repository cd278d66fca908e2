-- Tests/Fixtures/hostile/budget_byte.lua: string.byte(s, 1, -1) pushes 900,000 values per call (line 4).
sim.scenario{ name = "budget_byte", start = "2024-01-01", steps = 1 }
local s = string.rep("x", 900000)
while true do local n = select("#", string.byte(s, 1, -1)) end
