-- Tests/Fixtures/hostile/error_object.lua: raises an error whose object is a table, not a string (line 5).
sim.scenario{ name = "error_object", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
error({ code = 42 })
