/*
 * events_store.h — the SQL of events and their sign-ups. Layer: store of the outreach
 * capability: statements only, no rules (events.c holds them). Every function returns 0,
 * ERR_NOTFOUND where it says so, ERR_CONFLICT on a constraint the database refuses, or ERR_DB
 * (logged by db.c).
 */
#ifndef INDGANG_EVENTS_STORE_H
#define INDGANG_EVENTS_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "events.h"

struct arena;
struct db;

/* events_store_insert: a new event of ev's own fields, created_by (0: none), timestamps now. */
int events_store_insert(struct db *db, const struct event *ev, int64_t created_by, int64_t *id);
/* events_store_update: ev's own fields and its sequence over row ev->id; ERR_NOTFOUND. */
int events_store_update(struct db *db, const struct event *ev);
/* events_store_cancel: cancelled_at now and the sequence raised by one; ERR_NOTFOUND. */
int events_store_cancel(struct db *db, int64_t id);
/* events_store_get: row id with its municipality's name and its active counts; ERR_NOTFOUND. */
int events_store_get(struct db *db, struct arena *a, int64_t id, struct event *out);
/* events_store_list: staff false: upcoming (ends_at >= now) public events not cancelled.
 * staff true: those and the events of scope (NULL: every one) and the national ones, with past
 * ones when past. Upcoming first by start, then past ones newest first. */
int events_store_list(struct db *db, struct arena *a, bool staff, const char *scope, bool past,
                      const char *now, int limit, int offset, struct event **items, int *n,
                      int *total);

/* events_store_signup_insert: a new sign-up (status confirmed or waitlist); ERR_CONFLICT when
 * the e-mail has an active sign-up to the event. */
int events_store_signup_insert(struct db *db, int64_t event_id, const char *name,
                               const char *email, const char *status, const char *token_hash,
                               int64_t *id);
/* events_store_signup_get: sign-up id of event_id; ERR_NOTFOUND. */
int events_store_signup_get(struct db *db, struct arena *a, int64_t event_id, int64_t id,
                            struct event_signup *out);
/* events_store_signup_by_token: the active sign-up of event_id with token_hash; ERR_NOTFOUND. */
int events_store_signup_by_token(struct db *db, struct arena *a, int64_t event_id,
                                 const char *token_hash, struct event_signup *out);
/* events_store_signup_set_status: status (and cancelled_at when "cancelled"); ERR_NOTFOUND. */
int events_store_signup_set_status(struct db *db, int64_t id, const char *status);
/* events_store_first_waiting: the earliest waiting sign-up of event_id; ERR_NOTFOUND. */
int events_store_first_waiting(struct db *db, struct arena *a, int64_t event_id,
                               struct event_signup *out);
/* events_store_signups: the active sign-ups of event_id: confirmed ones first, then the
 * waiting list, each in the order they came. */
int events_store_signups(struct db *db, struct arena *a, int64_t event_id,
                         struct event_signup **items, int *n);
/* events_store_set_attended: ERR_NOTFOUND when signup id of event_id is not confirmed. */
int events_store_set_attended(struct db *db, int64_t event_id, int64_t id, bool attended);

/* one reminder to send */
struct events_due {
	int64_t event_id;
	struct event_signup s;
};
/* events_store_due: confirmed, not reminded sign-ups of events not cancelled that start from
 * from (inclusive) to before until (local times "YYYY-MM-DDTHH:MM"). */
int events_store_due(struct db *db, struct arena *a, const char *from, const char *until,
                     struct events_due **items, int *n);
/* events_store_mark_reminded: reminded_at now. */
int events_store_mark_reminded(struct db *db, int64_t signup_id);

#endif
