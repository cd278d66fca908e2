-- Local triad dynamics: T. Antal, P. L. Krapivsky & S. Redner (2005), "Dynamics of social
-- balance on networks", Phys. Rev. E 72:036121 (arXiv:cond-mat/0506476), section II.
--
-- N agents (param n) on a complete graph; every link is friendly (+1) or unfriendly (-1), friendly
-- with probability rho0 at the start. One update picks a triad uniformly at random (math.random,
-- which draws from the run's seeded stream like sim.random) and, when it is imbalanced, changes one
-- of its links. With Delta_k the triad with k unfriendly links:
--   Delta_1 -> Delta_0 with probability p:   its unfriendly link becomes friendly;
--   Delta_1 -> Delta_2 with probability 1-p: one of its two friendly links, at random, becomes
--                                            unfriendly;
--   Delta_3 -> Delta_2 with probability 1:   one of its three unfriendly links, at random, becomes
--                                            friendly (p plays no part here).
-- Balanced triads (Delta_0, Delta_2) are left alone. One unit of the paper's time is M = N(N-1)/2
-- updates; a tick runs `sweeps` of them.
--
-- Mean field (exact as N -> infinity), for p < 1/2 the density of friendly links settles at
--   rho_inf = 1 / (1 + sqrt(3 (1 - 2p)))
-- and for p >= 1/2 the network goes to paradise, rho = 1.
--
-- The links live in a Lua table (the hot loop never crosses into the engine except for the random
-- draws); at the end of each tick the links that flipped are written back with sim.align, so the
-- world's alignments, the balance index and the report show the current state. The built-in
-- dynamics are off (balance = 0, decay = 0), so nothing else moves them, and so are threshold
-- events: hundreds of links change sign every tick.
--
-- A finite network can fall into a balanced state, which is absorbing (no imbalanced triad is
-- left). For p < 1/2 the paper finds the time to get there grows as exp(c N^2), so at N = 48 the
-- quasi-stationary state is all one sees; absorbed_at reports the tick if it happens anyway.
--
-- Metric density: the friendly share of links at the end of each tick. Outcome mean_density: the
-- friendly share averaged after every update from tick `equilibrate` on.

local n = sim.param("n", 48, {min = 3, max = 200, doc = "number of agents"})
local p = sim.param("p", 0.3, {min = 0, max = 1,
  doc = "probability that an imbalanced Delta_1 triad turns friendly"})
local rho0 = sim.param("rho0", 0.5, {min = 0, max = 1, doc = "initial density of friendly links"})
local sweeps = sim.param("sweeps", 1.0, {min = 0, max = 1000,
  doc = "updates per tick, in units of M = N(N-1)/2"})
local equilibrate = sim.param("equilibrate", 20, {min = 0, doc = "ticks left out of mean_density"})

sim.scenario{
  name = "triads",
  description = "Local triad dynamics on a complete graph of friendly and unfriendly links",
  source = "Antal, Krapivsky & Redner 2005, Phys. Rev. E 72:036121",
  start = "2024-01-01",
  steps = 60,
}
sim.dynamics{balance = 0, decay = 0, noise = 0, grievance = 0, thresholds = {}}

local ids = {}
for i = 1, n do
  ids[i] = "a" .. i
  sim.agent{id = ids[i], kind = "figure"}
end

-- sign[(i - 1) * n + j] for i /= j, kept symmetric; 1 friendly, -1 unfriendly.
local sign = {}
local links = n * (n - 1) // 2
local friendly = 0
for i = 1, n do
  for j = i + 1, n do
    local s = sim.random() < rho0 and 1 or -1
    sign[(i - 1) * n + j], sign[(j - 1) * n + i] = s, s
    if s > 0 then friendly = friendly + 1 end
    sim.align(ids[i], ids[j], s, {mutual = true})
  end
end

-- Links flipped since the last write-back, each once: dirty[key] = true, changed = {key, ...}.
local dirty, changed = {}, {}

-- Flips the link i-j to s (it is -s now).
local function set(i, j, s)
  local key = i < j and (i - 1) * n + j or (j - 1) * n + i
  sign[(i - 1) * n + j], sign[(j - 1) * n + i] = s, s
  friendly = friendly + s   -- a flip to +1 adds one friendly link, to -1 removes one
  if not dirty[key] then
    dirty[key] = true
    changed[#changed + 1] = key
  end
end

local random = math.random
local mutual = {mutual = true}
local updates_per_tick = math.max(1, math.floor(sweeps * links + 0.5))
local sum, count = 0, 0
-- Ticks run until no imbalanced triad was left (0: balanced from the start).
local absorbed_at = nil

-- Balanced (absorbing) when the signs split the agents into two camps (Cartwright & Harary).
local function balanced()
  for j = 2, n do
    local c1j = sign[j]
    for k = j + 1, n do
      if sign[(j - 1) * n + k] ~= c1j * sign[k] then return false end
    end
  end
  return true
end

if balanced() then absorbed_at = 0 end

sim.every(1, function()
  local averaging = sim.tick() >= equilibrate
  for _ = 1, updates_per_tick do
    -- A uniformly random triad: three distinct agents i, j, k.
    local i = random(n)
    local j = random(n - 1)
    if j >= i then j = j + 1 end
    local k = random(n - 2)
    local lo, hi = i < j and i or j, i < j and j or i
    if k >= lo then k = k + 1 end
    if k >= hi then k = k + 1 end
    local ij, jk, ik = sign[(i - 1) * n + j], sign[(j - 1) * n + k], sign[(i - 1) * n + k]
    if ij * jk * ik < 0 then
      local unfriendly = (ij < 0 and 1 or 0) + (jk < 0 and 1 or 0) + (ik < 0 and 1 or 0)
      if unfriendly == 3 then
        -- Delta_3 -> Delta_2: one of the three links, at random, becomes friendly.
        local r = random(3)
        if r == 1 then set(i, j, 1) elseif r == 2 then set(j, k, 1) else set(i, k, 1) end
      elseif random() < p then
        -- Delta_1 -> Delta_0: the unfriendly link becomes friendly.
        if ij < 0 then set(i, j, 1) elseif jk < 0 then set(j, k, 1) else set(i, k, 1) end
      else
        -- Delta_1 -> Delta_2: one of the two friendly links, at random, becomes unfriendly.
        local a1, b1, a2, b2
        if ij < 0 then a1, b1, a2, b2 = j, k, i, k
        elseif jk < 0 then a1, b1, a2, b2 = i, j, i, k
        else a1, b1, a2, b2 = i, j, j, k end
        if random(2) == 1 then set(a1, b1, -1) else set(a2, b2, -1) end
      end
    end
    if averaging then
      sum = sum + friendly
      count = count + 1
    end
  end
  -- Write the links that flipped back, so the world (balance index, report) sees them.
  for c = 1, #changed do
    local key = changed[c]
    local a, b = (key - 1) // n + 1, (key - 1) % n + 1
    sim.align(ids[a], ids[b], sign[key], mutual)
    dirty[key], changed[c] = nil, nil
  end
  if not absorbed_at and balanced() then
    absorbed_at = sim.tick() + 1
    sim.log("balanced: no imbalanced triad left")
  end
end)

sim.metric("density", function() return friendly / links end)
sim.outcome("mean_density", function() return count > 0 and sum / count / links or -1 end)
sim.outcome("rho_infinity", function()
  return p < 0.5 and 1 / (1 + math.sqrt(3 * (1 - 2 * p))) or 1
end)
sim.outcome("absorbed_at", function() return absorbed_at or -1 end)
