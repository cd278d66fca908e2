-- scenarios/sahel/tinzaouaten.lua
--
-- The Tinzaouaten ambush (23-27 July 2024) and its diplomatic fallout. Seed article:
-- seeds/000_897de2a47dc8da2c.txt. Wagner and FAMa "fought fierce battles over a five-day period"
-- near Tinzaouaten against Tuareg separatists (CSP) and JNIM, who "used heavy weapons, drones,
-- and suicide bombers", and were ambushed "while waiting for reinforcements, after retreating
-- from Tinzaouaten". Ukraine's military intelligence (HUR, spokesman Andrii Yusov) acknowledged
-- supporting the rebels; Mali and Niger cut diplomatic ties with Ukraine (4 and 6 August 2024);
-- Moscow is angry with Algiers for failing to tip it off; Haftar's LNA moves toward the
-- Ghadames-Debdeb crossing with Algeria.
--
-- Timeline (tick 0 = 22 July 2024; the battle, Algeria's silence and the cuts are ambush.lua's):
--   23 Jul   the FAMa/Wagner column leaves Kidal (Wagner's five days: 23-27 July); Algiers, if it
--            knows of HUR's help, tips Moscow off or stays silent;
--   24 Jul   an IED on the way;
--   25 Jul   the battle for the town (reported fighting: 25-27 July);
--   26 Jul   sandstorm: the column retreats from Tinzaouaten and waits for reinforcements;
--   27 Jul   the ambush of the waiting column, the deadliest day;
--   28 Jul   survivors fall back on Kidal;
--   29 Jul   Yusov's statement: HUR's covert help becomes public support, event "acknowledgement";
--   31 Jul   Moscow's reckoning with Algiers' silence (events "cooperation_breach", "blame");
--   4 / 6 Aug  Mali / Niger cut diplomatic ties with Ukraine if they are hostile enough;
--   haftar_day the LNA column leaves Sabha toward Ghadames (to the Derj junction);
--   weekly     drone strikes, perhaps a new column, incidents on Algeria's Sahel border (mali_front.lua).

sim.scenario{
  name = "tinzaouaten",
  description = "The Tinzaouaten ambush of Wagner and FAMa (July 2024), Algeria's silence, Ukraine's acknowledged support, Mali and Niger breaking with Kyiv, Moscow blaming Algiers, Haftar's move toward Ghadames.",
  start = "2024-07-22",
  steps = 120,
  source = "seeds/000_897de2a47dc8da2c.txt",
}

local haftar_day = sim.param("haftar_day", 17, { min = 0, max = 121,
  doc = "Day (after 22 Jul 2024) the LNA column leaves Sabha toward Ghadames; 17 = 8 Aug 2024, when LNA moves southwest were reported; 121 = not within the run's 120 days" })
local ukraine_support = sim.param("ukraine_support", 0.5, { min = 0.0, max = 1.0,
  doc = "Weight of HUR's help to the rebels (intelligence, drones): adds 200x fighters' worth of strength at Tinzaouaten and sharpens Mali's and Niger's reaction; 0 = no help and no acknowledgement" })
local moscow_blame = sim.param("moscow_blame", 0.2, { min = 0.0, max = 1.0,
  doc = "Drop of Russia's alignment toward Algeria when Moscow's anger at Algiers' silence is reported (31 Jul 2024), at 200 Wagner and FAMa dead" })
local counteroffensive = sim.param("counteroffensive", 0.03, { min = 0.0, max = 1.0,
  doc = "Weekly chance (at 500 Wagner in Kidal) that FAMa and Wagner send a new column to retake Tinzaouaten, from 5 Aug" })
local drone_rate = sim.param("drone_rate", 0.3, { min = 0.0, max = 1.0,
  doc = "Weekly chance of a Malian drone strike on Tinzaouaten" })
local rupture_at = sim.param("rupture_at", 0.0, { min = -1.0, max = 1.0, fixed = true,
  doc = "Russia's alignment toward Algeria below which the relationship counts as ruptured" })

-- The built-in dynamics run at their documented defaults (docs/dynamics.md: combat only between
-- agents at war, blame, structural balance, decay toward each pair's baseline, hysteresis on
-- thresholds, min_force); vary any of them with --param dynamics.NAME=VALUE.

local W = sim.include("world.lua")
-- The contested claims (world.lua): algeria_complicity, algeria_shelters_jnim, hur_helped_jnim,
-- algeria_knew. Allegations are off by default.
local claims = W.claims()
W.track_relations()

local wagner_start = W.total("wagner")     -- 1,500 (world.lua)

---------------------------------------------------------------------------------------------
-- The battle, Algeria's silence and the fallout (ambush.lua)
---------------------------------------------------------------------------------------------

local A = sim.include("ambush.lua")
local st = A.install{ ukraine_support = ukraine_support, moscow_blame = moscow_blame, claims = claims }

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
-- After the battle: drones, maybe a new column, Algeria's Sahel border (mali_front.lua)
---------------------------------------------------------------------------------------------

local M = sim.include("mali_front.lua")
local front = M.install{ counteroffensive = counteroffensive, drone_rate = drone_rate,
  from = "2024-07-28", earliest = "2024-08-05" }

---------------------------------------------------------------------------------------------
-- Metrics and outcomes
---------------------------------------------------------------------------------------------

-- [A39] "tensions running high" between Moscow and Algiers: both sides' stance, every day.
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
-- [A26] Wagner's "heavy losses" and [A27] the "death of Wagner members and Malian allies".
sim.outcome("wagner_battle_losses", function() return st.battle_loss.wagner end)   -- 23-28 July
sim.outcome("fama_battle_losses", function() return st.battle_loss.fama end)
sim.outcome("algeria_knew", function() return claims.draw_knew() end)
sim.outcome("algeria_warned", function() return st.warned end)
sim.outcome("cooperation_breach", function() return W.silence.breach end)
sim.outcome("counteroffensives", function() return front.columns end)
sim.outcome("drone_strikes", function() return front.strikes end)
sim.outcome("civilians_killed", function() return front.civilians end)
sim.outcome("sahel_border_clash", function() return M.sahel_border_clashes() > 0 end)

---------------------------------------------------------------------------------------------
-- The record (sim.observed): what really happened, and whether this run reproduced it
---------------------------------------------------------------------------------------------

-- Algiers did not tip Moscow off: Moscow's stated grievance (the article; press reports of
-- 31 July-early August 2024).
sim.observed("algeria_did_not_warn", function() return not st.warned end)
-- [A26] Wagner "admitted it suffered heavy losses" (the article): at least 20 dead in 25-27 July
-- (Wagner's own channels and African Initiative: 20-25+; CSP claims of 2 August: 84).
sim.observed("wagner_heavy_losses", function() return st.battle_loss.wagner >= 20 end)
-- Mali cut diplomatic ties with Ukraine on 4 August 2024 (government communique of 4 August).
sim.observed("mali_cuts_kyiv_4_aug", function() return W.cut_on_date("mali", "2024-08-04") end)
-- Niger did on 6 August 2024 (statement of the CNSP government, 6 August).
sim.observed("niger_cuts_kyiv_6_aug", function() return W.cut_on_date("niger", "2024-08-06") end)
-- No rupture between Moscow and Algiers in 2024: ambassadors stayed, Algeria's arms purchases and
-- the strategic partnership went on (no break announced by either capital).
sim.observed("no_russia_algeria_rupture", function() return W.no_rupture(rupture_at) end)
-- Bamako did not retake Tinzaouaten in 2024: the rebels (the FLA from November 2024) held it;
-- the October 2024 column only reached the ambush site to recover bodies.
sim.observed("tinzaouaten_not_retaken", function() return not front.retaken end)
-- Malian drone strikes near the town in August 2024 (25 August: strikes on Tinzaouaten, civilians
-- killed; Algeria protested at the UN Security Council).
sim.observed("drone_strikes_in_august", function() return M.struck_between("2024-08-01", "2024-08-31") end)
-- No clash on Algeria's Sahel border in 2024: the first, Algeria downing a Malian drone near
-- Tinzaouaten, was on 31 March-1 April 2025.
sim.observed("no_sahel_border_clash", function() return M.sahel_border_clashes() == 0 end)
