-- Tests/Fixtures/hostile/pcall_swallow.lua: catches the budget error with pcall and keeps going (lines 5-9).
sim.scenario{ name = "pcall_swallow", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local caught = 0
for _ = 1, 1000 do
  if not pcall(function() while true do end end) then caught = caught + 1 end
end
sim.log("the budget error was swallowed " .. caught .. " times")
