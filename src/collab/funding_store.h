/*
 * funding_store.h — the SQL of funding sources, their search terms (funding_search, FTS5) and
 * the sources suggested on inquiries. Layer: store of the collab capability: statements only,
 * no rules (funding.c holds them). Every function returns 0, ERR_NOTFOUND where it says so,
 * ERR_CONFLICT on a constraint the database refuses, or ERR_DB.
 */
#ifndef INDGANG_FUNDING_STORE_H
#define INDGANG_FUNDING_STORE_H

#include <stdint.h>

#include "funding.h"

struct arena;
struct db;

int funding_store_insert(struct db *db, const struct funding_source *s, int64_t *id);
/* ERR_NOTFOUND when no row */
int funding_store_update(struct db *db, const struct funding_source *s);
int funding_store_delete(struct db *db, int64_t id);
int funding_store_set_terms(struct db *db, int64_t id, const char *terms);
int funding_store_get(struct db *db, struct arena *a, int64_t id, struct funding_source *out);
int funding_store_kommune_exists(struct db *db, const char *kommune, int *exists);

/* what a list may show: the public sources, and with staff set those of scope (NULL: all) and
 * the national ones */
struct funding_store_filter {
	int staff;
	const char *scope;
	const char *match;    /* an FTS5 expression, or NULL */
	const char *kind;     /* or NULL */
	const char *from, *until; /* deadline bounds (both or neither), or NULL */
	int by_title;
	int limit, offset;
};
int funding_store_list(struct db *db, struct arena *a, const struct funding_store_filter *f,
                       struct funding_source **items, int *n, int *total);

/* inquiry id's municipality, topic and assignee (0 none); ERR_NOTFOUND */
int funding_store_inquiry(struct db *db, struct arena *a, int64_t id, const char **kommune,
                          const char **topic, int64_t *assignee_id);
int funding_store_suggestions(struct db *db, struct arena *a, int64_t inquiry_id,
                              struct funding_source **items, int *n);
/* ERR_CONFLICT when already suggested */
int funding_store_suggest(struct db *db, int64_t inquiry_id, int64_t source_id);
/* ERR_NOTFOUND when not suggested */
int funding_store_unsuggest(struct db *db, int64_t inquiry_id, int64_t source_id);

#endif
