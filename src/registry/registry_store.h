/*
 * registry_store.h — the SQL of the registry. Layer: store of the registry capability:
 * statements only, no rules.
 */
#ifndef INDGANG_REGISTRY_STORE_H
#define INDGANG_REGISTRY_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "registry.h"

struct arena;
struct db;

int registry_store_insert(struct db *db, struct enterprise *e, int64_t *id);
int registry_store_update(struct db *db, const struct enterprise *e);
/* registry_store_set_lists: replaces other municipalities, services and target groups. */
int registry_store_set_lists(struct db *db, const struct enterprise *e);
int registry_store_set_terms(struct db *db, int64_t id, const char *name, const char *body);
/* registry_store_reindex_due: whether a migration asked for the search terms to be made anew;
 * registry_store_reindex_done forgets the request. */
int registry_store_reindex_due(struct db *db, bool *due);
int registry_store_reindex_done(struct db *db);
int registry_store_get(struct db *db, struct arena *a, int64_t id, struct enterprise *out);
/* registry_store_find: the id of the enterprise with cvr (if given), else with name in kommune;
 * ERR_NOTFOUND. */
int registry_store_find(struct db *db, const char *cvr, const char *name, const char *kommune,
                        int64_t *id);

/* registry_store_list: see registry_list_page. */
/* registry_store_filters_key: what q selects (its filters and search, not its order or page) as
 * one string into key (size bytes); false when a text holds the separators 0x1E/0x1F or the
 * key does not fit. */
bool registry_store_filters_key(const struct registry_query *q, char *key, size_t size);
/* registry_store_version: the registry's counter (migration 0026) into *n and the database's
 * own random number into *db_id. ERR_DB. */
int registry_store_version(struct db *db, int64_t *db_id, int64_t *n);
/* registry_store_version_bump: raises the counter, for a change its triggers do not see (the
 * search terms: FTS5 tables have no triggers). ERR_DB. */
int registry_store_version_bump(struct db *db);
/* registry_store_search_merge: one step of merging the search index's segments (about 2,000
 * pages of work); *worked false when there was nothing left to merge. ERR_DB. */
int registry_store_search_merge(struct db *db, bool *worked);
int registry_store_list(struct db *db, struct arena *a, const struct registry_query *q,
                        struct registry_item **items, int *n, int *total, bool *exact);
/* registry_store_ids: the id of every enterprise q selects, in q's order, without paging (q's
 * limit and offset are not read), for exports; with q->kommune those whose home it is and those
 * that work with it, (*home)[i] saying which (always true without). */
int registry_store_ids(struct db *db, struct arena *a, const struct registry_query *q,
                       int64_t **ids, bool **home, int *n);

/* registry_store_bilag1: see registry_bilag1. */
int registry_store_bilag1(struct db *db, struct arena *a, const char *kommune, const char *day,
                          struct bilag1_row **rows, int *n);

/* kommuner_json: a JSON array of codes to restrict to (read with json_each), or NULL */
int registry_store_tabel1(struct db *db, struct arena *a, const char *from, const char *cut,
                          const char *kommuner_json, struct tabel1_row **rows, int *n);
int registry_store_tabel2(struct db *db, struct arena *a, const char *cut,
                          const char *kommuner_json, struct tabel2_row **rows, int *n);

/* the managed lists */
int registry_store_options(struct db *db, struct arena *a, int targets, struct option_kv **opts,
                           int *n);

/* registry_store_option_add: a new entry at the end of the services (targets 0) or target
 * groups (targets 1); ERR_CONFLICT when the key or label is taken */
int registry_store_option_add(struct db *db, int targets, const char *key, const char *label);

#endif
