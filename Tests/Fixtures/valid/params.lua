-- Tests/Fixtures/valid/params.lua: params with both bounds and with a max only.
sim.scenario{ name = "params", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local level = sim.param("level", 5, { min = 0, max = 10, doc = "an integer in [0, 10]" })
local ratio = sim.param("ratio", 0.5, { max = 1, doc = "a number at most 1" })
local flag = sim.param("flag", true)
local label = sim.param("label", "plain")
sim.outcome("level", function() return level end)
sim.outcome("ratio", function() return ratio end)
sim.outcome("flag", function() return flag end)
sim.outcome("label", function() return label end)
