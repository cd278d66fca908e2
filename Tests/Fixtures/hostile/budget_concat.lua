-- Tests/Fixtures/hostile/budget_concat.lua: `..` copies 16 MiB per iteration in the VM (line 4).
sim.scenario{ name = "budget_concat", start = "2024-01-01", steps = 1 }
local big = string.rep("x", 1 << 24)
local i = 0 while true do i = i + 1 local s = big .. i end
