/*
 * pools_store.h — the SQL of the grant pool: pools, their survey rounds, applications with
 * budget lines, grants, payments, reported spend and the attendance counted from the pool's
 * network. Layer: store of the collab capability: statements only, no rules (pools.c holds
 * them). Every function returns 0, ERR_NOTFOUND where it says so, ERR_CONFLICT on a constraint
 * the database refuses, or ERR_DB. scope NULL means every municipality.
 */
#ifndef INDGANG_POOLS_STORE_H
#define INDGANG_POOLS_STORE_H

#include <stdint.h>

#include "pools.h"

struct arena;
struct db;

int pools_store_insert(struct db *db, const struct pool *p, int64_t *id);
int pools_store_round_insert(struct db *db, int64_t pool_id, const struct pool_round *r);
/* pool id with its sums and rounds; ERR_NOTFOUND */
int pools_store_get(struct db *db, struct arena *a, int64_t id, struct pool *out);
int pools_store_list(struct db *db, struct arena *a, int limit, int offset, struct pool **items,
                     int *n, int *total);

/* whether kommune is a municipality's code */
int pools_store_kommune_exists(struct db *db, const char *kommune, int *exists);

int pools_store_application_insert(struct db *db, const struct pool_application *x, int64_t *id);
int pools_store_line_insert(struct db *db, int64_t application_id, const struct pool_line *l);
/* the application of kommune to pool_id: its id and status (*id 0 when none) */
int pools_store_application_of(struct db *db, struct arena *a, int64_t pool_id,
                               const char *kommune, int64_t *id, const char **status);
int pools_store_application_status(struct db *db, int64_t id, const char *status);
int pools_store_applications(struct db *db, struct arena *a, int64_t pool_id, const char *scope,
                             struct pool_application **items, int *n);

/* the sums of kommune's grants and payments in pool_id, and of all grants in pool_id */
int pools_store_sums(struct db *db, int64_t pool_id, const char *kommune, int64_t *granted,
                     int64_t *paid, int64_t *pool_granted);

int pools_store_grant_insert(struct db *db, int64_t pool_id, const struct pool_entry *g,
                             int64_t *id);
int pools_store_payment_insert(struct db *db, int64_t pool_id, const struct pool_entry *p,
                               int64_t *id);
int pools_store_spend_insert(struct db *db, int64_t pool_id, const struct pool_entry *s,
                             int64_t *id);
int pools_store_entries(struct db *db, struct arena *a, int64_t pool_id, const char *scope,
                        enum pools_entry_kind kind, struct pool_entry **items, int *n);

/* the final report's lines of pool_id for scope; meetings attended counted from network_id
 * (0: none) */
int pools_store_status(struct db *db, struct arena *a, int64_t pool_id, int64_t network_id,
                       const char *scope, struct pool_status **rows, int *n);

#endif
