/*
 * collate.h — Danish collation through ICU: Z before Æ before Ø before Å, "Aa" sorts as "Å",
 * case and accents second. Layer: store (db.c registers it as the SQLite collation "da", so
 * `ORDER BY navn COLLATE da` sorts the Danish way); usable on its own for sorting in C.
 */
#ifndef INDGANG_COLLATE_H
#define INDGANG_COLLATE_H

#include <stdint.h>

struct arena;
struct collator;

/* collate_open: a Danish collator for one thread; NULL if ICU cannot provide one (logged). */
struct collator *collate_open(void);
void collate_close(struct collator *c);
/* collate_cmp: <0, 0 or >0 comparing the UTF-8 strings a[0..alen) and b[0..blen). */
int collate_cmp(struct collator *c, const char *a, int alen, const char *b, int blen);

/* collate_sort_key: the ICU sort key of the UTF-8 string s, owned by a, *len its length: bytes
 * that compare with memcmp in Danish order, for an index that needs no collation function.
 * Uses a collator of the calling thread's own. */
const uint8_t *collate_sort_key(struct arena *a, const char *s, int *len);

/* collate_lower: the UTF-8 string s[0..len) in lower case by Unicode's rules, so Æ, Ø and Å
 * become æ, ø and å as A becomes a; a new malloc'd string, *outlen its length. NULL when out of
 * memory or when ICU cannot (the caller keeps s as it is). Safe from any thread. */
char *collate_lower(const char *s, int len, int *outlen);

#endif
