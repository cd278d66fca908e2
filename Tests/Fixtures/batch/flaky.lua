-- Tests/Fixtures/batch/flaky.lua: fails with error("unlucky") at tick 3 (line 9) in about one run in five.
sim.scenario{ name = "flaky", start = "2024-01-01", steps = 20 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local luck = 0
sim.metric("luck", function() return luck end)
sim.on("tick", function() luck = luck + sim.random() end)
sim.at(3, function()
  if sim.random() < 0.2 then error("unlucky") end
end)
sim.outcome("luck", function() return luck end)
