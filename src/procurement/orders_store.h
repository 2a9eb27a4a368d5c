/*
 * orders_store.h — the SQL of orders and their lines, and the catalogue's products as orders
 * read them. Layer: store of the procurement capability. 0, ERR_NOTFOUND where said,
 * ERR_CONFLICT on a constraint, or ERR_DB.
 */
#ifndef INDGANG_ORDERS_STORE_H
#define INDGANG_ORDERS_STORE_H

#include <stdint.h>

#include "orders.h"

struct arena;
struct db;

int orders_store_insert(struct db *db, const struct order *o, int64_t buyer, int64_t *id);
int orders_store_insert_line(struct db *db, int64_t order_id, const struct order_line *l);
/* orders_store_set_status: status, answer (NULL keeps it) and updated_at of row id */
int orders_store_set_status(struct db *db, int64_t id, const char *status, const char *answer);
/* orders_store_get: row id with lines and names; ERR_NOTFOUND */
int orders_store_get(struct db *db, struct arena *a, int64_t id, struct order *out);
/* orders_store_list: within scope kommune (NULL: any) and enterprise (0: any), newest first */
int orders_store_list(struct db *db, struct arena *a, const char *scope, int64_t scope_enterprise,
                      const char *status, int limit, int offset, struct order **items, int *n,
                      int *total);
/* orders_store_product: product id if it is enterprise_id's and active; ERR_NOTFOUND */
int orders_store_product(struct db *db, struct arena *a, int64_t id, int64_t enterprise_id,
                         struct order_product *out);
int orders_store_products(struct db *db, struct arena *a, int64_t enterprise_id,
                          struct order_product **items, int *n);
int orders_store_product_enterprise(struct db *db, int64_t id, int64_t *enterprise_id);

#endif
