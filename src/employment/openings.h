/*
 * openings.h — openings (stillinger og pladser) at an enterprise of the registry, of either kind:
 * the work tasks, the schemes offered, hours and times of day, the adaptations offered, an
 * Inhouse group, seats, status and dates; their validation, who may see and keep them, and the
 * filtered list.
 * Layer: capability domain (employment). Knows no HTTP and no HTML; its SQL is in
 * openings_store.c. Every function asks access_openings() (auth/access.h) before it reads or
 * writes, and the list binds access_openings_scope() into its SQL.
 */
#ifndef INDGANG_OPENINGS_H
#define INDGANG_OPENINGS_H

#include <stdbool.h>
#include <stdint.h>

#include "employment.h"

struct arena;
struct db;
struct errs;
struct principal;

/* the most tasks or adaptations one opening lists (the managed lists are shorter) */
#define OPENINGS_MAX_LIST 32

/* the statuses of an opening, in the order a form offers them: key and Danish label */
extern const struct option_kv openings_statuses[];
extern const int openings_statuses_count;

struct opening {
	int64_t id;                     /* 0 for a new opening */
	int64_t enterprise_id;
	/* read only: the enterprise's name and home municipality, set by openings_get/_list and by
	 * openings_save */
	const char *enterprise_name, *kommune, *kommune_navn;
	const char *title;
	const char *description;        /* "" when none */
	const char *disco;              /* DISCO-08 code, exactly 4 digits, or NULL */
	const char **tasks;             /* keys of the managed list of tasks, at least one */
	int ntasks;
	int schemes;                    /* bits of enum scheme, at least one */
	int hours_min, hours_max;       /* hours a week, 1..37, min <= max */
	int times;                      /* bits of enum daytime, at least one */
	const char **adaptations;       /* keys of the managed list of adaptations */
	int nadaptations;
	bool inhouse;                   /* an Inhouse group: the enterprise takes a group of citizens */
	int seats;                      /* 1..500 */
	const char *status;             /* "open", "filled" or "closed"; NULL is "open" on create */
	const char *starts, *ends;      /* YYYY-MM-DD or NULL; ends >= starts */
	const char *created_at, *updated_at; /* read only, ISO 8601 UTC */
};

/* openings_status_label: the Danish label of a status key, or the key itself (NULL: ""). */
const char *openings_status_label(const char *status);
/* openings_status_valid: status is one of openings_statuses' keys. */
bool openings_status_valid(const char *status);

/* openings_flags: the bits of the keys keys[0..n) in list (nlist entries, employment_schemes or
 * employment_times), for reading a form or a JSON array of keys. An unknown key adds the field
 * error field ("Ukendt ordning: x." for schemes, "Ukendt tidspunkt: x." otherwise, allocated in
 * a) and contributes no bit. Duplicates are fine. */
int openings_flags(struct arena *a, const struct employment_flag *list, int nlist,
                   const char *const *keys, int n, const char *field, struct errs *errs);

/* openings_validate: checks o's own fields against the rules of struct opening, adding field
 * errors named as the JSON members (title, description, disco, tasks, schemes, hours_min,
 * hours_max, times, adaptations, seats, status, starts, ends), in Danish. Trimmed copies replace
 * title, description, disco, starts and ends (an empty optional one becomes NULL, description
 * ""); duplicate list keys are dropped; a NULL status becomes "open". Unknown task and adaptation
 * keys are field errors on their list (read from the managed lists in db). Does not look at
 * enterprise_id. 0, ERR_INVALID, or ERR_DB when the managed lists cannot be read. */
int openings_validate(struct db *db, struct arena *a, struct opening *o, struct errs *errs);

/* openings_save: creates (o->id 0) or updates o with its task and adaptation lists and one
 * audit line ("create" or "update", entity "opening"), in one write transaction.
 * Order of the checks: an update needs the stored opening (ERR_NOTFOUND) and that by may write
 * it (ERR_FORBIDDEN), and keeps its enterprise (another enterprise_id is a field error on
 * enterprise_id); a create needs an existing enterprise (else the field error enterprise_id,
 * ERR_INVALID) that by may write (ERR_FORBIDDEN); then openings_validate (ERR_INVALID).
 * Field errors errs already holds (the caller's, from reading the input: a member of the wrong
 * type) count as the save's: nothing is written while errs holds any, and they come first, but
 * only after the access checks, so a caller who may not write learns nothing about the input.
 * On success o->id and the read-only fields (enterprise name, municipality, timestamps, status)
 * are set; on failure nothing is written and a new o->id stays 0. Also ERR_DB, ERR_UNAVAILABLE
 * (the write lock was not had in time). Allocates in a. */
int openings_save(struct db *db, struct arena *a, const struct principal *by, struct opening *o,
                  struct errs *errs);

/* openings_get: opening id with its lists and its enterprise's name and municipality into *out
 * (strings in a). ERR_NOTFOUND when there is none, ERR_FORBIDDEN when by may not read it
 * (access_openings ACC_READ), ERR_DB. */
int openings_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 struct opening *out);

/* openings_set_status: sets opening id's status to status ("open", "filled", "closed") with an
 * audit line ("status", entity "opening", detail from and status), in one write transaction.
 * ERR_NOTFOUND, then ERR_FORBIDDEN (by may not write it), then an unknown status is the field
 * error status (ERR_INVALID); ERR_DB, ERR_UNAVAILABLE. Setting the status it already has
 * succeeds and is audited too. */
int openings_set_status(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                        const char *status, struct errs *errs);

/* openings_may_create: whether by may create an opening at some enterprise: the national
 * administrator, a konsulent or jobkonsulent of a municipality, a virksomhed user for the
 * enterprise it represents (not an indkøber, nor anyone anonymous). */
bool openings_may_create(const struct principal *by);

enum openings_sort { OPENINGS_NEWEST, OPENINGS_TITLE };

/* a filtered, sorted page of openings; each filter left NULL or 0 is not applied */
struct openings_query {
	const char *kommune;       /* the enterprise's home municipality */
	int64_t enterprise_id;
	const char *status;        /* "open", "filled", "closed" */
	int scheme;                /* a bit of enum scheme: openings offering it */
	const char *task;          /* a task key: openings with that task */
	enum openings_sort sort;   /* newest first (by id), or title in Danish order */
	int limit, offset;         /* limit 1..500 */
};

/* openings_list: one page of the openings q selects that by may read, in q's order, with their
 * fields and task lists (adaptations are left empty, description too); *total counts every
 * match. The caller's scope (access_openings_scope) is bound in the SQL, so a filter for another
 * municipality or enterprise gives an empty page, not an error. ERR_FORBIDDEN when by may list
 * no openings at all (anonymous, no municipality, a virksomhed user without an enterprise);
 * ERR_DB. Allocates in a. */
int openings_list(struct db *db, struct arena *a, const struct principal *by,
                  const struct openings_query *q, struct opening **items, int *n, int *total);

#endif
