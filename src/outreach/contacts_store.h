/*
 * contacts_store.h — the SQL of the contacts with enterprises. Layer: store of the outreach
 * capability: statements only, no rules (contacts.c holds them). Every function returns 0,
 * ERR_NOTFOUND where it says so, ERR_CONFLICT on a constraint the database refuses, or ERR_DB.
 */
#ifndef INDGANG_CONTACTS_STORE_H
#define INDGANG_CONTACTS_STORE_H

#include <stdint.h>

#include "contacts.h"

struct arena;
struct db;

/* contacts_store_insert: a new row of c's fields logged by user_id (0: none) and user_email,
 * created_at now; *id its id. */
int contacts_store_insert(struct db *db, const struct outreach_contact *c, int64_t user_id,
                          const char *user_email, int64_t *id);
/* contacts_store_get: row id with its enterprise's name; ERR_NOTFOUND. */
int contacts_store_get(struct db *db, struct arena *a, int64_t id, struct outreach_contact *out);
/* contacts_store_of_enterprise: the contacts with enterprise_id of kommune (NULL: all), newest
 * first, at most 500. */
int contacts_store_of_enterprise(struct db *db, struct arena *a, int64_t enterprise_id,
                                 const char *kommune, struct outreach_contact **items, int *n);
/* contacts_store_list: the page of q within scope (NULL: all), newest first; *total. */
int contacts_store_list(struct db *db, struct arena *a, const struct contacts_query *q,
                        const char *scope, struct outreach_contact **items, int *n, int *total);
/* contacts_store_due: the contacts whose follow_up is on or before day and not reminded, with
 * the e-mail of the logging user when that account is active (user_email NULL otherwise). */
int contacts_store_due(struct db *db, struct arena *a, const char *day,
                       struct outreach_contact **items, int *n);
/* contacts_store_mark_reminded: reminded_at now on row id. */
int contacts_store_mark_reminded(struct db *db, int64_t id);

#endif
