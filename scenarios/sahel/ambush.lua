-- scenarios/sahel/ambush.lua
--
-- The battle of Tinzaouaten (23-27 July 2024), Algeria's silence before it, and the diplomatic
-- fallout until Mali's and Niger's breaks with Kyiv; shared by tinzaouaten.lua and strain.lua.
-- Seed article: seeds/000_897de2a47dc8da2c.txt. [A22] Wagner and FAMa were ambushed near
-- Tinzaouaten by Tuareg separatists and JNIM, [A23] "while waiting for reinforcements, after
-- retreating from Tinzaouaten", after [A24] "fierce battles over a five-day period" against rebels
-- who [A25] "used heavy weapons, drones, and suicide bombers".
--
-- The dates, beyond the article [A51]: the battle was reported from 25 to 27 July 2024 (the rebels
-- hit the convoy heading to Tinzaouaten on 25 July, a sandstorm on 26 July, the deadliest ambush on
-- 27 July: Wikipedia, "Battle of Tinzaouaten (2024)", and the press of 27-29 July). Wagner's
-- statement of 29 July (TASS) tells of a first day of fighting before the sandstorm, of renewed
-- attacks on 25 July, of "heavy weapons, drones and car bombs" over the next two days, and of its
-- command's decision to send reinforcements. The article's five days are Wagner's count, 23-27 July.
--
--   23 Jul  the FAMa/Wagner column leaves Kidal on search operations and reaches the outskirts of
--           Tinzaouaten (Wagner's day 1). Algiers, if it knows of HUR's help, decides whether to
--           tip Moscow off: the last day a warning could change anything;
--   24 Jul  an IED in the Tamassahart valley on the way (Wagner's "first day" of fighting);
--   25 Jul  the column advances on Tinzaouaten: built-in combat with the CSP and JNIM in the town;
--   26 Jul  sandstorm: the column retreats from Tinzaouaten to the outskirts and waits for the
--           reinforcements Wagner's command ordered; the rebels regroup and follow it;
--   27 Jul  the ambush of the waiting column: heavy weapons (scripted clashes), drones and suicide
--           car bombs (losses). A column Moscow was warned about does not wait in the open: it falls
--           back on Kidal on 26 July and the ambush finds nobody;
--   28 Jul  survivors fall back on Kidal, the rebels return to the town;
--   29 Jul  Yusov's statement; 31 Jul Moscow's reckoning with Algiers; 4 and 6 Aug Mali's and
--           Niger's breaks with Kyiv.
--
-- A.install{ukraine_support=, moscow_blame=, claims=} registers it all and returns the state table.

local W = sim.include("world.lua")
local A = {}

-- The convoy: a few dozen vehicles. Wagner's share as its reported losses (25-84) suggest.
A.COLUMN = { wagner = 120, fama = 250 }

function A.install(o)
  local c = o.claims
  local st = { warned = false, p_warn = 0, ack_tick = nil, battle_loss = { wagner = 0, fama = 0 },
    mali_cut = false, niger_cut = false }
  local base = {}

  -- HUR's intelligence and drone know-how as extra fighting strength at Tinzaouaten (effectiveness
  -- is fixed at declaration, so it is expressed as strength); a quarter of it JNIM's when the help
  -- reached the jihadists too [A29].
  if o.ukraine_support <= 0 then
    sim.cut("hur", "csp", "covert_support")
    if sim.tied("hur", "jnim", "covert_support") then sim.cut("hur", "jnim", "covert_support") end
    sim.align("hur", "csp", 0.2)       -- sympathy without help
  else
    local extra = 200 * o.ukraine_support
    local to_jnim = c.hur_helped_jnim and 0.25 * extra or 0
    sim.deploy("csp", "tinzaouaten", extra - to_jnim)
    if to_jnim > 0 then sim.deploy("jnim", "tinzaouaten", to_jnim) end
  end

  -- 23 July: the column sets out; Algeria's silence [A35].
  sim.at("2024-07-23", function()
    base.wagner, base.fama = sim.losses("wagner"), sim.losses("fama")
    W.move("wagner", "kidal", "tinzaouaten_outskirts", A.COLUMN.wagner)
    W.move("fama", "kidal", "tinzaouaten_outskirts", A.COLUMN.fama)
    sim.log("the FAMa/Wagner column leaves Kidal for Tinzaouaten")
    -- What Algeria knew (W.claims draws it) and whether it told Moscow. A warning needs the channel
    -- (the intelligence cooperation) and a reason to use it: Algiers weighs its partner in Moscow
    -- against its stake in the northern movements and its hostility to Wagner on its border. At
    -- the world's July values the chance is 0.175; Bogdanov's April warning (strain.lua) lowers it.
    if c.knew and sim.tied("algeria", "russia", "intel_sharing") then
      st.p_warn = W.clamp(0.2 + 0.5 * (sim.alignment("algeria", "russia") - sim.alignment("algeria", "csp"))
        + 0.25 * sim.alignment("algeria", "wagner"), 0, 1)
      st.warned = sim.chance(st.p_warn)
    end
    if st.warned then
      sim.emit("algeria_warning", { agents = { "algeria", "russia" }, about = "HUR's help to the rebels" })
      sim.log("Algiers tips Moscow off about HUR's help to the rebels")
    elseif c.knew then
      sim.emit("algeria_silence", { agents = { "algeria", "russia" }, about = "HUR's help to the rebels" })
    end
  end)

  -- 24 July: an IED in the Tamassahart valley disables a vehicle (Wagner's "first day"; the IED
  -- is in the accounts of the battle, its toll here a guess).
  sim.at("2024-07-24", function()
    sim.loss("fama", "tinzaouaten_outskirts", math.max(0, sim.normal(4, 1.5)), { cause = "IED", by = "csp" })
    sim.loss("wagner", "tinzaouaten_outskirts", math.max(0, sim.normal(2, 1)), { cause = "IED", by = "csp" })
  end)

  -- 25 July: the column advances on the town; the built-in combat fights there (at war since 2023).
  sim.at("2024-07-25", function()
    W.move("wagner", "tinzaouaten_outskirts", "tinzaouaten")
    W.move("fama", "tinzaouaten_outskirts", "tinzaouaten")
    sim.emit("battle", { agents = { "csp", "jnim", "wagner", "fama" }, region = "tinzaouaten" })
  end)

  -- 26 July: the sandstorm; the column retreats from Tinzaouaten [A23].
  sim.at("2024-07-26", function()
    if st.warned then
      -- Forewarned, the column does not wait for reinforcements in the open.
      W.move("wagner", "tinzaouaten", "kidal")
      W.move("fama", "tinzaouaten", "kidal")
      sim.log("warned, the column falls back on Kidal in the sandstorm")
      return
    end
    W.move("wagner", "tinzaouaten", "tinzaouaten_outskirts")
    W.move("fama", "tinzaouaten", "tinzaouaten_outskirts")
    sim.emit("reinforcements_ordered", { agents = { "wagner" }, region = "tinzaouaten_outskirts" })
    sim.log("sandstorm: the column retreats from Tinzaouaten and waits for reinforcements")
    -- The rebels regroup (Wagner: "increase their numbers") and close in on the waiting column.
    W.move("csp", "tinzaouaten", "tinzaouaten_outskirts", 0.5 * W.at("csp", "tinzaouaten"))
    W.move("jnim", "tinzaouaten", "tinzaouaten_outskirts", 0.8 * W.at("jnim", "tinzaouaten"))
  end)

  -- 27 July: the ambush [A22] [A25], the deadliest day.
  sim.at("2024-07-27", function()
    local here = "tinzaouaten_outskirts"
    if W.at("wagner", here) + W.at("fama", here) < 1 then return end
    -- Heavy weapons: scripted clashes on top of the built-in combat.
    for _, p in ipairs({ { "csp", "fama" }, { "jnim", "wagner" }, { "csp", "wagner" } }) do
      if W.at(p[1], here) >= 1 and W.at(p[2], here) >= 1 then
        sim.clash{ attacker = p[1], defender = p[2], region = here, days = 1 }
      end
    end
    -- Drones and suicide car bombs: losses no firefight model gives. Their sizes are this
    -- scenario's calibration: with the fighting before, Wagner loses 35-55 men in most runs, within
    -- the reported 25 (African Initiative) to 84 (CSP claim) dead.
    for _, v in ipairs({ "wagner", "fama" }) do
      sim.loss(v, here, math.max(0, sim.normal(6, 2)), { cause = "drones", by = "jnim" })
      sim.loss(v, here, math.max(0, sim.normal(8, 3)), { cause = "suicide car bomb", by = "jnim" })
    end
    sim.emit("ambush", { agents = { "csp", "jnim", "wagner", "fama" }, region = here })
    sim.log(string.format("ambush: Wagner %.0f and FAMa %.0f left outside Tinzaouaten",
      W.at("wagner", here), W.at("fama", here)))
  end)

  -- 28 July: survivors fall back on Kidal; the rebels return to the town.
  sim.at("2024-07-28", function()
    W.move("wagner", "tinzaouaten_outskirts", "kidal")
    W.move("fama", "tinzaouaten_outskirts", "kidal")
    W.move("csp", "tinzaouaten_outskirts", "tinzaouaten")
    W.move("jnim", "tinzaouaten_outskirts", "tinzaouaten")
    -- [A26] [A27] What Wagner and its Malian allies lost in the battle.
    st.battle_loss.wagner = sim.losses("wagner") - (base.wagner or 0)
    st.battle_loss.fama = sim.losses("fama") - (base.fama or 0)
  end)

  -- 29 July: Andrii Yusov acknowledges HUR's help [A30] [A5], to the rebels and jihadists [A29].
  sim.at("2024-07-29", function()
    if o.ukraine_support <= 0 then return end
    local jnim = sim.tied("hur", "jnim", "covert_support")
    W.acknowledge_hur()
    sim.emit("acknowledgement", { agents = { "hur", "csp" }, by = "Andrii Yusov", weight = o.ukraine_support,
      jihadists = jnim })
  end)

  -- [A33] The cuts follow the statement: Bamako and Niamey turn on Kyiv.
  sim.on("acknowledgement", function(ev)
    st.ack_tick = ev.tick
    local k = 0.2 + 0.4 * o.ukraine_support
    if ev.data.jihadists then k = k + 0.1 end  -- Bamako: "open support to international terrorism"
    sim.shift("mali", "ukraine", -k)
    sim.shift("niger", "ukraine", -k)       -- Niamey follows its AES partner
    sim.shift("mali", "hur", -0.3)
    sim.shift("fama", "hur", -0.3)
    sim.shift("wagner", "ukraine", -0.1)
    sim.shift("russia", "ukraine", -0.05)
    sim.shift("algeria", "ukraine", -0.05)  -- Algiers dislikes foreign services on its border
    sim.log("HUR acknowledges its support to the rebels (Yusov)")
  end)

  -- [A31] Mali (4 Aug) and [A32] Niger (6 Aug) cut ties, if they are hostile enough by then.
  sim.when(function()
    return st.ack_tick ~= nil and sim.tick() >= st.ack_tick + 6 and sim.alignment("mali", "ukraine") <= -0.5
  end, function() st.mali_cut = W.cut_with_ukraine("mali") end)
  sim.when(function()
    return st.ack_tick ~= nil and sim.tick() >= st.ack_tick + 8 and sim.alignment("niger", "ukraine") <= -0.5
  end, function() st.niger_cut = W.cut_with_ukraine("niger") end)

  -- 31 July: press reports of Moscow's anger at Algiers [A34]: the reckoning with its silence
  -- [A35] [A36] [A37] (world.lua).
  sim.at("2024-07-31", function()
    W.reckoning{ warned = st.warned, knew = c.knew, blame = o.moscow_blame,
      dead = st.battle_loss.wagner + st.battle_loss.fama }
  end)

  return st
end

return A
