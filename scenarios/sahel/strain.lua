-- scenarios/sahel/strain.lua
--
-- The strain between Moscow and Algiers over the Sahel, from Bogdanov's warning in April 2024
-- through the Tinzaouaten ambush to the end of 2024. Seed article: seeds/000_897de2a47dc8da2c.txt:
-- [A42] "Last April, Russian Deputy Foreign Minister Mikhail Bogdanov visited Algiers to deliver a
-- severe warning [A43] on behalf of leadership in Niger and Mali", who decry Algeria's ties with
-- [A44] the separatists and the Tuareg, [A45] JNIM and [A46] Imam Mahmoud Dicko; three months
-- later Moscow is angry with Algiers for failing to tip it off about Ukraine's support to the
-- rebels who ambushed Wagner.
--
-- Why a scenario of its own rather than tinzaouaten.lua started earlier: the warning is the start
-- of a strain the ambush deepens, and only a run that holds both can carry its effect (Algiers'
-- cooler stance toward Moscow makes its silence in July likelier). tinzaouaten.lua stays the short
-- reconstruction of the ambush that `make run` shows (and whose dates the tests pin).
--
-- The visit, beyond the article: Foreign Minister Ahmed Attaf received Bogdanov in Algiers on 13
-- April 2024, and Bogdanov co-chaired the Algerian-Russian political consultations on 14 April;
-- the message, per a source close to the talks (MENAS Associates, 23 April 2024): "Do not do like
-- France; never interfere in our internal affairs again; stop supporting radical movements that
-- threaten our security; and maintain no contact with our national opponents."
--
-- Timeline (tick 0 = 12 April 2024, 263 days to 31 December 2024):
--   13 Apr     Bogdanov's warning in Algiers (event "bogdanov_warning");
--   April-July the world of world.lua: nothing public records a change of these relations in
--              between besides the AES confederation (6 July), an alliance that already held;
--   23-31 Jul  the battle of Tinzaouaten, Algeria's silence, Yusov's statement, Moscow's reckoning
--              (ambush.lua, as in tinzaouaten.lua);
--   4 / 6 Aug  Mali / Niger cut diplomatic ties with Ukraine;
--   haftar_day the LNA sets out toward Ghadames (border.lua, as in ghadames.lua);
--   from 28 Jul the Tinzaouaten front and Algeria's Sahel border (mali_front.lua).

sim.scenario{
  name = "strain",
  description = "Moscow and Algiers from Bogdanov's warning (April 2024) through the Tinzaouaten ambush and Algeria's silence to the end of 2024: does the strain become a rupture?",
  start = "2024-04-12",
  steps = 263,
  source = "seeds/000_897de2a47dc8da2c.txt",
}

local bogdanov = sim.param("bogdanov_warning", 1.0, { min = 0.0, max = 1.0,
  doc = "Severity of Bogdanov's warning in Algiers (13 Apr 2024): 1 = as reported (a 'severe warning'), 0 = no visit" })
local ukraine_support = sim.param("ukraine_support", 0.5, { min = 0.0, max = 1.0,
  doc = "Weight of HUR's help to the rebels (as in tinzaouaten.lua)" })
local moscow_blame = sim.param("moscow_blame", 0.2, { min = 0.0, max = 1.0,
  doc = "Drop of Russia's alignment toward Algeria when Moscow's anger at Algiers' silence is reported (31 Jul 2024), at 200 Wagner and FAMa dead" })
local haftar_day = sim.param("haftar_day", 118, { min = 0, max = 264,
  doc = "Day (after 12 Apr 2024) the LNA column leaves Sabha toward Ghadames; 118 = 8 Aug 2024; 264 = not within the run's 263 days" })
local algeria_alert = sim.param("algeria_alert", 0.6, { min = 0.0, max = 1.0,
  doc = "How readily and how heavily Algeria reinforces its Libyan border (as in ghadames.lua)" })
