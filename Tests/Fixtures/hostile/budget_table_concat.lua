-- Tests/Fixtures/hostile/budget_table_concat.lua: table.concat of a few big strings (line 4).
sim.scenario{ name = "budget_table_concat", start = "2024-01-01", steps = 1 }
local big = string.rep("x", 1 << 22) local t = { big, big, big, big }
while true do local s = table.concat(t) end
