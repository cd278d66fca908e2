-- Tests/Fixtures/hostile/deadline_string_number.lua: arithmetic on a 16 MiB string converts it to a
-- number inside one VM instruction that allocates nothing, so the budget cannot count the scan; the
-- wall-clock backstop stops it.
local s = string.rep(" ", 1 << 24) .. "1"
while true do local n = s + 0 end
