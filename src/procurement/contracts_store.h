/*
 * contracts_store.h — the SQL of contracts and their commitments. Layer: store of the
 * procurement capability: statements only. 0, ERR_NOTFOUND where said, ERR_CONFLICT on a
 * constraint, or ERR_DB.
 */
#ifndef INDGANG_CONTRACTS_STORE_H
#define INDGANG_CONTRACTS_STORE_H

#include <stdint.h>

#include "contracts.h"

struct arena;
struct db;

int contracts_store_insert(struct db *db, const struct contract *c, int64_t by, int64_t *id);
/* contracts_store_update: c's fields over row c->id (kommune, enterprise kept); ERR_NOTFOUND */
int contracts_store_update(struct db *db, const struct contract *c);
/* contracts_store_set_commitments: replaces the commitments of c->id with c's */
int contracts_store_set_commitments(struct db *db, const struct contract *c);
/* contracts_store_get: row id with its commitments and names; ERR_NOTFOUND */
int contracts_store_get(struct db *db, struct arena *a, int64_t id, struct contract *out);
/* contracts_store_list: the page within scope (NULL: all) and kommune filter, newest first */
int contracts_store_list(struct db *db, struct arena *a, const char *scope, const char *kommune,
                         int limit, int offset, struct contract **items, int *n, int *total);
/* contracts_store_agreement_ok / _tender_ok: *ok when the agreement is kommune's with
 * enterprise_id / the tender is kommune's */
int contracts_store_agreement_ok(struct db *db, int64_t id, const char *kommune,
                                 int64_t enterprise_id, int *ok);
int contracts_store_tender_ok(struct db *db, int64_t id, const char *kommune, int *ok);

#endif
