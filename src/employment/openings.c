/*
 * openings.c — the rules of openings (stillinger og pladser): validation, who may keep and see
 * them, saving with the lists and an audit line, the filtered list. Layer: capability domain
 * (employment); the SQL is in openings_store.c, the access decision in auth/access.c.
 */
#include "openings.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "openings_store.h"

const struct option_kv openings_statuses[] = {
	{"open", "Åben"},
	{"filled", "Besat"},
	{"closed", "Lukket"},
};
const int openings_statuses_count = sizeof(openings_statuses) / sizeof(openings_statuses[0]);

#define STATUS_MESSAGE "Status skal være open (åben), filled (besat) eller closed (lukket)."

const char *openings_status_label(const char *status)
{
	return registry_label(openings_statuses, openings_statuses_count, status);
}

bool openings_status_valid(const char *status)
{
	for (int i = 0; status && i < openings_statuses_count; i++)
		if (strcmp(openings_statuses[i].key, status) == 0)
			return true;
	return false;
}

int openings_flags(struct arena *a, const struct employment_flag *list, int nlist,
                   const char *const *keys, int n, const char *field, struct errs *errs)
{
	int bits = 0;
	for (int i = 0; i < n; i++) {
		int bit = employment_flag_parse(list, nlist, keys[i]);
		if (bit)
			bits |= bit;
		else
			errs_add(errs, field, arena_printf(a, list == employment_schemes ? "Ukendt ordning: %s."
			                                                                : "Ukendt tidspunkt: %s.",
			                                   keys[i] ? keys[i] : ""));
	}
	return bits;
}

/* ---------------------------------------------------------------- validation */

/* trimmed s, NULL when empty or NULL */
static const char *opt_null(struct arena *a, const char *s)
{
	const char *t = s ? text_trim(a, s) : NULL;
	return t && *t ? t : NULL;
}

/* whether key (not NULL) is one of opts[0..n)'s keys */
static bool in_list(const struct option_kv *opts, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (strcmp(opts[i].key, key) == 0)
			return true;
	return false;
}

/* keys[0..*n) without repeats, each in the managed list opts: an unknown key is a field error
 * ("Ukendt <what>: <key>."); more than OPENINGS_MAX_LIST another */
static void check_keys(struct arena *a, const char **keys, int *n, const struct option_kv *opts,
                       int nopts, const char *field, const char *what, struct errs *errs)
{
	if (*n > OPENINGS_MAX_LIST) {
		errs_add(errs, field, arena_printf(a, "Der kan højst vælges %d.", OPENINGS_MAX_LIST));
		return;
	}
	int m = 0;
	for (int i = 0; i < *n; i++) {
		bool seen = false;
		for (int k = 0; k < m && !seen; k++)
			seen = keys[i] && keys[k] && strcmp(keys[i], keys[k]) == 0;
		if (seen)
			continue;
		if (!in_list(opts, nopts, keys[i]))
			errs_add(errs, field, arena_printf(a, "Ukendt %s: %s.", what, keys[i] ? keys[i] : ""));
		keys[m++] = keys[i];
	}
	*n = m;
}

/* *date trimmed (NULL when empty); anything but a real YYYY-MM-DD is a field error on field */
static void check_date(struct arena *a, const char **date, const char *field, struct errs *errs)
{
	*date = opt_null(a, *date);
	if (*date && !text_date_valid(*date))
		errs_add(errs, field, "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-01.");
}

