-- Tests/Fixtures/hostile/os_execute.lua: tries to run a shell command (line 5); os is not in the sandbox.
sim.scenario{ name = "os_execute", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
os.execute("touch /tmp/simrun-e2e-os-execute-escaped")
