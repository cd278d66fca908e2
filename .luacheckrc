-- .luacheckrc: luacheck's settings for simrun's Lua: scenarios (the default) and the sandbox prelude
-- (at the end). For scenarios it is the view from inside the sandbox: `luacheck scenarios` (part of
-- `make lint`) reports a misspelt `sim.allign`, a global set by mistake or a library a scenario cannot
-- reach, before any run. Tests/LuaBridgeTests/Bindings/SimBindingsTests.swift checks these lists
-- against the binding table and the sandbox's allow-list, so they cannot drift from what a run has.

-- Every field of `sim` (Sources/LuaBridge/Bindings/SimBindings.swift).
local sim_fields = {
  "scenario", "param", "dynamics", "region", "link", "agent", "include", "align", "alignment",
  "shift", "tie", "cut", "tied", "baseline", "war", "peace", "at_war", "deploy", "move",
  "forces", "strength", "moving", "clash", "loss", "losses", "get", "set", "add", "agents",
  "agent_info", "regions", "neighbors", "distance", "tick", "date", "balance", "coalitions",
  "on", "emit", "at", "every", "when", "policy", "stop", "random", "chance", "normal", "choose",
  "metric", "outcome", "observed", "log",
}

-- The globals a script sees besides `sim` (Sources/LuaBridge/Host/Sandbox.swift, allowedGlobals),
-- `print` (an alias of sim.log) included; the libraries with their Lua 5.4 members, less the ones the
-- sandbox removes (string.dump, math.randomseed).
local sandbox_globals = {
  "_G", "_VERSION", "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "print",
  "rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring", "type",
  "xpcall",
}
local library_fields = {
  table = { "concat", "insert", "move", "pack", "remove", "sort", "unpack" },
  string = {
    "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match", "pack", "packsize",
    "rep", "reverse", "sub", "unpack", "upper",
  },
  math = {
    "abs", "acos", "asin", "atan", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max",
    "maxinteger", "min", "mininteger", "modf", "pi", "rad", "random", "sin", "sqrt", "tan", "tointeger",
    "type", "ult",
  },
  utf8 = { "char", "charpattern", "codepoint", "codes", "len", "offset" },
}

local read_globals = { sim = { fields = sim_fields } }
for _, name in ipairs(sandbox_globals) do
  read_globals[name] = {}
end
for library, fields in pairs(library_fields) do
  read_globals[library] = { fields = fields }
end
-- Nothing else: a scenario sets no globals (it keeps its state in locals; sim.include returns a
-- module table), and `require`, `io`, `os`, `load` and the like do not exist in a run.
stds.simrun = { read_globals = read_globals }
std = "simrun"

-- Descriptions, docs and sources are long strings kept on one line (Lua has no implicit string
-- concatenation), so line length is left to the reviewer.
max_line_length = false

ignore = {
  -- A policy's callback takes the agent's id; scenarios name it `self` whether or not they use it.
  "212/self",
}

-- The sandbox prelude runs outside the sandbox, with Lua 5.4's globals, and replaces standard
-- functions with deterministic, bounded ones: on purpose.
files["Sources/LuaBridge/Host/sandbox.lua"] = {
  std = "lua54",
  max_line_length = 120,
  globals = { "pairs", "next", "tostring", "tonumber", "rawequal", "pcall", "xpcall", "setmetatable", "string", "table", "utf8" },
}

-- The language server's type definitions are stubs, never run: `luacheck .` leaves them out.
exclude_files = { "editor", ".build" }
