// SortedKeys.c: the sandbox's key order for `pairs` and `next`, done in C. Lua's own order depends
// on a per-process hash seed and on addresses; sorting the keys makes iteration reproducible, and
// doing it here instead of with a Lua comparator makes a small table's `pairs` cheap.
#include "CLuaShim.h"
#include <stdlib.h>
#include <string.h>

/// One key, with what ordering and pushing it back need.
typedef struct key_entry {
    int rank;               // 1 number, 2 string, 3 boolean
    int is_integer;
    lua_Integer integer;
    lua_Number number;
    const char *bytes;
    size_t length;
} key_entry;

/// Numbers compare by value (an integer and a float exactly, through long double's 64-bit
/// mantissa), strings bytewise with a prefix first, false before true.
static int compare_keys(const void *pa, const void *pb) {
    const key_entry *a = pa, *b = pb;
    if (a->rank != b->rank) return a->rank < b->rank ? -1 : 1;
    switch (a->rank) {
    case 1:
        if (a->is_integer && b->is_integer) return (a->integer > b->integer) - (a->integer < b->integer);
        {
            long double x = a->is_integer ? (long double)a->integer : (long double)a->number;
            long double y = b->is_integer ? (long double)b->integer : (long double)b->number;
            return (x > y) - (x < y);
        }
    case 2: {
        size_t n = a->length < b->length ? a->length : b->length;
        int order = memcmp(a->bytes, b->bytes, n);
        if (order != 0) return order;
        return (a->length > b->length) - (a->length < b->length);
    }
    default:
        return (int)a->integer - (int)b->integer;
    }
}

/// Fills `entry` from the key on top of the stack. A string's bytes stay valid: the key is in the
/// table, which nothing changes while the keys are sorted.
static void describe_key(lua_State *L, key_entry *entry) {
    memset(entry, 0, sizeof *entry);
    switch (lua_type(L, -1)) {
    case LUA_TNUMBER:
        entry->rank = 1;
        entry->is_integer = lua_isinteger(L, -1);
        if (entry->is_integer) entry->integer = lua_tointeger(L, -1); else entry->number = lua_tonumber(L, -1);
        break;
    case LUA_TSTRING:
        entry->rank = 2;
        entry->bytes = lua_tolstring(L, -1, &entry->length);
        break;
    default:
        entry->rank = 3;
        entry->integer = lua_toboolean(L, -1);
    }
}

/// Pushes the key `entry` describes: the same value, hence the same table key.
static void push_key(lua_State *L, const key_entry *entry) {
    switch (entry->rank) {
    case 1:
        if (entry->is_integer) lua_pushinteger(L, entry->integer); else lua_pushnumber(L, entry->number);
        break;
    case 2:
        lua_pushlstring(L, entry->bytes, entry->length);
        break;
    default:
        lua_pushboolean(L, (int)entry->integer);
    }
}

/// Raises the error for keys of other types, naming them all in a fixed order (which of them comes
/// first in a table depends on addresses).
static int refuse_foreign_keys(lua_State *L, const char *caller, const int *foreign) {
    static const int order[] = {LUA_TFUNCTION, LUA_TTABLE, LUA_TTHREAD, LUA_TUSERDATA, LUA_TLIGHTUSERDATA};
    luaL_Buffer names;
    luaL_buffinit(L, &names);
    int named = 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        int type = order[i];
        if (!foreign[type] || (type == LUA_TLIGHTUSERDATA && foreign[LUA_TUSERDATA])) continue;
        if (named++) luaL_addstring(&names, " and ");
        luaL_addstring(&names, type == LUA_TLIGHTUSERDATA ? "userdata" : lua_typename(L, type));
    }
    luaL_pushresult(&names);
    // Level 2: the script that called pairs or next (level 1 is the prelude's wrapper).
    luaL_where(L, 2);
    lua_pushfstring(L, "%s: keys of type %s have no reproducible order; keep such keys out of tables you iterate",
                    caller, lua_tostring(L, -2));
    lua_concat(L, 2);
    return lua_error(L);
}

static int sortedkeys(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    const char *caller = luaL_optstring(L, 2, "pairs");
    lua_settop(L, 2);
    int count = 0, foreign[LUA_NUMTYPES] = {0}, any_foreign = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        int type = lua_type(L, -1);
        if (type == LUA_TNUMBER || type == LUA_TSTRING || type == LUA_TBOOLEAN) count++;
        else foreign[type] = any_foreign = 1;
    }
    if (any_foreign) return refuse_foreign_keys(L, caller, foreign);
    double log2n = 1;
    for (int m = count; m > 1; m >>= 1) log2n += 1;
    simrun_count_work(L, (lua_Number)count * log2n);

    // Small tables (the common case) sort on the C stack; larger ones in a userdata Lua collects.
    key_entry small[32];
    key_entry *entries = count <= 32 ? small : lua_newuserdatauv(L, (size_t)count * sizeof(key_entry), 0);
    int filled = 0;
    lua_pushnil(L);
    while (lua_next(L, 1) != 0) {
        lua_pop(L, 1);
        describe_key(L, &entries[filled++]);
    }
    qsort(entries, (size_t)count, sizeof(key_entry), compare_keys);
    lua_createtable(L, count, 0);
    for (int i = 0; i < count; i++) {
        push_key(L, &entries[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushinteger(L, count);
    return 2;
}

void simrun_pushsortedkeys(lua_State *L) {
    lua_pushcfunction(L, sortedkeys);
}