/* the fields that need no database */
static void check_fields(struct arena *a, struct opening *o, struct errs *errs)
{
	o->title = o->title ? text_trim(a, o->title) : "";
	if (!*o->title)
		errs_add(errs, "title", "Skriv stillingens titel.");
	else if (utf8_len(o->title) > 200)
		errs_add(errs, "title", "Titlen må højst være på 200 tegn.");
	o->description = o->description ? text_trim(a, o->description) : "";
	if (utf8_len(o->description) > 10000)
		errs_add(errs, "description", "Beskrivelsen må højst være på 10.000 tegn.");
	o->disco = opt_null(a, o->disco);
	if (o->disco && !text_is_digits(o->disco, 4))
		errs_add(errs, "disco", "DISCO-koden skal være 4 cifre (DISCO-08), fx 9112.");
	if (o->schemes == 0)
		errs_add(errs, "schemes", "Vælg mindst én ordning.");
	else if (o->schemes < 0 || o->schemes > SCHEME_ALL)
		errs_add(errs, "schemes", "Ukendt ordning.");
	bool min_ok = o->hours_min >= 1 && o->hours_min <= 37;
	bool max_ok = o->hours_max >= 1 && o->hours_max <= 37;
	if (!min_ok)
		errs_add(errs, "hours_min", "Skriv det mindste antal timer om ugen som et helt tal fra 1 til 37.");
	if (!max_ok)
		errs_add(errs, "hours_max", "Skriv det højeste antal timer om ugen som et helt tal fra 1 til 37.");
	else if (min_ok && o->hours_max < o->hours_min)
		errs_add(errs, "hours_max", "Det højeste antal timer må ikke være mindre end det mindste.");
	if (o->times == 0)
		errs_add(errs, "times", "Vælg mindst ét tidspunkt på dagen.");
	else if (o->times < 0 || o->times > TIME_ALL)
		errs_add(errs, "times", "Ukendt tidspunkt.");
	if (o->seats < 1 || o->seats > 500)
		errs_add(errs, "seats", "Antal pladser skal være et helt tal fra 1 til 500.");
	if (!o->status)
		o->status = "open";
	else if (!openings_status_valid(o->status))
		errs_add(errs, "status", STATUS_MESSAGE);
	check_date(a, &o->starts, "starts", errs);
	check_date(a, &o->ends, "ends", errs);
	if (o->starts && o->ends && text_date_valid(o->starts) && text_date_valid(o->ends) &&
	    strcmp(o->ends, o->starts) < 0)
		errs_add(errs, "ends", "Slutdatoen ligger før startdatoen.");
}

int openings_validate(struct db *db, struct arena *a, struct opening *o, struct errs *errs)
{
	int before = errs->n;
	/* the fields in the order of the form, so the error summary reads top to bottom */
	check_fields(a, o, errs);
	struct option_kv *tasks, *adaptations;
	int ntasks, nadaptations;
	int rc = employment_list(db, a, false, &tasks, &ntasks);
	if (rc == 0)
		rc = employment_list(db, a, true, &adaptations, &nadaptations);
	if (rc)
		return rc;
	if (o->ntasks == 0)
		errs_add(errs, "tasks", "Vælg mindst én opgave.");
	check_keys(a, o->tasks, &o->ntasks, tasks, ntasks, "tasks", "opgave", errs);
	check_keys(a, o->adaptations, &o->nadaptations, adaptations, nadaptations, "adaptations",
	           "tilpasning", errs);
	return errs->n > before ? ERR_INVALID : 0;
}

/* ---------------------------------------------------------------- saving */

/* the audit line of a create or update of o: its own fields, not the lists (0 or ERR_DB) */
static int audit_opening(struct db *db, struct arena *a, const struct principal *by,
                         const char *action, const struct opening *o)
{
	return audit_record(db, by, action, "opening", arena_printf(a, "%lld", (long long)o->id),
	                    o->kommune,
	                    AUDIT_DETAIL(AUDIT_INT("enterprise_id", o->enterprise_id),
	                                 AUDIT_TEXT("title", o->title), AUDIT_TEXT("status", o->status),
	                                 AUDIT_INT("schemes", o->schemes), AUDIT_INT("times", o->times),
	                                 AUDIT_INT("hours_min", o->hours_min),
	                                 AUDIT_INT("hours_max", o->hours_max),
	                                 AUDIT_INT("seats", o->seats), AUDIT_BOOL("inhouse", o->inhouse),
	                                 AUDIT_TEXT("disco", o->disco), AUDIT_TEXT("starts", o->starts),
	                                 AUDIT_TEXT("ends", o->ends)));
}

/* the enterprise an opening is saved at, and whether by may write there: an update keeps the
 * stored opening's; a create names one. Fills o's read-only enterprise fields. */
