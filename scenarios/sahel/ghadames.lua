-- scenarios/sahel/ghadames.lua
--
-- Haftar's LNA moves toward the Ghadames-Debdeb border crossing with Algeria: do clashes with
-- Algeria follow? Seed article: seeds/000_897de2a47dc8da2c.txt ([A49] "Field Marshal Khalifa
-- Haftar ... has moved his troops to southwestern regions targeting the Ghadames-Dabdab border
-- crossing with Algeria"; [A47] analysts expect "more clashes" on Algeria's borders with the Sahel
-- and Libya). This scenario covers the Libyan border; the Sahel border is mali_front.lua's.
--
-- The run starts on 1 August 2024, a few days after the Tinzaouaten ambush (world.lua's
-- after_ambush: the losses, Moscow's anger at Algiers, Yusov's statement); Mali's and Niger's
-- breaks with Kyiv (4 and 6 August) come on their dates. The LNA, Algeria and the GNU act through
-- the policies of border.lua, which mix alignments, forces and chance: outcomes vary by seed.

sim.scenario{
  name = "ghadames",
  description = "Haftar's LNA advances on the Ghadames-Debdeb crossing (Aug 2024): does it clash with Algeria or with Tripoli's forces?",
  start = "2024-08-01",
  steps = 120,
  source = "seeds/000_897de2a47dc8da2c.txt",
}

local haftar_day = sim.param("haftar_day", 7, { min = 0, max = 121,
  doc = "Day (after 1 Aug 2024) the LNA column leaves Sabha toward Ghadames; 7 = 8 Aug 2024, when LNA moves southwest were reported; 121 = not within the run's 120 days" })
local lna_force = sim.param("lna_force", 1500, { min = 100, max = 4000,
  doc = "Men in the LNA column (drawn from the 4,000 at Sabha)" })
local algeria_alert = sim.param("algeria_alert", 0.6, { min = 0.0, max = 1.0,
  doc = "How readily and how heavily Algeria reinforces Debdeb and moves up to the border post (0 = passive, 1 = 2x the LNA force, fast)" })
local russian_backing = sim.param("russian_backing", 0.5, { min = 0.0, max = 1.0,
  doc = "Moscow's backing of Haftar: sets russia->lna alignment to 0.2+0.8x; above 0.5 adds an arms_supply tie, below 0.2 cuts the support tie" })
local gnu_resolve = sim.param("gnu_resolve", 0.5, { min = 0.0, max = 1.0,
  doc = "How hard Tripoli reinforces Ghadames: target GNU strength there as a share of the LNA force nearby" })
local restraint = sim.param("restraint", 0.9, { min = 0.0, max = 1.0,
  doc = "Weight of the 2020 ceasefire (UNSMIL's warnings, the Haftar-Dbeibah bargaining) in the LNA's choice to push into GNU-held Ghadames: the push chance is (1 - restraint) x its military drive; 0 = forces and backing alone (the old rule)" })
local rupture_at = sim.param("rupture_at", 0.0, { min = -1.0, max = 1.0, fixed = true,
  doc = "Russia's alignment toward Algeria below which the relationship counts as ruptured" })

-- The built-in dynamics run at their documented defaults (docs/dynamics.md: combat only between
-- agents at war, blame, structural balance, decay toward each pair's baseline, hysteresis on
-- thresholds, min_force); vary any of them with --param dynamics.NAME=VALUE.

local W = sim.include("world.lua")
-- The contested claims (world.lua): algeria_complicity, algeria_shelters_jnim, hur_helped_jnim,
-- algeria_knew. Allegations are off by default.
W.claims()
W.track_relations()
W.after_ambush{ schedule_cuts = true }

-- Russian backing of Haftar (param).
sim.align("russia", "lna", 0.2 + 0.8 * russian_backing)
if russian_backing > 0.5 then sim.tie("russia", "lna", "arms_supply") end
if russian_backing < 0.2 and sim.tied("russia", "lna", "support") then sim.cut("russia", "lna", "support") end

local B = sim.include("border.lua")
local st = B.install{
  haftar_day = haftar_day,
  lna_force = lna_force,
  algeria_alert = algeria_alert,
  gnu_resolve = gnu_resolve,
  decide_every = 2,
  restraint = restraint,
}

local lna_start = W.total("lna")

---------------------------------------------------------------------------------------------
-- Metrics
---------------------------------------------------------------------------------------------
sim.metric("algeria_lna", function() return sim.alignment("algeria", "lna") end)
sim.metric("lna_near_border", function()
  return W.at("lna", "derj") + W.at("lna", "ghadames") + W.at("lna", "crossing")
end)
sim.metric("algeria_border_force", function() return W.at("algeria", "debdeb") + W.at("algeria", "crossing") end)
sim.metric("gnu_ghadames", function() return W.at("gnu", "ghadames") end)
sim.metric("russia_algeria", function() return sim.alignment("russia", "algeria") end)
sim.metric("balance", function() return sim.balance() end)

---------------------------------------------------------------------------------------------
-- Outcomes
---------------------------------------------------------------------------------------------
sim.outcome("border_clash_algeria_lna", function() return st.border_clash end)  -- [A47] the Libyan border
sim.outcome("first_clash_day", function() return st.first_clash_day end)
sim.outcome("lna_at_crossing", function() return st.reached_crossing end)        -- got to the post at any time
sim.outcome("lna_holds_crossing", function() return W.at("lna", "crossing") >= 1 end) -- still there at the end
sim.outcome("lna_gnu_clash", function() return st.lna_gnu_clash end)
sim.outcome("lna_entered_ghadames", function() return st.entered_ghadames end)
sim.outcome("ghadames_held_by", function() return W.holder("ghadames") end)
sim.outcome("algeria_lna_alignment", function() return sim.alignment("algeria", "lna") end)
sim.outcome("lna_final_phase", function() return st.phase end)
sim.outcome("lna_losses", function() return lna_start - W.total("lna") - W.in_transit("lna") end)
sim.outcome("border_incidents", function() return st.incidents end)

---------------------------------------------------------------------------------------------
-- The record (sim.observed): what really happened, and whether this run reproduced it
---------------------------------------------------------------------------------------------

-- Mali cut diplomatic ties with Ukraine on 4 August 2024, Niger on 6 August (their governments'
-- statements). Scheduled by date here (world.lua's after_ambush): a check of the run, not a test.
sim.observed("mali_cuts_kyiv_4_aug", function() return W.cut_on_date("mali", "2024-08-04") end)
sim.observed("niger_cuts_kyiv_6_aug", function() return W.cut_on_date("niger", "2024-08-06") end)
-- No battle between the LNA and Tripoli's forces at Ghadames in August 2024, nor later in 2024:
-- the standoff ended without fighting (UNSMIL's statement of 9 August 2024; the LNA: its move
-- "targets no one").
sim.observed("no_lna_gnu_battle", function() return not st.lna_gnu_clash end)
-- The LNA did not enter Ghadames: the town stayed with Tripoli-aligned forces.
sim.observed("lna_did_not_enter_ghadames", function() return not st.entered_ghadames end)
-- No clash between Algeria and the LNA in 2024 (none reported on the Ghadames-Debdeb border).
sim.observed("no_algeria_lna_clash", function() return not st.border_clash end)
-- No rupture between Moscow and Algiers in 2024 (ambassadors stayed; no break announced).
sim.observed("no_russia_algeria_rupture", function() return W.no_rupture(rupture_at) end)
