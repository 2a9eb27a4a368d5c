/*
 * leads.h — leads: a possible new enterprise or branch in a municipality (a spin-off from a
 * company or from the municipality, an enterprise from elsewhere that might open here, a local
 * idea), its stage (idé, dialog, forberedelse, etableret, opgivet) with the date of every stage
 * change kept, an owner and a next step. Moving a lead to `etableret` links it to an entry of the
 * registry, or creates that entry with the registry origin its own origin maps to and the dates
 * of its history (pipeline_since, established), so Tabel 1 and 2 and the strategy goals count it
 * without retyping.
 * Layer: capability domain (outreach). Its SQL is in leads_store.c; every read and write asks
 * access_collaboration() for the lead's municipality; the registry entry is made through
 * registry.h's registry_write inside the lead's transaction.
 */
#ifndef INDGANG_LEADS_H
#define INDGANG_LEADS_H

#include <stdbool.h>
#include <stdint.h>

#include "../registry/registry.h"

struct arena;
struct db;
struct errs;
struct principal;

/* the origins of a lead and the stages, key and Danish label, in the board's order */
extern const struct option_kv leads_origins[];
extern const int leads_origins_count;
extern const struct option_kv leads_stages[];
extern const int leads_stages_count;

/* leads_registry_origin: the registry origin (registry_origins' key) a lead's origin maps to:
 * company_spinoff and kommune_spinoff and existing_outside to themselves, local_idea (a local
 * council's or enthusiasts' idea, 4.2.4) to association. NULL for an unknown origin. */
const char *leads_registry_origin(const char *origin);
/* leads_days_between: whole days from the date from to the date to (YYYY-MM-DD each); 0 when
 * either is no date. */
int leads_days_between(const char *from, const char *to);

struct lead_stage {
	const char *stage, *date, *user_email;
};

struct outreach_lead {
	int64_t id;
	const char *kommune;            /* 3 digits */
	const char *kommune_navn;       /* read only */
	const char *title;              /* 1..300 characters */
	const char *description;        /* "" when none */
	const char *origin;             /* a key of leads_origins */
	const char *behind;             /* the company or person behind it, "" when none */
	const char *stage;              /* a key of leads_stages */
	const char *stage_since;        /* read only: the date it entered its stage */
	int64_t owner_id;               /* a user of its municipality; 0 none */
	const char *owner_email;        /* read only */
	const char *next_step;          /* "" when none */
	const char *next_step_date;     /* YYYY-MM-DD or NULL */
	int64_t enterprise_id;          /* the registry entry it became; 0 none */
	const char *enterprise_name;    /* read only */
	const char *created_at, *updated_at;
	struct lead_stage *history;     /* read only (leads_get): oldest first */
	int nhistory;
};

/* what a change of a lead sets: a NULL text or a false has_ leaves the field as it is */
struct lead_change {
	const char *title, *description, *origin, *behind, *next_step, *next_step_date;
	const char *stage;
	const char *stage_date;          /* the date of the stage change; NULL: today */
	bool has_owner;
	int64_t owner_id;
	bool has_enterprise;
	int64_t enterprise_id;           /* with stage etableret: link to this entry */
};

/* leads_create: a new lead of l->kommune from ch (title, origin and kommune needed; stage ide
 * when not given; owner by when not given), with its first stage in the history at
 * ch->stage_date or today, and an audit line, in one write transaction. A lead created as
 * etableret links or creates its registry entry as leads_update does. Order: an unknown or
 * missing kommune is the field error kommune; ERR_FORBIDDEN (access_collaboration ACC_WRITE);
 * field errors (ERR_INVALID, those errs already holds among them). On success *out is the
 * stored lead. Also ERR_DB, ERR_UNAVAILABLE, and the registry's errors when it creates the
 * entry (ERR_FORBIDDEN for who may not write the registry). */
int leads_create(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                 const struct lead_change *ch, const char *today, struct errs *errs,
                 struct outreach_lead *out);

/* leads_update: applies ch to lead id. A new stage is written to the history with
 * ch->stage_date (default today; not after today, not before the current stage's date).
 * Moving to etableret links ch->enterprise_id (an existing entry of the registry, else the field
 * error enterprise_id) or, without one, creates the registry entry: name the title, the lead's
 * municipality, kind SØV, origin leads_registry_origin, pipeline_since the first date the lead
 * entered dialog or forberedelse, established the date of the stage change. ERR_NOTFOUND,
 * ERR_FORBIDDEN, ERR_INVALID, ERR_DB, ERR_UNAVAILABLE; the registry's errors. *out the stored
 * lead with its history. */
int leads_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 const struct lead_change *ch, const char *today, struct errs *errs,
                 struct outreach_lead *out);

/* leads_get: lead id with its history. ERR_NOTFOUND, ERR_FORBIDDEN (ACC_READ), ERR_DB. */
int leads_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
              struct outreach_lead *out);

struct leads_query {
	const char *kommune;  /* the administrator's choice */
	const char *stage, *origin;
	int limit, offset;    /* limit 1..5000 */
};

/* leads_list: the page of leads q selects within by's scope, by stage then newest change first;
 * *total every match. ERR_FORBIDDEN for who may read none; ERR_DB. */
int leads_list(struct db *db, struct arena *a, const struct principal *by,
               const struct leads_query *q, struct outreach_lead **items, int *n, int *total);

#endif
