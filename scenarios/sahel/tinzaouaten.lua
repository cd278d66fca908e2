-- scenarios/sahel/tinzaouaten.lua
--
-- The Tinzaouaten ambush (22-27 July 2024) and its diplomatic fallout. Seed article:
-- seeds/000_897de2a47dc8da2c.txt. Wagner and FAMa "fought fierce battles over a five-day period"
-- near Tinzaouaten against Tuareg separatists (CSP) and JNIM, who "used heavy weapons, drones,
-- and suicide bombers", and were ambushed "while waiting for reinforcements, after retreating
-- from Tinzaouaten". Ukraine's military intelligence (HUR, spokesman Andrii Yusov) acknowledged
-- supporting the rebels; Mali and Niger cut diplomatic ties with Ukraine (4 and 6 August 2024);
-- Moscow is angry with Algiers, whom it blames for not tipping it off; Haftar's LNA moves toward
-- the Ghadames-Debdeb crossing with Algeria.
--
-- Timeline (tick 0 = 22 July 2024):
--   tick 1   (23 Jul)  the FAMa/Wagner column from Kidal reaches Tinzaouaten; built-in combat
--                      with the CSP and JNIM (at war since 2023, world.lua) runs every day it stays;
--   tick 3   (25 Jul)  the ambush (scripted clashes on top of the daily fighting);
--   tick 5   (27 Jul)  the last and deadliest ambush during the retreat;
--   tick 6   (28 Jul)  survivors fall back on Kidal;
--   tick 7   (29 Jul)  Yusov's statement: HUR's covert help becomes a public support tie,
--                      event "acknowledgement";
--   tick 9   (31 Jul)  press reports of Moscow's anger at Algiers (scripted shift);
--   ack+6 / ack+8      Mali / Niger cut diplomatic ties with Ukraine if they are hostile enough;
--   haftar_day         the LNA column leaves Sabha toward Ghadames (to the Derj junction);
--   weekly, later      drone strikes, perhaps a new column (mali_front.lua).

sim.scenario{
  name = "tinzaouaten",
  description = "The Tinzaouaten ambush of Wagner and FAMa (July 2024), Ukraine's acknowledged support, Mali and Niger breaking with Kyiv, Moscow blaming Algiers, Haftar's move toward Ghadames.",
  start = "2024-07-22",
  steps = 120,
  source = "seeds/000_897de2a47dc8da2c.txt",
}

local haftar_day = sim.param("haftar_day", 17, { min = 0, max = 365,
  doc = "Day (after 22 Jul 2024) the LNA column leaves Sabha toward Ghadames; 17 = 8 Aug 2024, when LNA moves southwest were reported" })
local ukraine_support = sim.param("ukraine_support", 0.5, { min = 0.0, max = 1.0,
  doc = "Weight of HUR's help to the CSP (intelligence, drones): adds 200x fighters' worth of strength at Tinzaouaten and sharpens Mali's and Niger's reaction; 0 = no help and no acknowledgement" })
local moscow_blame = sim.param("moscow_blame", 0.2, { min = 0.0, max = 1.0,
  doc = "Drop of Russia's alignment toward Algeria when Moscow's anger is reported (31 Jul 2024)" })
local algeria_complicity = sim.param("algeria_complicity", true, {
  doc = "Keep the alleged algeria->csp support tie (as Bamako, Niamey and Moscow see it); false cuts it, so blame does not reach Algiers through ties" })
local counteroffensive = sim.param("counteroffensive", 0.03, { min = 0.0, max = 1.0,
  doc = "Weekly chance (at 500 Wagner in Kidal) that FAMa and Wagner send a new column to retake Tinzaouaten, from 5 Aug" })
local drone_rate = sim.param("drone_rate", 0.3, { min = 0.0, max = 1.0,
  doc = "Weekly chance of a Malian drone strike on Tinzaouaten" })
local rupture_at = sim.param("rupture_at", 0.0, { min = -1.0, max = 1.0,
  doc = "Russia's alignment toward Algeria below which the relationship counts as ruptured" })

