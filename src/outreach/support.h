/*
 * support.h — support plans for enterprises in their establishment phase ("en tæt kontakt i
 * etableringsfasen", 4.4.2): a business-plan checklist (the five criteria of the government's
 * definition, budget, market, and the employment side: target groups, an agreement with the
 * jobcenter, collective agreements), milestones with an owner and a due date (reminded once
 * through the outbox like a contact's follow-up), and the survival follow-up: of each cohort
 * (year established) of a municipality's social-economy enterprises, how many were still open
 * 1, 2 and 3 years after their establishment, from the registry's closed dates.
 * Layer: capability domain (outreach). SQL in support_store.c. A plan belongs to its
 * enterprise's home municipality: access_collaboration() of that municipality decides.
 */
#ifndef INDGANG_SUPPORT_H
#define INDGANG_SUPPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "../registry/registry.h"

struct arena;
struct db;
struct errs;
struct principal;

/* the checklist's items, key and Danish label, in the plan's order (SUPPORT_ITEMS of them) */
#define SUPPORT_ITEMS 10
extern const struct option_kv support_items[SUPPORT_ITEMS];

struct plan_item {
	bool done;
	const char *note; /* "" when none */
};

struct milestone {
	int64_t id;
	const char *title;
	int64_t owner_id;          /* 0 none */
	const char *owner_email;   /* read only */
	const char *due;           /* YYYY-MM-DD */
	const char *done_at;       /* NULL while open */
	const char *reminded_at;
};

struct support_plan {
	int64_t id;                /* 0: the enterprise has no plan yet */
	struct enterprise enterprise;
	struct plan_item items[SUPPORT_ITEMS];
	struct milestone *milestones; /* by due date */
	int nmilestones;
	const char *updated_at;
};

/* support_plan_get: the plan of enterprise_id (id 0 and every item open when it has none) with
 * its enterprise. ERR_NOTFOUND (no enterprise), ERR_FORBIDDEN (access_collaboration ACC_READ of
 * its home municipality), ERR_DB. */
int support_plan_get(struct db *db, struct arena *a, const struct principal *by,
                     int64_t enterprise_id, struct support_plan *out);

/* support_plan_may_read: whether by may read the plan of an enterprise of home kommune (a
 * link to the plan is shown only then). */
bool support_plan_may_read(const struct principal *by, const char *kommune);

/* support_plan_may_write: whether by may change the plan of an enterprise of home kommune. */
bool support_plan_may_write(const struct principal *by, const char *kommune);

/* support_plan_save_items: the checklist items[SUPPORT_ITEMS] (notes of at most 2,000
 * characters, else a field error "note_<key>") of enterprise_id's plan, made when missing, with
 * an audit line, in one write transaction. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID, ERR_DB. */
int support_plan_save_items(struct db *db, struct arena *a, const struct principal *by,
                            int64_t enterprise_id, const struct plan_item *items,
                            struct errs *errs);

/* support_milestone_add: a milestone (title 1..300 characters, due a date, owner an active user
 * of the municipality or 0 for by) of enterprise_id's plan, made when missing; *id its id.
 * Field errors title, due, owner_id. ERR_NOTFOUND, ERR_FORBIDDEN, ERR_INVALID, ERR_DB. */
int support_milestone_add(struct db *db, struct arena *a, const struct principal *by,
                          int64_t enterprise_id, const char *title, const char *due,
                          int64_t owner_id, struct errs *errs, int64_t *id);

/* support_milestone_set_done: marks milestone mid of enterprise_id's plan done (today) or open
 * again. ERR_NOTFOUND (also a milestone of another plan), ERR_FORBIDDEN, ERR_DB. */
int support_milestone_set_done(struct db *db, struct arena *a, const struct principal *by,
                               int64_t enterprise_id, int64_t mid, bool done);

struct plan_summary {
	int64_t enterprise_id;
	const char *enterprise_name, *kommune, *established;
	int done, open_milestones;
	const char *next_due;     /* the earliest open milestone's due date, or NULL */
	const char *updated_at;
};

/* support_plans_list: the plans within by's scope (kommune narrows the administrator's), newest
 * change first, at most 500. ERR_FORBIDDEN for who may read none; ERR_DB. */
int support_plans_list(struct db *db, struct arena *a, const struct principal *by,
                       const char *kommune, struct plan_summary **items, int *n);

struct survival_row {
	const char *kommune, *navn;
	int cohort;          /* the year established */
	int count;           /* established that year */
	int eligible[3];     /* of those, how many were established 1, 2, 3 years before today */
	int survived[3];     /* of the eligible, still open that many years after establishment */
};

/* support_survival: the survival table of the social-economy enterprises within by's scope
 * (kommune narrows it; NULL for the administrator: every municipality), per municipality and
 * cohort, on today; ordered by municipality name and cohort. ERR_FORBIDDEN, ERR_DB. */
int support_survival(struct db *db, struct arena *a, const struct principal *by,
                     const char *kommune, const char *today, struct survival_row **rows, int *n);

/* support_remind: one message through the outbox for every open milestone due on or before day
 * and not yet reminded, to its owner (when there is no active owner it waits), marked reminded
 * with an audit line, in one write transaction. ERR_INVALID, ERR_DB, ERR_UNAVAILABLE. */
int support_remind(struct db *db, struct arena *a, const char *day, int *queued, int *waiting);

#endif
