/*
 * urlenc.h — parsers for what clients send: urlencoded forms and query strings, cookie headers,
 * and percent-decoding. Pure functions over bytes, fuzzed in tests/fuzz/.
 * Layer: http.
 */
#ifndef INDGANG_URLENC_H
#define INDGANG_URLENC_H

#include <stddef.h>

struct arena;
struct kv;

#define URLENC_MAX_FIELDS 200

/* urlenc_parse: parses "a=1&b=%C3%A6" (with '+' as space) into a kv list ending in {NULL, NULL},
 * owned by a. Fields whose name or value is not valid UTF-8 after decoding, and fields past
 * URLENC_MAX_FIELDS, are dropped. Returns the list (never NULL). */
struct kv *urlenc_parse(struct arena *a, const char *s, size_t n);
/* urlenc_cookies: parses a Cookie header "a=1; b=2" into a kv list owned by a (never NULL).
 * Values are not decoded; quotes around a value are removed. */
struct kv *urlenc_cookies(struct arena *a, const char *header);
/* urlenc_decode: percent-decodes s[0..n) (plus as space when plus is nonzero) into a new string
 * owned by a; *out_len gets its length. Invalid escapes are kept literally. */
char *urlenc_decode(struct arena *a, const char *s, size_t n, int plus, size_t *out_len);

#endif
