/*
 * guidance_store.h — the SQL of the guidance library. Layer: store of the outreach capability:
 * statements only, no rules (guidance.c holds them). Every function returns 0, ERR_NOTFOUND
 * where it says so, ERR_CONFLICT on a constraint the database refuses, or ERR_DB.
 */
#ifndef INDGANG_GUIDANCE_STORE_H
#define INDGANG_GUIDANCE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "guidance.h"

struct arena;
struct db;

/* guidance_store_insert: a new row of d (with its file's bytes), owner owner_id */
int guidance_store_insert(struct db *db, const struct guidance_doc *d, int64_t owner_id, int64_t *id);
/* guidance_store_update: title, summary, tags, url and review date of row d->id; ERR_NOTFOUND */
int guidance_store_update(struct db *db, const struct guidance_doc *d);
/* guidance_store_delete: row id and its search row; ERR_NOTFOUND */
int guidance_store_delete(struct db *db, int64_t id);
/* guidance_store_set_terms: the search row of id becomes terms */
int guidance_store_set_terms(struct db *db, int64_t id, const char *terms);
/* guidance_store_get: row id (with the file's bytes when with_data); review_due against today */
int guidance_store_get(struct db *db, struct arena *a, int64_t id, bool with_data,
                       const char *today, struct guidance_doc *out);
/* guidance_store_list: rows of scope (NULL: all) and the national ones, matching the FTS5
 * expression match (NULL: any, ordered by title) and tag (NULL: any), only due ones when due */
int guidance_store_list(struct db *db, struct arena *a, const char *scope, const char *match,
                        const char *tag, bool due, const char *today, int limit, int offset,
                        struct guidance_doc **items, int *n, int *total);

#endif
