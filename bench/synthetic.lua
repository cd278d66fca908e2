-- A synthetic world for benchmarks: N agents with random alignments in [-0.5, 0.5] and
-- structural balance on, nothing else. Measures the engine's per-tick cost as N grows.
-- Balance is counted per triad (docs/dynamics.md, section 4): a pair feels N - 2 triads, so a
-- fixed rate would pull N times harder in a world N times larger and need N times the Euler
-- substeps to stay stable. The rate 0.05 / (N - 2) is the pull this benchmark always measured
-- (the old rule, which divided by N - 2): one substep a tick at any N, so the section times a
-- tick's work, not the substeps of a faster dynamic.
sim.scenario{
  name = "synthetic balance",
  description = "N agents, random initial alignments, Heider balance dynamics only",
  start = "2024-01-01",
  steps = 365,
}
local n = sim.param("agents", 200, {min = 3, max = 2000, doc = "number of agents"})
sim.dynamics{balance = 0.05 / (n - 2), decay = 0, noise = 0, grievance = 0}
for i = 1, n do
  sim.agent{id = "a" .. i, kind = "state"}
end
for i = 1, n do
  for j = 1, n do
    if i ~= j then sim.align("a" .. i, "a" .. j, sim.random() - 0.5) end
  end
end
sim.outcome("balance", function() return sim.balance() end)
