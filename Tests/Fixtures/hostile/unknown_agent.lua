-- Tests/Fixtures/hostile/unknown_agent.lua: an alignment toward an agent that was never declared (line 5).
sim.scenario{ name = "unknown_agent", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
sim.align("a", "nobody", 0.5)
