-- scenarios/sahel/russia_response.lua
--
-- Russia's options after the Tinzaouaten ambush. Seed article: seeds/000_897de2a47dc8da2c.txt:
-- [A48] "Russia is weighing all its options against Algerian rulers", while Haftar's LNA moves
-- toward the Ghadames-Dabdab crossing and Algeria's borders "will see more clashes".
--
-- The article names no option. The menu below, its effects, costs and weights are this scenario's
-- own invention (plausible, not sourced): two options are "against Algerian rulers" as the article
-- says (pressure_algiers, back_haftar), and two are alternatives the scenario adds to test them
-- against (reinforce_mali, accommodate).
--
-- The run starts on 1 August 2024, after the ambush (world.lua's after_ambush: the column's
-- losses, Moscow's anger at Algiers, Yusov's statement; Mali and Niger break with Kyiv on 4 and
-- 6 August). Every `decide_every` days Russia picks one option with sim.choose, weighted by the
-- params:
--
--   pressure_algiers  warnings and pressure on Algiers; may suspend the intelligence cooperation
--   reinforce_mali    200 more contractors to Kidal (Wagner / Africa Corps), paid by Moscow
--   back_haftar       arms and Africa Corps men for the LNA; relaunches its advance if stalled
--   accommodate       mend fences with Algiers (credits, restored intelligence cooperation),
--                     rein in Haftar
--
-- The Libyan border (border.lua) and the Tinzaouaten front (mali_front.lua) run as in the other
-- scenarios, so Russia's choices feed back through alignments, ties and forces.

sim.scenario{
  name = "russia_response",
  description = "Russia chooses, week by week, between pressuring Algiers, reinforcing Mali, backing Haftar toward the Algerian border, or accommodating Algiers (Aug-Nov 2024).",
  start = "2024-08-01",
  steps = 120,
  source = "seeds/000_897de2a47dc8da2c.txt",
}

local pressure_weight = sim.param("pressure_weight", 0.25, { min = 0.0, max = 1.0,
  doc = "Weight of `pressure_algiers` in Russia's choice" })
local reinforce_weight = sim.param("reinforce_weight", 0.4, { min = 0.0, max = 1.0,
  doc = "Weight of `reinforce_mali` in Russia's choice" })
local haftar_weight = sim.param("haftar_weight", 0.2, { min = 0.0, max = 1.0,
  doc = "Weight of `back_haftar` in Russia's choice" })
local accommodate_weight = sim.param("accommodate_weight", 0.35, { min = 0.0, max = 1.0,
  doc = "Weight of `accommodate` in Russia's choice" })
local haftar_day = sim.param("haftar_day", 7, { min = 0, max = 121,
  doc = "Day (after 1 Aug 2024) the LNA column leaves Sabha toward Ghadames; 7 = 8 Aug 2024; 121 = not within the run's 120 days" })
local decide_every = sim.param("decide_every", 7, { min = 1, max = 60,
  doc = "Days between two Russian decisions" })
local algeria_alert = sim.param("algeria_alert", 0.6, { min = 0.0, max = 1.0,
  doc = "How readily and how heavily Algeria reinforces its Libyan border (as in ghadames.lua)" })
local rupture_at = sim.param("rupture_at", 0.0, { min = -1.0, max = 1.0, fixed = true,
  doc = "Russia's alignment toward Algeria below which the relationship counts as ruptured" })
local restraint = sim.param("restraint", 0.9, { min = 0.0, max = 1.0,
  doc = "Weight of the 2020 ceasefire in the LNA's choice to push into GNU-held Ghadames (as in ghadames.lua)" })

-- The built-in dynamics run at their documented defaults (docs/dynamics.md: combat only between
-- agents at war, blame, structural balance, decay toward each pair's baseline, hysteresis on
-- thresholds, min_force); vary any of them with --param dynamics.NAME=VALUE.

local W = sim.include("world.lua")
-- The contested claims (world.lua): algeria_complicity, algeria_shelters_jnim, hur_helped_jnim,
-- algeria_knew. Allegations are off by default.
W.claims()
W.track_relations()
W.after_ambush{ schedule_cuts = true }

local B = sim.include("border.lua")
local border = B.install{
  haftar_day = haftar_day, lna_force = 1500, algeria_alert = algeria_alert,
  gnu_resolve = 0.5, decide_every = 2, restraint = restraint,
}
local M = sim.include("mali_front.lua")
local front = M.install{ counteroffensive = 0.03, drone_rate = 0.3, earliest = "2024-08-08" }

---------------------------------------------------------------------------------------------
-- Russia's options
---------------------------------------------------------------------------------------------

local OPTIONS = { "pressure_algiers", "reinforce_mali", "back_haftar", "accommodate" }
local st = { counts = {}, spent = 0, wagner_added = 0, intel_suspended = false, last = "none",
  intel_changed = -1000, intel_changes = 0 }
for _, o in ipairs(OPTIONS) do st.counts[o] = 0 end

