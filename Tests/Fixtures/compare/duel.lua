-- A duel under noisy combat for compare and diff: `extra` men join side a; with `fidget` side a's
-- policy draws a random number it never uses (which must change nothing else); at `shift_day`
-- the onlooker c turns 0.1 against a and an event says so.
sim.scenario{name = "duel", start = "2024-01-01", steps = 20}
local extra = sim.param("extra", 0, {min = 0, max = 500})
local fidget = sim.param("fidget", false)
local shift_day = sim.param("shift_day", -1)

sim.dynamics{noise = 0.5}
sim.agent{id = "a", kind = "state"}
sim.agent{id = "b", kind = "armed_group"}
sim.agent{id = "c", kind = "state"}
sim.region{id = "r", lat = 0, lon = 0}
sim.align("a", "b", -0.9, {mutual = true})
sim.war("a", "b")
sim.align("c", "a", 0.2)
sim.deploy("a", "r", 1000 + extra)
sim.deploy("b", "r", 900 + sim.normal(0, 150))

sim.policy("a", function() if fidget then sim.random() end end)
sim.policy("b", function()
  if sim.chance(0.1) then sim.shift("b", "a", -0.01 * sim.random()) end
end)
sim.at(shift_day >= 0 and shift_day or 10^6, function()
  sim.shift("c", "a", -0.1)
  sim.emit("anger", {agents = {"c", "a"}})
end)

sim.metric("c_toward_a", function() return sim.alignment("c", "a") end)
sim.outcome("a_left", function() return sim.strength("a", "r") end)
sim.outcome("a_wins", function() return sim.strength("a", "r") > sim.strength("b", "r") end)
sim.outcome("leader", function() return sim.strength("a", "r") > sim.strength("b", "r") and "a" or "b" end)