-- The built-in dynamics run at their documented defaults (docs/dynamics.md: combat only between
-- agents at war, blame, structural balance, decay toward each pair's baseline, hysteresis on
-- thresholds, min_force); vary any of them with --param dynamics.NAME=VALUE.

local W = sim.include("world.lua")

-- Scenario-specific starting values.
if not algeria_complicity then sim.cut("algeria", "csp", "support") end
if ukraine_support <= 0 then
  sim.cut("hur", "csp", "covert_support")
  sim.align("hur", "csp", 0.2)       -- sympathy without help
else
  -- HUR's intelligence and drone know-how as extra fighting strength of the CSP at Tinzaouaten
  -- (the effectiveness of an agent is fixed at declaration, so it is expressed as strength).
  sim.deploy("csp", "tinzaouaten", 200 * ukraine_support)
end

local COLUMN = { wagner = 120, fama = 250 }  -- the convoy: a few dozen vehicles; Wagner's share as reported losses (20-80+) suggest

local wagner_start = W.total("wagner")     -- 1,500 (world.lua)
local st = { ack_tick = nil, ambush_loss = { wagner = 0, fama = 0, csp = 0, jnim = 0 }, mali_cut = false, niger_cut = false }

---------------------------------------------------------------------------------------------
-- The battle
---------------------------------------------------------------------------------------------

-- 23 July: the column drives the 234 km from Kidal and arrives the same day, before the fighting.
sim.at(1, function()
  sim.move("wagner", "kidal", "tinzaouaten", COLUMN.wagner)
  sim.move("fama", "kidal", "tinzaouaten", COLUMN.fama)
  sim.log("the FAMa/Wagner column from Kidal reaches Tinzaouaten")
end)

local function ambush(pairs_, days)
  for _, p in ipairs(pairs_) do
    local r = sim.clash{ attacker = p[1], defender = p[2], region = "tinzaouaten", days = days }
    st.ambush_loss[p[1]] = st.ambush_loss[p[1]] + r.attacker
    st.ambush_loss[p[2]] = st.ambush_loss[p[2]] + r.defender
  end
  sim.emit("ambush", { agents = { "csp", "jnim", "wagner", "fama" }, region = "tinzaouaten" })
end

-- 25 July: the column, waiting for reinforcements outside the town, is ambushed.
sim.at(3, function() ambush({ { "csp", "wagner" }, { "jnim", "fama" } }, 1) end)
-- 27 July: drones and suicide bombers hit the retreating column in a sandstorm (article): the
-- deadliest day, two days' worth of fire.
sim.at(5, function()
  ambush({ { "csp", "fama" }, { "jnim", "wagner" } }, 2)
  sim.log(string.format("ambush over: Wagner %.0f and FAMa %.0f left at Tinzaouaten",
    W.at("wagner", "tinzaouaten"), W.at("fama", "tinzaouaten")))
end)
-- 28 July: survivors fall back on Kidal.
sim.at(6, function()
  W.move("wagner", "tinzaouaten", "kidal")
  W.move("fama", "tinzaouaten", "kidal")
end)

---------------------------------------------------------------------------------------------
-- Diplomatic fallout
---------------------------------------------------------------------------------------------

-- 29 July: Andrii Yusov acknowledges HUR's help.
sim.at(7, function()
  if ukraine_support <= 0 then return end
  W.acknowledge_hur()
  sim.emit("acknowledgement", { agents = { "hur", "csp" }, by = "Andrii Yusov", weight = ukraine_support })
end)

sim.on("acknowledgement", function(ev)
  st.ack_tick = ev.tick
  local k = 0.2 + 0.4 * ukraine_support
  sim.shift("mali", "ukraine", -k)        -- Bamako: "open support to terrorism"
  sim.shift("niger", "ukraine", -k)       -- Niamey follows its AES partner
  sim.shift("mali", "hur", -0.3)
  sim.shift("fama", "hur", -0.3)
  sim.shift("wagner", "ukraine", -0.1)
  sim.shift("russia", "ukraine", -0.05)
  sim.shift("algeria", "ukraine", -0.05)  -- Algiers dislikes foreign services on its border
  sim.log("HUR acknowledges its support to the rebels (Yusov)")
end)

