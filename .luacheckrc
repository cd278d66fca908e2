-- .luacheckrc: luacheck's settings for simrun's own Lua (luacheck Sources/LuaBridge/Host/sandbox.lua).
std = "lua54"

-- The sandbox prelude replaces standard functions with deterministic, bounded ones: on purpose.
files["Sources/LuaBridge/Host/sandbox.lua"] = {
  globals = { "pairs", "next", "tostring", "tonumber", "rawequal", "pcall", "xpcall", "setmetatable", "string", "table", "utf8" },
}
