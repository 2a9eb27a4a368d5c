/*
 * support_store.h — the SQL of the support plans, their checklists and milestones, and the
 * survival table. Layer: store of the outreach capability: statements only (support.c holds the
 * rules). 0, ERR_NOTFOUND where it says so, or ERR_DB.
 */
#ifndef INDGANG_SUPPORT_STORE_H
#define INDGANG_SUPPORT_STORE_H

#include <stdint.h>

#include "support.h"

struct arena;
struct db;

/* support_store_plan_id: the plan of enterprise_id into *id; ERR_NOTFOUND when none. */
int support_store_plan_id(struct db *db, int64_t enterprise_id, int64_t *id);
/* support_store_plan_make: the plan of enterprise_id of kommune, made when missing; *id. */
int support_store_plan_make(struct db *db, int64_t enterprise_id, const char *kommune, int64_t *id);
/* support_store_read: the items (by support_items' order) and milestones of plan id into p. */
int support_store_read(struct db *db, struct arena *a, int64_t id, struct support_plan *p);
/* support_store_set_item: item key of plan id done with note; touches the plan. */
int support_store_set_item(struct db *db, int64_t id, const char *key, bool done, const char *note);
/* support_store_milestone_add: a milestone of plan id; *mid. */
int support_store_milestone_add(struct db *db, int64_t id, const char *title, const char *due,
                                int64_t owner_id, int64_t *mid);
/* support_store_milestone_done: done_at today (or NULL) on milestone mid of plan id;
 * ERR_NOTFOUND when plan id has no such milestone. */
int support_store_milestone_done(struct db *db, int64_t id, int64_t mid, bool done);
/* support_store_list: plan summaries within scope and kommune (NULL: any), at most 500. */
int support_store_list(struct db *db, struct arena *a, const char *scope, const char *kommune,
                       struct plan_summary **items, int *n);
/* support_store_survival: the survival rows within scope and kommune on today. */
int support_store_survival(struct db *db, struct arena *a, const char *scope, const char *kommune,
                           const char *today, struct survival_row **rows, int *n);
/* one open milestone due, with its plan's municipality and enterprise */
struct milestone_due {
	int64_t id;
	const char *title, *due, *kommune, *enterprise_name;
	int64_t enterprise_id;
	const char *owner_email; /* NULL when there is no active owner */
};
/* support_store_due: the open milestones due on or before day, not reminded. */
int support_store_due(struct db *db, struct arena *a, const char *day, struct milestone_due **items,
                      int *n);
/* support_store_mark_reminded: reminded_at now on milestone mid. */
int support_store_mark_reminded(struct db *db, int64_t mid);
/* support_store_user_kommune: the municipality of active user id; ERR_NOTFOUND. */
int support_store_user_kommune(struct db *db, struct arena *a, int64_t id, const char **kommune);

#endif