static int check_enterprise(struct db *db, struct arena *a, const struct principal *by,
                            struct opening *o, struct errs *errs)
{
	if (o->id) {
		struct opening old;
		int rc = openings_store_get(db, a, o->id, &old);
		if (rc)
			return rc;
		if (access_openings(by, ACC_WRITE, old.kommune, old.enterprise_id) != 0)
			return ERR_FORBIDDEN;
		if (o->enterprise_id && o->enterprise_id != old.enterprise_id)
			errs_add(errs, "enterprise_id", "En stilling kan ikke flyttes til en anden virksomhed.");
		o->enterprise_id = old.enterprise_id;
		o->enterprise_name = old.enterprise_name;
		o->kommune = old.kommune;
		o->kommune_navn = old.kommune_navn;
		if (!o->status)
			o->status = old.status;
		return 0;
	}
	struct enterprise e;
	int rc = o->enterprise_id > 0 ? registry_get(db, a, o->enterprise_id, &e) : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND) {
		/* the other fields are still checked, so a form shows every error at once */
		errs_add(errs, "enterprise_id", "Vælg en virksomhed, der findes i registret.");
		return 0;
	}
	if (rc)
		return rc;
	if (access_openings(by, ACC_WRITE, e.kommune, e.id) != 0)
		return ERR_FORBIDDEN;
	o->enterprise_name = e.name;
	o->kommune = e.kommune;
	o->kommune_navn = e.kommune_navn;
	return 0;
}

/* openings_save's work inside its write transaction */
static int write_opening(struct db *db, struct arena *a, const struct principal *by,
                         struct opening *o, struct errs *errs)
{
	int rc = check_enterprise(db, a, by, o, errs);
	if (rc)
		return rc;
	rc = openings_validate(db, a, o, errs);
	if (rc && rc != ERR_INVALID)
		return rc;
	/* with the caller's own errors from reading the input */
	if (errs->n > 0)
		return ERR_INVALID;
	bool creating = o->id == 0;
	rc = creating ? openings_store_insert(db, o, &o->id) : openings_store_update(db, o);
	if (rc == 0) {
		rc = openings_store_set_lists(db, o);
		/* a key taken off its managed list since openings_validate read it */
		if (rc == ERR_CONFLICT) {
			errs_add(errs, "tasks", "Ukendt opgave eller tilpasning.");
			rc = ERR_INVALID;
		}
	}
	if (rc == 0)
		rc = audit_opening(db, a, by, creating ? "create" : "update", o);
	if (rc == 0)
		rc = openings_store_get(db, a, o->id, o);
	return rc;
}

int openings_save(struct db *db, struct arena *a, const struct principal *by, struct opening *o,
                  struct errs *errs)
{
	bool creating = o->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_opening(db, a, by, o, errs));
	if (rc && creating)
		o->id = 0;
	return rc;
}

int openings_set_status(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                        const char *status, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct opening o;
	rc = openings_store_get(db, a, id, &o);
	if (rc == 0 && access_openings(by, ACC_WRITE, o.kommune, o.enterprise_id) != 0)
		rc = ERR_FORBIDDEN;
	if (rc == 0 && !openings_status_valid(status))
		rc = errs_add(errs, "status", STATUS_MESSAGE);
	if (rc == 0)
		rc = openings_store_set_status(db, id, status);
	if (rc == 0)
		rc = audit_record(db, by, "status", "opening", arena_printf(a, "%lld", (long long)id),
		                  o.kommune, AUDIT_DETAIL(AUDIT_TEXT("from", o.status),
		                                          AUDIT_TEXT("status", status)));
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- reading */

int openings_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                 struct opening *out)
{
	struct opening o;
	int rc = openings_store_get(db, a, id, &o);
	if (rc)
		return rc;
	if (access_openings(by, ACC_READ, o.kommune, o.enterprise_id) != 0)
		return ERR_FORBIDDEN;
	*out = o;
	return 0;
}

bool openings_may_create(const struct principal *by)
{
	const char *kommune;
	int64_t enterprise_id;
	if (access_openings_scope(by, &kommune, &enterprise_id) != 0)
		return false;
	return access_national(by) || access_openings(by, ACC_WRITE, kommune, enterprise_id) == 0;
}

int openings_list(struct db *db, struct arena *a, const struct principal *by,
                  const struct openings_query *q, struct opening **items, int *n, int *total)
{
	const char *scope;
	int64_t scope_enterprise;
	if (access_openings_scope(by, &scope, &scope_enterprise) != 0)
		return ERR_FORBIDDEN;
	struct openings_query bounded = *q;
	if (bounded.limit < 1 || bounded.limit > 500)
		bounded.limit = 500;
	if (bounded.offset < 0)
		bounded.offset = 0;
	return openings_store_list(db, a, &bounded, scope, scope_enterprise, items, n, total);
}
