-- Tests/Fixtures/batch/draw.lua: one draw a run, for the adaptive batch tests: `hit` is true when the
-- draw is below `p` (0.3 by default), `x` is the draw, `side` is "low" or "high" as `hit`.
sim.scenario{ name = "draw", start = "2024-01-01", steps = 1 }
sim.agent{ id = "a", name = "Agent A", kind = "state" }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local p = sim.param("p", 0.3, { min = 0, max = 1, doc = "the chance of a hit" })
local x = 0
sim.on("tick", function() x = sim.random() end)
sim.outcome("hit", function() return x < p end)
sim.outcome("x", function() return x end)
sim.outcome("side", function() return x < p and "low" or "high" end)
