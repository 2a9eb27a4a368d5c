/*
 * citizens.h — citizens (borgere) on the edge of the labour market, kept by the jobkonsulent of
 * their municipality: profile, competences, needs, consent, and a CPR number sealed at rest.
 * Every read names a purpose (formål) and writes an audit line in the same transaction; the
 * national administrator and the konsulent never see a citizen, only counts.
 * Layer: capability domain (employment). Knows no HTTP and no HTML; SQL in citizens_store.c.
 */
#ifndef INDGANG_CITIZENS_H
#define INDGANG_CITIZENS_H

#include <stdbool.h>
#include <stdint.h>

#include "cpr.h"

struct arena;
struct db;
struct errs;
struct principal;

#define CITIZEN_MAX_LIST 32

struct citizen {
	int64_t id;
	const char *kommune, *kommune_navn;
	const char *name;
	char cpr_masked[12];      /* "DDMMYY-xxxx", "" when anonymized */
	char cpr[CPR_DIGITS + 1]; /* the digits: only after citizens_reveal, else "" */
	const char *phone, *email, *strengths, *wishes;
	const char *tasks[CITIZEN_MAX_LIST]; /* task keys: competences */
	int ntasks;
	const char *needs[CITIZEN_MAX_LIST]; /* adaptation keys the citizen needs */
	int nneeds;
	int schemes;              /* bits of enum scheme the citizen is visiteret to */
	int hours_max;            /* 1..37 */
	int times;                /* bits of enum daytime */
	const char *travel;       /* "kommune", "region" or "alle" */
	const char *consent_date; /* ISO date or NULL: no consent to share the profile */
	const char *consent_scope;/* "", "matching" (with the jobcenter's matching) or "enterprise"
	                           * (also the enterprise where the citizen is placed) */
	const char *created_at, *updated_at, *active_at;
	bool anonymized;
};

/* citizens_purpose_valid: true if purpose is a key of employment_purposes. */
bool citizens_purpose_valid(const char *purpose);

/* citizens_access: 0 if who may see and keep the citizens of kommune (its jobkonsulent),
 * ERR_FORBIDDEN otherwise. */
int citizens_access(const struct principal *who, const char *kommune);

/* citizens_save: validates c (cpr_input the CPR as typed, required on create, NULL on update to
 * keep it) and creates (c->id 0, in who's municipality) or updates it, with its lists and an
 * audit line that never holds the CPR, in one transaction. Field errors named as the API's
 * members (name, cpr, tasks, schemes, hours_max, times, needs, travel, consent_date,
 * consent_scope, email, phone). ERR_INVALID, ERR_CONFLICT (the CPR is already a citizen of the
 * municipality: field error on cpr), ERR_FORBIDDEN, ERR_NOTFOUND, ERR_UNAVAILABLE (no key file).
 * On success c->id is set. */
int citizens_save(struct db *db, struct arena *a, const struct principal *who,
                  struct citizen *c, const char *cpr_input, struct errs *errs);

/* citizens_get: citizen id for purpose (a key of employment_purposes), masked CPR; the read is
 * audited (action "read", the purpose in the detail) in the same transaction. reveal also opens
 * the CPR into out->cpr and is audited as "reveal". ERR_FORBIDDEN (not who's citizen; the
 * answer does not tell whether it exists), ERR_NOTFOUND, ERR_INVALID (purpose), ERR_UNAVAILABLE
 * (reveal without a key file). */
int citizens_get(struct db *db, struct arena *a, const struct principal *who, int64_t id,
                 const char *purpose, bool reveal, struct citizen *out);

/* a page of who's municipality's citizens */
struct citizens_query {
	const char *name;   /* part of the name, or NULL */
	const char *cpr;    /* a whole CPR number (found by its hash), or NULL */
	bool anonymized;    /* include anonymized rows */
	int sort;           /* 0 name, 1 newest first, 2 last active first */
	int limit, offset;
};
struct citizen_item {
	int64_t id;
	const char *name;
	char cpr_masked[12];
	int schemes;
	const char *active_at;
	int placements_open; /* placements without an end, or ending today or later */
};
/* citizens_list: one page for purpose, each listed citizen's read audited (one line each) in
 * one transaction; *total counts all matches. ERR_FORBIDDEN, ERR_INVALID (purpose). */
int citizens_list(struct db *db, struct arena *a, const struct principal *who,
                  const struct citizens_query *q, const char *purpose,
                  struct citizen_item **items, int *n, int *total);

/* citizens_audit_read: the audit line of a read of citizen id of kommune for purpose; for
 * callers that show a citizen in another list (matches, placements). Inside the caller's write
 * transaction. 0 or ERR_DB. */
int citizens_audit_read(struct db *db, const struct principal *who, int64_t id,
                        const char *kommune, const char *purpose);

struct json;
/* citizens_json_members: c's members (the CPR masked, lists as keys) into the object w has
 * open: the shape of GET /api/v1/citizens/{id}. */
void citizens_json_members(struct json *w, const struct citizen *c);

/* citizens_count: how many active (not anonymized) citizens kommune (NULL: all) keeps, for the
 * roles that see only counts. */
int citizens_count(struct db *db, const char *kommune, int *count);

/* ---- the citizen's rights (CLI: indgang citizens ...) */

struct citizen_read {
	const char *at, *user_email, *action, *purpose;
};
/* citizens_access_log: every audited read and change of the citizens with the CPR digits (one
 * per municipality that keeps them), oldest first. ERR_NOTFOUND when none. */
int citizens_access_log(struct db *db, struct arena *a, const char digits[CPR_DIGITS + 1],
                        struct citizen_read **rows, int *n);
/* citizens_export: everything kept about the citizens with the CPR digits (profile, lists,
 * placements, follow-ups, the access log) as one JSON document (GDPR art. 15) into *json,
 * allocated in a. Audited as action "export". ERR_NOTFOUND. */
int citizens_export(struct db *db, struct arena *a, const char digits[CPR_DIGITS + 1],
                    char **json);
/* citizens_purge: anonymizes citizens whose active_at is more than months months before today
 * and who have no open placement: name, CPR, contact, profile and lists removed, placements
 * kept as anonymous counts. dry_run only counts. *count gets how many. Audited. */
int citizens_purge(struct db *db, int months, bool dry_run, int *count);

#endif
