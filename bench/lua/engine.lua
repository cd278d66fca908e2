-- bench/lua/engine.lua
--
-- simrun's engine and the part of its `sim.*` API that scenarios/sahel/ghadames.lua (with world.lua
-- and border.lua) uses, in plain Lua 5.4: no C modules, no LuaJIT. It mirrors Sources/SimCore
-- (World, World+Combat, World+Balance, World+War, World+Losses, ForceMove, Simulation, RandomSource) and
-- Sources/LuaBridge (BindingContext*, HookRunner): same state layout (flat arrays indexed by agent and region),
-- same tick order, same dynamics, same named random streams (xoshiro256** seeded through
-- SplitMix64; combat, script and one per agent's policy, as RandomStream.swift).
--
-- E.new_run{file=, seed=, params=} builds a fresh world and a fresh environment, runs the scenario's
-- setup in it and returns a run object; run:run() steps it and returns the outcomes and the facts of
-- the record (sim.observed).

local E = {}

local type, error, tostring, ipairs, pairs, select = type, error, tostring, ipairs, pairs, select
local mathtype, tointeger, floor, ceil, abs, sqrt, huge =
  math.type, math.tointeger, math.floor, math.ceil, math.abs, math.sqrt, math.huge
local pi = math.pi
local sort, concat = table.sort, table.concat

---------------------------------------------------------------------------------------------
-- PortableMath.swift: the transcendental functions simrun uses, with IEEE-754 basic arithmetic and
-- square roots only (correctly rounded in Lua as in Swift), the same series in the same order, so
-- they give simrun's results bit for bit where the C library's exp, log, pow, sin and cos may
-- differ in the last bit — and one bit can turn a later comparison in a policy the other way.
---------------------------------------------------------------------------------------------

local LN2_HI = 6.93147180369123816490e-01
local LN2_LO = 1.90821492927058770002e-10
local SQRT2 = sqrt(2.0)

-- Swift's rounded(): to nearest, halves away from zero.
local function round_away(v)
  local t = v >= 0 and floor(v) or ceil(v)        -- truncated; v - t is exact
  local f = v - t
  if f >= 0.5 then return t + 1 elseif f <= -0.5 then return t - 1 end
  return t
end

-- v * 2^k, exactly (k is small here: no overflow in the power).
local function scaled(v, k)
  local p = 1.0
  if k >= 0 then for _ = 1, k do p = p * 2.0 end else for _ = 1, -k do p = p * 0.5 end end
  return v * p
end

local function pm_exp(x)
  if x ~= x then return x end
  if x > 709.782712893384 then return huge end
  if x < -745.1332191019412 then return 0.0 end
  local k = round_away(x / (LN2_HI + LN2_LO))
  local r = (x - k * LN2_HI) - k * LN2_LO
  local term, sum = 1.0, 1.0
  for n = 1, 18 do
    term = term * (r / n)
    sum = sum + term
  end
  return scaled(sum, k)
end

-- e^x - 1 (the series for |x| < 0.5).
local function expm1(x)
  if abs(x) >= 0.5 then return pm_exp(x) - 1 end
  local term, sum = x, x
  for n = 2, 20 do
    term = term * (x / n)
    sum = sum + term
  end
  return sum
end

local function pm_log(x)
  if x ~= x or x < 0 then return 0 / 0 end
  if x == 0 then return -huge end
  if x == huge then return x end
  -- x = m * 2^e with m in [1, 2) (Swift's significand and exponent), then m in [1/sqrt2, sqrt2).
  local e, m = 0, x
  while m >= 2 do m = m * 0.5; e = e + 1 end
  while m < 1 do m = m * 2.0; e = e - 1 end
  if m > SQRT2 then
    m = m / 2
    e = e + 1
  end
  local z = (m - 1) / (m + 1)
  local z2 = z * z
  local power, sum = z, z
  for n = 3, 41, 2 do
    power = power * z2
    sum = sum + power / n
  end
  return 2 * sum + e * LN2_LO + e * LN2_HI
end

local function pm_pow(x, y) return pm_exp(y * pm_log(x)) end

local function reduced(x)
  if not (abs(x) > pi) then return x end
  local turns = round_away(x / (2 * pi))
  return x - turns * 2 * pi
end

local function pm_sin(x)
  local r = reduced(x)
  local term, sum = r, r
  local r2 = r * r
  for n = 2, 40, 2 do
    term = term * (-r2 / (n * (n + 1)))
    sum = sum + term
  end
  return sum
end

local function pm_cos(x)
  local r = reduced(x)
  local term, sum = 1.0, 1.0
  local r2 = r * r
  for n = 1, 39, 2 do
    term = term * (-r2 / (n * (n + 1)))
    sum = sum + term
  end
  return sum
end

local function pm_atan(x)
  if abs(x) > 1 then return (x > 0 and pi / 2 or -pi / 2) - pm_atan(1 / x) end
  local t = x
  for _ = 1, 2 do t = t / (1 + sqrt(1 + t * t)) end
  local t2 = t * t
  local power, sum = t, t
  for n = 3, 41, 2 do
    power = power * -t2
    sum = sum + power / n
  end
  return 4 * sum
end

local function pm_asin(y)
  if not (abs(y) <= 1) then return 0 / 0 end
  return 2 * pm_atan(y / (1 + sqrt(1 - y * y)))
end

---------------------------------------------------------------------------------------------
-- Random streams: SplitMix64 and xoshiro256** (RandomSource.swift). Lua 5.4 integers are 64-bit
-- two's complement with wrapping * and +, and >> is a logical shift, so this is bit for bit the
-- same generator: the same seed gives the same draws as simrun. A run has named streams
-- (RandomStream.swift): `combat` (the combat's noise factors), `script` (the script outside
-- policies) and `policy:<agent id>` (the script while that agent's policy runs), each seeded from
-- the run seed and its name as RandomSource(seed:stream:) does.
---------------------------------------------------------------------------------------------

local function splitmix(seed)
  local state = seed
  return function()
    state = state + 0x9E3779B97F4A7C15
    local z = state
    z = (z ~ (z >> 30)) * 0xBF58476D1CE4E5B9
    z = (z ~ (z >> 27)) * 0x94D049BB133111EB
    return z ~ (z >> 31)
  end
end
E.splitmix = splitmix

--- The seed of run `replicate` of a batch seeded `batch` (BatchDesign.seed(batch:replicate:)).
function E.run_seed(batch, replicate)
  return splitmix(batch ~ (replicate * 0x9E3779B97F4A7C15))()
end

--- 64-bit integer as unsigned decimal text.
function E.unsigned(x)
  if x >= 0 then return tostring(x) end
  local q = (x >> 1) // 5          -- floor(u / 10) for the unsigned value u
  return tostring(q) .. tostring(x - q * 10)
end

--- The run's stream: next() (raw 64 bits), uniform() in [0, 1), normal(mu, sigma) (Marsaglia polar).
local function new_random(seed)
  local mix = splitmix(seed)
  local s0, s1, s2, s3 = mix(), mix(), mix(), mix()
  local function next64()
    local x = s1 * 5
    local result = ((x << 7) | (x >> 57)) * 9
    local t = s1 << 17
    s2 = s2 ~ s0; s3 = s3 ~ s1; s1 = s1 ~ s2; s0 = s0 ~ s3
    s2 = s2 ~ t
    s3 = (s3 << 45) | (s3 >> 19)
    return result
  end
  local function uniform()
    local x = s1 * 5
    local result = ((x << 7) | (x >> 57)) * 9
    local t = s1 << 17
    s2 = s2 ~ s0; s3 = s3 ~ s1; s1 = s1 ~ s2; s0 = s0 ~ s3
    s2 = s2 ~ t
    s3 = (s3 << 45) | (s3 >> 19)
    return (result >> 11) * 0x1p-53
  end
  local function normal(mu, sigma)
    while true do
      local u, v = 2 * uniform() - 1, 2 * uniform() - 1
      local s = u * u + v * v
      if s > 0 and s < 1 then return mu + sigma * u * sqrt(-2 * pm_log(s) / s) end
    end
  end
  -- Uniform integer in [lo, hi] without modulo bias (RandomSource.integer(in:)), in unsigned
  -- 64-bit arithmetic.
  local ult = math.ult
  local function umod(a, b)                            -- a % b, both unsigned, b ~= 0
    if b < 0 then return ult(a, b) and a or a - b end  -- b >= 2^63
    local r = a - (((a >> 1) // b) << 1) * b
    if not ult(r, b) then r = r - b end
    return r
  end
  local function integer(lo, hi)
    local span = hi - lo
    if span == -1 then return next64() end            -- the whole 64-bit range
    local bound = span + 1
    local limit = -1 - umod(-1, bound)
    local draw = next64()
    while not ult(draw, limit) do draw = next64() end
    return lo + umod(draw, bound)
  end
  return next64, uniform, normal, integer
end
E.new_random = new_random

--- The seed of stream `name` of a run seeded `seed` (RandomSource.init(seed:stream:)):
--- SplitMix64(seed XOR SplitMix64(FNV-1a 64(name)).next()).next().
local byte = string.byte
local function stream_seed(seed, name)
  local hash = 0xCBF29CE484222325                      -- FNV-1a 64 offset basis (wraps to negative)
  for i = 1, #name do hash = (hash ~ byte(name, i)) * 0x100000001B3 end
  local name_mixer = splitmix(hash)
  return splitmix(seed ~ name_mixer())()
end
E.stream_seed = stream_seed

--- The stream `name` of a run seeded `seed`: { next64, uniform, normal, integer }.
local function new_stream(seed, name)
  local next64, uniform, normal, integer = new_random(stream_seed(seed, name))
  return { next64 = next64, uniform = uniform, normal = normal, integer = integer }
end
E.new_stream = new_stream

---------------------------------------------------------------------------------------------
-- Small maths
---------------------------------------------------------------------------------------------

local EARTH_RADIUS_KM = 6371.0088

local function great_circle_km(a, b)
  local rad = pi / 180
  local dlat = (b.lat - a.lat) * rad
  local dlon = (b.lon - a.lon) * rad
  local sl, so = pm_sin(dlat / 2), pm_sin(dlon / 2)
  local h = sl * sl + pm_cos(a.lat * rad) * pm_cos(b.lat * rad) * so * so
  local s = sqrt(h)
  if s > 1 then s = 1 end
  return 2 * EARTH_RADIUS_KM * pm_asin(s)
end

-- Civil dates as days since 1970-01-01 (Howard Hinnant's algorithms, SimDate.swift).
local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = (z >= 0 and z or z - 146096) // 146097
  local doe = z - era * 146097
  local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
  local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
  local mp = (5 * doy + 2) // 153
  local d = doy - (153 * mp + 2) // 5 + 1
  local m = mp < 10 and mp + 3 or mp - 9
  return yoe + era * 400 + (m <= 2 and 1 or 0), m, d
end

local function is_leap(y) return (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0 end
local MONTH_DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }

local function parse_date(text)
  if type(text) ~= "string" then return nil end
  local y, m, d = text:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then return nil end
  y, m, d = tointeger(tonumber(y)), tointeger(tonumber(m)), tointeger(tonumber(d))
  if m < 1 or m > 12 or d < 1 then return nil end
  local last = (m == 2 and is_leap(y)) and 29 or MONTH_DAYS[m]
  if d > last then return nil end
  return days_from_civil(y, m, d)
end

local function format_date(days)
  local y, m, d = civil_from_days(days)
  return string.format("%04d-%02d-%02d", y, m, d)
end

---------------------------------------------------------------------------------------------
-- Lanchester's square law among several sides, fire shared among enemies in proportion to their
-- strength, classic RK4 under step-doubling error control, exact cut at the first zero crossing
-- (SquareLawBattle in World+Combat.swift). Scratch arrays are kept per number of sides.
---------------------------------------------------------------------------------------------

local RELATIVE_TOLERANCE = 1e-9
local ABSOLUTE_TOLERANCE = 1e-12

local scratch_by_size = {}
local function scratch(m)
  local s = scratch_by_size[m]
  if s then return s end
  local function arr(k) local t = {} for p = 1, k do t[p] = 0.0 end return t end
  local mm = m * m
  s = {
    r1 = arr(mm), r2 = arr(mm), r3 = arr(mm), r4 = arr(mm), y = arr(m),
    hs = arr(m), hd = arr(mm),          -- first half step of twoHalfSteps
    ws = arr(m), wd = arr(mm),          -- the whole step
    ns = arr(m), nd = arr(mm),          -- the two half steps (the step taken)
    ts = arr(m), td = arr(mm),          -- a trial of the bisection
    x = arr(m), alive = {},
    strengths = arr(m), dealt = arr(mm),
  }
  scratch_by_size[m] = s
  return s
end

-- rate[(i-1)*m + j]: strength per day side i takes from side j at strengths y.
local function rates(m, eff, hostile, y, alive, rate)
  for p = 1, m * m do rate[p] = 0.0 end
  for i = 1, m do
    if alive[i] then
      local row = (i - 1) * m
      local targets, total = 0, 0.0
      for k = 1, m do
        if alive[k] and hostile[row + k] then
          targets = targets + 1
          total = total + y[k]
        end
      end
      local fire = eff[i] * y[i]
      for j = 1, m do
        if alive[j] and hostile[row + j] then
          -- A lone target takes all the fire even past 0 (analytic continuation).
          local share
          if targets == 1 then share = 1
          elseif total > 0 then share = y[j] / total
          else share = 0 end
          rate[row + j] = fire * share
        end
      end
    end
  end
end

-- out[j] = x[j] - scale * sum_i rate[i][j], subtracted attacker by attacker like simrun.
local function advance(m, x, rate, scale, out)
  for j = 1, m do out[j] = x[j] end
  for i = 1, m do
    local row = (i - 1) * m
    for j = 1, m do out[j] = out[j] - scale * rate[row + j] end
  end
end

local function rk4(m, eff, hostile, S, x, h, alive, out_s, out_d)
  local r1, r2, r3, r4, y = S.r1, S.r2, S.r3, S.r4, S.y
  rates(m, eff, hostile, x, alive, r1)
  advance(m, x, r1, h / 2, y)
  rates(m, eff, hostile, y, alive, r2)
  advance(m, x, r2, h / 2, y)
  rates(m, eff, hostile, y, alive, r3)
  advance(m, x, r3, h, y)
  rates(m, eff, hostile, y, alive, r4)
  local c = h / 6
  for p = 1, m * m do out_d[p] = c * (r1[p] + 2 * r2[p] + 2 * r3[p] + r4[p]) end
  advance(m, x, out_d, 1, out_s)
end

local function two_half_steps(m, eff, hostile, S, x, h, alive, out_s, out_d)
  local hs, hd = S.hs, S.hd
  rk4(m, eff, hostile, S, x, h / 2, alive, hs, hd)
  rk4(m, eff, hostile, S, hs, h / 2, alive, out_s, out_d)
  for p = 1, m * m do out_d[p] = out_d[p] + hd[p] end
end

local function reaches_zero(m, s, alive)
  for j = 1, m do
    if alive[j] and s[j] <= 0 then return true end
  end
  return false
end

local function is_fighting(m, hostile, alive)
  for i = 1, m do
    if alive[i] then
      local row = (i - 1) * m
      for j = 1, m do
        if alive[j] and hostile[row + j] then return true end
      end
    end
  end
  return false
end

--- Strengths after `days` of fighting from `start`, and dealt[(i-1)*m + j]: what i took from j.
--- The returned arrays are scratch: read them before the next fight of the same size.
local function fight(m, eff, hostile, start, days)
  local S = scratch(m)
  local strengths, dealt, alive, x = S.strengths, S.dealt, S.alive, S.x
  local total = 0.0
  for j = 1, m do strengths[j] = start[j]; total = total + start[j] end
  for p = 1, m * m do dealt[p] = 0.0 end
  local floor_error = ABSOLUTE_TOLERANCE * total
  local minimum_step = days * 1e-12
  local t, h = 0.0, days
  while days - t > minimum_step do
    for j = 1, m do alive[j] = strengths[j] > 0 end
    if not is_fighting(m, hostile, alive) then break end
    if days - t < h then h = days - t end
    for j = 1, m do x[j] = strengths[j] end
    local ws, wd = S.ws, S.wd
    local ns, nd = S.ns, S.nd
    rk4(m, eff, hostile, S, x, h, alive, ws, wd)
    two_half_steps(m, eff, hostile, S, x, h, alive, ns, nd)
    local err = 0.0
    for j = 1, m do
      if alive[j] then
        local e = abs(ns[j] - ws[j]) / (RELATIVE_TOLERANCE * x[j] + floor_error)
        if e > err then err = e end
      end
    end
    if err > 1 and h > minimum_step then
      local f = 0.9 * pm_pow(err, -0.2)
      h = h * (f > 0.1 and f or 0.1)
    else
      local length = h
      if reaches_zero(m, ns, alive) then
        -- Bisect the step length for the moment the first side is destroyed.
        local early = 0.0
        local ts, td = S.ts, S.td
        while length - early > h * 1e-13 do
          local middle = (early + length) / 2
          two_half_steps(m, eff, hostile, S, x, middle, alive, ts, td)
          if reaches_zero(m, ts, alive) then
            length = middle
            ns, ts = ts, ns          -- the trial becomes the step taken
            nd, td = td, nd
          else
            early = middle
          end
        end
        -- keep the buffers owned by the scratch set consistent after swaps
        S.ns, S.nd, S.ts, S.td = ns, nd, ts, td
      end
      for j = 1, m do
        local v = ns[j]
        strengths[j] = v > 0 and v or 0.0
      end
      for p = 1, m * m do dealt[p] = dealt[p] + nd[p] end
      t = t + length
      if err > 0 then
        local g = 0.9 * h * pm_pow(err, -0.2)
        h = (5 * h < g) and 5 * h or g
      else
        h = 5 * h
      end
    end
  end
  return strengths, dealt
end
E.fight = fight

---------------------------------------------------------------------------------------------
-- World: the whole state of one run (World.swift)
---------------------------------------------------------------------------------------------

local World = {}
World.__index = World

local BACKING_TIE_KINDS = { "support", "arms_supply", "intel_sharing" }
local BALANCE_STEP_LIMIT = 0.05

local function new_world(seed)
  local script = new_stream(seed, "script")
  return setmetatable({
    seed = seed,
    -- The named streams: combat noise, the script, one per agent's policies (policy_streams[a],
    -- made in add_agent); `draw` is the stream the script draws from now (World.scriptStream).
    combat = new_stream(seed, "combat"), script = script, policy_streams = {}, draw = script,
    agents = {}, agent_index = {}, n = 0,
    regions = {}, region_index = {}, R = 0,
    links = {}, region_links = {},
    resource_names = {}, resource_index = {}, resources = {},
    A = {}, base = {}, F = {},            -- alignment[(i-1)*n + j], baseline, forces[(a-1)*R + r]
    W = {}, WC = {},                      -- at war[(i-1)*n + j] (symmetric), war clock (i < j)
    losses = {}, initial = nil,           -- strength lost per agent in the run; alignments at its start
    P = {},                               -- scratch for A*A
    ties = {}, tie_kinds = {}, tie_kind_index = {},
    moves = {},
    events = {},
    dyn = { speed = 300.0, hostility = -0.5, noise = 0.2, grievance = 1.0, blame = 0.5,
            balance = 0.001, decay = 0.01, war_days = 30.0, hysteresis = 0.05, min_force = 1.0,
            thresholds = nil },
    start = days_from_civil(2024, 1, 1), tick_days = 1.0, tick = 0,
    stop_reason = nil, warnings = {}, warned = {}, running = false,
    travel = nil, battles_last_tick = 0, balance_substeps_last_tick = 1, dates = {},
  }, World)
end

local function grow_square(matrix, n, m, zero)
  local grown = {}
  for p = 1, m * m do grown[p] = zero end
  for i = 0, n - 1 do
    for j = 1, n do grown[i * m + j] = matrix[i * n + j] end
  end
  return grown
end

function World:add_agent(agent)
  local n = self.n
  self.agents[n + 1] = agent
  self.agent_index[agent.id] = n + 1
  self.A = grow_square(self.A, n, n + 1, 0.0)
  self.base = grow_square(self.base, n, n + 1, 0.0)
  self.W = grow_square(self.W, n, n + 1, false)
  self.WC = grow_square(self.WC, n, n + 1, 0.0)
  self.losses[n + 1] = 0.0
  local F, R = self.F, self.R
  for r = 1, R do F[n * R + r] = 0.0 end
  for _, column in ipairs(self.resources) do column[n + 1] = 0.0 end
  self.policy_streams[n + 1] = new_stream(self.seed, "policy:" .. agent.id)
  self.n = n + 1
  return n + 1
end

function World:add_region(region)
  local old, n = self.R, self.n
  self.regions[old + 1] = region
  self.region_index[region.id] = old + 1
  self.region_links[old + 1] = {}
  local grown, F = {}, self.F
  for a = 0, n - 1 do
    for r = 1, old do grown[a * (old + 1) + r] = F[a * old + r] end
    grown[a * (old + 1) + old + 1] = 0.0
  end
  self.F = grown
  self.R = old + 1
  self.travel = nil
  return old + 1
end

function World:link(a, b, km)
  local distance = km or great_circle_km(self.regions[a], self.regions[b])
  local links = self.links
  links[#links + 1] = { a = a, b = b, km = distance }
  local rl = self.region_links
  rl[a][#rl[a] + 1] = #links
  rl[b][#rl[b] + 1] = #links
  self.travel = nil
end

function World:declare_resource(name)
  local r = self.resource_index[name]
  if r then return r end
  local column = {}
  for a = 1, self.n do column[a] = 0.0 end
  self.resource_names[#self.resource_names + 1] = name
  self.resources[#self.resource_names] = column
  self.resource_index[name] = #self.resource_names
  return #self.resource_names
end

function World:tie_kind(kind)
  local k = self.tie_kind_index[kind]
  if k then return k end
  k = #self.tie_kinds + 1
  self.tie_kinds[k] = kind
  self.tie_kind_index[kind] = k
  self.ties[k] = {}
  return k
end

function World:date_text(t)
  local text = self.dates[t]
  if not text then
    text = format_date(self.start + floor(t * self.tick_days))
    self.dates[t] = text
  end
  return text
end

-- Appends an event (only once the run has begun). `agents` are indices; the stored event is the
-- table handlers receive: {type=, tick=, date=, agents={ids}, region=id or nil, data={...}}.
function World:record(kind, agents, region, data)
  if not self.running then return end
  local ids = {}
  local list = self.agents
  for p = 1, #agents do ids[p] = list[agents[p]].id end
  local events = self.events
  events[#events + 1] = {
    type = kind, tick = self.tick, date = self:date_text(self.tick), agents = ids,
    region = region and self.regions[region].id or nil, data = data or {},
  }
end

-- Ends setup: the alignments are kept as the run's start (the baselines are what sim.align set);
-- a force left below min_force is removed with a warning.
function World:begin_run()
  local initial, A = {}, self.A
  for p = 1, #A do initial[p] = A[p] end
  self.initial = initial
  local F, R, min_force = self.F, self.R, self.dyn.min_force
  for a = 1, self.n do
    for r = 1, R do
      local s = F[(a - 1) * R + r]
      if s > 0 and s < min_force then
        self:warn_once("min_force " .. (a - 1) .. " " .. (r - 1), self.agents[a].id .. " had " .. s .. " in "
          .. self.regions[r].id .. " at the end of setup, below min_force " .. min_force .. ": removed")
        F[(a - 1) * R + r] = 0.0
      end
    end
  end
  self.running = true
end

function World:warn_once(key, message)
  if not self.warned[key] then
    self.warned[key] = true
    self.warnings[#self.warnings + 1] = message
  end
end

-- How i stands toward j now, clamped; the baseline stays (a shift that decay pulls back).
function World:set_alignment(i, j, value)
  if value > 1 then value = 1.0 elseif value < -1 then value = -1.0 end
  self.A[(i - 1) * self.n + j] = value
  return value
end

-- How i stands toward j now and in the long run (sim.align).
function World:align(i, j, value)
  local v = self:set_alignment(i, j, value)
  self.base[(i - 1) * self.n + j] = v
  return v
end

-- Only the long-run alignment decay pulls back toward (sim.baseline with a value).
function World:set_baseline(i, j, value)
  if value > 1 then value = 1.0 elseif value < -1 then value = -1.0 end
  self.base[(i - 1) * self.n + j] = value
  return value
end

function World:is_tied(from, to, kind)
  return self.ties[kind][from * 65536 + to] == true
end

function World:make_tie(from, to, kind)
  local set, key = self.ties[kind], from * 65536 + to
  if set[key] then return false end
  set[key] = true
  self:record("tie_made", { from, to }, nil, { kind = self.tie_kinds[kind] })
  return true
end

function World:cut_tie(from, to, kind)
  local set, key = self.ties[kind], from * 65536 + to
  if not set[key] then return false end
  set[key] = nil
  self:record("tie_cut", { from, to }, nil, { kind = self.tie_kinds[kind] })
  return true
end

function World:set_force(a, r, value)
  self.F[(a - 1) * self.R + r] = value > 0 and value or 0.0
end

-- A negative strength withdraws; during the run a remainder below min_force leaves too.
function World:deploy(a, r, strength)
  local F, p = self.F, (a - 1) * self.R + r
  local before = F[p]
  local after = before + strength
  if self.running and after < self.dyn.min_force and strength < 0 then after = 0.0 end
  F[p] = after > 0 and after or 0.0
  if self.running then self:record("deploy", { a }, r, { strength = F[p] - before }) end
end

function World:total_force(a)
  local F, R = self.F, self.R
  local base, sum = (a - 1) * R, 0.0
  for r = 1, R do sum = sum + F[base + r] end
  return sum
end

-- Travel distance: shortest path over links (Floyd-Warshall, cached), else great-circle.
function World:travel_km(a, b)
  local d = self.travel
  local R = self.R
  if not d then
    d = {}
    for p = 1, R * R do d[p] = huge end
    for i = 0, R - 1 do d[i * R + i + 1] = 0.0 end
    for _, l in ipairs(self.links) do
      local p, q = (l.a - 1) * R + l.b, (l.b - 1) * R + l.a
      if l.km < d[p] then d[p] = l.km end
      if l.km < d[q] then d[q] = l.km end
    end
    for k = 0, R - 1 do
      for i = 0, R - 1 do
        local dik = d[i * R + k + 1]
        if dik < huge then
          for j = 1, R do
            local via = dik + d[k * R + j]
            if via < d[i * R + j] then d[i * R + j] = via end
          end
        end
      end
    end
    self.travel = d
  end
  local via = d[(a - 1) * R + b]
  if via < huge then return via end
  return great_circle_km(self.regions[a], self.regions[b])
end

-- ForceMove.swift: takes strength out of `from` and sends it toward `to` (during the run a
-- remainder below min_force goes along); returns the days.
function World:move(a, from, to, asked)
  local km = self:travel_km(from, to)
  local F, p = self.F, (a - 1) * self.R + from
  local available = F[p]
  local strength = asked
  if self.running and available - asked < self.dyn.min_force then strength = available end
  local left = available - strength
  F[p] = left > 0 and left or 0.0
  local moves = self.moves
  moves[#moves + 1] = { agent = a, from = from, to = to, strength = strength, total_km = km, remaining_km = km }
  if self.running then
    self:record("move", { a }, from, { to = self.regions[to].id, strength = strength, km = km })
  end
  local speed = self.dyn.speed
  return speed > 0 and km / speed or huge
end

-- Dynamic 1: movements advance at speed x tick length; arrivals join the force there.
function World:advance_movements()
  local moves = self.moves
  if #moves == 0 or self.dyn.speed <= 0 then return end
  local step = self.dyn.speed * self.tick_days
  local still = {}
  local F, R = self.F, self.R
  for _, mv in ipairs(moves) do
    mv.remaining_km = mv.remaining_km - step
    if mv.remaining_km <= 1e-9 then
      local p = (mv.agent - 1) * R + mv.to
      local v = F[p] + mv.strength
      F[p] = v > 0 and v or 0.0
      self:record("arrival", { mv.agent }, mv.to,
        { from = self.regions[mv.from].id, strength = mv.strength })
    else
      still[#still + 1] = mv
    end
  end
  self.moves = still
end


-- Fights one battle in region r among `sides` (agent indices, ascending) over `days`; `listed`
-- orders the clash event's agents. Returns losses by side and the (victim, attacker) pairs.
function World:resolve_battle(sides, hostile, r, days, listed, pairs_out)
  local m = #sides
  local F, R = self.F, self.R
  local before, eff = {}, {}
  for v = 1, m do
    before[v] = F[(sides[v] - 1) * R + r]
    eff[v] = self.agents[sides[v]].effectiveness
  end
  local strengths, dealt = fight(m, eff, hostile, before, days)
  local sigma = self.dyn.noise
  local min_force = self.dyn.min_force
  local normal = self.combat.normal
  local losses = {}
  for v = 1, m do
    -- Mean-one log-normal factor: noise changes who is lucky, not the expected losses.
    local factor = 1
    if sigma > 0 then factor = pm_exp(sigma * normal(0, 1) - sigma * sigma / 2) end
    local lost = before[v] - strengths[v]
    if lost < 0 then lost = 0 end
    lost = lost * factor
    if lost > before[v] then lost = before[v] end
    -- What is left below min_force is no force: it is lost too, to the same attackers.
    if before[v] - lost < min_force and lost > 0 then lost = before[v] end
    losses[v] = lost
    local attributed = 0.0
    for a = 1, m do attributed = attributed + dealt[(a - 1) * m + v] end
    if lost > 0 and attributed > 0 then
      for a = 1, m do
        local d = dealt[(a - 1) * m + v]
        if d > 0 then
          pairs_out[#pairs_out + 1] = { victim = sides[v], attacker = sides[a],
            loss = d * lost / attributed, before = before[v] }
        end
      end
    end
  end
  local running, lost_by = self.running, self.losses
  for v = 1, m do
    local left = before[v] - losses[v]
    F[(sides[v] - 1) * R + r] = left > 0 and left or 0.0
    if running then lost_by[sides[v]] = lost_by[sides[v]] + losses[v] end
  end
  if running then
    local data = {}
    for _, agent in ipairs(listed) do
      for v = 1, m do
        if sides[v] == agent then data[self.agents[agent].id] = losses[v] end
      end
    end
    self:record("clash", listed, r, data)
    for v = 1, m do
      if before[v] > 0 and losses[v] >= before[v] then self:record("eliminated", { sides[v] }, r) end
    end
  end
  return losses
end

-- Dynamic 2: in every region the forces of agents at war with one another fight for one tick.
function World:fight_battles()
  local pairs_out = {}
  local battles = 0
  local W, n, F, R = self.W, self.n, self.F, self.R
  for r = 1, R do
    -- Any pair at war among the forces present?
    local found = false
    local pi = r
    for i = 1, n do
      if F[pi] > 0 then
        local pj = pi + R
        for j = i + 1, n do
          if F[pj] > 0 and W[(i - 1) * n + j] then
            found = true
            break
          end
          pj = pj + R
        end
        if found then break end
      end
      pi = pi + R
    end
    if found then
      battles = battles + 1
      local present = {}
      for i = 1, n do if F[(i - 1) * R + r] > 0 then present[#present + 1] = i end end
      local sides = {}
      for _, i in ipairs(present) do
        for _, j in ipairs(present) do
          if W[(i - 1) * n + j] then sides[#sides + 1] = i break end
        end
      end
      local m = #sides
      local hostile = {}
      for a = 1, m do
        for b = 1, m do hostile[(a - 1) * m + b] = W[(sides[a] - 1) * n + sides[b]] end
      end
      self:resolve_battle(sides, hostile, r, self.tick_days, sides, pairs_out)
    end
  end
  self.battles_last_tick = battles
  return pairs_out
end

-- A scripted fight, at war or not, with the built-in model and blame.
function World:clash(attacker, defender, region, days)
  if attacker == defender then return 0, 0 end
  local lo, hi = attacker, defender
  if hi < lo then lo, hi = hi, lo end
  local pairs_out = {}
  local losses = self:resolve_battle({ lo, hi }, { false, true, true, false }, region, days,
    { attacker, defender }, pairs_out)
  self:assign_blame(pairs_out)
  local a = attacker < defender and 1 or 2
  return losses[a], losses[3 - a]
end

-- Whether k backs x: x's patron, or tied to x by a `support`, `arms_supply` or `intel_sharing`
-- tie (`backing`: the sets of those kinds that exist).
local function backs(agents, backing, k, x)
  if agents[x].patron == k then return true end
  local key = k * 65536 + x
  for _, set in ipairs(backing) do
    if set[key] then return true end
  end
  return false
end

-- Dynamic 3: a victim that lost a share s turns against its attacker (grievance * s) and, by
-- blame * grievance * s, against every agent that backs the attacker and backs the victim in none
-- of those ways.
function World:assign_blame(losses)
  local grievance = self.dyn.grievance
  if grievance == 0 or #losses == 0 then return end
  local backing = {}
  for _, name in ipairs(BACKING_TIE_KINDS) do
    local k = self.tie_kind_index[name]
    if k then backing[#backing + 1] = self.ties[k] end
  end
  local n, A, agents = self.n, self.A, self.agents
  for _, l in ipairs(losses) do
    if l.before > 0 then
      local share = l.loss / l.before
      if share > 1 then share = 1 end
      local victim, attacker = l.victim, l.attacker
      local row = (victim - 1) * n
      local v = A[row + attacker] - grievance * share
      A[row + attacker] = v < -1 and -1.0 or (v > 1 and 1.0 or v)
      local spill = self.dyn.blame * grievance * share
      if spill ~= 0 then
        for k = 1, n do
          if k ~= victim and k ~= attacker and backs(agents, backing, k, attacker)
              and not backs(agents, backing, k, victim) then
            local w = A[row + k] - spill
            A[row + k] = w < -1 and -1.0 or (w > 1 and 1.0 or w)
          end
        end
      end
    end
  end
end

-- Dynamic 4a: dA_ij/dt = balance (1 - A_ij^2) sum_k A_ik A_kj (per triad, not divided by N - 2),
-- explicit Euler substeps: enough that no alignment moves more than BALANCE_STEP_LIMIT in one, the
-- largest row sum of |A| bounding every drive.
function World:apply_structural_balance()
  local n, rate, dt = self.n, self.dyn.balance, self.tick_days
  if n < 3 or rate == 0 or dt <= 0 then return end
  local A, P = self.A, self.P
  local largest = 0.0
  for i = 0, n - 1 do
    local sum = 0.0
    for p = i * n + 1, i * n + n do sum = sum + abs(A[p]) end
    if sum > largest then largest = sum end
  end
  local substeps = ceil(abs(rate) * dt * largest / BALANCE_STEP_LIMIT)
  if substeps < 1 then substeps = 1 end
  self.balance_substeps_last_tick = substeps
  local gain = rate * (dt / substeps)
  -- Rows and columns of A copied into tables of their own: the inner product then reads two
  -- arrays with the loop index, the cheapest loop plain Lua has.
  local rows, cols = self.rows, self.cols
  if not rows or #rows ~= n then
    rows, cols = {}, {}
    for i = 1, n do rows[i], cols[i] = {}, {} end
    self.rows, self.cols = rows, cols
  end
  for _ = 1, substeps do
    for i = 1, n do
      local r, base = rows[i], (i - 1) * n
      for j = 1, n do
        local a = A[base + j]
        r[j] = a
        cols[j][i] = a
      end
    end
    -- P = A * A, each P_ij summed over k in ascending order as simrun does (the diagonal of A
    -- is 0, so P_ij is the sum over k ~= i, j).
    for i = 1, n do
      local r, row = rows[i], (i - 1) * n
      for j = 1, n do
        local c, s = cols[j], 0.0
        for k = 1, n do s = s + r[k] * c[k] end
        P[row + j] = s
      end
    end
    for i = 0, n - 1 do
      local row = i * n
      for p = row + 1, row + n do
        if p ~= row + i + 1 then
          local v = A[p]
          v = v + gain * (1 - v * v) * P[p]
          A[p] = v < -1 and -1.0 or (v > 1 and 1.0 or v)
        end
      end
    end
  end
end

-- Dynamic 4b: every alignment moves toward its baseline by 1 - exp(-decay dt).
function World:apply_decay()
  local rate = self.dyn.decay
  if rate == 0 then return end
  local pull = -expm1(-rate * self.tick_days)
  local A, B = self.A, self.base
  for p = 1, #A do A[p] = A[p] + (B[p] - A[p]) * pull end
end

-- Share of balanced triads weighted by |p_ij p_jk p_ik|, p symmetrised.
function World:balance_index()
  local n, A = self.n, self.A
  if n < 3 then return 1 end
  local p = self.Psym
  if not p then p = {}; self.Psym = p end
  for i = 0, n - 1 do
    local ri = i * n + 1
    for j = i + 1, n - 1 do p[ri + j] = (A[ri + j] + A[j * n + i + 1]) / 2 end
  end
  local balanced, total = 0.0, 0.0
  for i = 0, n - 1 do
    local ri = i * n + 1
    for j = i + 1, n - 1 do
      local pij = p[ri + j]
      if pij ~= 0 then
        local rj = j * n + 1
        for k = j + 1, n - 1 do
          local product = pij * p[rj + k] * p[ri + k]
          if product > 0 then
            total = total + product
            balanced = balanced + product
          else
            total = total - product          -- + |product|
          end
        end
      end
    end
  end
  return total > 0 and balanced / total or 1
end

-- Puts two agents at war or at peace (World+War.swift setWar): restarts the pair's clock, records
-- `war` or `peace` with its cause during the run. Returns whether the state changed.
function World:set_war(i, j, war, cause)
  if i == j then return false end
  local n, W = self.n, self.W
  local lo, hi = i, j
  if hi < lo then lo, hi = hi, lo end
  self.WC[(lo - 1) * n + hi] = 0.0
  if W[(i - 1) * n + j] == war then return false end
  W[(i - 1) * n + j] = war
  W[(j - 1) * n + i] = war
  self:record(war and "war" or "peace", { i, j }, nil, { cause = cause })
  return true
end

-- Dynamic 6 (World+War.swift updateWars): a pair at peace whose alignments have both been at or
-- below `hostility` for `war_days`, both of them armed (a force somewhere, or on the move), goes to
-- war (cause `hostility`); a pair at war whose alignments have both been above hostility +
-- hysteresis as long makes peace (`calm`). Never by itself between an agent and its patron.
function World:update_wars()
  local days = self.dyn.war_days
  if not (days > 0) then return end
  local n, A, W, WC, agents = self.n, self.A, self.W, self.WC, self.agents
  local armed = {}
  for a = 1, n do armed[a] = self:total_force(a) > 0 end
  for _, mv in ipairs(self.moves) do armed[mv.agent] = true end
  local hostile = self.dyn.hostility
  local calm = hostile + self.dyn.hysteresis
  local dt, due = self.tick_days, days * (1 - 1e-12)
  for i = 1, n do
    local row = (i - 1) * n
    for j = i + 1, n do
      local p = row + j
      local a, b = A[p], A[(j - 1) * n + i]
      local drifting
      if W[p] then drifting = a > calm and b > calm
      else
        drifting = a <= hostile and b <= hostile and armed[i] and armed[j]
          and agents[i].patron ~= j and agents[j].patron ~= i
      end
      if not drifting then
        WC[p] = 0.0
      else
        WC[p] = WC[p] + dt
        if WC[p] >= due then
          self:set_war(i, j, not W[p], W[p] and "calm" or "hostility")
        end
      end
    end
  end
end

-- World+Losses.swift: strength lost outside a clash (sim.loss). A remainder below min_force goes
-- too; records `loss` (and `eliminated`); with `by`, the victim blames it as after a clash.
function World:loss(a, r, strength, cause, by)
  local F, p = self.F, (a - 1) * self.R + r
  local before = F[p]
  local lost = strength > 0 and strength or 0.0
  if lost > before then lost = before end
  if before - lost < self.dyn.min_force and lost > 0 then lost = before end
  local left = before - lost
  F[p] = left > 0 and left or 0.0
  if self.running then self.losses[a] = self.losses[a] + lost end
  self:record("loss", by and { a, by } or { a }, r, { strength = lost, cause = cause })
  if before > 0 and lost >= before then self:record("eliminated", { a }, r) end
  if by and by ~= a and lost > 0 then
    self:assign_blame({ { victim = a, attacker = by, loss = lost, before = before } })
  end
  return lost
end

function World:apply_dynamics()
  self:advance_movements()
  local losses = self:fight_battles()
  self:assign_blame(losses)
  self:apply_structural_balance()
  self:apply_decay()
  self:update_wars()
end

E.new_world = new_world
E.World = World

---------------------------------------------------------------------------------------------
-- Scenario files: each file read and compiled once per process, its bytecode loaded into every
-- run's fresh environment (what simrun's ScenarioCache does).
---------------------------------------------------------------------------------------------

local compiled = {}

local function normalize(path)
  local absolute = path:sub(1, 1) == "/"
  local parts = {}
  for part in path:gmatch("[^/]+") do
    if part == ".." then
      if #parts > 0 and parts[#parts] ~= ".." then parts[#parts] = nil
      elseif not absolute then parts[#parts + 1] = ".." end
    elseif part ~= "." then
      parts[#parts + 1] = part
    end
  end
  return (absolute and "/" or "") .. concat(parts, "/")
end

local function dirname(path)
  return path:match("^(.*)/[^/]*$") or "."
end

local function load_file(path, env)
  local bytes = compiled[path]
  if not bytes then
    local chunk, message = loadfile(path, "t")
    if not chunk then error(message, 0) end
    bytes = string.dump(chunk)
    compiled[path] = bytes
  end
  local chunk, message = load(bytes, "@" .. path, "b", env)
  if not chunk then error(message, 0) end
  return chunk
end

---------------------------------------------------------------------------------------------
-- The run: the sim.* API bound to one world, and the tick loop (Simulation.swift).
---------------------------------------------------------------------------------------------

local Run = {}
Run.__index = Run


local function fail(fname, message) error(fname .. ": " .. message, 3) end

-- Field check: a table has only the listed keys.
local function only_fields(fname, t, allowed, what)
  for k in pairs(t) do
    if not allowed[k] then
      error(fname .. ": " .. (what or "argument") .. " has an unknown field '" .. tostring(k) .. "'", 4)
    end
  end
end

local function set_of(list) local s = {} for _, v in ipairs(list) do s[v] = true end return s end
local SCENARIO_FIELDS = set_of { "name", "description", "start", "steps", "source", "tick_days" }
local PARAM_OPTIONS = set_of { "min", "max", "doc", "choices", "fixed", "sample" }
local DYNAMICS_FIELDS = set_of { "speed", "noise", "grievance", "blame", "balance", "decay", "hostility",
  "war_days", "hysteresis", "min_force", "thresholds" }
local REGION_FIELDS = set_of { "id", "name", "country", "lat", "lon" }
local AGENT_FIELDS = set_of { "id", "name", "short", "kind", "resources", "patron", "effectiveness" }
local MUTUAL_FIELDS = set_of { "mutual" }
local CLASH_FIELDS = set_of { "attacker", "defender", "region", "days" }
local POLICY_FIELDS = set_of { "every" }
local RATE_LIMITS = { speed = 100000, noise = 10, grievance = 100, blame = 100, balance = 100, decay = 1000,
  war_days = 3650, hysteresis = 2, min_force = 1000000 }
local RATE_NAMES = { "speed", "hostility", "noise", "grievance", "blame", "balance", "decay", "war_days",
  "hysteresis", "min_force" }
local WAR_FIELDS = set_of { "cause" }
local LOSS_FIELDS = set_of { "cause", "by" }

-- The sandbox's globals (Sandbox.swift's allow-list); math.random draws from the stream the script
-- draws from now (w.draw), like sim.random.
local function make_env(w)
  local env = {
    _VERSION = _VERSION, assert = assert, error = error, getmetatable = getmetatable,
    ipairs = ipairs, next = next, pairs = pairs, pcall = pcall, rawequal = rawequal,
    rawget = rawget, rawlen = rawlen, rawset = rawset, select = select,
    setmetatable = setmetatable, tonumber = tonumber, tostring = tostring, type = type,
    xpcall = xpcall, table = table, string = string, utf8 = utf8,
  }
  local m = {}
  for k, v in pairs(math) do m[k] = v end
  m.randomseed = nil
  m.random = function(lo, hi)
    if lo == nil then return w.draw.uniform() end
    lo = tointeger(lo) or error("bad argument #1 to 'random' (number has no integer representation)", 2)
    if hi == nil then
      if lo == 0 then return w.draw.next64() end
      lo, hi = 1, lo
    else
      hi = tointeger(hi) or error("bad argument #2 to 'random' (number has no integer representation)", 2)
    end
    if lo > hi then error("bad argument to 'random' (interval is empty)", 2) end
    return w.draw.integer(lo, hi)
  end
  env.math = m
  env._G = env
  return env
end

--- Builds a fresh world, runs the scenario's setup in a fresh environment and returns the run.
--- opts: file (path of the main scenario), seed (64-bit integer), params ({name = text}).
function E.new_run(opts)
  local w = new_world(opts.seed)
  local run = setmetatable({
    world = w, file = normalize(opts.file), root = dirname(normalize(opts.file)),
    overrides = opts.params or {}, declaration = nil, params = {}, param_names = {},
    at_hooks = {}, tick_handlers = {}, event_handlers = {}, any_handlers = {},
    policies = {}, metric_names = {}, metric_fns = {}, metrics = {},
    outcome_names = {}, outcome_fns = {}, observed_names = {}, observed_fns = {}, log = {},
    dispatched = 0, has_handlers = false, setup = true,
    include_results = {}, including = {}, pending = {},
  }, Run)
  local env = make_env(w)
  run.env = env
  env.sim = run:make_sim()
  env.print = env.sim.log               -- `print` logs, as in simrun's sandbox
  run.including[run.file] = true
  load_file(run.file, env)()
  run.setup = false
  for _, ref in ipairs(run.pending) do
    local a = w.agent_index[ref.agent]
    if not a then error(ref.what .. ": unknown agent '" .. ref.agent .. "'", 0) end
    ref.set(a)
  end
  for name in pairs(run.overrides) do
    if not run.param_names[name] then error("--param " .. name .. ": the scenario has no such param", 0) end
  end
  if not run.declaration then error(run.file .. ": the scenario never calls sim.scenario{...}", 0) end
  return run
end

function Run:make_sim()
  local run, w = self, self.world
  local agent_index, region_index = w.agent_index, w.region_index
  local sim = {}

  local function agent_arg(fname, v, argname)
    local i = agent_index[v]
    if i then return i end
    if type(v) ~= "string" then
      error(fname .. ": argument " .. argname .. " must be an agent id, got " .. type(v), 3)
    end
    error(fname .. ": argument " .. argname .. ": unknown agent '" .. v .. "'", 3)
  end
  local function region_arg(fname, v, argname)
    local r = region_index[v]
    if r then return r end
    if type(v) ~= "string" then
      error(fname .. ": argument " .. argname .. " must be a region id, got " .. type(v), 3)
    end
    error(fname .. ": argument " .. argname .. ": unknown region '" .. v .. "'", 3)
  end
  local function number_arg(fname, v, argname)
    if type(v) ~= "number" or v ~= v then
      error(fname .. ": argument " .. argname .. " must be a number, got " .. type(v), 3)
    end
    return v
  end
  local function require_setup(fname)
    if not run.setup then error(fname .. ": only allowed while the scenario sets up, not in hooks", 3) end
  end
  local function mutual_option(fname, opts)
    if opts == nil then return false end
    if type(opts) ~= "table" then error(fname .. ": argument #4 (options) must be a table", 3) end
    only_fields(fname, opts, MUTUAL_FIELDS, "argument #4 (options)")
    return opts.mutual and true or false
  end
  local function distinct_pair(fname, a, b)
    local i = agent_index[a] or agent_arg(fname, a, "#1 (a)")
    local j = agent_index[b] or agent_arg(fname, b, "#2 (b)")
    if i == j then error(fname .. ": an agent has no alignment toward itself ('" .. a .. "')", 3) end
    return i, j
  end

  -- Declarations -------------------------------------------------------------------------

  function sim.scenario(spec)
    require_setup("sim.scenario")
    if run.declaration then error("sim.scenario: the scenario is already declared", 2) end
    if type(spec) ~= "table" then error("sim.scenario: argument #1 (spec) must be a table", 2) end
    only_fields("sim.scenario", spec, SCENARIO_FIELDS)
    if type(spec.name) ~= "string" then error("sim.scenario: field 'name' must be a string", 2) end
    local start = parse_date(spec.start)
    if not start then error("sim.scenario: field 'start' must be a date YYYY-MM-DD", 2) end
    local steps = spec.steps
    if steps ~= nil and (not tointeger(steps) or steps < 0 or steps > 10000000) then
      error("sim.scenario: field 'steps' must be an integer in [0, 10000000]", 2)
    end
    local tick_days = spec.tick_days or 1
    if type(tick_days) ~= "number" or tick_days < 0.001 or tick_days > 3650 then
      error("sim.scenario: field 'tick_days' must be in [0.001, 3650]", 2)
    end
    run.declaration = { name = spec.name, description = spec.description or "", start = start,
      steps = steps and tointeger(steps), source = spec.source, tick_days = tick_days }
    w.start, w.tick_days = start, tick_days + 0.0
  end

  function sim.param(name, default, opts)
    require_setup("sim.param")
    if type(name) ~= "string" then error("sim.param: argument #1 (name) must be a string", 2) end
    if run.param_names[name] then error("sim.param: param '" .. name .. "' is already declared", 2) end
    local kind = type(default)
    if kind ~= "number" and kind ~= "boolean" and kind ~= "string" then
      error("sim.param: argument #2 (default) must be a number, boolean or string, got " .. kind, 2)
    end
    local min, max
    if opts ~= nil then
      if type(opts) ~= "table" then error("sim.param: argument #3 (options) must be a table", 2) end
      only_fields("sim.param", opts, PARAM_OPTIONS, "argument #3 (options)")
      min, max = opts.min, opts.max
    end
    local value = default
    local text = run.overrides[name]
    if text ~= nil then
      if mathtype(default) == "integer" then value = tointeger(tonumber(text))
      elseif kind == "number" then value = tonumber(text); if value then value = value + 0.0 end
      elseif kind == "boolean" then
        local t = text:lower()
        if t == "true" or t == "1" or t == "yes" then value = true
        elseif t == "false" or t == "0" or t == "no" then value = false
        else value = nil end
      else value = text end
      if value == nil then error("--param " .. name .. "=" .. text .. ": expected a " .. kind, 0) end
    end
    if kind == "number" then
      if min and value < min then error("sim.param: '" .. name .. "' is below its min " .. min, 2) end
      if max and value > max then error("sim.param: '" .. name .. "' is above its max " .. max, 2) end
    end
    run.param_names[name] = true
    run.params[#run.params + 1] = { name = name, value = value }
    return value
  end

  -- sim.dynamics{...} sets rates; sim.dynamics() returns those in force, thresholds included.
  function sim.dynamics(rates)
    if rates == nil then
      local dyn = w.dyn
      local result = { thresholds = {} }
      for _, name in ipairs(RATE_NAMES) do result[name] = dyn[name] end
      for q, v in ipairs(dyn.thresholds or { dyn.hostility }) do result.thresholds[q] = v end
      return result
    end
    if type(rates) ~= "table" then error("sim.dynamics: argument #1 (rates) must be a table", 2) end
    only_fields("sim.dynamics", rates, DYNAMICS_FIELDS)
    local dyn = w.dyn
    for key, limit in pairs(RATE_LIMITS) do
      local v = rates[key]
      if v ~= nil then
        if type(v) ~= "number" or not (v >= 0 and v <= limit) then
          error("sim.dynamics: field '" .. key .. "' must be in [0, " .. limit .. "]", 2)
        end
        dyn[key] = v + 0.0
      end
    end
    if rates.hostility ~= nil then
      local v = rates.hostility
      if type(v) ~= "number" or not (v >= -1 and v <= 1) then
        error("sim.dynamics: field 'hostility' must be in [-1, 1]", 2)
      end
      dyn.hostility = v + 0.0
    end
    if rates.thresholds ~= nil then
      local list = {}
      for p, v in ipairs(rates.thresholds) do
        if type(v) ~= "number" then error("sim.dynamics: thresholds[" .. p .. "] must be a number", 2) end
        list[p] = v
      end
      dyn.thresholds = list
    end
  end

  function sim.region(spec)
    require_setup("sim.region")
    if type(spec) ~= "table" then error("sim.region: argument #1 (spec) must be a table", 2) end
    only_fields("sim.region", spec, REGION_FIELDS)
    local id, lat, lon = spec.id, spec.lat, spec.lon
    if type(id) ~= "string" then error("sim.region: field 'id' must be a string", 2) end
    if type(lat) ~= "number" or lat < -90 or lat > 90 then error("sim.region: field 'lat' must be in [-90, 90]", 2) end
    if type(lon) ~= "number" or lon < -180 or lon > 180 then error("sim.region: field 'lon' must be in [-180, 180]", 2) end
    if region_index[id] then error("sim.region: region '" .. id .. "' is already declared", 2) end
    local region = { id = id, name = spec.name or id, lat = lat + 0.0, lon = lon + 0.0, country = nil }
    w:add_region(region)
    local country = spec.country
    if country ~= nil then
      if type(country) ~= "string" then error("sim.region: field 'country' must be a string", 2) end
      local a = agent_index[country]
      if a then region.country = a
      else
        run.pending[#run.pending + 1] = { agent = country, what = "sim.region: field 'country' of '" .. id .. "'",
          set = function(i) region.country = i end }
      end
    end
  end

  function sim.link(a, b, km)
    require_setup("sim.link")
    local i = region_index[a] or region_arg("sim.link", a, "#1 (a)")
    local j = region_index[b] or region_arg("sim.link", b, "#2 (b)")
    if i == j then error("sim.link: cannot link region '" .. a .. "' to itself", 2) end
    if km ~= nil then
      number_arg("sim.link", km, "#3 (km)")
      if km <= 0 then error("sim.link: argument #3 (km) must be above 0", 2) end
      km = km + 0.0
    end
    w:link(i, j, km)
  end

  function sim.agent(spec)
    require_setup("sim.agent")
    if type(spec) ~= "table" then error("sim.agent: argument #1 (spec) must be a table", 2) end
    only_fields("sim.agent", spec, AGENT_FIELDS)
    local id, kind = spec.id, spec.kind
    if type(id) ~= "string" then error("sim.agent: field 'id' must be a string", 2) end
    if type(kind) ~= "string" then error("sim.agent: field 'kind' must be a string", 2) end
    -- The short label only names the agent in simrun's pictures: checked as simrun does, not kept.
    local short = spec.short
    if short ~= nil and (type(short) ~= "string" or #short == 0 or (utf8.len(short) or 17) > 16) then
      error("sim.agent: field 'short' must be a string of 1 to 16 characters", 2)
    end
    local effectiveness = spec.effectiveness or 0.05
    if type(effectiveness) ~= "number" or effectiveness < 0 then
      error("sim.agent: field 'effectiveness' must be 0 or more", 2)
    end
    if agent_index[id] then error("sim.agent: agent '" .. id .. "' is already declared", 2) end
    local agent = { id = id, name = spec.name or id, kind = kind, patron = nil, effectiveness = effectiveness + 0.0 }
    local a = w:add_agent(agent)
    -- Countries and patrons that named this agent before it was declared.
    local pending, kept = run.pending, {}
    for _, ref in ipairs(pending) do
      if ref.agent == id then ref.set(a) else kept[#kept + 1] = ref end
    end
    run.pending = kept
    if spec.resources ~= nil then
      if type(spec.resources) ~= "table" then error("sim.agent: field 'resources' must be a table of numbers", 2) end
      local keys = {}
      for k in pairs(spec.resources) do keys[#keys + 1] = k end
      sort(keys)
      for _, k in ipairs(keys) do
        local v = spec.resources[k]
        if type(v) ~= "number" then error("sim.agent: resources." .. k .. " must be a number", 2) end
        w.resources[w:declare_resource(k)][a] = v + 0.0
      end
    end
    if spec.patron ~= nil then
      local p = agent_index[spec.patron]
      if p then agent.patron = p
      else
        run.pending[#run.pending + 1] = { agent = spec.patron, what = "sim.agent: field 'patron' of '" .. id .. "'",
          set = function(i) agent.patron = i end }
      end
    end
  end

  function sim.include(relative)
    require_setup("sim.include")
    if type(relative) ~= "string" then error("sim.include: argument #1 (path) must be a string", 2) end
    local caller = debug.getinfo(2, "S").source
    local from = caller:sub(1, 1) == "@" and caller:sub(2) or run.file
    local resolved = normalize(dirname(from) .. "/" .. relative)
    if resolved:sub(1, #run.root + 1) ~= run.root .. "/" then
      error("sim.include: '" .. relative .. "' is outside the scenario's folder", 2)
    end
    local done = run.include_results[resolved]
    if done then return done.value end
    if run.including[resolved] then error("sim.include: '" .. relative .. "' includes itself (an include cycle)", 2) end
    run.including[resolved] = true
    local value = load_file(resolved, run.env)()
    run.including[resolved] = nil
    run.include_results[resolved] = { value = value }
    return value
  end

  -- Relations ----------------------------------------------------------------------------

  -- sim.align sets the alignment with its baseline; sim.baseline(a, b, v) the baseline alone.
  local function set_checked(fname, a, b, value, baseline_only)
    local stored
    if baseline_only then stored = w:set_baseline(a, b, value) else stored = w:align(a, b, value) end
    if stored ~= value then
      w:warn_once("clamp " .. a .. " " .. b, fname .. ": alignment of " .. w.agents[a].id .. " toward "
        .. w.agents[b].id .. " was " .. value .. ", clamped to " .. stored)
    end
  end

  function sim.align(a, b, value, opts)
    local i, j = distinct_pair("sim.align", a, b)
    number_arg("sim.align", value, "#3 (value)")
    local mutual = mutual_option("sim.align", opts)
    value = value + 0.0
    set_checked("sim.align", i, j, value)
    if mutual then set_checked("sim.align", j, i, value) end
  end

  function sim.baseline(a, b, value, opts)
    local i, j = distinct_pair("sim.baseline", a, b)
    if value ~= nil then
      number_arg("sim.baseline", value, "#3 (value)")
      local mutual = mutual_option("sim.baseline", opts)
      value = value + 0.0
      set_checked("sim.baseline", i, j, value, true)
      if mutual then set_checked("sim.baseline", j, i, value, true) end
    end
    return w.base[(i - 1) * w.n + j]
  end

  function sim.alignment(a, b)
    local i, j = agent_index[a], agent_index[b]
    if not i or not j or i == j then i, j = distinct_pair("sim.alignment", a, b) end
    return w.A[(i - 1) * w.n + j]
  end

  function sim.shift(a, b, delta, opts)
    local i, j = agent_index[a], agent_index[b]
    if not i or not j or i == j then i, j = distinct_pair("sim.shift", a, b) end
    if type(delta) ~= "number" or delta ~= delta then number_arg("sim.shift", delta, "#3 (delta)") end
    local A, n = w.A, w.n
    local p = (i - 1) * n + j
    local v = A[p] + delta
    if v > 1 then v = 1.0 elseif v < -1 then v = -1.0 end
    A[p] = v
    if opts ~= nil and mutual_option("sim.shift", opts) then
      local q = (j - 1) * n + i
      local u = A[q] + delta
      if u > 1 then u = 1.0 elseif u < -1 then u = -1.0 end
      A[q] = u
    end
    return v
  end

  local function tie_arguments(fname, a, b, kind)
    local i, j = distinct_pair(fname, a, b)
    if type(kind) ~= "string" or kind == "" then error(fname .. ": argument #3 (kind) must be a non-empty string", 3) end
    return i, j
  end

  function sim.tie(a, b, kind, opts)
    local i, j = tie_arguments("sim.tie", a, b, kind)
    local mutual = mutual_option("sim.tie", opts)
    local k = w:tie_kind(kind)
    w:make_tie(i, j, k)
    if mutual then w:make_tie(j, i, k) end
  end

  function sim.cut(a, b, kind, opts)
    local i, j = tie_arguments("sim.cut", a, b, kind)
    local mutual = mutual_option("sim.cut", opts)
    local k = w.tie_kind_index[kind]
    if not k then return end
    w:cut_tie(i, j, k)
    if mutual then w:cut_tie(j, i, k) end
  end

  function sim.tied(a, b, kind)
    local i, j = tie_arguments("sim.tied", a, b, kind)
    local k = w.tie_kind_index[kind]
    return k ~= nil and w.ties[k][i * 65536 + j] == true
  end

  -- War ----------------------------------------------------------------------------------

  local function war_arguments(fname, a, b, opts)
    local i = agent_index[a] or agent_arg(fname, a, "#1 (a)")
    local j = agent_index[b] or agent_arg(fname, b, "#2 (b)")
    if i == j then error(fname .. ": an agent cannot be at war with itself ('" .. a .. "')", 3) end
    local cause = "declared"
    if opts ~= nil then
      if type(opts) ~= "table" then error(fname .. ": argument #3 (options) must be a table", 3) end
      only_fields(fname, opts, WAR_FIELDS, "argument #3 (options)")
      if opts.cause ~= nil then
        if type(opts.cause) ~= "string" then error(fname .. ": field 'cause' must be a string", 3) end
        cause = opts.cause
      end
    end
    return i, j, cause
  end

  function sim.war(a, b, opts)
    local i, j, cause = war_arguments("sim.war", a, b, opts)
    return w:set_war(i, j, true, cause)
  end

  function sim.peace(a, b, opts)
    local i, j, cause = war_arguments("sim.peace", a, b, opts)
    return w:set_war(i, j, false, cause)
  end

  function sim.at_war(a, b)
    local i = agent_index[a] or agent_arg("sim.at_war", a, "#1 (a)")
    local j = agent_index[b] or agent_arg("sim.at_war", b, "#2 (b)")
    return i ~= j and w.W[(i - 1) * w.n + j]
  end

  -- Forces -------------------------------------------------------------------------------

  function sim.deploy(agent, region, strength)
    local a = agent_index[agent] or agent_arg("sim.deploy", agent, "#1 (agent)")
    local r = region_index[region] or region_arg("sim.deploy", region, "#2 (region)")
    number_arg("sim.deploy", strength, "#3 (strength)")
    w:deploy(a, r, strength + 0.0)
  end

  function sim.move(agent, from, to, strength)
    local a = agent_index[agent] or agent_arg("sim.move", agent, "#1 (agent)")
    local f = region_index[from] or region_arg("sim.move", from, "#2 (from)")
    local t = region_index[to] or region_arg("sim.move", to, "#3 (to)")
    if f == t then error("sim.move: 'from' and 'to' are the same region '" .. from .. "'", 2) end
    local available = w.F[(a - 1) * w.R + f]
    if strength == nil then strength = available
    else
      number_arg("sim.move", strength, "#4 (strength)")
      if strength < 0 then error("sim.move: argument #4 (strength) must be 0 or more", 2) end
      if not run.setup and strength > 0 and strength < w.dyn.min_force then
        error("sim.move: argument #4 (strength) " .. strength .. " is below min_force " .. w.dyn.min_force
          .. ": no force that small exists", 2)
      end
      if strength > available * (1 + 1e-12) then
        error("sim.move: " .. agent .. " has " .. available .. " in " .. from .. ", cannot move " .. strength, 2)
      end
    end
    if strength > available then strength = available end
    return w:move(a, f, t, strength + 0.0)
  end

  function sim.loss(agent, region, strength, opts)
    local a = agent_index[agent] or agent_arg("sim.loss", agent, "#1 (agent)")
    local r = region_index[region] or region_arg("sim.loss", region, "#2 (region)")
    number_arg("sim.loss", strength, "#3 (strength)")
    if strength < 0 then error("sim.loss: argument #3 (strength) must be 0 or more", 2) end
    local cause, by
    if opts ~= nil then
      if type(opts) ~= "table" then error("sim.loss: argument #4 (options) must be a table", 2) end
      only_fields("sim.loss", opts, LOSS_FIELDS, "argument #4 (options)")
      if opts.cause ~= nil then
        if type(opts.cause) ~= "string" then error("sim.loss: field 'cause' must be a string", 2) end
        cause = opts.cause
      end
      if opts.by ~= nil then by = agent_index[opts.by] or agent_arg("sim.loss", opts.by, "field 'by'") end
    end
    return w:loss(a, r, strength + 0.0, cause, by)
  end

  function sim.losses(agent)
    local a = agent_index[agent] or agent_arg("sim.losses", agent, "#1 (agent)")
    return w.losses[a]
  end

  function sim.forces(agent)
    local a = agent_index[agent] or agent_arg("sim.forces", agent, "#1 (agent)")
    local F, R, regions = w.F, w.R, w.regions
    local base = (a - 1) * R
    local result = {}
    for r = 1, R do
      local s = F[base + r]
      if s > 0 then result[regions[r].id] = s end
    end
    return result
  end

  function sim.strength(agent, region)
    local a = agent_index[agent] or agent_arg("sim.strength", agent, "#1 (agent)")
    if region == nil then return w:total_force(a) end
    local r = region_index[region] or region_arg("sim.strength", region, "#2 (region)")
    return w.F[(a - 1) * w.R + r]
  end

  function sim.clash(spec)
    if type(spec) ~= "table" then error("sim.clash: argument #1 (spec) must be a table", 2) end
    only_fields("sim.clash", spec, CLASH_FIELDS)
    local a = agent_index[spec.attacker] or agent_arg("sim.clash", spec.attacker, "field 'attacker'")
    local d = agent_index[spec.defender] or agent_arg("sim.clash", spec.defender, "field 'defender'")
    local r = region_index[spec.region] or region_arg("sim.clash", spec.region, "field 'region'")
    local days = spec.days or 1
    if a == d then error("sim.clash: attacker and defender are the same agent", 2) end
    if type(days) ~= "number" or not (days > 0) then error("sim.clash: field 'days' must be above 0", 2) end
    local la, ld = w:clash(a, d, r, days + 0.0)
    return { attacker = la, defender = ld }
  end

  -- Queries ------------------------------------------------------------------------------

  function sim.tick() return w.tick end

  function sim.date() return w:date_text(w.tick) end

  function sim.balance() return w:balance_index() end

  -- Hooks --------------------------------------------------------------------------------

  local function function_arg(fname, f, argname)
    if type(f) ~= "function" then error(fname .. ": argument " .. argname .. " must be a function", 3) end
    return f
  end

  function sim.on(event_type, fn)
    if type(event_type) ~= "string" then error("sim.on: argument #1 (event_type) must be a string", 2) end
    function_arg("sim.on", fn, "#2 (fn)")
    if event_type == "tick" then
      run.tick_handlers[#run.tick_handlers + 1] = fn
    elseif event_type == "*" then
      run.any_handlers[#run.any_handlers + 1] = fn
      run.has_handlers = true
    else
      local list = run.event_handlers[event_type]
      if not list then list = {}; run.event_handlers[event_type] = list end
      list[#list + 1] = fn
      run.has_handlers = true
    end
  end

  function sim.emit(event_type, spec)
    if type(event_type) ~= "string" or event_type == "" or event_type == "tick" or event_type == "*" then
      error("sim.emit: argument #1 (event_type) must be a event type name", 2)
    end
    local agents, region, data = {}, nil, {}
    if spec ~= nil then
      if type(spec) ~= "table" then error("sim.emit: argument #2 (data) must be a table", 2) end
      for key, value in pairs(spec) do
        if key == "agents" then
          if type(value) ~= "table" then error("sim.emit: field 'agents' must be an array of agent ids", 2) end
          for p = 1, #value do
            agents[p] = agent_index[value[p]] or agent_arg("sim.emit", value[p], "agents[" .. p .. "]")
          end
        elseif key == "region" then
          region = region_index[value] or region_arg("sim.emit", value, "field 'region'")
        else
          local t = type(value)
          if t ~= "number" and t ~= "boolean" and t ~= "string" then
            error("sim.emit: field '" .. tostring(key) .. "' must be a number, boolean or string", 2)
          end
          if t == "number" and (value ~= value or value == huge or value == -huge) then
            error("sim.emit: field '" .. tostring(key) .. "' must be a finite number", 2)
          end
          data[key] = value
        end
      end
    end
    w:record(event_type, agents, region, data)
  end

  function sim.at(when, fn)
    local tick
    if type(when) == "string" then
      local days = parse_date(when)
      if not days then error("sim.at: argument #1 (when) must be a tick or a date YYYY-MM-DD, got '" .. when .. "'", 2) end
      if not run.declaration then error("sim.at: declare sim.scenario{start=...} before using dates", 2) end
      days = days - run.declaration.start
      if days < 0 then error("sim.at: " .. when .. " is before the start", 2) end
      tick = ceil(days / run.declaration.tick_days)
    else
      tick = tointeger(when)
      if not tick then error("sim.at: argument #1 (when) must be a tick or a date YYYY-MM-DD", 2) end
      if tick < 0 then error("sim.at: argument #1 (when) must be 0 or more", 2) end
    end
    function_arg("sim.at", fn, "#2 (fn)")
    local list = run.at_hooks[tick]
    if not list then list = {}; run.at_hooks[tick] = list end
    list[#list + 1] = fn
  end

  function sim.policy(agent, fn, opts)
    local a = agent_index[agent] or agent_arg("sim.policy", agent, "#1 (agent)")
    function_arg("sim.policy", fn, "#2 (fn)")
    local period = 1
    if opts ~= nil then
      if type(opts) ~= "table" then error("sim.policy: argument #3 (options) must be a table", 2) end
      only_fields("sim.policy", opts, POLICY_FIELDS, "argument #3 (options)")
      if opts.every ~= nil then
        period = tointeger(opts.every)
        if not period or period < 1 then error("sim.policy: field 'every' must be 1 or more", 2) end
      end
    end
    -- Policies fire in agent declaration order, each agent's in registration order.
    local list = run.policies
    local position = #list + 1
    for p = 1, #list do
      if list[p].agent > a then position = p break end
    end
    table.insert(list, position, { agent = a, id = w.agents[a].id, period = period, fn = fn })
  end

  -- Randomness ---------------------------------------------------------------------------

  -- From the stream the script draws from now: the running policy's own, else `script`.
  function sim.random() return w.draw.uniform() end

  function sim.chance(p)
    if type(p) ~= "number" or not (p >= 0 and p <= 1) then
      error("sim.chance: argument #1 (p) must be in [0, 1], got " .. tostring(p), 2)
    end
    return w.draw.uniform() < p
  end

  -- Output -------------------------------------------------------------------------------

  local function unique_name(fname, name, names)
    if type(name) ~= "string" or name == "" then error(fname .. ": argument #1 (name) must be a non-empty string", 3) end
    for _, existing in ipairs(names) do
      if existing == name then error(fname .. ": '" .. name .. "' is already declared", 3) end
    end
  end

  function sim.metric(name, fn)
    require_setup("sim.metric")
    unique_name("sim.metric", name, run.metric_names)
    function_arg("sim.metric", fn, "#2 (fn)")
    run.metric_names[#run.metric_names + 1] = name
    run.metric_fns[#run.metric_fns + 1] = fn
    run.metrics[#run.metrics + 1] = {}
  end

  function sim.outcome(name, fn)
    require_setup("sim.outcome")
    unique_name("sim.outcome", name, run.outcome_names)
    function_arg("sim.outcome", fn, "#2 (fn)")
    run.outcome_names[#run.outcome_names + 1] = name
    run.outcome_fns[#run.outcome_fns + 1] = fn
  end

  -- sim.observed(name, fn): a fact of the historical record; fn says at the end of the run, after
  -- the outcomes, whether this run reproduced it (a boolean).
  function sim.observed(name, fn)
    require_setup("sim.observed")
    unique_name("sim.observed", name, run.observed_names)
    function_arg("sim.observed", fn, "#2 (fn)")
    run.observed_names[#run.observed_names + 1] = name
    run.observed_fns[#run.observed_fns + 1] = fn
  end

  function sim.log(...)
    local parts = {}
    for p = 1, select("#", ...) do
      local v = select(p, ...)
      local t = type(v)
      if t == "number" and mathtype(v) == "float" and v == floor(v) and abs(v) < 1e14 then
        parts[p] = string.format("%.1f", v)
      elseif t == "string" or t == "number" or t == "boolean" or t == "nil" then
        parts[p] = tostring(v)
      else
        error("sim.log: argument #" .. p .. " must be a string, number or boolean, got " .. t, 2)
      end
    end
    run.log[#run.log + 1] = { tick = w.tick, text = concat(parts, "\t") }
  end

  return sim
end

-- Hands the events recorded since the last dispatch to their handlers, in order (events that
-- handlers record are handed on in the same loop).
function Run:dispatch()
  local events = self.world.events
  if not self.has_handlers then
    self.dispatched = #events
    return
  end
  local handlers, any = self.event_handlers, self.any_handlers
  while self.dispatched < #events do
    local index = self.dispatched + 1
    self.dispatched = index
    local ev = events[index]
    local list = handlers[ev.type]
    if list then for p = 1, #list do list[p](ev) end end
    for p = 1, #any do any[p](ev) end
  end
end

-- Step 1 of a tick: `at` hooks, `on("tick")` handlers, policies, each followed by dispatch.
function Run:fire_scheduled()
  local t = self.world.tick
  local due = self.at_hooks[t]
  if due then
    for p = 1, #due do
      due[p]()
      self:dispatch()
    end
  end
  local ticks = self.tick_handlers
  for p = 1, #ticks do
    ticks[p](t)
    self:dispatch()
  end
  local policies = self.policies
  local w = self.world
  for p = 1, #policies do
    local policy = policies[p]
    if t % policy.period == 0 then
      -- A policy draws from its agent's own stream; the handlers of its events do not.
      w.draw = w.policy_streams[policy.agent]
      policy.fn(policy.id)
      w.draw = w.script
      self:dispatch()
    end
  end
end

-- Takes each pair's side of each threshold in force from its alignment now (Simulation.swift
-- watchThresholds): sides[(p-1)*T + k] is +-1 above or at/below since the start, +-2 since a crossing
-- up or down, after which a crossing back must pass the threshold by `hysteresis`.
function Run:watch_thresholds()
  local w = self.world
  local watched = {}
  for q, v in ipairs(w.dyn.thresholds or { w.dyn.hostility }) do watched[q] = v end
  local A, T = w.A, #watched
  local sides, last = {}, {}
  for p = 1, #A do
    local v = A[p]
    last[p] = v
    for k = 1, T do sides[(p - 1) * T + k] = v <= watched[k] and -1 or 1 end
  end
  self.watched, self.sides, self.last_alignment = watched, sides, last
end

-- Whether the thresholds in force are still the watched ones.
local function same_thresholds(dyn, watched)
  local list = dyn.thresholds
  if not list then return #watched == 1 and watched[1] == dyn.hostility end
  if #list ~= #watched then return false end
  for q = 1, #list do
    if list[q] ~= watched[q] then return false end
  end
  return true
end

-- A `threshold` event for every ordered pair whose alignment crossed a threshold since the last
-- check: down when it falls to it or below, up when it rises above it; a crossing back counts only
-- once the value is `hysteresis` past the threshold.
function Run:record_threshold_crossings()
  local w = self.world
  if not same_thresholds(w.dyn, self.watched) then self:watch_thresholds() end
  local thresholds, sides = self.watched, self.sides
  local margin = w.dyn.hysteresis
  local n, A, last = w.n, w.A, self.last_alignment
  local crossings
  local count = #thresholds
  -- Row-major over ordered pairs; the diagonal is 0 in both arrays, so it never differs.
  for p = 1, n * n do
    local value = A[p]
    if last[p] ~= value then
      last[p] = value
      local base = (p - 1) * count
      for k = 1, count do
        local side, threshold = sides[base + k], thresholds[k]
        local direction
        if side > 0 and value <= threshold - (side == 2 and margin or 0) then
          sides[base + k] = -2
          direction = "down"
        elseif side < 0 and value > threshold + (side == -2 and margin or 0) then
          sides[base + k] = 2
          direction = "up"
        end
        if direction then
          crossings = crossings or {}
          crossings[#crossings + 1] = { (p - 1) // n + 1, (p - 1) % n + 1, threshold, direction, value }
        end
      end
    end
  end
  if crossings then
    for _, c in ipairs(crossings) do
      w:record("threshold", { c[1], c[2] }, nil, { threshold = c[3], direction = c[4], value = c[5] })
    end
  end
end

function Run:sample_metrics()
  local fns, metrics, names = self.metric_fns, self.metrics, self.metric_names
  for m = 1, #fns do
    local v = fns[m]()
    local t = type(v)
    if t == "boolean" then v = v and 1 or 0
    elseif t ~= "number" then error("metric '" .. names[m] .. "' returned a " .. t .. ", expected a number", 0)
    elseif v ~= v or v == huge or v == -huge then error("metric '" .. names[m] .. "' returned " .. tostring(v), 0) end
    local series = metrics[m]
    series[#series + 1] = v
  end
end

function Run:step()
  local w = self.world
  self:fire_scheduled()
  w:apply_dynamics()
  w.tick = w.tick + 1
  self:dispatch()
  self:record_threshold_crossings()
  self:dispatch()
  -- (no `when` triggers: sim.when is not part of this subset)
  self:sample_metrics()
end

--- Runs the scenario's steps (or `steps`) and returns the outcomes as an array of {name, value},
--- then the sim.observed facts, evaluated after the outcomes, as an array of {name, value}.
function Run:run(steps)
  local w = self.world
  steps = steps or self.declaration.steps or error("the scenario declares no steps", 0)
  w:begin_run()
  self:watch_thresholds()
  self:sample_metrics()
  while w.tick < steps and w.stop_reason == nil do self:step() end
  local outcomes = {}
  for o, fn in ipairs(self.outcome_fns) do
    local v = fn()
    local t = type(v)
    if t ~= "number" and t ~= "boolean" and t ~= "string" then
      error("outcome '" .. self.outcome_names[o] .. "' returned a " .. t .. ", expected a number, boolean or string", 0)
    end
    if t == "number" and (v ~= v or v == huge or v == -huge) then
      error("outcome '" .. self.outcome_names[o] .. "' returned " .. tostring(v), 0)
    end
    outcomes[o] = { name = self.outcome_names[o], value = v }
  end
  local observed = {}
  for f, fn in ipairs(self.observed_fns) do
    local v = fn()
    if type(v) ~= "boolean" then
      error("observed fact '" .. self.observed_names[f] .. "' returned a " .. type(v)
        .. ", expected a boolean (whether this run reproduced it)", 0)
    end
    observed[f] = { name = self.observed_names[f], value = v }
  end
  return outcomes, observed
end

return E
