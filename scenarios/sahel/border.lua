-- scenarios/sahel/border.lua
--
-- The Libya-Algeria border model shared by ghadames.lua, russia_response.lua and strain.lua.
-- Seed article: seeds/000_897de2a47dc8da2c.txt: [A49] "Field Marshal Khalifa Haftar ... has moved
-- his troops to southwestern regions targeting the Ghadames-Dabdab border crossing with Algeria",
-- and [A47] analysts expect "more clashes" on Algeria's borders with the Sahel and with Libya.
--
-- The record, beyond the article: in early August 2024 LNA units moved south-west; the LNA's land
-- forces said the move secured the southern border in towns it already held and "targets no one";
-- Tripoli mobilised; UNSMIL urged "maximum restraint" on 9 August 2024. No battle for Ghadames and
-- no clash with Algeria followed, and the standoff faded within weeks. Here:
--
--   lna      leaves Sabha for the Derj junction at `haftar_day`, then every `decide_every` days
--            pushes on (Derj -> Ghadames -> the crossing), holds, or stands down. Pushing into
--            GNU-held Ghadames breaks the 2020 ceasefire, which `restraint` weighs: a battle at
--            Ghadames is the exception it was, not the rule;
--   algeria  reinforces Debdeb from Ouargla/Algiers when LNA forces come near (how much and how
--            readily: `algeria_alert`), moves up to its side of the border post, and hardens its
--            stance; where both stand at the post, incidents may break out;
--   gnu      sends Tripoli brigades to Ghadames when the LNA approaches (`gnu_resolve`) and
--            defends the town; it does not attack the LNA outside it (it did not in 2024).
--
-- Beyond the article: the GNU and its garrison (public fact), Algeria's reinforcement policy and
-- the incidents at the post (this module's assumptions, in the comments below).
--
-- B.install{haftar_day=, lna_force=, algeria_alert=, gnu_resolve=, decide_every=, restraint=} registers the
-- policies and the clash recorder, and returns the state table `st` (see below). B.launch(n)
-- (re)starts the LNA's advance, used by russia_response.lua when Moscow backs Haftar.

local W = sim.include("world.lua")
local B = {}

local NEAR = { derj = 0.5, ghadames = 1.0, crossing = 1.0 }   -- weight of LNA forces by place
local NEAR_PLACES = { "crossing", "derj", "ghadames" }        -- NEAR's places, summed in this order

function B.install(o)
  local alert = o.algeria_alert
  local resolve = o.gnu_resolve or 0.5
  local every = o.decide_every or 2
  local restraint = o.restraint or 0.9
  local st = {
    phase = "idle",            -- idle, moving, derj, ghadames, crossing, withdrawn
    dest = nil, eta = 0,       -- while moving: where to and when it arrives
    launched = 0,              -- how many times the LNA set out
    border_clash = false,      -- a clash between algeria and lna happened
    first_clash_day = -1,
    incidents = 0,             -- scripted incidents at the post
    lna_gnu_clash = false,
    first_lna_gnu_day = -1,
    entered_ghadames = false,  -- the LNA pushed into Ghadames at some point
    since = 0,                 -- tick of arrival where the LNA stands
    reached_ghadames = false, reached_crossing = false,
    gnu_sent = 0,              -- GNU men sent from Tripoli to Ghadames
  }
  B.st = st

  local function mark_clash(agents, tick)
    if W.has(agents, "algeria") and W.has(agents, "lna") then
      if not st.border_clash then
        st.border_clash = true
        st.first_clash_day = tick
        sim.log("first clash between Algerian forces and the LNA")
      end
    end
    if W.has(agents, "gnu") and W.has(agents, "lna") and not st.lna_gnu_clash then
      st.lna_gnu_clash = true
      st.first_lna_gnu_day = tick
    end
  end
  -- Built-in combat and scripted sim.clash fights both arrive here as `clash` events.
  sim.on("clash", function(ev) mark_clash(ev.agents, ev.tick) end)

  local function go(from, to, strength)
    local days = W.move("lna", from, to, strength)
    if not days then return false end
    st.phase, st.dest, st.eta = "moving", to, sim.tick() + math.max(1, math.ceil(days))
    return true
  end

  -- [A20] (Re)start the advance from Sabha toward Ghadames, stopping at the Derj junction.
  function B.launch(strength)
    if st.phase ~= "idle" and st.phase ~= "withdrawn" then return false end
    if not go("sabha", "derj", strength or o.lna_force) then return false end
    st.launched = st.launched + 1
    sim.emit("lna_advance", { agents = { "lna" }, region = "derj", strength = W.in_transit("lna") })
    sim.shift("algeria", "lna", -0.05)     -- Algiers reads it as a threat to its border
    sim.shift("gnu", "lna", -0.05)         -- Tripoli puts its forces on alert (Aug 2024)
    sim.log("LNA column leaves Sabha toward Ghadames")
    return true
  end

  sim.at(o.haftar_day, function() B.launch(o.lna_force) end)

  -- Russian backing of Haftar as the LNA feels it, 0..~1.1.
  local function backing()
    local b = math.max(0, sim.alignment("russia", "lna"))
    if sim.tied("russia", "lna", "support") then b = b + 0.15 end
    if sim.tied("russia", "lna", "arms_supply") then b = b + 0.15 end
    return b
  end

  local function algeria_near()
    return W.at("algeria", "debdeb") + W.at("algeria", "crossing")
  end

  local function withdraw(from)
    if go(from, "sabha") then
      st.dest = "sabha"
      sim.shift("algeria", "lna", 0.05)   -- de-escalation is noticed
      sim.emit("lna_stand_down", { agents = { "lna" }, region = from })
      sim.log("LNA stands down from " .. from)
    end
  end

  -- LNA: one decision every `every` days.
  sim.policy("lna", function(self)
    local t = sim.tick()
    if st.phase == "moving" then
      if t < st.eta then return end
      if W.at("lna", st.dest) < 1 then                   -- not arrived yet, or destroyed there
        if t > st.eta + 3 then st.phase = "withdrawn" end
        return
      end
      st.phase = (st.dest == "sabha") and "withdrawn" or st.dest
      st.since = t
      if st.phase == "ghadames" then st.reached_ghadames = true end
      if st.phase == "crossing" then st.reached_crossing = true end
      return
    end
    if st.phase == "idle" or st.phase == "withdrawn" or t % every ~= 0 then return end

    local here = st.phase
    local own = W.at("lna", here)
    if own < 1 then st.phase = "withdrawn"; return end  -- destroyed where it stood
    local back = backing()
    local alg = algeria_near()
    local r = sim.random()

    if here == "derj" then
      -- Ghadames is held by Tripoli-aligned forces: entering it means fighting the GNU, and
      -- breaking the 2020 ceasefire. The old rule weighed only the forces and Russian backing
      -- (`drive` below), and the LNA fought for Ghadames in about 60% of ghadames runs: against the
      -- record. What held Haftar back in August 2024 was not the garrison: the LNA's declared aim
      -- was its own south-west, UNSMIL warned against "provocative military actions" (9 August),
      -- and the east's quarrels with Tripoli that year were fought with oil shut-ins, not arms (the
      -- central bank crisis of August-September 2024). `restraint` (0.9 by default) is that political
      -- cost: only a tenth of the military drive becomes a push. A push stays possible (more so
      -- with more Russian backing, or with restraint lowered), as the exception.
      local ratio = (W.at("gnu", "ghadames") + W.in_transit("gnu") + 0.5 * alg) / own
      local drive = W.clamp(0.03 + 0.25 * back - 0.12 * math.min(ratio, 3), 0.02, 0.6)
      local p_push = (1 - restraint) * drive
      -- Standing down: more likely with more forces facing it and less backing, and the longer the
      -- column sits at the junction with no order to go on (the August 2024 deployment lasted
      -- weeks): +0.005 per day there, so after a month a decision is a stand-down one time in four.
      local p_stand = W.clamp(0.05 + 0.06 * math.min(ratio, 3) + 0.15 * math.max(0, 0.8 - back)
        + 0.005 * (t - st.since), 0.05, 0.5)
      if r < p_push then
        if go("derj", "ghadames") then
          st.entered_ghadames = true
          sim.shift("gnu", "lna", -0.15)     -- an incursion into Tripoli's territory
          sim.shift("lna", "gnu", -0.1)
          -- The decision to fight for the town: the 2020 ceasefire is over between them.
          sim.war("lna", "gnu", { cause = "LNA pushes into Ghadames" })
          sim.emit("lna_push", { agents = { "lna" }, region = "ghadames" })
        end
      elseif r < p_push + p_stand then
        withdraw("derj")
      end
    elseif here == "ghadames" then
      local gnu = W.at("gnu", "ghadames")
      if gnu >= 5 and sim.at_war("lna", "gnu") then
        -- Fighting Tripoli's forces for the town: fall back when losing or when it drags on.
        if own < 0.7 * gnu or (own < 1.5 * gnu and r < 0.15) then
          if go("ghadames", "derj") then sim.log("LNA falls back from Ghadames") end
        end
        return
      end
      -- Algeria will not cross into Libya, so its troops deter less than Tripoli's did.
      local ratio = alg / own
      local p_push = W.clamp(0.05 + 0.25 * back - 0.05 * math.min(ratio, 3), 0.02, 0.5)
      local p_stand = W.clamp(0.01 + 0.03 * math.min(ratio, 3) + 0.15 * math.max(0, 0.8 - back), 0.01, 0.5)
      if r < p_push then
        if go("ghadames", "crossing") then
          sim.shift("algeria", "lna", -0.03) -- LNA troops at Algeria's border post
          sim.emit("lna_push", { agents = { "lna" }, region = "crossing" })
        end
      elseif r < p_push + p_stand then
        withdraw("ghadames")
      end
    elseif here == "crossing" then
      local a = W.at("algeria", "crossing")
      if own < 0.6 * a and r < 0.5 then
        if go("crossing", "ghadames") then sim.log("LNA pulls back from the border post") end
      end
    end
  end)

  -- Algeria: every day.
  sim.policy("algeria", function(self)
    local near = 0
    for _, place in ipairs(NEAR_PLACES) do near = near + NEAR[place] * W.at("lna", place) end
    if st.phase == "moving" and NEAR[st.dest] then near = near + NEAR[st.dest] * W.in_transit("lna") end
    local la = W.at("lna", "crossing")
    if near <= 0 and la <= 0 then return end            -- quiet border: nothing to do
    local dd, cr = W.at("algeria", "debdeb"), W.at("algeria", "crossing")
    if near > 0 then
      sim.shift("algeria", "lna", -0.001 * alert)     -- mobilisation and warnings
      local mine = dd + cr + W.in_transit("algeria")
      local want = 2 * alert * near
      if mine < want and sim.chance(0.3 + 0.5 * alert) then
        local from = (W.at("algeria", "ouargla") >= 500) and "ouargla" or "algiers"
        if W.move("algeria", from, "debdeb", math.min(1000, want - mine)) then
          sim.log("Algeria reinforces Debdeb from " .. from)
        end
      end
      -- Move up to its side of the post when the LNA is in Ghadames or at the post.
      if W.at("lna", "ghadames") + la > 0 and cr < dd and sim.chance(0.5 * alert) then
        W.move("algeria", "debdeb", "crossing", 0.5 * dd)
      end
    end
    -- Face to face at the border post: tension rises, incidents may break out.
    if la > 0 and cr > 0 then
      sim.shift("algeria", "lna", -(0.004 + 0.012 * alert * sim.random()))
      sim.shift("lna", "algeria", -0.008 * sim.random())
      if not sim.at_war("algeria", "lna") and sim.chance(0.02 + 0.08 * alert) then
        local attacker, defender = "lna", "algeria"
        if sim.chance(0.5) then attacker, defender = "algeria", "lna" end
        sim.clash{ attacker = attacker, defender = defender, region = "crossing", days = 0.2 }
        st.incidents = st.incidents + 1
        mark_clash({ "algeria", "lna" }, sim.tick())   -- idempotent; in case no event is emitted
        sim.emit("border_incident", { agents = { attacker, defender }, region = "crossing" })
      end
    end
  end)

  -- GNU: send Tripoli brigades to Ghadames when the LNA comes near (Tripoli mobilised in August
  -- 2024). It defends the town and does not go after the LNA at Derj.
  sim.policy("gnu", function(self)
    if sim.tick() % every ~= 0 then return end
    local threat = W.at("lna", "derj") + W.at("lna", "ghadames")
    if st.phase == "moving" and (st.dest == "derj" or st.dest == "ghadames") then
      threat = threat + W.in_transit("lna")
    end
    local mine = W.at("gnu", "ghadames") + W.in_transit("gnu")
    if threat <= 0 then
      -- Re-garrison the town once the LNA has gone.
      if mine < 300 and W.at("lna", "crossing") < 1 and W.at("gnu", "tripoli") > 3000 then
        W.move("gnu", "tripoli", "ghadames", 300 - mine)
      end
      return
    end
    -- Tripoli keeps most brigades at home (its own militias clash there): it sends at most
    -- 3,000 x resolve men in all, 500 at a time.
    if mine < resolve * threat and st.gnu_sent + 500 <= 3000 * resolve and sim.chance(0.3 + 0.5 * resolve) then
      if W.move("gnu", "tripoli", "ghadames", 500) then
        st.gnu_sent = st.gnu_sent + 500
        sim.log("GNU sends 500 men to Ghadames")
      end
    end
  end)

  return st
end

return B
