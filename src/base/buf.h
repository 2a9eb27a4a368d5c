/*
 * buf.h — growable byte buffer with a size cap.
 * Layer: base (libc only). Response bodies and generated text are built in a buf. Appending past
 * the cap sets the overflow flag and drops the data, so a runaway page cannot eat the machine;
 * the caller checks the failed flag once at the end instead of after every append.
 */
#ifndef INDGANG_BUF_H
#define INDGANG_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#define BUF_DEFAULT_CAP (16u * 1024 * 1024)

struct buf {
	char *data;   /* NUL-terminated while len < cap; owned by the buf */
	size_t len;
	size_t alloc;
	size_t cap;   /* most bytes this buf may hold */
	bool failed;  /* an append hit the cap or malloc failed */
};

/* buf_init: an empty buf with the given cap (0 = BUF_DEFAULT_CAP). Allocates nothing yet. */
void buf_init(struct buf *b, size_t cap);
/* buf_free: releases the data; b is empty afterwards. */
void buf_free(struct buf *b);
/* buf_reset: keeps the allocation, empties the contents and clears the failed flag. */
void buf_reset(struct buf *b);
/* buf_append: appends n bytes. Returns 0, or ERR_NOMEM and sets failed. */
int buf_append(struct buf *b, const void *p, size_t n);
int buf_puts(struct buf *b, const char *s);
int buf_putc(struct buf *b, char c);
/* buf_printf: plain printf into b: never for HTML, JSON or SQL, which have their own writers. */
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* buf_steal: hands the malloc'd data to the caller (never NULL) and empties b. */
char *buf_steal(struct buf *b, size_t *len);
/* buf_str: the contents as a C string (never NULL). */
const char *buf_str(const struct buf *b);

#endif
