-- Heider balance, continuous: K. Kułakowski, P. Gawroński & P. Gronek (2005), "The Heider
-- balance: a continuous approach", Int. J. Mod. Phys. C 16:707 (arXiv:physics/0501073).
--
-- N agents (param n) on a complete graph. Each pair's relation r_ij is drawn once with
-- sim.random(), uniform in [-width/2, width/2] (width 1 is the paper's "symmetric uniform
-- distribution of unit width"), and set both ways, so r stays symmetric. Only the built-in
-- structural balance acts, at rate 1, with no decay, noise, grievance or forces:
--
--   dr_ij/dt = (1 - r_ij^2) * sum_{k /= i,j} r_ik r_kj
--
-- which is the paper's dr/dt = (1 - r^2) r.r exactly, in days. A tick is 0.01 day, so the time to
-- balance (tens of hundredths of a day) is resolved to a few per cent.
--
-- Outcome time_to_balance: the first tick at whose end the group is in Heider balance, every triad
-- with r_ij r_jk r_ki > 0. On a complete graph with no zero relation this is the same as the sign
-- pattern splitting the agents into two camps (Cartwright & Harary), friendly inside and hostile
-- across: camp(j) = sign r_1j with agent 1 in camp +, and every pair must have
-- sign r_ij = camp(i) camp(j). That check reads N(N-1)/2 relations instead of N^3/6 triads. The run
-- stops there (sim.stop), so the last recorded balance is 1. -1 when it never balances.
--
-- How the time scales with N. The paper finds T ~ N^(-1/2), as the linearised dynamics says:
-- dr/dt = r.r (less its diagonal, about N sigma^2) grows the mode of r's largest eigenvalue, which
-- starts near 2 sigma sqrt(N) (Wigner's semicircle; sigma^2 = width^2 / 12), and that mode blows
-- up, fixing every sign, after a time of order 1 / (sigma sqrt(N)). (Until December 2026 simrun
-- divided the sum by N - 2, which rescaled time to T ~ (N - 2) / sqrt(N); each triad now pulls at
-- the same rate however many agents there are, so the paper's exponent holds as it is.)
--
-- Jammed states. The bound (1 - r^2) lets relations saturate before every triad is balanced; once
-- saturated, the drive sum_k r_ik r_kj of every pair can agree with the pair's sign
-- although some triads are imbalanced, and then nothing moves any more. With width 1 about one
-- seed in twenty ends that way at n = 100 (seed 10: six camps, balance index 0.79). The same start
-- integrated with a 4x smaller step, or with RK4 in atanh(r), jams the same way: it is the model,
-- not simrun's Euler steps. time_to_balance is then -1. Starting narrower (width 0.2), none of 60
-- runs jammed.
--
-- Cost: each tick takes one Euler substep of an N x N matrix product per 5 of the largest row sum
-- of |r| (up to N/5 once relations saturate), and the engine's work counts against
-- --max-instructions: n = 200 needs about --max-instructions 1000000000.

local n = sim.param("n", 25, {min = 3, max = 400, doc = "number of agents"})
local width = sim.param("width", 1.0, {min = 0, max = 2,
  doc = "initial relations uniform in [-width/2, width/2]"})

sim.scenario{
  name = "heider",
  description = "Continuous Heider balance on a complete graph from random symmetric relations",
  source = "Kulakowski, Gawronski & Gronek 2005, Int. J. Mod. Phys. C 16:707",
  start = "2024-01-01",
  steps = 400,
  tick_days = 0.01,
}
sim.dynamics{balance = 1, decay = 0, noise = 0, grievance = 0}

local ids = {}
for i = 1, n do
  ids[i] = "a" .. i
  sim.agent{id = ids[i], kind = "figure"}
end
for i = 1, n do
  for j = i + 1, n do
    sim.align(ids[i], ids[j], width * (sim.random() - 0.5), {mutual = true})
  end
end

-- Heider balance as two camps: true when every relation is nonzero and its sign is
-- camp(i) * camp(j).
local alignment = sim.alignment
local function in_balance()
  local camp = {[1] = 1}
  for j = 2, n do
    local r = alignment(ids[1], ids[j])
    if r == 0 then return false end
    camp[j] = r > 0 and 1 or -1
  end
  for i = 2, n do
    local a, ci = ids[i], camp[i]
    for j = i + 1, n do
      local r = alignment(a, ids[j])
      if r == 0 or (r > 0) ~= (ci == camp[j]) then return false end
    end
  end
  return true
end

local balanced_at = nil
sim.when(in_balance, function()
  balanced_at = sim.tick()
  sim.log("Heider balance: two camps, every triad balanced")
  sim.stop("balanced")
end)

sim.metric("balance", function() return sim.balance() end)
sim.outcome("time_to_balance", function() return balanced_at or -1 end)
sim.outcome("balance", function() return sim.balance() end)