local restraint = sim.param("restraint", 0.9, { min = 0.0, max = 1.0,
  doc = "Weight of the 2020 ceasefire in the LNA's choice to push into GNU-held Ghadames (as in ghadames.lua)" })
local counteroffensive = sim.param("counteroffensive", 0.03, { min = 0.0, max = 1.0,
  doc = "Weekly chance (at 500 Wagner in Kidal) of a new FAMa/Wagner column to retake Tinzaouaten, from 5 Aug" })
local drone_rate = sim.param("drone_rate", 0.3, { min = 0.0, max = 1.0,
  doc = "Weekly chance of a Malian drone strike on Tinzaouaten, from 28 Jul" })
local rupture_at = sim.param("rupture_at", 0.0, { min = -1.0, max = 1.0, fixed = true,
  doc = "Russia's alignment toward Algeria below which the relationship counts as ruptured" })

-- The built-in dynamics run at their documented defaults (docs/dynamics.md); vary any of them with
-- --param dynamics.NAME=VALUE.

local W = sim.include("world.lua")
-- The contested claims (world.lua): algeria_complicity, algeria_shelters_jnim, hur_helped_jnim,
-- algeria_knew. Allegations are off by default.
local claims = W.claims()
W.track_relations()

---------------------------------------------------------------------------------------------
-- 13 April 2024: Bogdanov's warning [A13] [A42] [A43]
---------------------------------------------------------------------------------------------

-- Russia speaks for the AES [A43]: Moscow takes Bamako's and Niamey's side against Algiers, and
-- they warm to their go-between. A warning is a lasting change of stance, not an episode: half of
-- each shift moves the baseline (sim.baseline), half is a shift that decays. Algiers' reaction is
-- this scenario's assumption (the sources report no answer): it resents the threat ("you will
-- suffer the same fate as France") and keeps its ties; nothing shows it cut them.
-- lasting(a, b, d): half of d moves the baseline of a toward b, half is a shift that decays.
local function lasting(a, b, d)
  sim.baseline(a, b, sim.baseline(a, b) + d / 2)
  sim.shift(a, b, d / 2)
end
sim.at("2024-04-13", function()
  if bogdanov <= 0 then return end

  local k = bogdanov
  -- [A44] [A45] [A46] The grievances it carried: the separatists, JNIM, Dicko.
  sim.emit("bogdanov_warning", { agents = { "russia", "algeria" }, region = "algiers",  -- [A18] in Algiers
    by = "Deputy Foreign Minister Mikhail Bogdanov", on_behalf_of = "mali, niger",
    about = "ties with the separatists and the Tuareg, JNIM, Imam Mahmoud Dicko", severity = k })
  lasting("russia", "algeria", -0.1 * k)   -- Moscow sides with the AES
  lasting("algeria", "russia", -0.1 * k)   -- Algiers resents the threat
  sim.shift("mali", "russia", 0.03 * k)    -- the go-between delivered
  sim.shift("niger", "russia", 0.03 * k)
  sim.shift("algeria", "mali", -0.05 * k)  -- Algiers knows whose message it was
  sim.shift("algeria", "niger", -0.05 * k)
  sim.shift("russia", "dicko", -0.05 * k)  -- [A14] Dicko, one of the "national opponents"
  sim.log("Bogdanov delivers a severe warning in Algiers on behalf of Mali and Niger")
end)

---------------------------------------------------------------------------------------------
-- July: the battle, Algeria's silence and the fallout (ambush.lua)
---------------------------------------------------------------------------------------------

local wagner_start = W.total("wagner")
local A = sim.include("ambush.lua")
local amb = A.install{ ukraine_support = ukraine_support, moscow_blame = moscow_blame, claims = claims }

---------------------------------------------------------------------------------------------
-- August on: the Libyan border (border.lua) and the Tinzaouaten front (mali_front.lua)
---------------------------------------------------------------------------------------------

