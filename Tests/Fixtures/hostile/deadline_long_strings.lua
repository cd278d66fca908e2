-- Tests/Fixtures/hostile/deadline_long_strings.lua: comparing two distinct 16 MiB strings is one VM
-- instruction that allocates nothing, so the budget cannot count it; the wall-clock backstop stops it.
local a, b = string.rep("x", 1 << 24), string.rep("x", 1 << 24)
while true do local same = a == b end
