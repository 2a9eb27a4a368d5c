/*
 * leads_store.h — the SQL of the leads and their stage history. Layer: store of the outreach
 * capability: statements only (leads.c holds the rules). 0, ERR_NOTFOUND where it says so,
 * ERR_CONFLICT on a refused constraint, or ERR_DB.
 */
#ifndef INDGANG_LEADS_STORE_H
#define INDGANG_LEADS_STORE_H

#include <stdint.h>

#include "leads.h"

struct arena;
struct db;

/* leads_store_insert: a new row of l's fields (stage_since included), timestamps now. */
int leads_store_insert(struct db *db, const struct outreach_lead *l, int64_t *id);
/* leads_store_update: l's fields over row l->id (kommune and created_at kept), updated_at now. */
int leads_store_update(struct db *db, const struct outreach_lead *l);
/* leads_store_add_stage: a history row of lead id. */
int leads_store_add_stage(struct db *db, int64_t id, const char *stage, const char *date,
                          const char *user_email);
/* leads_store_get: row id with owner e-mail, enterprise name, municipality name and history. */
int leads_store_get(struct db *db, struct arena *a, int64_t id, struct outreach_lead *out);
/* leads_store_list: the page of q within scope (NULL: all); *total. No history. */
int leads_store_list(struct db *db, struct arena *a, const struct leads_query *q,
                     const char *scope, struct outreach_lead **items, int *n, int *total);
/* leads_store_user_kommune: the municipality of active user id into *kommune (NULL for the
 * administrator); ERR_NOTFOUND when there is no such active user. */
int leads_store_user_kommune(struct db *db, struct arena *a, int64_t id, const char **kommune);
/* leads_store_kommune_exists: whether the municipality kode exists (0 or ERR_NOTFOUND). */
int leads_store_kommune_exists(struct db *db, const char *kode);

#endif
