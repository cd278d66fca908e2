-- Lanchester's square law: F. W. Lanchester (1916), "Aircraft in Warfare: The Dawn of the Fourth
-- Arm", London: Constable & Co., chapters V-VI (the "N-square law", first printed in Engineering 98,
-- 1914).
--
-- Two forces, x and y, in one region, hostile to each other; every built-in dynamic but combat is
-- off and so is the noise on losses. Each side loses the enemy's strength times the enemy's
-- effectiveness per day:
--   dx/dt = -b y,   dy/dt = -a x       (a: x's effectiveness, b: y's)
-- With lambda = sqrt(a b), until one side is destroyed:
--   x(t) = x0 cosh(lambda t) - y0 sqrt(b/a) sinh(lambda t)
--   y(t) = y0 cosh(lambda t) - x0 sqrt(a/b) sinh(lambda t)
-- The side with the smaller a x0^2 versus b y0^2 is destroyed; when x is the weaker one, at
--   t* = atanh(x0 / y0 * sqrt(a / b)) / lambda,
-- and y keeps sqrt(y0^2 - (a/b) x0^2) from then on (the "square law": fighting strength goes as
-- effectiveness times the square of numbers).
--
-- With the defaults x is the weaker side (a x0^2 = 32,000 < b y0^2 = 40,000): destroyed after
-- t* = 32.28 days, y keeps sqrt(200,000) = 447.2.
--
-- tick_days sets the days one tick covers; the horizon is `days` whatever the tick, so a metric
-- holds ceil(days / tick_days) + 1 values, value k being the state after k * tick_days days.
-- Validated by Tests/ValidationTests/LanchesterValidationTests.swift.

local x0 = sim.param("x0", 800.0, {min = 0, doc = "x's initial strength"})
local y0 = sim.param("y0", 1000.0, {min = 0, doc = "y's initial strength"})
local a = sim.param("a", 0.05, {min = 0, max = 10, doc = "x's effectiveness: y's strength x removes per unit of strength per day"})
local b = sim.param("b", 0.04, {min = 0, max = 10, doc = "y's effectiveness: x's strength y removes per unit of strength per day"})
local tick_days = sim.param("tick_days", 1.0, {min = 0.001, max = 3650, doc = "days one tick covers"})
local days = sim.param("days", 40.0, {min = 0, max = 100000, doc = "days of fighting simulated"})

sim.scenario{
  name = "lanchester",
  description = "Lanchester's square law: two forces, no noise, against the closed form",
  source = "Lanchester, F. W. (1916). Aircraft in Warfare: The Dawn of the Fourth Arm. London: Constable.",
  start = "1916-01-01",
  -- A small allowance so that a horizon that is a whole number of ticks is not rounded up by the
  -- last bit of days / tick_days.
  steps = math.ceil(days / tick_days - 1e-9),
  tick_days = tick_days,
}

-- min_force 0: the closed form has no smallest force; a side is gone when it reaches 0.
sim.dynamics{noise = 0, balance = 0, decay = 0, grievance = 0, blame = 0, min_force = 0}

sim.agent{id = "x", name = "Force X", kind = "state", effectiveness = a}
sim.agent{id = "y", name = "Force Y", kind = "state", effectiveness = b}
sim.region{id = "field", name = "Battlefield", lat = 0, lon = 0}
sim.align("x", "y", -1, {mutual = true})
sim.war("x", "y")  -- built-in combat fights only between agents at war
sim.deploy("x", "field", x0)
sim.deploy("y", "field", y0)

sim.metric("x", function() return sim.strength("x", "field") end)
sim.metric("y", function() return sim.strength("y", "field") end)

sim.outcome("x_final", function() return sim.strength("x", "field") end)
sim.outcome("y_final", function() return sim.strength("y", "field") end)
sim.outcome("winner", function()
  local x, y = sim.strength("x", "field"), sim.strength("y", "field")
  if x > 0 and y == 0 then return "x" end
  if y > 0 and x == 0 then return "y" end
  return "undecided"
end)
