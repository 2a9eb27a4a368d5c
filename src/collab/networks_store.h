/*
 * networks_store.h — the SQL of networks, members, meetings, attendance and action items.
 * Layer: store of the collab capability: statements only, no rules (networks.c and meetings.c
 * hold them). Every function returns 0, ERR_NOTFOUND where it says so, ERR_CONFLICT on a
 * constraint the database refuses, or ERR_DB.
 */
#ifndef INDGANG_NETWORKS_STORE_H
#define INDGANG_NETWORKS_STORE_H

#include <stdint.h>

#include "meetings.h"
#include "networks.h"

struct arena;
struct db;

int networks_store_insert(struct db *db, const struct network *n, const char *token, int64_t *id);
int networks_store_update(struct db *db, const struct network *n);
int networks_store_set_token(struct db *db, int64_t id, const char *token);
/* row id with its counts; ERR_NOTFOUND */
int networks_store_get(struct db *db, struct arena *a, int64_t id, struct network *out);
/* the networks of scope (NULL: all) and the national ones, filtered by kommune (NULL: any) */
int networks_store_list(struct db *db, struct arena *a, const char *scope, const char *kommune,
                        int limit, int offset, struct network **items, int *n, int *total);
/* whether kommune is a municipality's code */
int networks_store_kommune_exists(struct db *db, const char *kommune, int *exists);
/* the units and partners of kommune's entry point by name (unit_id, name, email, detail = kind) */
int networks_store_units(struct db *db, struct arena *a, const char *kommune,
                         struct network_member **items, int *n);
/* the unit or partner unit_id of kommune: its name, or ERR_NOTFOUND */
int networks_store_unit(struct db *db, struct arena *a, int64_t unit_id, const char *kommune,
                        const char **name);

int networks_store_member_insert(struct db *db, const struct network_member *m, int64_t *id);
/* whether the network already has a current member with the same enterprise, unit or e-mail */
int networks_store_member_exists(struct db *db, const struct network_member *m, int *exists);
/* marks member_id of network_id removed; ERR_NOTFOUND when none current */
int networks_store_member_remove(struct db *db, int64_t network_id, int64_t member_id);
/* the current members (with_removed: all) of network_id */
int networks_store_members(struct db *db, struct arena *a, int64_t network_id, int with_removed,
                           struct network_member **items, int *n);
/* member member_id of network_id (current only); ERR_NOTFOUND */
int networks_store_member(struct db *db, struct arena *a, int64_t network_id, int64_t member_id,
                          struct network_member *out);

int networks_store_meeting_insert(struct db *db, const struct meeting *m, int64_t *id);
int networks_store_meeting_update(struct db *db, const struct meeting *m);
int networks_store_meeting_get(struct db *db, struct arena *a, int64_t id, struct meeting *out);
int networks_store_meetings(struct db *db, struct arena *a, int64_t network_id,
                            struct meeting **items, int *n);
/* the latest held meeting of network_id and whether a planned one starts after it */
int networks_store_last_held(struct db *db, struct arena *a, int64_t network_id,
                             struct meeting *out, int *planned_after);

int networks_store_attendance_set(struct db *db, int64_t meeting_id, int64_t member_id,
                                  int signed_up, int present);
int networks_store_attendees(struct db *db, struct arena *a, int64_t meeting_id,
                             int64_t network_id, struct meeting_attendee **items, int *n);

int networks_store_action_insert(struct db *db, const struct meeting_action *x, int64_t *id);
int networks_store_action_update(struct db *db, const struct meeting_action *x);
int networks_store_action_get(struct db *db, struct arena *a, int64_t id,
                              struct meeting_action *out);
int networks_store_actions(struct db *db, struct arena *a, int64_t meeting_id,
                           struct meeting_action **items, int *n);
/* whether user_id is an active user of kommune (NULL: any) */
int networks_store_user_exists(struct db *db, int64_t user_id, const char *kommune, int *exists);

/* an action item due for a reminder: where to send it */
struct networks_due_action {
	int64_t id;
	const char *title, *due, *to, *network_name, *kommune, *starts_at;
};
int networks_store_due_actions(struct db *db, struct arena *a, const char *day,
                               struct networks_due_action **items, int *n);
int networks_store_action_reminded(struct db *db, int64_t id, const char *due);

int networks_store_stats(struct db *db, struct arena *a, int year, const char *scope,
                         struct networks_stats_row **rows, int *n);

#endif
