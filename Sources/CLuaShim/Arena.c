// Arena.c: the heap a batch worker's Lua states live in, one state at a time. Blocks come from one
// reserved range by size class; the state as it stands after the sandbox is made can be saved once
// and copied back before each run, which gives every run the same fresh sandbox without building
// it again, and so can the state at the end of a scenario's setup (an image of its own). A block the
// range cannot hold is taken from malloc and tracked, so nothing a run could allocate before is
// refused now; restoring frees such blocks.
#include "CLuaShim.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/// Classes 0..63 hold 16, 32, ..., 1024 bytes; classes from 64 on hold 2048, 4096, ... bytes.
#define SMALL_CLASSES 64
#define SMALL_STEP 16
#define CLASSES (SMALL_CLASSES + 48)

/// A block from malloc: the range was full or the block too large for it.
typedef struct outside_block {
    struct outside_block *previous;
    struct outside_block *next;
} outside_block;

/// Room for the header that keeps Lua's blocks aligned to 16 bytes.
#define OUTSIDE_HEADER 16

struct simrun_arena {
    char *base;
    size_t capacity;
    /// Bytes of the range handed out so far (freed blocks wait in their class's list).
    size_t top;
    /// Freed blocks by class, each holding the next one's address in its first bytes.
    void *free_list[CLASSES];
    outside_block *outside;
    size_t outside_count;
    /// The sandbox as saved by `simrun_arena_save`.
    simrun_arena_image *saved;
};

/// A heap as it stood: the range's bytes up to `top`, the free lists and the limits.
struct simrun_arena_image {
    const simrun_arena *arena;
    char *bytes;
    size_t top;
    void *free_list[CLASSES];
    simrun_limits limits;
};

static int size_class(size_t n) {
    if (n <= SMALL_CLASSES * SMALL_STEP) return (int)((n + SMALL_STEP - 1) / SMALL_STEP) - 1;
    int c = SMALL_CLASSES;
    size_t size = 2 * SMALL_CLASSES * SMALL_STEP;
    while (size < n && c < CLASSES - 1) {
        size *= 2;
        c++;
    }
    return size < n ? -1 : c;
}

static size_t class_size(int c) {
    return c < SMALL_CLASSES ? (size_t)(c + 1) * SMALL_STEP : (size_t)(2 * SMALL_CLASSES * SMALL_STEP) << (c - SMALL_CLASSES);
}

static int inside(const simrun_arena *arena, const void *block) {
    const char *p = (const char *)block;
    return p >= arena->base && p < arena->base + arena->capacity;
}

simrun_arena *simrun_arena_create(size_t capacity) {
    simrun_arena *arena = calloc(1, sizeof(simrun_arena));
    if (arena == NULL) return NULL;
    // Reserved, not committed: pages are backed only once a run touches them.
    void *range = mmap(NULL, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (range == MAP_FAILED) {
        free(arena);
        return NULL;
    }
    arena->base = range;
    arena->capacity = capacity;
    return arena;
}

static void free_outside_blocks(simrun_arena *arena) {
    outside_block *block = arena->outside;
    while (block != NULL) {
        outside_block *next = block->next;
        free(block);
        block = next;
    }
    arena->outside = NULL;
    arena->outside_count = 0;
}

void simrun_arena_destroy(simrun_arena *arena) {
    if (arena == NULL) return;
    free_outside_blocks(arena);
    munmap(arena->base, arena->capacity);
    simrun_arena_image_free(arena->saved);
    free(arena);
}

static void *allocate_outside(simrun_arena *arena, size_t n) {
    if (n > (size_t)-1 - OUTSIDE_HEADER) return NULL;
    outside_block *block = malloc(OUTSIDE_HEADER + n);
    if (block == NULL) return NULL;
    block->previous = NULL;
    block->next = arena->outside;
    if (arena->outside != NULL) arena->outside->previous = block;
    arena->outside = block;
    arena->outside_count++;
    return (char *)block + OUTSIDE_HEADER;
}

static void free_outside(simrun_arena *arena, void *p) {
    outside_block *block = (outside_block *)((char *)p - OUTSIDE_HEADER);
    if (block->previous != NULL) block->previous->next = block->next;
    else arena->outside = block->next;
    if (block->next != NULL) block->next->previous = block->previous;
    arena->outside_count--;
    free(block);
}

static void *allocate(simrun_arena *arena, size_t n) {
    int c = size_class(n);
    if (c < 0) return allocate_outside(arena, n);
    void *block = arena->free_list[c];
    if (block != NULL) {
        arena->free_list[c] = *(void **)block;
        return block;
    }
    size_t size = class_size(c);
    if (size > arena->capacity - arena->top) return allocate_outside(arena, n);
    block = arena->base + arena->top;
    arena->top += size;
    return block;
}

static void release(simrun_arena *arena, void *p, size_t n) {
    if (p == NULL) return;
    if (!inside(arena, p)) {
        free_outside(arena, p);
        return;
    }
    int c = size_class(n);
    *(void **)p = arena->free_list[c];
    arena->free_list[c] = p;
}

void *simrun_arena_realloc(simrun_arena *arena, void *p, size_t old, size_t n) {
    if (n == 0) {
        release(arena, p, old);
        return NULL;
    }
    if (p == NULL) return allocate(arena, n);
    if (inside(arena, p) && size_class(old) == size_class(n)) return p;
    void *moved = allocate(arena, n);
    if (moved == NULL) {
        // Lua counts on a block that shrinks staying where it is: it keeps its larger class.
        return n <= old ? p : NULL;
    }
    memcpy(moved, p, old < n ? old : n);
    release(arena, p, old);
    return moved;
}

simrun_arena_image *simrun_arena_capture(const simrun_arena *arena, const simrun_limits *limits) {
    if (arena->outside != NULL) return NULL;
    simrun_arena_image *image = malloc(sizeof(simrun_arena_image));
    if (image == NULL) return NULL;
    image->bytes = malloc(arena->top ? arena->top : 1);
    if (image->bytes == NULL) {
        free(image);
        return NULL;
    }
    image->arena = arena;
    memcpy(image->bytes, arena->base, arena->top);
    image->top = arena->top;
    memcpy(image->free_list, arena->free_list, sizeof arena->free_list);
    image->limits = *limits;
    return image;
}

void simrun_arena_restore_image(simrun_arena *arena, const simrun_arena_image *image, simrun_limits *limits) {
    free_outside_blocks(arena);
    memcpy(arena->base, image->bytes, image->top);
    arena->top = image->top;
    memcpy(arena->free_list, image->free_list, sizeof arena->free_list);
    *limits = image->limits;
}

void simrun_arena_image_free(simrun_arena_image *image) {
    if (image == NULL) return;
    free(image->bytes);
    free(image);
}

size_t simrun_arena_image_size(const simrun_arena_image *image) { return image->top; }

const simrun_arena *simrun_arena_image_arena(const simrun_arena_image *image) { return image->arena; }

int simrun_arena_save(simrun_arena *arena, const simrun_limits *limits) {
    simrun_arena_image *image = simrun_arena_capture(arena, limits);
    if (image == NULL) return -1;
    simrun_arena_image_free(arena->saved);
    arena->saved = image;
    return 0;
}

void simrun_arena_restore(simrun_arena *arena, simrun_limits *limits) {
    simrun_arena_restore_image(arena, arena->saved, limits);
}

size_t simrun_arena_top(const simrun_arena *arena) { return arena->top; }

size_t simrun_arena_outside_blocks(const simrun_arena *arena) { return arena->outside_count; }
