/*
 * purchases_store.h — the SQL of purchases. Layer: store of the procurement capability:
 * statements only (purchases.c holds the rules). 0, ERR_NOTFOUND where said, ERR_CONFLICT on a
 * constraint the database refuses, or ERR_DB.
 */
#ifndef INDGANG_PURCHASES_STORE_H
#define INDGANG_PURCHASES_STORE_H

#include <stdint.h>

#include "purchases.h"

struct arena;
struct db;

/* purchases_store_insert: a new row of p with created_by; *id. A service that is no key is
 * ERR_CONFLICT (its foreign key). */
int purchases_store_insert(struct db *db, const struct purchase *p, int64_t by, int64_t *id);
/* purchases_store_insert_order: the purchase of order_id unless it has one (then nothing). */
int purchases_store_insert_order(struct db *db, const struct purchase *p, int64_t by);
/* purchases_store_get: row id with names; ERR_NOTFOUND. */
int purchases_store_get(struct db *db, struct arena *a, int64_t id, struct purchase *out);
/* purchases_store_delete: removes row id; ERR_NOTFOUND. */
int purchases_store_delete(struct db *db, int64_t id);
/* purchases_store_service_exists: *yes when key is a service key. */
int purchases_store_service_exists(struct db *db, const char *key, int *yes);
/* purchases_store_list: the page of q within scope (NULL: all), in q->sort's order. */
int purchases_store_list(struct db *db, struct arena *a, const struct purchases_query *q,
                         const char *scope, struct purchase **items, int *n, int *total,
                         int64_t *sum_ore);

#endif
