/*
 * arena.c — region allocator. Layer: base (libc only).
 */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK 8192

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	max_align_t data[];
};

void arena_init(struct arena *a, size_t cap)
{
	a->head = NULL;
	a->used_total = 0;
	a->cap = cap;
	a->exhausted = 0;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used_total = 0;
	a->exhausted = 0;
}

void *arena_alloc(struct arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	/* the owner reports this as an error; the bytes are still given, so no caller has to
	 * check every small allocation and nothing on the request path can end the process */
	if (a->cap && a->used_total + n > a->cap)
		a->exhausted = 1;
	struct arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		c = malloc(sizeof(*c) + size);
		if (!c) {
			fprintf(stderr, "arena: out of memory\n");
			abort();
		}
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	a->used_total += n;
	memset(p, 0, n);
	return p;
}

int arena_exhausted(const struct arena *a)
{
	return a->exhausted;
}

void *arena_grow(struct arena *a, void *items, size_t size, size_t n, size_t *cap)
{
	if (items && n < *cap)
		return items;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *bigger = arena_alloc(a, size * ncap);
	if (items && n)
		memcpy(bigger, items, size * n);
	*cap = ncap;
	return bigger;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (!s)
		return NULL;
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
