/*
 * partnerships_store.h — the SQL of partnership agreements, their parties, follow-up group,
 * action plan and signed PDF. Layer: store of the collab capability: statements only, no rules
 * (partnerships.c holds them). Every function returns 0, ERR_NOTFOUND where it says so, or
 * ERR_DB (ERR_CONFLICT on a constraint the database refuses).
 */
#ifndef INDGANG_PARTNERSHIPS_STORE_H
#define INDGANG_PARTNERSHIPS_STORE_H

#include <stdint.h>

#include "partnerships.h"

struct arena;
struct db;

int partnerships_store_insert(struct db *db, const struct partnership *p, int64_t owner_user_id,
                              int64_t *id);
int partnerships_store_update(struct db *db, const struct partnership *p);
/* row id with its counts and status on day; ERR_NOTFOUND */
int partnerships_store_get(struct db *db, struct arena *a, int64_t id, const char *day,
                           struct partnership *out);
/* scope: the municipality listed besides the national rows (NULL: all); public_only: only the
 * public rows (scope then unused) */
int partnerships_store_list(struct db *db, struct arena *a, const char *scope, int public_only,
                            const struct partnerships_query *q, struct partnership **items,
                            int *n, int *total);
int partnerships_store_kommune_exists(struct db *db, const char *kommune, int *exists);

/* kind kommune takes its name from the municipality kommune */
int partnerships_store_party_insert(struct db *db, const struct partnership_party *p,
                                    const char *kommune, int64_t *id);
/* how many parties of kind of agreement id (enterprise_id: that enterprise only, 0 any) */
int partnerships_store_party_count(struct db *db, int64_t id, const char *kind,
                                   int64_t enterprise_id, int *count);
int partnerships_store_parties(struct db *db, struct arena *a, int64_t id,
                               struct partnership_party **items, int *n);
/* party party_id of agreement id; ERR_NOTFOUND */
int partnerships_store_party(struct db *db, struct arena *a, int64_t id, int64_t party_id,
                             struct partnership_party *out);
/* p->id of agreement p->partnership_id gets p's contact_name, email and role, and p's name
 * when it is an organisation; ERR_NOTFOUND */
int partnerships_store_party_update(struct db *db, const struct partnership_party *p);
/* how many items of the action plan party party_id owns */
int partnerships_store_party_actions(struct db *db, int64_t party_id, int *count);
/* removes party party_id of agreement id; ERR_NOTFOUND */
int partnerships_store_party_delete(struct db *db, int64_t id, int64_t party_id);

int partnerships_store_clear_chair(struct db *db, int64_t id);
int partnerships_store_member_insert(struct db *db, const struct partnership_member *m, int64_t *id);
int partnerships_store_members(struct db *db, struct arena *a, int64_t id,
                               struct partnership_member **items, int *n);

int partnerships_store_action_insert(struct db *db, const struct partnership_action *x, int64_t *id);
int partnerships_store_action_update(struct db *db, const struct partnership_action *x);
int partnerships_store_action_delete(struct db *db, int64_t id, int64_t action_id);
int partnerships_store_action(struct db *db, struct arena *a, int64_t id, int64_t action_id,
                              const char *day, struct partnership_action *out);
int partnerships_store_actions(struct db *db, struct arena *a, int64_t id, const char *day,
                               struct partnership_action **items, int *n);

int partnerships_store_doc_put(struct db *db, int64_t id, const char *filename, const void *data,
                               int len, const char *sha256);
int partnerships_store_doc_get(struct db *db, struct arena *a, int64_t id, const void **data,
                               int *len, const char **filename);

/* the open items due before day of scope's agreements (NULL: all) and the national ones */
int partnerships_store_due(struct db *db, struct arena *a, const char *scope, const char *day,
                           int limit, struct partnerships_due_item **items, int *n);

/* an item to remind: its address (the owner party's e-mail, else the responsible user's) */
struct partnerships_reminder {
	int64_t id;
	const char *title, *due, *to, *kommune, *partnership_title, *owner_name;
};
int partnerships_store_reminders(struct db *db, struct arena *a, const char *day,
                                 struct partnerships_reminder **items, int *n);
int partnerships_store_reminded(struct db *db, int64_t action_id, const char *due);

#endif