local function spend(musd)
  sim.add("russia", "funds", -musd)
  st.spent = st.spent + musd
end

local EFFECTS = {}

-- Intelligence cooperation is an institution, not a mood: suspending it and restoring it cost
-- credibility each time. Without a cost it was cut and restored up to six times in 120 days in
-- 13% of runs. Now a suspension lasts at least INTEL_MIN_DAYS, a restored cooperation is not
-- suspended again for as long, and Moscow restores it only once it stands toward Algiers at
-- INTEL_RESTORE_AT or more (most of the way back to its pre-ambush 0.55). In a 120-day run it
-- changes at most twice.
local INTEL_MIN_DAYS = 60
local INTEL_RESTORE_AT = 0.4

function EFFECTS.pressure_algiers()
  sim.shift("russia", "algeria", -0.10)     -- warnings, as Bogdanov's in April 2024 (article)
  sim.shift("algeria", "russia", -0.07)     -- Algiers bristles at pressure
  sim.shift("algeria", "lna", -0.02)        -- and sees Haftar as Moscow's lever
  spend(5)                                  -- envoys, media campaign
  if sim.tied("russia", "algeria", "intel_sharing") and sim.tick() - st.intel_changed >= INTEL_MIN_DAYS
    and sim.chance(0.25) then
    sim.cut("russia", "algeria", "intel_sharing", { mutual = true })
    st.intel_suspended = true
    st.intel_changed, st.intel_changes = sim.tick(), st.intel_changes + 1
    sim.log("Russia suspends intelligence cooperation with Algeria")
  end
  sim.emit("pressure", { agents = { "russia", "algeria" } })
end

local WAGNER_CAP = 4000                     -- contractors Moscow can field in Mali (Africa Corps recruiting is slow)

function EFFECTS.reinforce_mali()
  if W.total("wagner") + W.in_transit("wagner") + 200 > WAGNER_CAP then
    sim.shift("mali", "russia", 0.01)       -- only promises left
    sim.emit("reinforcement", { agents = { "russia", "wagner" }, region = "kidal", strength = 0 })
    return
  end
  sim.deploy("wagner", "kidal", 200)        -- a rotation of contractors flown to Kidal
  sim.add("wagner", "strength", 200)
  sim.add("russia", "strength", -200)
  st.wagner_added = st.wagner_added + 200
  spend(30)                                 -- ~USD 150k a man-year, for about a year
  sim.shift("mali", "russia", 0.03)         -- Bamako reassured
  sim.shift("fama", "wagner", 0.03)
  sim.shift("algeria", "russia", -0.02)     -- more Russian fighters near Algeria's border
  sim.shift("algeria", "wagner", -0.03)
  sim.shift("csp", "russia", -0.03)
  sim.emit("reinforcement", { agents = { "russia", "wagner" }, region = "kidal", strength = 200 })
end

function EFFECTS.back_haftar()
  sim.tie("russia", "lna", "arms_supply")   -- tie_made the first time
  sim.shift("russia", "lna", 0.08)
  sim.shift("lna", "russia", 0.05)
  if W.at("lna", "sabha") < 8000 then       -- the Fezzan cannot absorb more than this
    sim.deploy("russia", "sabha", 100)      -- more Africa Corps men in the Fezzan
    sim.deploy("lna", "sabha", 300)         -- equipment and recruits for Haftar's southern units
    sim.add("lna", "funds", 50)
    spend(50)                               -- arms and pay
  end
  sim.shift("algeria", "russia", -0.06)     -- Algiers sees Moscow arming a threat on its border
  sim.shift("russia", "algeria", -0.03)
  sim.shift("gnu", "russia", -0.05)
  if sim.tick() >= haftar_day then B.launch(1500) end   -- restart a stalled advance
  sim.emit("haftar_backed", { agents = { "russia", "lna" } })
end

function EFFECTS.accommodate()
  sim.shift("russia", "algeria", 0.08)      -- the "traditional ally" is worth keeping
  sim.shift("algeria", "russia", 0.06)
  if not sim.tied("russia", "algeria", "intel_sharing") and sim.tick() - st.intel_changed >= INTEL_MIN_DAYS
    and sim.alignment("russia", "algeria") >= INTEL_RESTORE_AT then
    sim.tie("russia", "algeria", "intel_sharing", { mutual = true })
    st.intel_suspended = false
    st.intel_changed, st.intel_changes = sim.tick(), st.intel_changes + 1
    sim.log("Russia restores intelligence cooperation with Algeria")
  end
  sim.shift("russia", "lna", -0.04)         -- rein in Haftar
  sim.shift("mali", "russia", -0.02)        -- Bamako dislikes the courting of Algiers
  spend(20)                                 -- credits, arms-deal terms
  sim.emit("accommodation", { agents = { "russia", "algeria" } })
end