-- Mali (4 Aug) and Niger (6 Aug) cut ties, if they are hostile enough toward Kyiv by then.
sim.when(function()
  return st.ack_tick ~= nil and sim.tick() >= st.ack_tick + 6 and sim.alignment("mali", "ukraine") <= -0.5
end, function() st.mali_cut = W.cut_with_ukraine("mali") end)
sim.when(function()
  return st.ack_tick ~= nil and sim.tick() >= st.ack_tick + 8 and sim.alignment("niger", "ukraine") <= -0.5
end, function() st.niger_cut = W.cut_with_ukraine("niger") end)

-- 31 July: Moscow's anger at Algiers (article). The built-in blame already turns Wagner's and
-- FAMa's losses against Algeria through its support tie to the CSP (Algeria backs neither of
-- them); this adds the Kremlin's own.
sim.at("2024-07-31", function()
  sim.shift("russia", "algeria", -moscow_blame)
  sim.shift("algeria", "russia", -0.25 * moscow_blame)   -- Algiers resents the accusation
  sim.emit("blame", { agents = { "russia", "algeria" }, reason = "no warning of the ambush" })
  sim.log("Moscow blames Algiers for the ambush")
end)

---------------------------------------------------------------------------------------------
-- Haftar's move toward Ghadames
---------------------------------------------------------------------------------------------

sim.at(haftar_day, function()
  if W.move("lna", "sabha", "derj", 1500) then
    sim.shift("algeria", "lna", -0.1)      -- a threat on Algeria's eastern border
    sim.shift("gnu", "lna", -0.05)         -- Tripoli puts its forces on alert
    sim.shift("algeria", "russia", -0.03)  -- Haftar is Moscow's client
    sim.emit("lna_advance", { agents = { "lna" }, region = "derj", strength = 1500 })
    sim.log("LNA column leaves Sabha toward Ghadames")
  end
end)

-- Algeria answers the LNA's arrival near Ghadames by reinforcing Debdeb.
sim.on("arrival", function(ev)
  if ev.region == "derj" and W.has(ev.agents, "lna") then
    W.move("algeria", "ouargla", "debdeb", 1000)
  end
end)

---------------------------------------------------------------------------------------------
-- After the battle: drones, maybe a new column (mali_front.lua)
---------------------------------------------------------------------------------------------

local M = sim.include("mali_front.lua")
local front = M.install{ counteroffensive = counteroffensive, drone_rate = drone_rate, earliest = 14 }

---------------------------------------------------------------------------------------------
-- Metrics and outcomes
---------------------------------------------------------------------------------------------

sim.metric("russia_algeria", function() return sim.alignment("russia", "algeria") end)
sim.metric("algeria_russia", function() return sim.alignment("algeria", "russia") end)
sim.metric("wagner_algeria", function() return sim.alignment("wagner", "algeria") end)
sim.metric("mali_ukraine", function() return sim.alignment("mali", "ukraine") end)
sim.metric("wagner_strength", function() return W.total("wagner") + W.in_transit("wagner") end)
sim.metric("rebels_tinzaouaten", function() return W.at("csp", "tinzaouaten") + W.at("jnim", "tinzaouaten") end)
sim.metric("balance", function() return sim.balance() end)

sim.outcome("russia_algeria_rupture", function() return sim.alignment("russia", "algeria") < rupture_at end)
sim.outcome("russia_algeria", function() return sim.alignment("russia", "algeria") end)
sim.outcome("tinzaouaten_held_by", function() return W.holder("tinzaouaten") end)
sim.outcome("mali_ukraine_ties_cut", function() return not sim.tied("mali", "ukraine", "diplomatic") end)
sim.outcome("niger_ukraine_ties_cut", function() return not sim.tied("niger", "ukraine", "diplomatic") end)
sim.outcome("wagner_losses", function() return wagner_start - W.total("wagner") - W.in_transit("wagner") end)
sim.outcome("wagner_ambush_losses", function() return st.ambush_loss.wagner end)
sim.outcome("counteroffensives", function() return front.columns end)
sim.outcome("drone_strikes", function() return front.strikes end)
sim.outcome("civilians_killed", function() return front.civilians end)