local B = sim.include("border.lua")
local border = B.install{ haftar_day = haftar_day, lna_force = 1500, algeria_alert = algeria_alert,
  gnu_resolve = 0.5, decide_every = 2, restraint = restraint }
local M = sim.include("mali_front.lua")
local front = M.install{ counteroffensive = counteroffensive, drone_rate = drone_rate,
  from = "2024-07-28", earliest = "2024-08-05" }

---------------------------------------------------------------------------------------------
-- Metrics and outcomes
---------------------------------------------------------------------------------------------

sim.metric("russia_algeria", function() return sim.alignment("russia", "algeria") end)
sim.metric("algeria_russia", function() return sim.alignment("algeria", "russia") end)
sim.metric("mali_algeria", function() return sim.alignment("mali", "algeria") end)
sim.metric("algeria_mali", function() return sim.alignment("algeria", "mali") end)
sim.metric("wagner_strength", function() return W.total("wagner") + W.in_transit("wagner") end)
sim.metric("lna_near_border", function()
  return W.at("lna", "derj") + W.at("lna", "ghadames") + W.at("lna", "crossing")
end)
sim.metric("balance", function() return sim.balance() end)

sim.outcome("russia_algeria_rupture", function() return sim.alignment("russia", "algeria") < rupture_at end)
sim.outcome("russia_algeria", function() return sim.alignment("russia", "algeria") end)
sim.outcome("algeria_russia", function() return sim.alignment("algeria", "russia") end)
sim.outcome("russia_algeria_low", function() return math.min(W.relations.low, sim.alignment("russia", "algeria")) end)
sim.outcome("algeria_warn_chance", function() return amb.p_warn end)   -- 0 when Algiers did not know
sim.outcome("algeria_knew", function() return claims.draw_knew() end)
sim.outcome("algeria_warned", function() return amb.warned end)
sim.outcome("cooperation_breach", function() return W.silence.breach end)
sim.outcome("wagner_battle_losses", function() return amb.battle_loss.wagner end)
sim.outcome("wagner_losses", function() return wagner_start - W.total("wagner") - W.in_transit("wagner") end)
sim.outcome("tinzaouaten_held_by", function() return W.holder("tinzaouaten") end)
sim.outcome("mali_ukraine_ties_cut", function() return not sim.tied("mali", "ukraine", "diplomatic") end)
sim.outcome("niger_ukraine_ties_cut", function() return not sim.tied("niger", "ukraine", "diplomatic") end)
sim.outcome("border_clash_algeria_lna", function() return border.border_clash end)
sim.outcome("lna_gnu_clash", function() return border.lna_gnu_clash end)
sim.outcome("sahel_border_clash", function() return M.sahel_border_clashes() > 0 end)
sim.outcome("drone_strikes", function() return front.strikes end)

---------------------------------------------------------------------------------------------
-- The record (sim.observed): what really happened, and whether this run reproduced it
---------------------------------------------------------------------------------------------

-- Algiers did not tip Moscow off: Moscow's stated grievance (the article; press reports of
-- 31 July-early August 2024).
sim.observed("algeria_did_not_warn", function() return not amb.warned end)
-- Wagner "admitted it suffered heavy losses" (the article): at least 20 dead in 25-27 July
-- (Wagner's own channels and African Initiative: 20-25+; CSP claims of 2 August: 84).
sim.observed("wagner_heavy_losses", function() return amb.battle_loss.wagner >= 20 end)
-- Mali cut diplomatic ties with Ukraine on 4 August 2024, Niger on 6 August (their governments'
-- statements).
sim.observed("mali_cuts_kyiv_4_aug", function() return W.cut_on_date("mali", "2024-08-04") end)
sim.observed("niger_cuts_kyiv_6_aug", function() return W.cut_on_date("niger", "2024-08-06") end)
-- No rupture between Moscow and Algiers by the end of 2024 (ambassadors stayed; no break
-- announced by either capital).
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
