// CLuaShim: the C side of the Lua host. It owns what Swift cannot do safely or at all:
// the Lua API macros, the allocator with its memory cap, the instruction-count hook, and the
// trampoline through which Lua calls Swift. Only C frames lie between any lua_error and the
// lua_pcall that catches it; Swift frames never see a longjmp.
#ifndef SIMRUN_CLUASHIM_H
#define SIMRUN_CLUASHIM_H

#include <stddef.h>
#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>

/// A heap for one Lua state at a time that can be saved and restored (Arena.c).
typedef struct simrun_arena simrun_arena;
typedef struct simrun_arena_image simrun_arena_image;

/// Limits and counters of one Lua state, kept by the allocator's user data.
typedef struct simrun_limits {
    /// Bytes Lua holds now.
    size_t memory_used;
    /// Bytes Lua may hold while Lua code runs; 0 means no cap.
    size_t memory_limit;
    /// Greater than 0 while host (Swift) frames are on top of the C stack. An allocation made there
    /// never fails (it would raise through Swift); the trampoline checks the cap afterwards instead.
    int host_depth;
    /// Set when host code left Lua holding more than the cap; the trampoline then raises.
    int memory_exceeded;
    /// Lua VM instructions executed, counted in steps of SIMRUN_HOOK_STEP.
    long long instructions;
    /// Instructions allowed; 0 means no budget.
    long long instruction_limit;
    /// Set once the budget was spent; from then on every instruction raises again.
    int instructions_exceeded;
    /// Bytes allocated while Lua code ran (frees do not give them back): what C functions and the
    /// VM copy into new strings and tables, which the budget charges by the byte.
    long long bytes_allocated;
    /// CLOCK_MONOTONIC nanoseconds past which the run stops (0: no deadline): a backstop for work the
    /// budget cannot see, inside single VM instructions (comparing two long strings, for one).
    long long deadline_ns;
    /// The seconds the deadline was set from, for the message.
    long long time_limit_seconds;
    /// Set once the deadline passed; from then on every instruction raises again.
    int time_exceeded;
    /// The state these limits belong to (its only thread: coroutines are not in the sandbox), whose
    /// hook the allocator arms when an allocation spends the budget.
    lua_State *state;
    /// The heap the state lives in, or NULL for malloc's.
    simrun_arena *arena;
} simrun_limits;

/// Granularity of the instruction count: the budget is enforced at multiples of this.
#define SIMRUN_HOOK_STEP 1000
/// Bytes Lua allocates that count as one instruction: copying 16 bytes into a fresh block costs
/// no more than one VM instruction on the machines measured (docs/scenario-api.md, "Limits").
#define SIMRUN_BYTES_PER_INSTRUCTION 16

/// Sets the deadline `seconds` from now (0: none).
void simrun_set_deadline(simrun_limits *limits, long long seconds);

/// The budget spent so far: instructions (and C work charged as instructions) plus allocated bytes.
static inline long long simrun_spent(const simrun_limits *limits) {
    return limits->instructions + limits->bytes_allocated / SIMRUN_BYTES_PER_INSTRUCTION;
}

/// A Swift function behind a `sim.*` binding. Returns the number of results it pushed, or
/// SIMRUN_RAISE_WITH_WHERE / SIMRUN_RAISE_AS_IS with the error message on top of the stack.
typedef int (*simrun_host_function)(lua_State *L, int binding);
static const int SIMRUN_RAISE_WITH_WHERE = -1;
static const int SIMRUN_RAISE_AS_IS = -2;

/// Slots of an id lookup's cache.
#define SIMRUN_ID_LOOKUP_SLOTS 256
/// An id table (id → index, at registry reference `table`) and the indices of the short id strings
/// already looked up in it, by their address (IDLookup.c says why an address is enough).
typedef struct simrun_id_lookup {
    int table;
    const char *key[SIMRUN_ID_LOOKUP_SLOTS];
    lua_Integer value[SIMRUN_ID_LOOKUP_SLOTS];
} simrun_id_lookup;

/// The index `lookup`'s table holds for the string at `index`; -1 when it is not a string or no id.
/// Stack: 0.
lua_Integer simrun_lookup_id(lua_State *L, int index, simrun_id_lookup *lookup);

/// A new state whose allocator enforces `limits` (which must outlive it) and whose hook counts
/// instructions. Host depth starts at 1: the caller is Swift. NULL when out of memory.
lua_State *simrun_newstate(simrun_limits *limits);
/// The limits a state was made with.
simrun_limits *simrun_limits_of(lua_State *L);
/// Runs lua_pcall with host depth 0, so that allocations and the budget are enforced while Lua runs.
int simrun_pcall(lua_State *L, int nargs, int nresults);
/// Loads a chunk in protected mode with Lua's `mode` ("t": text only, binary refused; "b": a chunk
/// compiled by `simrun_dump`, never a script's own); pushes the function or a message.
int simrun_load(lua_State *L, const char *chunk, size_t length, const char *chunkname, const char *mode);
/// Bytes that grow as Lua writes them: a compiled chunk from `simrun_dump`.
typedef struct simrun_buffer {
    char *data;
    size_t size;
    size_t capacity;
} simrun_buffer;

