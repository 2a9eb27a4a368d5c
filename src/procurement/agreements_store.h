/*
 * agreements_store.h — the SQL of voluntary purchase agreements. Layer: store of the
 * procurement capability: statements only, no rules (agreements.c holds them). Every function
 * returns 0, ERR_NOTFOUND where it says so, ERR_CONFLICT on a constraint the database refuses,
 * or ERR_DB (logged by db.c).
 */
#ifndef INDGANG_AGREEMENTS_STORE_H
#define INDGANG_AGREEMENTS_STORE_H

#include <stdint.h>

#include "agreements.h"

struct arena;
struct db;

/* agreements_store_insert: a new row of g's own fields with created_by, timestamps now; *id. */
int agreements_store_insert(struct db *db, const struct agreement *g, int64_t by, int64_t *id);
/* agreements_store_update: g's own fields over row g->id (kommune, enterprise and created_* are
 * kept); reminded_at is cleared when the end date changes. ERR_NOTFOUND. */
int agreements_store_update(struct db *db, const struct agreement *g);
/* agreements_store_set_products: replaces the product rows of g->id with g's. */
int agreements_store_set_products(struct db *db, const struct agreement *g);
/* agreements_store_foreign_products: how many of g's products are not g->enterprise_id's. */
int agreements_store_foreign_products(struct db *db, const struct agreement *g, int *count);
/* agreements_store_get: row id with its products and names, strings in a; ERR_NOTFOUND. */
int agreements_store_get(struct db *db, struct arena *a, int64_t id, struct agreement *out);
/* agreements_store_list: the page of q within the scope (scope_kommune NULL and
 * scope_enterprise 0: none), soonest end first (or by title), without products; *total every
 * match. */
int agreements_store_list(struct db *db, struct arena *a, const struct agreements_query *q,
                          const char *scope_kommune, int64_t scope_enterprise,
                          struct agreement **items, int *n, int *total);
/* agreements_store_in_force: see agreements_in_force. */
int agreements_store_in_force(struct db *db, const char *kommune, int64_t enterprise_id,
                              const char *day, int64_t *id);

/* an agreement due for its reminder, with the addresses to tell */
struct agreement_due {
	int64_t id;
	const char *kommune, *title, *enterprise_name, *end, *contact_email;
	const char *creator_email; /* NULL when the creator is gone or inactive */
};
/* agreements_store_due: the active agreements ending from day to last and not reminded. */
int agreements_store_due(struct db *db, struct arena *a, const char *day, const char *last,
                         struct agreement_due **items, int *n);
/* agreements_store_mark_reminded: reminded_at now for row id. */
int agreements_store_mark_reminded(struct db *db, int64_t id);

#endif
