-- Tests/Fixtures/batch/flips.lua: coin flips for calibration by rejection (`--accept`). A coin of
-- unknown bias `p` is flipped four times. Under a uniform prior on p, the runs that reproduce "three
-- heads" leave p distributed as Beta(4, 2); those that reproduce "no heads" as Beta(1, 5).
sim.scenario{ name = "flips", start = "2024-01-01", steps = 4 }
sim.agent{ id = "a", name = "Agent A", kind = "state" }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local p = sim.param("p", 0.5, { min = 0, max = 1, doc = "the chance of heads" })
local heads = 0
sim.on("tick", function() if sim.chance(p) then heads = heads + 1 end end)
sim.outcome("heads", function() return heads end)
sim.outcome("fifth_heads", function() return sim.chance(p) end)
sim.observed("three_heads", function() return heads == 3 end)
sim.observed("no_heads", function() return heads == 0 end)