/// Writes the compiled form of the Lua function on top of the stack (kept there) into `out`, with
/// its debug information so that errors still name file and line. Returns 0 on success.
int simrun_dump(lua_State *L, simrun_buffer *out);
/// Frees what a buffer holds.
void simrun_buffer_free(simrun_buffer *buffer);
/// Opens one standard library (by name: "_G", "table", "string", "math", "utf8") in protected
/// mode and leaves it as a global. Returns a Lua status.
int simrun_openlib(lua_State *L, const char *name);
/// Pushes the prelude's `charge(n)`: n instructions' worth of C work counted against the budget
/// (raising the budget error when it is spent). Stack: +1.
void simrun_pushcharge(lua_State *L);
/// Counts `work` instructions' worth of C work against the budget; raises (a Lua error, so only
/// from C called by Lua) when the budget is spent.
void simrun_count_work(lua_State *L, lua_Number work);
/// Pushes `sortedkeys(t, caller)` for the sandbox prelude: an array of t's keys in simrun's order
/// (numbers < strings < booleans; numbers by value, strings bytewise, false < true) and their
/// count; keys of other types raise an error naming `caller`. Charged n·log2(n).
void simrun_pushsortedkeys(lua_State *L);
/// Pushes a C closure that calls `fn(L, binding)` through the trampoline. Stack: +1.
void simrun_pushbinding(lua_State *L, simrun_host_function fn, int binding);
/// Where the Lua function `level` levels up the stack is ("file:line:"), or "" from C. Stack: +1.
void simrun_where(lua_State *L, int level);

/// A heap of `capacity` bytes of address space, backed only where used; NULL when it cannot be had.
simrun_arena *simrun_arena_create(size_t capacity);
/// Unmaps the heap and frees what it took from malloc. The state in it must not be used again.
void simrun_arena_destroy(simrun_arena *arena);
/// Lua's allocator over the arena (`old` is 0 for a new block): blocks by size class, from malloc
/// when the range is full or the block too large, tracked so that a restore frees them.
void *simrun_arena_realloc(simrun_arena *arena, void *block, size_t old, size_t size);
/// Saves the heap's blocks and `limits` as they stand. -1 (nothing saved) when a block came from
/// malloc: only a heap wholly in the range can be copied back.
int simrun_arena_save(simrun_arena *arena, const simrun_limits *limits);
/// Puts the saved blocks and limits back: whatever was allocated since is gone, malloc's blocks freed.
void simrun_arena_restore(simrun_arena *arena, simrun_limits *limits);
/// A copy of the heap's blocks and `limits` as they stand, to be put back any number of times with
/// `simrun_arena_restore_image`; NULL when a block came from malloc or there is no memory for it.
simrun_arena_image *simrun_arena_capture(const simrun_arena *arena, const simrun_limits *limits);
/// Puts an image of this arena back, as `simrun_arena_restore` puts back the saved sandbox.
void simrun_arena_restore_image(simrun_arena *arena, const simrun_arena_image *image, simrun_limits *limits);
void simrun_arena_image_free(simrun_arena_image *image);
/// Bytes of the range the image holds.
size_t simrun_arena_image_size(const simrun_arena_image *image);
/// The arena the image was taken of: it can be put back only there.
const simrun_arena *simrun_arena_image_arena(const simrun_arena_image *image);
/// Bytes of the range handed out, free or not.
size_t simrun_arena_top(const simrun_arena *arena);
/// Blocks taken from malloc and not yet freed.
size_t simrun_arena_outside_blocks(const simrun_arena *arena);

/// The per-state pointer-sized area where the host keeps its context.
static inline void **simrun_extraspace(lua_State *L) { return (void **)lua_getextraspace(L); }
static inline int simrun_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline void simrun_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline void simrun_insert(lua_State *L, int idx) { lua_insert(L, idx); }
static inline void simrun_remove(lua_State *L, int idx) { lua_remove(L, idx); }
static inline int simrun_isinteger(lua_State *L, int idx) { return lua_isinteger(L, idx); }
static inline const char *simrun_tostring(lua_State *L, int idx, size_t *len) {
    // Strings only: converting a number in place would change the value's type on the stack.
    return lua_type(L, idx) == LUA_TSTRING ? lua_tolstring(L, idx, len) : NULL;
}
static inline lua_Number simrun_tonumber(lua_State *L, int idx) { return lua_tonumberx(L, idx, NULL); }
static inline lua_Integer simrun_tointeger(lua_State *L, int idx) { return lua_tointegerx(L, idx, NULL); }

#endif