sim.policy("russia", function(self)
  local choices = {
    { pressure_weight, "pressure_algiers" },
    { reinforce_weight, "reinforce_mali" },
    { haftar_weight, "back_haftar" },
    { accommodate_weight, "accommodate" },
  }
  local total = pressure_weight + reinforce_weight + haftar_weight + accommodate_weight
  if total <= 0 then return end             -- all weights 0: Russia does nothing
  local c = sim.choose(choices)
  st.counts[c] = st.counts[c] + 1
  st.last = c
  EFFECTS[c]()
  sim.log("Russia: " .. c)
end, { every = decide_every })

---------------------------------------------------------------------------------------------
-- Metrics and outcomes
---------------------------------------------------------------------------------------------

local wagner_start = W.total("wagner")

sim.metric("russia_algeria", function() return sim.alignment("russia", "algeria") end)
sim.metric("algeria_russia", function() return sim.alignment("algeria", "russia") end)
sim.metric("algeria_lna", function() return sim.alignment("algeria", "lna") end)
sim.metric("russia_funds_spent", function() return st.spent end)
sim.metric("wagner_strength", function() return W.total("wagner") + W.in_transit("wagner") end)
sim.metric("lna_near_border", function()
  return W.at("lna", "derj") + W.at("lna", "ghadames") + W.at("lna", "crossing")
end)
sim.metric("balance", function() return sim.balance() end)

sim.outcome("russia_algeria_rupture", function() return sim.alignment("russia", "algeria") < rupture_at end)
sim.outcome("russia_algeria", function() return sim.alignment("russia", "algeria") end)
sim.outcome("algeria_russia", function() return sim.alignment("algeria", "russia") end)
sim.outcome("intel_sharing_suspended", function() return not sim.tied("russia", "algeria", "intel_sharing") end)
sim.outcome("intel_sharing_changes", function() return st.intel_changes end)   -- suspensions + restorations
sim.outcome("border_clash_algeria_lna", function() return border.border_clash end)
sim.outcome("first_clash_day", function() return border.first_clash_day end)
sim.outcome("lna_at_crossing", function() return border.reached_crossing end)   -- got to the post at any time
sim.outcome("russia_main_choice", function()
  local best, n = "none", 0
  for _, o in ipairs(OPTIONS) do
    if st.counts[o] > n then best, n = o, st.counts[o] end
  end
  return best
end)
sim.outcome("russia_funds_spent", function() return st.spent end)
sim.outcome("n_pressure_algiers", function() return st.counts.pressure_algiers end)
sim.outcome("n_reinforce_mali", function() return st.counts.reinforce_mali end)
sim.outcome("n_back_haftar", function() return st.counts.back_haftar end)
sim.outcome("n_accommodate", function() return st.counts.accommodate end)
sim.outcome("tinzaouaten_held_by", function() return W.holder("tinzaouaten") end)
sim.outcome("wagner_losses", function()
  return wagner_start + st.wagner_added - W.total("wagner") - W.in_transit("wagner")
end)
sim.outcome("mali_ukraine_ties_cut", function() return not sim.tied("mali", "ukraine", "diplomatic") end)
sim.outcome("lna_gnu_clash", function() return border.lna_gnu_clash end)
sim.outcome("sahel_border_clash", function() return M.sahel_border_clashes() > 0 end)

---------------------------------------------------------------------------------------------
-- The record (sim.observed): what really happened, and whether this run reproduced it
---------------------------------------------------------------------------------------------

-- Mali cut diplomatic ties with Ukraine on 4 August 2024, Niger on 6 August (their governments'
-- statements). Scheduled by date here (world.lua's after_ambush): a check of the run, not a test.
sim.observed("mali_cuts_kyiv_4_aug", function() return W.cut_on_date("mali", "2024-08-04") end)
sim.observed("niger_cuts_kyiv_6_aug", function() return W.cut_on_date("niger", "2024-08-06") end)
-- No rupture between Moscow and Algiers in 2024 (ambassadors stayed; no break announced).
sim.observed("no_russia_algeria_rupture", function() return W.no_rupture(rupture_at) end)
-- No battle between the LNA and Tripoli's forces at Ghadames in 2024 (UNSMIL, 9 August 2024: the
-- mobilisation ended in de-escalation).
sim.observed("no_lna_gnu_battle", function() return not border.lna_gnu_clash end)
-- No clash between Algeria and the LNA in 2024.
sim.observed("no_algeria_lna_clash", function() return not border.border_clash end)
-- Bamako did not retake Tinzaouaten in 2024 (the rebels, the FLA from November, held it).
sim.observed("tinzaouaten_not_retaken", function() return not front.retaken end)
-- Malian drone strikes near Tinzaouaten in August 2024 (25 August: civilians killed; Algeria
-- protested at the UN Security Council).
sim.observed("drone_strikes_in_august", function() return M.struck_between("2024-08-01", "2024-08-31") end)
-- No clash on Algeria's Sahel border in 2024 (the first: a Malian drone downed on 1 April 2025).
sim.observed("no_sahel_border_clash", function() return M.sahel_border_clashes() == 0 end)
