-- The cost of crossing the Lua boundary: one hook at tick 0 makes `calls` calls of `op` —
-- sim.alignment (a query: two id lookups, one number back), sim.shift (a change: two lookups, a
-- clamp, a store) or a plain Lua function of the same arity (the loop's own cost, to subtract).
sim.scenario{name = "boundary", description = "calls of one sim.* function from a hook", start = "2024-01-01", steps = 1}
local calls = sim.param("calls", 1000000, {min = 0, max = 100000000})
local op = sim.param("op", "alignment", {doc = "alignment, shift or lua"})
sim.dynamics{balance = 0, decay = 0}
sim.agent{id = "a", kind = "state"}
sim.agent{id = "b", kind = "state"}
sim.align("a", "b", 0.1)

local function plain(x, y, z) return z end
sim.at(0, function()
  local alignment, shift, total = sim.alignment, sim.shift, 0
  if op == "alignment" then
    for _ = 1, calls do total = total + alignment("a", "b") end
  elseif op == "shift" then
    for _ = 1, calls do shift("a", "b", 0) end
  else
    for _ = 1, calls do total = total + plain("a", "b", 0.1) end
  end
  sim.log(total)
end)
