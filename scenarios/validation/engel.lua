-- Iwo Jima, after J. H. Engel (1954), "A Verification of Lanchester's Law", Journal of the
-- Operations Research Society of America (now Operations Research) 2(2):163-171,
-- doi:10.1287/opre.2.2.163.
--
-- Engel fitted Lanchester's square law to the US daily records of the battle of Iwo Jima
-- (February-March 1945):
--   dM/dt = P(t) - a N,    dN/dt = -b M
-- M: US troops active, N: Japanese troops, P(t): US landings, M(0) = 0, N(0) = 21,500, the
-- Japanese never reinforced. US landings: 54,000 on day 0, 6,000 on day 2, 13,000 on day 5.
-- Engel's estimates: a = 0.0544 (US troops put out of action per Japanese soldier per day) and
-- b = 0.0106 (Japanese per US soldier per day).
--
-- In simrun's terms an agent's effectiveness is the enemy strength it removes per unit of its own
-- strength per day, so Japan's effectiveness is a = 0.0544 and the US's is b = 0.0106.
--
-- The landings are instantaneous arrivals at the start of their day: sim.deploy in sim.at hooks,
-- which fire before that tick's combat. A metric's value t is the state after t days, i.e. just
-- before day t's landing (value 0 shows the US at 0, before the first wave).
--
-- The model's figures (integrated here, and by the test with its own RK4): the Japanese force is
-- destroyed during day 35 (t ~ 35.4); at day 36 about 52,800 US troops remain active. Engel's
-- paper shows the model curve and the record ending at about 53,000 US troops active and the
-- Japanese force practically wiped out (approximate figures, read from the paper's account).
-- Validated by Tests/ValidationTests/EngelValidationTests.swift.

local a = sim.param("a", 0.0544, {min = 0, max = 10, doc = "Japanese effectiveness: US troops removed per Japanese soldier per day"})
local b = sim.param("b", 0.0106, {min = 0, max = 10, doc = "US effectiveness: Japanese troops removed per US soldier per day"})
local japanese = sim.param("japanese", 21500.0, {min = 0, doc = "Japanese strength at the start, N(0)"})
local wave0 = sim.param("wave0", 54000.0, {min = 0, doc = "US landing on day 0"})
local wave2 = sim.param("wave2", 6000.0, {min = 0, doc = "US landing on day 2"})
local wave5 = sim.param("wave5", 13000.0, {min = 0, doc = "US landing on day 5"})

sim.scenario{
  name = "engel_iwo_jima",
  description = "Engel's square-law model of the battle of Iwo Jima, 36 days from the first landing",
  source = "Engel, J. H. (1954). A Verification of Lanchester's Law. J. Oper. Res. Soc. America 2(2):163-171.",
  start = "1945-02-19",
  steps = 36,
}

-- min_force 0: the closed form has no smallest force; a side is gone when it reaches 0.
sim.dynamics{noise = 0, balance = 0, decay = 0, grievance = 0, blame = 0, min_force = 0}

sim.agent{id = "us", name = "United States", kind = "state", effectiveness = b}
sim.agent{id = "japan", name = "Japan", kind = "state", effectiveness = a}
sim.region{id = "iwo_jima", name = "Iwo Jima", country = "japan", lat = 24.78, lon = 141.32}
sim.align("us", "japan", -1, {mutual = true})
sim.war("us", "japan")  -- built-in combat fights only between agents at war
sim.deploy("japan", "iwo_jima", japanese)

sim.at(0, function() sim.deploy("us", "iwo_jima", wave0) end)
sim.at(2, function() sim.deploy("us", "iwo_jima", wave2) end)
sim.at(5, function() sim.deploy("us", "iwo_jima", wave5) end)

sim.metric("us", function() return sim.strength("us", "iwo_jima") end)
sim.metric("japan", function() return sim.strength("japan", "iwo_jima") end)

sim.outcome("us_final", function() return sim.strength("us", "iwo_jima") end)
sim.outcome("japan_final", function() return sim.strength("japan", "iwo_jima") end)
