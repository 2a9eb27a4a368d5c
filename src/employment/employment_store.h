/*
 * employment_store.h — the SQL of the employment capability's managed lists.
 * Layer: store of the employment capability: statements only, no rules.
 */
#ifndef INDGANG_EMPLOYMENT_STORE_H
#define INDGANG_EMPLOYMENT_STORE_H

#include <stdbool.h>

struct arena;
struct db;
struct option_kv;

/* employment_store_list: tasks (adaptations false) or adaptations (true) in their order. */
int employment_store_list(struct db *db, struct arena *a, bool adaptations,
                          struct option_kv **opts, int *n);

#endif
