-- Tests/Fixtures/hostile/infinite_loop.lua: never ends its setup (line 5): the instruction budget must stop it.
sim.scenario{ name = "infinite_loop", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
while true do end
