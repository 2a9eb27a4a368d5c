/*
 * strategies_store.h — the SQL of strategies, goals, manual values and the live counts of the
 * goals' metrics. Layer: store of the collab capability: statements only, no rules
 * (strategies.c holds them). Every function returns 0, ERR_NOTFOUND where it says so,
 * ERR_CONFLICT on a constraint the database refuses, or ERR_DB.
 */
#ifndef INDGANG_STRATEGIES_STORE_H
#define INDGANG_STRATEGIES_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "strategies.h"

struct arena;
struct db;

int strategies_store_insert(struct db *db, const struct strategy *s, int64_t *id);
int strategies_store_update(struct db *db, const struct strategy *s);
/* row id with its goal count; ERR_NOTFOUND */
int strategies_store_get(struct db *db, struct arena *a, int64_t id, struct strategy *out);
/* the strategies of scope (all_rows: every one) and the public ones, only of kommune when set,
 * in the order sort (enum strategies_sort) */
int strategies_store_list(struct db *db, struct arena *a, int all_rows, const char *scope,
                          const char *kommune, int sort, int limit, int offset,
                          struct strategy **items, int *n, int *total);
int strategies_store_delete(struct db *db, int64_t id);
int strategies_store_kommune_exists(struct db *db, const char *kommune, int *exists);
int strategies_store_set_document(struct db *db, int64_t id, const unsigned char *data,
                                  size_t len, const char *name);
/* the PDF, ERR_NOTFOUND when none */
int strategies_store_document(struct db *db, struct arena *a, int64_t id,
                              const unsigned char **data, size_t *len, const char **name);

int goals_store_insert(struct db *db, const struct goal *g, int64_t *id);
int goals_store_update(struct db *db, const struct goal *g);
int goals_store_get(struct db *db, struct arena *a, int64_t id, struct goal *out);
int goals_store_delete(struct db *db, int64_t id);
/* the goals of strategy_id in the order they were made */
int goals_store_list(struct db *db, struct arena *a, int64_t strategy_id, struct goal **items,
                     int *n);

int goals_store_value_insert(struct db *db, const struct goal_value *v, int64_t by_id,
                             int64_t *id);
int goals_store_values(struct db *db, struct arena *a, int64_t goal_id, struct goal_value **items,
                       int *n);

/* the value of metric in kommune counted from from to day inclusive (see goals_measure) */
int goals_store_count(struct db *db, enum goal_metric metric, const char *kommune,
                      int64_t goal_id, const char *from, const char *day, int64_t *out);

#endif
