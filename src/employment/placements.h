/*
 * placements.h — placements (forløb og ansættelser): a citizen at an enterprise (and perhaps one
 * of its openings) in a scheme, from a start to a planned and an actual end, with hours, an
 * Inhouse group or not, an outcome, and follow-up meetings that are reminded through the outbox.
 * Layer: capability domain (employment). Knows no HTTP and no HTML; its SQL is in
 * placements_store.c.
 *
 * Who sees what is access.h's: the jobkonsulent of the citizen's municipality sees and changes
 * everything, and sees the citizen's name only for a named purpose (formål), audited; the
 * account of the enterprise sees the placements at it whose citizen consented to share with the
 * enterprise, by first name, scheme, start, end and hours only, audited too; everyone else sees
 * only counts (employment_stats.h).
 *
 * A placement that takes an opening's last seat leaves the opening's status as it is: the
 * matching counts the seats left from the open placements, so an opening whose placement ends
 * offers its seat again without anyone reopening it.
 */
#ifndef INDGANG_PLACEMENTS_H
#define INDGANG_PLACEMENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "../auth/access.h"
#include "employment.h"

struct arena;
struct db;
struct errs;
struct principal;

#define PLACEMENT_NOTE_MAX 2000 /* characters of a follow-up's note */
#define PLACEMENT_HOURS_MAX 37

/* a follow-up meeting of a placement */
struct placement_followup {
	int64_t id, placement_id;
	const char *due;         /* ISO date of the meeting */
	const char *note;        /* "" when none */
	const char *done_at;     /* ISO time it was marked held, or NULL */
	const char *reminded_at; /* ISO time its reminder was queued, or NULL */
};

/* A placement as the caller may see it (view). With ACCESS_PLACEMENT_ENTERPRISE only id,
 * enterprise_id, enterprise_name, scheme, start, end, hours and citizen_name (the first name)
 * are set; every other pointer is NULL and every other number 0. */
struct placement {
	int64_t id;
	int64_t citizen_id;
	const char *kommune, *kommune_navn;   /* the citizen's municipality when placed */
	int64_t enterprise_id;
	const char *enterprise_name;
	const char *enterprise_kind;          /* "soev" or "company" */
	int64_t opening_id;                   /* 0: none */
	const char *opening_title;            /* NULL without an opening */
	const char *scheme;                   /* a key of employment_schemes */
	const char *start;                    /* ISO dates; planned_end and end NULL when unset */
	const char *planned_end, *end;
	int hours;                            /* hours a week, 0 when not given */
	bool inhouse;                         /* in an Inhouse group at the enterprise */
	const char *outcome;                  /* "" or a key of employment_outcomes */
	/* the citizen's full name (ACCESS_PLACEMENT_ALL read for a purpose), first name
	 * (ACCESS_PLACEMENT_ENTERPRISE), or NULL (no purpose given) */
	const char *citizen_name;
	bool citizen_anonymized;              /* the citizen was purged: no name to show */
	bool consent_enterprise;              /* the citizen's consent scope is "enterprise" */
	enum access_placement_view view;
	int64_t created_by;                   /* the user who created it, 0 when gone */
	const char *created_at, *updated_at;
	struct placement_followup *followups; /* oldest due first (placements_get only) */
	int nfollowups;
};

/* the fields of a new placement; NULL or "" text is "not given" */
struct placement_input {
	int64_t citizen_id, enterprise_id;
	int64_t opening_id;        /* 0: not at an opening */
	const char *scheme;        /* required: a key of employment_schemes */
	const char *start;         /* required: YYYY-MM-DD */
	const char *planned_end, *end;
	const char *outcome;       /* a key of employment_outcomes */
	bool has_hours;            /* hours was given */
	long long hours;           /* 1..PLACEMENT_HOURS_MAX */
	bool inhouse;
};

/* a change of a placement: only the members whose set_ flag is true change; NULL or "" text
 * and hours_null clear the field */
struct placement_change {
	bool set_end, set_planned_end, set_outcome, set_hours;
	const char *end, *planned_end, *outcome;
	bool hours_null;
	long long hours;
};

/* a change of a follow-up, as placement_change */
struct followup_change {
	bool set_done, set_due, set_note;
	bool done;                 /* true: held now (kept if it already was); false: not held */
	const char *due, *note;    /* due required when set */
};

/* The functions that change take errs for their field errors. errs may already hold the
 * caller's own (a member of the wrong type, found while reading the request): those count as
 * well, but only after the access checks, so a caller who may not change the placement hears
 * only that. */

/* placements_first_name: the first word of name (up to the first space), owned by a; "" for
 * NULL or a blank name. "Anne-Marie Hansen" gives "Anne-Marie". */
const char *placements_first_name(struct arena *a, const char *name);

/* placements_create: validates in and creates the placement for the citizen in->citizen_id,
 * with kommune set to the citizen's municipality and created_by to who; sets the citizen's
 * active_at to now and writes an audit line ("create", "placement", never the name), all in
 * one transaction. Rules: who is a jobkonsulent (else ERR_FORBIDDEN); the citizen exists in
 * who's municipality (a citizen of another municipality, or none at all, is ERR_FORBIDDEN, so
 * the answer does not tell whether it exists); then field errors named as the API's members:
 * citizen_id (missing, or the citizen is anonymized), enterprise_id (missing or unknown),
 * opening_id (unknown, at another enterprise, or closed), scheme, start, planned_end and end
 * (ISO dates, not before start), outcome, hours (1..37). ERR_INVALID, ERR_DB, ERR_UNAVAILABLE.
 * On success *id is the new placement's id. */
