-- scenarios/sahel/mali_front.lua
--
-- The Tinzaouaten front after the ambush, shared by tinzaouaten.lua and russia_response.lua.
-- Seed article: seeds/000_897de2a47dc8da2c.txt. After the July 2024 defeat Bamako did not retake
-- Tinzaouaten in 2024; it struck the area with drones (e.g. 25 August 2024, civilians killed,
-- Algiers protested at the UN). This module lets a new FAMa/Wagner column try, with a weekly
-- chance, and lets drones strike, so the holder of Tinzaouaten varies across seeds.
--
-- M.install{counteroffensive=, drone_rate=, earliest=} registers the policies of `fama` and
-- `mali` and a weekly recruitment hook; it returns a state table (columns, strikes, civilians).

local W = sim.include("world.lua")
local M = {}

function M.install(o)
  local st = { columns = 0, strikes = 0, civilians = 0, column = nil }
  local counter = o.counteroffensive      -- weekly chance of a new column, at 500 Wagner in Kidal
  local drone = o.drone_rate              -- weekly chance of a drone strike on Tinzaouaten
  local earliest = o.earliest or 14       -- a new column needs time to regroup after a defeat

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
    if t < earliest or t % 7 ~= 0 then return end
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

  -- Mali: weekly drone strikes on the rebels' border refuge.
  sim.policy("mali", function(self)
    local csp = W.at("csp", "tinzaouaten")
    if csp < 5 or W.at("fama", "tinzaouaten") > 0 or not sim.chance(drone) then return end
    local killed = math.min(csp, math.max(0, sim.normal(12, 5)))  -- fighters killed per strike
    -- The CSP blames Mali (and its backers) for its dead as it would after a clash.
    sim.loss("csp", "tinzaouaten", killed, { cause = "drone strike", by = "mali" })
    local civilians = 0
    if sim.chance(0.4) then civilians = math.floor(math.max(1, sim.normal(15, 6))) end
    st.strikes = st.strikes + 1
    st.civilians = st.civilians + civilians
    if civilians > 0 then
      sim.shift("algeria", "mali", -0.05)    -- Algiers denounces strikes near its border (UN, Aug 2024)
      sim.shift("dicko", "mali", -0.05)
      sim.add("mali", "legitimacy", -0.02)
    end
    sim.emit("drone_strike", { agents = { "mali", "csp" }, region = "tinzaouaten",
      fighters = killed, civilians = civilians })
  end, { every = 7 })

  -- Weekly recruitment of the northern coalition while it keeps a foothold in Tinzaouaten.
  sim.every(7, function()
    if sim.tick() == 0 then return end
    if W.at("csp", "tinzaouaten") >= 5 then sim.deploy("csp", "tinzaouaten", 15) end
    if W.at("jnim", "tinzaouaten") >= 5 then sim.deploy("jnim", "tinzaouaten", 5) end
  end)

  return st
end

return M
