/*
 * openings_store.h — the SQL of the openings (stillinger og pladser). Layer: store of the
 * employment capability: statements only, no rules (openings.c holds them). Every function
 * returns 0, ERR_NOTFOUND where it says so, ERR_CONFLICT on a constraint the database refuses,
 * or ERR_DB (logged by db.c).
 */
#ifndef INDGANG_OPENINGS_STORE_H
#define INDGANG_OPENINGS_STORE_H

#include <stdint.h>

#include "openings.h"

struct arena;
struct db;

/* openings_store_insert: a new row of o's own fields (not the lists), created_at and
 * updated_at now; *id its id. */
int openings_store_insert(struct db *db, const struct opening *o, int64_t *id);
/* openings_store_update: o's own fields over row o->id (enterprise_id and created_at are kept),
 * updated_at now; ERR_NOTFOUND when there is no such row. */
int openings_store_update(struct db *db, const struct opening *o);
/* openings_store_set_lists: replaces the task and adaptation rows of o->id with o's lists; a key
 * missing from its managed list fails its foreign key (ERR_CONFLICT). */
int openings_store_set_lists(struct db *db, const struct opening *o);
/* openings_store_set_status: status and updated_at of row id; ERR_NOTFOUND. */
int openings_store_set_status(struct db *db, int64_t id, const char *status);

/* openings_store_get: row id with its lists (in the managed lists' order) and its enterprise's
 * name and home municipality, strings in a; ERR_NOTFOUND. */
int openings_store_get(struct db *db, struct arena *a, int64_t id, struct opening *out);

/* openings_store_list: the page of q within the scope (scope_kommune NULL and scope_enterprise 0
 * for none), in q->sort's order, with task lists; *total every match. */
int openings_store_list(struct db *db, struct arena *a, const struct openings_query *q,
                        const char *scope_kommune, int64_t scope_enterprise,
                        struct opening **items, int *n, int *total);

#endif
