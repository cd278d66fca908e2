-- scenarios/sahel/mali_front.lua
--
-- The Tinzaouaten front after the ambush, shared by tinzaouaten.lua, russia_response.lua and
-- strain.lua. Seed article: seeds/000_897de2a47dc8da2c.txt; what follows is beyond the article.
-- After the July 2024 defeat Bamako did not retake Tinzaouaten in 2024 (the town stayed with the
-- rebels, who became the FLA in November 2024; a FAMa/Wagner column went to the ambush site in
-- October 2024 to recover bodies). It struck the area with drones (30 July 2024; 25 August 2024:
-- two strikes on Tinzaouaten, 21 civilians killed by the rebels' account; Algeria's UN envoy
-- denounced "private armies" at the Security Council on 26 August). This module lets a new
-- FAMa/Wagner column try, with a weekly chance, and lets drones strike, so the holder of
-- Tinzaouaten varies across seeds.
--
-- [A21] [A47] It also holds Algeria's Sahel border, where the article's analysts expect "more
-- clashes": a Malian drone over the border town may be fired on by Algeria's air defence, once
-- Algiers is hostile enough to Bamako. That is what happened next, outside the runs: Algeria shot
-- down a Malian drone near Tinzaouaten on the night of 31 March to 1 April 2025, and the AES
-- recalled its ambassadors. No Algerian-Malian clash is recorded in 2024.
--
-- M.install{counteroffensive=, drone_rate=, earliest=, from=} registers the policies of `fama` and
-- `mali` and a weekly recruitment hook; it returns a state table (columns, strikes, civilians,
-- border incidents, who held the town). `from` (a date, default the run's start) is when the
-- front opens: nothing happens before it. `earliest` (a date) is the first day a new column may
-- set out: it needs time to regroup after a defeat.

local W = sim.include("world.lua")
local M = {}

-- The Malian side of the border, whose forces' clashes with Algeria count as Sahel-border clashes.
local SAHEL = { "mali", "fama", "wagner", "niger" }

function M.install(o)
  local st = { columns = 0, strikes = 0, civilians = 0, column = nil, strike_ticks = {},
    border_incidents = 0, border_clashes = 0, retaken = false }
  local counter = o.counteroffensive      -- weekly chance of a new column, at 500 Wagner in Kidal
  local drone = o.drone_rate              -- weekly chance of a drone strike on Tinzaouaten
  local from = o.from and W.tick_of(o.from) or 0
  local earliest = W.tick_of(o.earliest)
  M.st = st

  -- FAMa: manage a column in Tinzaouaten; once a week, maybe send a new one.
  sim.policy("fama", function(self)
    local t = sim.tick()
    local c = st.column
    if c then
      if t < c.eta then return end
      local w, f = W.at("wagner", "tinzaouaten"), W.at("fama", "tinzaouaten")
      local enemy = W.at("csp", "tinzaouaten") + W.at("jnim", "tinzaouaten")
      local mine = w + f
      if mine < 1 then
        sim.log("the FAMa/Wagner column at Tinzaouaten is destroyed")
        st.column = nil
      elseif enemy >= 5 and (mine < 0.4 * c.size or (t - c.eta > 10 and mine < enemy)) then
        W.move("wagner", "tinzaouaten", "kidal")
        W.move("fama", "tinzaouaten", "kidal")
        sim.log(string.format("the column falls back on Kidal with %.0f men", mine))
        st.column = nil
      end
      return
    end
    if t < earliest or (t - from) % 7 ~= 0 then return end
    local wk, fk = W.at("wagner", "kidal"), W.at("fama", "kidal")
    local p = W.clamp(counter * wk / 500, 0, 1)
    if wk > 250 and fk > 900 and sim.chance(p) then
      local w = math.min(600, wk - 150)     -- keep 150 contractors in Kidal; more when reinforced
      local f = math.min(500, fk - 800)     -- keep the Kidal garrison
      local d1 = W.move("wagner", "kidal", "tinzaouaten", w) or 0
      local d2 = W.move("fama", "kidal", "tinzaouaten", f) or 0
      st.columns = st.columns + 1
      st.column = { size = w + f, eta = t + math.max(1, math.ceil(math.max(d1, d2))) }
      sim.emit("counteroffensive", { agents = { "fama", "wagner" }, region = "tinzaouaten",
        wagner = w, fama = f })
      sim.log(string.format("a new FAMa/Wagner column (%.0f + %.0f) leaves Kidal for Tinzaouaten", f, w))
    end
  end)

  -- Algeria's air defence fires on a Malian drone over its border (a clash on Algeria's Sahel
  -- border). Algiers has let the strikes pass while it is no worse than hostile to Bamako (-0.5);
  -- below that, a strike is fired on with a chance that grows to 0.5 at -1. At the world's July
  -- value (-0.2) it takes many strikes with civilian dead, with no decay in between, to get there.
  local function air_defence()
    local a = sim.alignment("algeria", "mali")
    local p = W.clamp((-0.5 - a), 0, 0.5)
    if p <= 0 or not sim.chance(p) then return end
    st.border_incidents = st.border_incidents + 1
    sim.shift("mali", "algeria", -0.15)      -- "a hostile act" (the AES statement of April 2025)
    sim.shift("niger", "algeria", -0.1)      -- AES solidarity: ambassadors recalled in April 2025
    sim.shift("algeria", "mali", -0.05)
    sim.emit("sahel_border_incident", { agents = { "algeria", "mali" }, region = "tinzaouaten",
      what = "Algerian air defence fires on a Malian drone" })
    sim.log("Algeria fires on a Malian drone over Tinzaouaten")
  end

  -- Mali: weekly drone strikes on the rebels' border refuge.
  sim.policy("mali", function(self)
    if sim.tick() < from then return end
    local csp = W.at("csp", "tinzaouaten")
    if csp < 5 or W.at("fama", "tinzaouaten") > 0 or not sim.chance(drone) then return end
    local killed = math.min(csp, math.max(0, sim.normal(12, 5)))  -- fighters killed per strike
    -- The CSP blames Mali (and its backers) for its dead as it would after a clash.
    sim.loss("csp", "tinzaouaten", killed, { cause = "drone strike", by = "mali" })
    local civilians = 0
    if sim.chance(0.4) then civilians = math.floor(math.max(1, sim.normal(15, 6))) end
    st.strikes = st.strikes + 1
    st.strike_ticks[#st.strike_ticks + 1] = sim.tick()
    st.civilians = st.civilians + civilians
    if civilians > 0 then
      sim.shift("algeria", "mali", -0.05)    -- Algiers denounces strikes near its border (UN, Aug 2024)
      sim.shift("dicko", "mali", -0.05)
      sim.add("mali", "legitimacy", -0.02)
    end
    sim.emit("drone_strike", { agents = { "mali", "csp" }, region = "tinzaouaten",
      fighters = killed, civilians = civilians })
    air_defence()
  end, { every = 7 })

  -- Weekly recruitment of the northern coalition while it keeps a foothold in Tinzaouaten.
  sim.every(7, function()
    if sim.tick() <= from then return end
    if W.at("csp", "tinzaouaten") >= 5 then sim.deploy("csp", "tinzaouaten", 15) end
    if W.at("jnim", "tinzaouaten") >= 5 then sim.deploy("jnim", "tinzaouaten", 5) end
  end)

  -- Any clash between Algeria and the Malian side (built-in or scripted) is a Sahel-border clash.
  sim.on("clash", function(ev)
    if W.has(ev.agents, "algeria") then
      for _, s in ipairs(SAHEL) do
        if W.has(ev.agents, s) then st.border_clashes = st.border_clashes + 1; return end
      end
    end
  end)

  -- Did Bamako (FAMa or Wagner) ever hold the town after the battle? Checked daily.
  sim.on("tick", function()
    if sim.tick() < from then return end
    local h = W.holder("tinzaouaten")
    if h == "fama" or h == "wagner" or h == "mali" then st.retaken = true end
  end)

  return st
end

-- Whether a drone strike fell between two dates (inclusive).
function M.struck_between(a, b)
  local lo, hi = W.tick_of(a), W.tick_of(b)
  for _, t in ipairs(M.st.strike_ticks) do
    if t >= lo and t <= hi then return true end
  end
  return false
end

-- [A47] Clashes on Algeria's Sahel border: incidents plus clashes.
function M.sahel_border_clashes()
  return M.st.border_incidents + M.st.border_clashes
end

return M
