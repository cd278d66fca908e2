// CLuaShim.c: allocator, instruction hook, protected entry points and the trampoline.
#include "CLuaShim.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lua5.4/lualib.h>

static void count_hook(lua_State *L, lua_Debug *ar);

/// Counts a block Lua's code is about to fill against the instruction budget. Every byte a C
/// function or the VM copies into a new string or table (`..`, string.format, string.sub,
/// table.concat, a table's growth) is first allocated here, so charging allocations bounds all of
/// that copying at its one root, whatever function or operator does it. The allocator must never
/// raise: once the budget is spent it only makes the hook fire at the next VM instruction, which
/// raises the budget error there.
static void charge_allocation(simrun_limits *limits, size_t bytes) {
    limits->bytes_allocated += (long long)bytes;
    if (limits->instruction_limit != 0 && simrun_spent(limits) > limits->instruction_limit &&
        !limits->instructions_exceeded && limits->state != NULL) {
        lua_sethook(limits->state, count_hook, LUA_MASKCOUNT, 1);
    }
}

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    simrun_limits *limits = (simrun_limits *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        if (limits->arena != NULL) simrun_arena_realloc(limits->arena, ptr, old, 0);
        else free(ptr);
        limits->memory_used -= old;
        return NULL;
    }
    if (limits->memory_limit != 0 && nsize > old && limits->host_depth == 0) {
        // Lua then collects garbage and asks again; only an error that reaches the host is
        // the limit (LUA_ERRMEM), so a refusal here marks nothing.
        if (limits->memory_used - old + nsize > limits->memory_limit) return NULL;
    }
    void *block = limits->arena != NULL ? simrun_arena_realloc(limits->arena, ptr, old, nsize) : realloc(ptr, nsize);
    if (block != NULL) {
        limits->memory_used = limits->memory_used - old + nsize;
        // Host (Swift) code charges its own work; a shrinking block copies nothing new.
        if (nsize > old && limits->host_depth == 0) charge_allocation(limits, nsize);
    }
    return block;
}

/// Pushes "file:line: " of the innermost scenario function on the stack: the sandbox's own Lua
/// (chunks named "=...") is skipped, so a limit is reported where the scenario's code stands.
static void where_in_scenario(lua_State *L) {
    lua_Debug frame;
    for (int level = 0; lua_getstack(L, level, &frame); level++) {
        lua_getinfo(L, "Sl", &frame);
        if (frame.source[0] == '@' && frame.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", frame.short_src, frame.currentline);
            return;
        }
    }
    lua_pushliteral(L, "");
}

/// Raises the budget error where the scenario's code stands, and makes every further instruction
/// raise it again, so that pcall cannot swallow it.
static int raise_budget(lua_State *L, simrun_limits *limits) {
    if (!limits->instructions_exceeded) {
        limits->instructions_exceeded = 1;
        lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    }
    where_in_scenario(L);
    lua_pushfstring(L, "instruction limit of %I reached (--max-instructions)",
                    (lua_Integer)limits->instruction_limit);
    lua_concat(L, 2);
    return lua_error(L);
}

static long long monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

void simrun_set_deadline(simrun_limits *limits, long long seconds) {
    limits->time_limit_seconds = seconds;
    limits->deadline_ns = seconds > 0 ? monotonic_ns() + seconds * 1000000000LL : 0;
}

/// Raises the wall-clock error, sticky like the budget's: a backstop, which no legitimate run
/// reaches, for single instructions whose work the budget cannot count.
static int raise_deadline(lua_State *L, simrun_limits *limits) {
    if (!limits->time_exceeded) {
        limits->time_exceeded = 1;
        lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    }
    where_in_scenario(L);
    lua_pushfstring(L, "wall-clock limit of %I s reached (--max-seconds)", (lua_Integer)limits->time_limit_seconds);
    lua_concat(L, 2);
    return lua_error(L);
}

static void count_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    simrun_limits *limits = simrun_limits_of(L);
    limits->instructions += SIMRUN_HOOK_STEP;
    if (limits->instruction_limit != 0 && simrun_spent(limits) > limits->instruction_limit) {
        raise_budget(L, limits);
    }
    // One clock read every thousand instructions, a few microseconds of Lua.
    if (limits->time_exceeded || (limits->deadline_ns != 0 && monotonic_ns() > limits->deadline_ns)) {
        raise_deadline(L, limits);
    }
}

/// charge(n) for the sandbox prelude: counts n instructions' worth of work that a standard library
/// function is about to do in C, where the count hook cannot see it.
static int charge(lua_State *L) {
    simrun_count_work(L, luaL_checknumber(L, 1));
    return 0;
}

