-- archipelago.lua: a made-up world for the run page's map — five islands a few kilometres apart in
-- the open Pacific (no country outline anywhere near), two of them on one point, two rival
-- militias and a navy with long names, forces moving between the islands, and clashes.
sim.scenario{ name = "archipelago", description = "Made-up islands for the map's tests and screenshots.",
  start = "2030-01-01", steps = 60 }
sim.dynamics{ speed = 20, hostility = -0.5, war_days = 3 }

sim.region{ id = "north", name = "North Island (the militias' old harbour)", lat = -20.00, lon = -140.00 }
sim.region{ id = "south", name = "South Island", lat = -20.06, lon = -140.01 }
sim.region{ id = "east", name = "East Cay", lat = -20.03, lon = -139.95 }
sim.region{ id = "reef", name = "The Reef", lat = -20.03, lon = -139.95 }
sim.region{ id = "west", name = "West Atoll", lat = -20.02, lon = -140.08 }
sim.link("north", "south")
sim.link("north", "east")
sim.link("east", "reef")
sim.link("south", "west")

sim.agent{ id = "red", name = "Red Harbour Defence Militia of the North", short = "Red militia", kind = "armed_group" }
sim.agent{ id = "blue", name = "Blue Lagoon Fishermen's Self-Defence Brigade", kind = "armed_group" }
sim.agent{ id = "navy", name = "Navy", kind = "state" }

sim.align("red", "blue", -0.9, { mutual = true })
sim.deploy("red", "north", 300)
sim.deploy("blue", "south", 200)
sim.deploy("blue", "west", 80)
sim.deploy("navy", "east", 120)
sim.deploy("navy", "reef", 40)

sim.at(5, function() sim.move("blue", "south", "north", 150) end)
sim.at(20, function() sim.move("navy", "east", "north", 100) end)
sim.at(40, function() sim.move("red", "north", "west") end)
sim.metric("red", function() return sim.strength("red", "north") end)
