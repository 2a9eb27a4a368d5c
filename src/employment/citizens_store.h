/*
 * citizens_store.h — the SQL of the citizens. Layer: store of the employment capability:
 * statements only, no rules.
 */
#ifndef INDGANG_CITIZENS_STORE_H
#define INDGANG_CITIZENS_STORE_H

#include <stdint.h>

#include "citizens.h"

struct arena;
struct db;
struct buf;

/* a sealed CPR as stored: the box, the id of its key, the keyed hash */
struct cpr_sealed {
	const uint8_t *box;
	int box_len;
	int key_id;
	const uint8_t *hash;
};

/* citizens_store_insert: a new citizen of c->kommune with its sealed CPR; *id its id. */
int citizens_store_insert(struct db *db, const struct citizen *c, const struct cpr_sealed *cpr,
                          int64_t created_by, int64_t *id);
/* citizens_store_update: the profile fields of c (not its municipality, not the CPR), and
 * active_at. ERR_NOTFOUND. */
int citizens_store_update(struct db *db, const struct citizen *c);
/* citizens_store_set_cpr: replaces the sealed CPR of id. */
int citizens_store_set_cpr(struct db *db, int64_t id, const struct cpr_sealed *cpr);
/* citizens_store_set_lists: replaces the tasks and needs of c. */
int citizens_store_set_lists(struct db *db, const struct citizen *c);
/* citizens_store_kommune: the municipality of citizen id; ERR_NOTFOUND. */
int citizens_store_kommune(struct db *db, struct arena *a, int64_t id, const char **kommune);
/* citizens_store_get: citizen id with its lists; the sealed CPR into *cpr (box NULL when
 * anonymized). ERR_NOTFOUND. */
int citizens_store_get(struct db *db, struct arena *a, int64_t id, struct citizen *out,
                       struct cpr_sealed *cpr);
/* citizens_store_find: the id of the citizen of kommune (NULL: any municipality) whose cpr_hash
 * is hash; ERR_NOTFOUND. With kommune NULL, every such id into ids (at most max), *n how many. */
int citizens_store_find(struct db *db, const char *kommune, const uint8_t *hash, int64_t *ids,
                        int max, int *n);
/* citizens_store_list: a page of kommune's citizens by q (q->cpr is ignored: hash_id, if not 0,
 * restricts to that id); the sealed CPR of each into cprs (allocated in a). */
int citizens_store_list(struct db *db, struct arena *a, const char *kommune,
                        const struct citizens_query *q, int64_t only_id,
                        struct citizen_item **items, struct cpr_sealed **cprs, int *n,
                        int *total);
/* citizens_store_count: active citizens of kommune (NULL: all). */
int citizens_store_count(struct db *db, const char *kommune, int *count);
/* citizens_store_log: the audit lines of citizen ids (entity 'citizen'), oldest first. */
int citizens_store_log(struct db *db, struct arena *a, const int64_t *ids, int nids,
                       struct citizen_read **rows, int *n);
/* citizens_store_placements_json: the placements of citizen id with their follow-ups, as one
 * JSON array (made by SQLite's JSON functions) allocated in a. */
int citizens_store_placements_json(struct db *db, struct arena *a, int64_t id,
                                   const char **json);
/* citizens_store_purge: anonymizes (or with dry_run only counts) the citizens inactive since
 * before cutoff (ISO time) without an open placement (no end, or an end today or later): name, CPR, contact, profile and lists
 * removed, follow-up notes emptied; *count says how many. */
int citizens_store_purge(struct db *db, const char *cutoff, bool dry_run, int *count);

#endif
