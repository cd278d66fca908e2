-- Tests/Fixtures/hostile/budget_failing_calls.lua: errors raised in C and caught, as fast as possible (line 4).
sim.scenario{ name = "budget_failing_calls", start = "2024-01-01", steps = 1 }
local codepoint = utf8.codepoint
while true do pcall(codepoint, "abc", 1, 1e9) end
