-- Tests/Fixtures/batch/newline.lua: a category outcome with a line break in it, which CSV quotes
-- (RFC 4180 allows CR and LF inside a quoted field).
sim.scenario{ name = "newline", start = "2024-01-01", steps = 3 }
sim.agent{ id = "a", name = "Agent A", kind = "state" }
sim.agent{ id = "b", name = "Agent B", kind = "state" }
sim.outcome("verdict", function() return sim.chance(0.5) and "two\nlines" or "one line" end)
