/*
 * form.h — parsers for what clients send: urlencoded forms and query strings, cookie headers,
 * and percent-decoding. Pure functions over bytes, fuzzed in tests/fuzz/.
 * Layer: http.
 */
#ifndef INDGANG_FORM_H
#define INDGANG_FORM_H

#include <stddef.h>

struct arena;
struct kv;

#define FORM_MAX_FIELDS 200

/* form_parse: parses "a=1&b=%C3%A6" (with '+' as space) into a kv list ending in {NULL, NULL},
 * owned by a. Fields whose name or value is not valid UTF-8 after decoding, and fields past
 * FORM_MAX_FIELDS, are dropped. Returns the list (never NULL). */
struct kv *form_parse(struct arena *a, const char *s, size_t n);
/* form_cookies: parses a Cookie header "a=1; b=2" into a kv list owned by a (never NULL).
 * Values are not decoded; quotes around a value are removed. */
struct kv *form_cookies(struct arena *a, const char *header);
/* form_decode: percent-decodes s[0..n) (plus as space when plus is nonzero) into a new string
 * owned by a; *out_len gets its length. Invalid escapes are kept literally. */
char *form_decode(struct arena *a, const char *s, size_t n, int plus, size_t *out_len);

#endif
