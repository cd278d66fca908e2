-- Tests/Fixtures/hostile/endless_steps.lua: asks for a billion ticks and runs no Lua per tick, so the
-- instruction budget never fires; only a cap on the host's work can stop it.
sim.scenario{ name = "endless_steps", start = "2024-01-01", steps = 1000000000 }
sim.agent{ id = "a", name = "Agent A", kind = "state" }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
sim.agent{ id = "c", name = "Agent C", kind = "state" }
sim.align("a", "b", -0.8, { mutual = true })
