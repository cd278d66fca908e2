-- Tests/Fixtures/hostile/xpcall_handler_loop.lua: an xpcall message handler that never returns (line 5).
sim.scenario{ name = "xpcall_handler_loop", start = "2024-01-01", steps = 5 }
sim.agent{ id = "a", name = "Agent A", kind = "state", resources = { strength = 10 } }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
xpcall(function() while true do end end, function(message) while true do end end)
