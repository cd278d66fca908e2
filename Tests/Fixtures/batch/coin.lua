-- Tests/Fixtures/batch/coin.lua: a small Monte Carlo scenario for the batch tests. Two params with
-- min/max (an integer `a` and a number `b`) and two without (a boolean and a string); every tick draws
-- from the run's stream, and the outcomes are a number, an integer, a boolean and a category (one with
-- a comma, for the CSV quoting).
sim.scenario{ name = "coin", start = "2024-01-01", steps = 20 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local a = sim.param("a", 2, { min = 0, max = 5, doc = "an integer weight in [0, 5]" })
local b = sim.param("b", 0.5, { min = 0, max = 1, doc = "a probability" })
local loud = sim.param("loud", false)
local label = sim.param("label", "plain")
local total, heads, side = 0, 0, "none"
sim.metric("running_total", function() return total end)
sim.metric("heads_so_far", function() return heads end)
sim.on("tick", function()
  total = total + (a + 1) * sim.random()
  if sim.chance(b) then heads = heads + 1 end
  local r = sim.random()
  side = r < 0.45 and "heads" or (r < 0.9 and "tails" or "edge, upright")
end)
sim.outcome("total", function() return total end)
sim.outcome("heads", function() return heads end)
sim.outcome("won", function() return heads * 2 > sim.tick() end)
sim.outcome("side", function() return side end)
sim.outcome("tag", function() return loud and (label .. "!") or label end)