void simrun_count_work(lua_State *L, lua_Number work) {
    simrun_limits *limits = simrun_limits_of(L);
    if (work > 0) limits->instructions += work < 1e18 ? (long long)work : (long long)1e18;
    if (limits->instruction_limit != 0 && simrun_spent(limits) > limits->instruction_limit) {
        raise_budget(L, limits);
    }
}

void simrun_pushcharge(lua_State *L) {
    lua_pushcfunction(L, charge);
}

static int panic(lua_State *L) {
    (void)L;
    abort();  // Unreachable by design: every entry from the host is protected.
}

lua_State *simrun_newstate(simrun_limits *limits) {
    limits->host_depth = 1;
    lua_State *L = lua_newstate(limited_alloc, limits);
    if (L == NULL) return NULL;
    limits->state = L;
    lua_atpanic(L, panic);
    lua_sethook(L, count_hook, LUA_MASKCOUNT, SIMRUN_HOOK_STEP);
    lua_setwarnf(L, NULL, NULL);
    return L;
}

simrun_limits *simrun_limits_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (simrun_limits *)ud;
}

int simrun_pcall(lua_State *L, int nargs, int nresults) {
    simrun_limits *limits = simrun_limits_of(L);
    int saved = limits->host_depth;
    limits->host_depth = 0;
    int status = lua_pcall(L, nargs, nresults, 0);
    limits->host_depth = saved;
    return status;
}

int simrun_load(lua_State *L, const char *chunk, size_t length, const char *chunkname, const char *mode) {
    simrun_limits *limits = simrun_limits_of(L);
    int saved = limits->host_depth;
    limits->host_depth = 0;
    int status = luaL_loadbufferx(L, chunk, length, chunkname, mode);
    limits->host_depth = saved;
    return status;
}

static int buffer_writer(lua_State *L, const void *bytes, size_t size, void *ud) {
    (void)L;
    simrun_buffer *out = (simrun_buffer *)ud;
    if (out->size + size > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 4096;
        while (capacity < out->size + size) capacity *= 2;
        char *grown = realloc(out->data, capacity);
        if (grown == NULL) return 1;
        out->data = grown;
        out->capacity = capacity;
    }
    memcpy(out->data + out->size, bytes, size);
    out->size += size;
    return 0;
}

int simrun_dump(lua_State *L, simrun_buffer *out) {
    return lua_dump(L, buffer_writer, out, 0);
}

void simrun_buffer_free(simrun_buffer *buffer) {
    free(buffer->data);
    buffer->data = NULL;
    buffer->size = buffer->capacity = 0;
}

static int open_named(lua_State *L) {
    const char *name = lua_tostring(L, 1);
    lua_CFunction open = NULL;
    if (strcmp(name, "_G") == 0) open = luaopen_base;
    else if (strcmp(name, "table") == 0) open = luaopen_table;
    else if (strcmp(name, "string") == 0) open = luaopen_string;
    else if (strcmp(name, "math") == 0) open = luaopen_math;
    else if (strcmp(name, "utf8") == 0) open = luaopen_utf8;
    else return luaL_error(L, "no library '%s' in the sandbox", name);
    luaL_requiref(L, name, open, 1);
    return 0;
}

int simrun_openlib(lua_State *L, const char *name) {
    lua_pushcfunction(L, open_named);
    lua_pushstring(L, name);
    return simrun_pcall(L, 1, 0);
}

static int trampoline(lua_State *L) {
    simrun_host_function fn = (simrun_host_function)lua_touserdata(L, lua_upvalueindex(1));
    int binding = (int)lua_tointeger(L, lua_upvalueindex(2));
    simrun_limits *limits = simrun_limits_of(L);
    limits->host_depth++;
    int results = fn(L, binding);
    limits->host_depth--;
    // The Swift frame is gone: raising is safe from here on.
    if (results == SIMRUN_RAISE_WITH_WHERE) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    }
    if (results == SIMRUN_RAISE_AS_IS) return lua_error(L);
    if (limits->memory_limit != 0 && limits->memory_used > limits->memory_limit) {
        limits->memory_exceeded = 1;
        return luaL_error(L, "memory limit of %I bytes reached (--max-memory)",
                          (lua_Integer)limits->memory_limit);
    }
    return results;
}

void simrun_pushbinding(lua_State *L, simrun_host_function fn, int binding) {
    lua_pushlightuserdata(L, (void *)fn);
    lua_pushinteger(L, binding);
    lua_pushcclosure(L, trampoline, 2);
}

void simrun_where(lua_State *L, int level) {
    luaL_where(L, level);
}
