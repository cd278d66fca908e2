-- Tests/Fixtures/hostile/declaration_bomb.lua: 50,000 metrics and 100,000 policies, each a few VM
-- instructions to declare. The host's bookkeeping must stay linear: checking each name against all
-- the others, or keeping policies sorted by insertion, took minutes of work the budget did not see.
sim.scenario{ name = "declaration_bomb", start = "2024-01-01", steps = 2 }
sim.agent{ id = "a", kind = "state" }
sim.agent{ id = "b", kind = "state" }
local f, zero = function() end, function() return 0 end
for i = 1, 50000 do sim.metric("m" .. i, zero) end
for i = 1, 100000 do sim.policy(i % 2 == 0 and "a" or "b", f) end
sim.outcome("done", function() return true end)