int placements_create(struct db *db, struct arena *a, const struct principal *who,
                      const struct placement_input *in, struct errs *errs, int64_t *id);

/* placements_update: applies ch to placement id (end, planned_end, outcome, hours), sets the
 * citizen's active_at and writes an audit line with the new values, in one transaction.
 * ERR_FORBIDDEN when who is no jobkonsulent; ERR_NOTFOUND when there is no such placement or it
 * is another municipality's; field errors (end, planned_end, outcome, hours) with ERR_INVALID. */
int placements_update(struct db *db, struct arena *a, const struct principal *who, int64_t id,
                      const struct placement_change *ch, struct errs *errs);

/* placements_get: placement id as who may see it (see struct placement), with its follow-ups
 * for ACCESS_PLACEMENT_ALL. purpose (a key of employment_purposes) is what the jobkonsulent
 * reads the citizen's name for: with it, citizen_name is the full name and the read of the
 * citizen is audited (citizens_audit_read); without it (NULL) the name is left out. Every read
 * writes an audit line of the placement ("read", "placement", with the purpose), and the
 * enterprise's view also one of the citizen (purpose "opfoelgning"), in one transaction.
 * ERR_FORBIDDEN when who may see no placement at all (access_placement_scope); ERR_NOTFOUND when
 * there is no such placement or who may not see it; ERR_INVALID with a field error on purpose
 * in errs for an unknown purpose. Allocates in a. */
int placements_get(struct db *db, struct arena *a, const struct principal *who, int64_t id,
                   const char *purpose, struct errs *errs, struct placement *out);

enum placement_state { PLACEMENTS_ALL, PLACEMENTS_OPEN, PLACEMENTS_ENDED };

/* a page of placements: the filters left 0 or NULL are not applied */
struct placement_query {
	int64_t citizen_id, enterprise_id;
	const char *scheme;          /* a key of employment_schemes */
	enum placement_state state;  /* open: no end, or an end today or later; ended: before */
	int limit, offset;
};

/* placements_list: one page of the placements who may list (access_placement_scope), newest
 * start first, *total counting every match. The jobkonsulent lists its municipality's; with
 * purpose each row's citizen_name is the full name and each citizen shown is audited, without
 * it (NULL) names are left out. An enterprise's account lists the placements at its enterprise
 * whose citizen consented, by first name (q->enterprise_id, if given, must be its own, else
 * ERR_FORBIDDEN). Every call writes one audit line ("read", "placement", "list") with the count
 * and purpose, an empty page too. Rows have no follow-ups. ERR_FORBIDDEN, ERR_INVALID (a field
 * error on purpose or scheme in errs), ERR_DB. */
int placements_list(struct db *db, struct arena *a, const struct principal *who,
                    const struct placement_query *q, const char *purpose, struct errs *errs,
                    struct placement **items, int *n, int *total);

/* placements_followup_add: a follow-up meeting on due (YYYY-MM-DD, field "due") with note (at
 * most PLACEMENT_NOTE_MAX characters, field "note") for placement id; audited, and the
 * citizen's active_at set. Access as placements_update. *fid gets the new follow-up's id. */
int placements_followup_add(struct db *db, struct arena *a, const struct principal *who,
                            int64_t id, const char *due, const char *note, struct errs *errs,
                            int64_t *fid);

/* placements_followup_change: applies ch to follow-up fid of placement id: held or not, a new
 * date (which clears reminded_at, so the new date is reminded once again), a new note. Access
 * as placements_update; ERR_NOTFOUND when fid is not a follow-up of id. Audited. */
int placements_followup_change(struct db *db, struct arena *a, const struct principal *who,
                               int64_t id, int64_t fid, const struct followup_change *ch,
                               struct errs *errs);

/* placements_remind: queues in the outbox one reminder for every follow-up that is due on day
 * (YYYY-MM-DD) or before, not held and not reminded yet, to the jobkonsulent who created the
 * placement (or, when that account is gone, inactive or no longer a jobkonsulent of the
 * municipality, to every active jobkonsulent of the placement's municipality), and marks it
 * reminded, so each follow-up is reminded at most once; each reminder is audited ("remind",
 * "placement_followup"). The message names the placement's number and the date, never the
 * citizen. A follow-up whose municipality has no active jobkonsulent is left for a later run
 * and counted in *waiting. *queued counts the follow-ups reminded. One transaction. The system
 * acts (no principal): for the command line (indgang employment remind). */
int placements_remind(struct db *db, struct arena *a, const char *day, int *queued, int *waiting);

/* placements_now_by_scheme: counts[i] = the people at enterprise_id in employment_schemes[i]
 * today: placements started today or before and not ended before today. Exact counts: the
 * caller shows them to whom access_counts_exact allows, else through employment_cell. */
int placements_now_by_scheme(struct db *db, int64_t enterprise_id, int counts[SCHEME_COUNT]);

/* what the form of a new placement offers: the enterprises that work with who's municipality
 * (home or among their other municipalities, both kinds) and the openings at them that are not
 * closed */
struct placement_choice {
	int64_t id;
	int64_t enterprise_id;      /* openings: their enterprise */
	const char *label;          /* enterprise: its name; opening: "title (enterprise)" */
};
/* placements_choices: the two lists, in Danish order of name, allocated in a, for the
 * jobkonsulent (else ERR_FORBIDDEN). */
int placements_choices(struct db *db, struct arena *a, const struct principal *who,
                       struct placement_choice **enterprises, int *ne,
                       struct placement_choice **openings, int *no);

/* placements_scheme_label / placements_outcome_label: the Danish label of key, or key itself
 * ("" for NULL). */
const char *placements_scheme_label(const char *key);
const char *placements_outcome_label(const char *key);

#endif
