-- Landscape theory of aggregation: R. Axelrod and D. S. Bennett (1993), "A Landscape Theory of
-- Aggregation", British Journal of Political Science 23(2):211-233,
-- doi:10.1017/S000712340000965X.
--
-- Actors of size s_i with propensities p_ij to work together split into two blocs; the predicted
-- configurations are the minima of the energy (the "frustration")
--   E = sum over ordered pairs i /= j of s_i s_j p_ij d_ij,
-- d_ij = 1 when i and j are in different blocs and 0 otherwise, p_ij = (A_ij + A_ji) / 2 from
-- simrun's alignments. sim.coalitions{size = "size"} returns the partition of least energy.
--
-- The default system is a small Europe on the eve of the Second World War, in the spirit of the
-- paper's 1936 European example (17 nations, sizes from the Correlates of War capability index,
-- propensities from ethnic conflict, religion, territorial disputes, ideology and past wars).
-- The sizes and propensities below are NOT the paper's data: they are made-up but plausible values
-- (rough shares of capability; propensities from alliances, disputes and ideology), enough to give
-- a landscape with a clear minimum for the test to check. Pairs not set have propensity 0.
--
-- With random_agents = n > 0, the system is instead n synthetic agents, with sizes uniform in
-- [0.1, 1.1) and propensities uniform in [-1, 1), drawn from the run's seed.
--
-- Outcomes: `blocs`, the two blocs as a string (each bloc's ids sorted and joined with ",", the
-- blocs sorted and joined with " | "; one bloc alone when everyone is together), `energy`, and
-- `exact` (whether every partition was tried).
-- Validated by Tests/ValidationTests/LandscapeValidationTests.swift.

local random_agents = sim.param("random_agents", 0, {min = 0, max = 16, doc = "0: the 1939 system; n > 0: n random agents"})

sim.scenario{
  name = "landscape",
  description = "Axelrod & Bennett's landscape theory: the two-bloc partition of least energy",
  source = "Axelrod, R. & Bennett, D. S. (1993). A Landscape Theory of Aggregation. Brit. J. Polit. Sci. 23(2):211-233.",
  start = "1939-08-01",
  -- The landscape is static: nothing needs to happen for the blocs to be read.
  steps = 0,
}

sim.dynamics{noise = 0, balance = 0, decay = 0, grievance = 0, blame = 0}

if random_agents == 0 then
  -- Illustrative sizes: rough shares of the capability of these nine, summing to 1.
  local sizes = {
    {"germany", 0.24}, {"ussr", 0.26}, {"britain", 0.19}, {"france", 0.12}, {"italy", 0.08},
    {"poland", 0.04}, {"yugoslavia", 0.03}, {"hungary", 0.02}, {"greece", 0.02},
  }
  for _, entry in ipairs(sizes) do
    sim.agent{id = entry[1], kind = "state", resources = {size = entry[2]}}
  end
  -- Illustrative propensities, symmetric: + alliance, common cause; - dispute, enmity, ideology.
  local propensities = {
    {"britain", "france", 0.8},        -- entente, 1939 guarantees
    {"britain", "poland", 0.6},        -- guarantee of March 1939
    {"france", "poland", 0.6},         -- alliance of 1921
    {"britain", "greece", 0.4},        -- guarantee of April 1939
    {"france", "yugoslavia", 0.4},     -- Little Entente patron
    {"yugoslavia", "greece", 0.3},     -- Balkan Pact
    {"germany", "italy", 0.7},         -- Pact of Steel
    {"germany", "hungary", 0.5},       -- revisionism
    {"italy", "hungary", 0.5},         -- Rome Protocols
    {"hungary", "poland", 0.3},        -- traditional friendship
    {"britain", "germany", -0.5},
    {"france", "germany", -0.8},       -- Alsace-Lorraine, the Rhineland
    {"germany", "poland", -0.8},       -- Danzig and the corridor
    {"germany", "ussr", -0.6},         -- ideology
    {"britain", "italy", -0.3},        -- Mediterranean, Ethiopia
    {"france", "italy", -0.4},         -- Nice, Savoy, Tunisia
    {"italy", "greece", -0.6},         -- Corfu, Albania
    {"italy", "yugoslavia", -0.5},     -- Dalmatia
    {"hungary", "yugoslavia", -0.4},   -- Trianon
    {"ussr", "poland", -0.5},          -- the 1920 war
    {"ussr", "britain", -0.2},         -- ideology
    {"ussr", "france", 0.3},           -- pact of 1935
  }
  for _, entry in ipairs(propensities) do
    sim.align(entry[1], entry[2], entry[3], {mutual = true})
  end
else
  local ids = {}
  for i = 1, random_agents do
    ids[i] = string.format("a%02d", i)
    sim.agent{id = ids[i], kind = "figure", resources = {size = 0.1 + sim.random()}}
  end
  for i = 1, random_agents do
    for j = i + 1, random_agents do
      sim.align(ids[i], ids[j], 2 * sim.random() - 1, {mutual = true})
    end
  end
end

--- The blocs as one string: each bloc's ids sorted and joined with ",", the blocs sorted and
--- joined with " | ". An empty bloc is left out.
local function blocs_text(blocs)
  local parts = {}
  for _, bloc in ipairs(blocs) do
    if #bloc > 0 then
      local ids = {}
      for k, id in ipairs(bloc) do ids[k] = id end
      table.sort(ids)
      parts[#parts + 1] = table.concat(ids, ",")
    end
  end
  table.sort(parts)
  return table.concat(parts, " | ")
end

sim.outcome("blocs", function() return blocs_text(sim.coalitions{size = "size"}.blocs) end)
sim.outcome("energy", function() return sim.coalitions{size = "size"}.energy end)
sim.outcome("exact", function() return sim.coalitions{size = "size"}.exact end)
