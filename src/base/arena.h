/*
 * arena.h — region allocator: many allocations, one free.
 * Layer: base (libc only). Each request owns one arena, freed when the request completes.
 * Allocation never returns NULL: running out of memory aborts, as a per-request NULL check on
 * every small string would hide the real failure and allocation failure is not recoverable here.
 */
#ifndef INDGANG_ARENA_H
#define INDGANG_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;
struct arena {
	struct arena_chunk *head;
	size_t used_total; /* bytes handed out, for the per-request cap */
	size_t cap;        /* 0 = no cap; otherwise arena_alloc aborts the request past it */
};

/* arena_init: an empty arena. cap 0 means unbounded. */
void arena_init(struct arena *a, size_t cap);
/* arena_free: frees every allocation of a; a is empty and reusable afterwards. */
void arena_free(struct arena *a);
/* arena_alloc: n zeroed bytes, aligned for any type, owned by a. */
void *arena_alloc(struct arena *a, size_t n);
/* arena_strdup / arena_strndup: copies owned by a; NULL in gives NULL out. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* arena_printf: a formatted string owned by a. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
