-- Tests/Fixtures/hostile/io_open.lua: tries to read a file of the host (line 5); io is not in the sandbox.
sim.scenario{ name = "io_open", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
local f = io.open("/etc/passwd", "r")
sim.log(f:read("a"))
