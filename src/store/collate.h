/*
 * collate.h — Danish collation through ICU: Z before Æ before Ø before Å, "Aa" sorts as "Å",
 * case and accents second. Layer: store (db.c registers it as the SQLite collation "da", so
 * `ORDER BY navn COLLATE da` sorts the Danish way); usable on its own for sorting in C.
 */
#ifndef INDGANG_COLLATE_H
#define INDGANG_COLLATE_H

struct collator;

/* collate_open: a Danish collator for one thread; NULL if ICU cannot provide one (logged). */
struct collator *collate_open(void);
void collate_close(struct collator *c);
/* collate_cmp: <0, 0 or >0 comparing the UTF-8 strings a[0..alen) and b[0..blen). */
int collate_cmp(struct collator *c, const char *a, int alen, const char *b, int blen);

#endif
