/*
 * site_store.h — the SQL of the site's settings. Layer: store of the site capability.
 */
#ifndef INDGANG_SITE_STORE_H
#define INDGANG_SITE_STORE_H

#include <stdint.h>

struct arena;
struct db;
struct site_operator;

/* site_store_operator: the row into *op; ERR_NOTFOUND when never set */
int site_store_operator(struct db *db, struct arena *a, struct site_operator *op);
/* site_store_operator_set: writes the one row (inside a write) */
int site_store_operator_set(struct db *db, const struct site_operator *op, int64_t by);

#endif
