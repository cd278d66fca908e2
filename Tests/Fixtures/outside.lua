-- Tests/Fixtures/outside.lua: sits above hostile/, so hostile/include_outside.lua must not reach it.
sim.log("outside.lua was included: the include escaped the scenario folder")
return { escaped = true }
