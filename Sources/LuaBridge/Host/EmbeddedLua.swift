// EmbeddedLua: simrun's own Lua files, compiled into the binary as text. The EmbedLua build plugin
// turns each `.lua` file of this target into a static string of an extension of this enum at build
// time, so the binary needs no file beside it wherever it is moved.

/// The `.lua` files of LuaBridge, one static string per file, named after it: `EmbeddedLua.sandbox`
/// holds `sandbox.lua`.
enum EmbeddedLua {}
