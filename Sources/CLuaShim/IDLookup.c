// IDLookup.c: an agent's or region's index from its id, as the bindings read them on every call.
// The id tables map each id to its index; a script names ids with short strings, which Lua interns:
// every short string with an id's bytes is the very string the table holds as its key, alive as long
// as the table is, at the same address. So the address of a short string already looked up gives its
// index without asking the table again. Long strings are not interned, and are looked up every time.
#include "CLuaShim.h"
#include <stdint.h>

/// Lua 5.4 interns strings of up to this many bytes (LUAI_MAXSHORTLEN in llimits.h).
#define SHORT_STRING_MAX 40

lua_Integer simrun_lookup_id(lua_State *L, int index, simrun_id_lookup *lookup) {
    if (lua_type(L, index) != LUA_TSTRING) return -1;
    size_t length = 0;
    const char *id = lua_tolstring(L, index, &length);
    // Strings are 8-byte aligned objects: the bits above the lowest three spread them over the slots.
    size_t slot = ((uintptr_t)id >> 3) % SIMRUN_ID_LOOKUP_SLOTS;
    int cacheable = length <= SHORT_STRING_MAX;
    if (cacheable && lookup->key[slot] == id) return lookup->value[slot];
    int absolute = lua_absindex(L, index);
    lua_rawgeti(L, LUA_REGISTRYINDEX, lookup->table);
    lua_pushvalue(L, absolute);
    lua_Integer found = lua_rawget(L, -2) == LUA_TNUMBER ? lua_tointegerx(L, -1, NULL) : -1;
    lua_pop(L, 2);
    // Only ids are kept: a string that is none may be collected, and its address reused by another.
    if (cacheable && found >= 0) {
        lookup->key[slot] = id;
        lookup->value[slot] = found;
    }
    return found;
}
