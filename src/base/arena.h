/*
 * arena.h — region allocator: many allocations, one free.
 * Layer: base (libc only). Each request owns one arena, freed when the request completes.
 * Allocation never returns NULL. A request that passes its arena's cap does not end the
 * process: the arena marks itself exhausted (arena_exhausted) and goes on serving, and the
 * owner of the arena turns that into an error (the server answers 500 and logs it). Only the
 * system running out of memory aborts, as that is not recoverable here.
 */
#ifndef INDGANG_ARENA_H
#define INDGANG_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;
struct arena {
	struct arena_chunk *head;
	size_t used_total; /* bytes handed out, for the per-request cap */
	size_t cap;        /* 0 = no cap; past it the arena is marked exhausted */
	int exhausted;     /* nonzero once an allocation passed cap */
};

/* arena_init: an empty arena. cap 0 means unbounded. */
void arena_init(struct arena *a, size_t cap);
/* arena_free: frees every allocation of a; a is empty and reusable afterwards. */
void arena_free(struct arena *a);
/* arena_alloc: n zeroed bytes, aligned for any type, owned by a. Past the cap the bytes are
 * still given and the arena is marked exhausted. */
void *arena_alloc(struct arena *a, size_t n);
/* arena_exhausted: nonzero if an allocation passed the arena's cap since arena_init/free. */
int arena_exhausted(const struct arena *a);
/* arena_grow: room for element n of an array of size-byte elements that holds *cap: returns
 * items when n < *cap, else a copy with twice the room (16 at first) and updates *cap. The old
 * array stays in the arena. Use it through ARENA_PUSH. */
void *arena_grow(struct arena *a, void *items, size_t size, size_t n, size_t *cap);
/* ARENA_PUSH: appends a zeroed element to the arena array arr of n elements (room cap) and
 * evaluates to a pointer to it; n and cap are size_t lvalues.
 *   struct row *rows = NULL; size_t n = 0, cap = 0;
 *   while (...) { struct row *r = ARENA_PUSH(a, rows, n, cap); r->x = ...; } */
#define ARENA_PUSH(a, arr, n, cap)                                                               \
	((arr) = arena_grow((a), (arr), sizeof(*(arr)), (n), &(cap)), &(arr)[(n)++])
/* arena_strdup / arena_strndup: copies owned by a; NULL in gives NULL out. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* arena_printf: a formatted string owned by a. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
