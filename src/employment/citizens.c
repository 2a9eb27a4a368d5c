/*
 * citizens.c — citizens kept by the jobcenter: access, purpose-bound and audited reads, the
 * sealed CPR number, and the citizen's rights (access log, export, purge).
 */
#include "citizens.h"

#include <inttypes.h>
#include <stdio.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/buf.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../store/db.h"
#include "../view/json.h"
#include "citizens_store.h"
#include "employment.h"

bool citizens_purpose_valid(const char *purpose)
{
	for (int i = 0; purpose && i < employment_purposes_count; i++)
		if (strcmp(employment_purposes[i].key, purpose) == 0)
			return true;
	return false;
}

int citizens_access(const struct principal *who, const char *kommune)
{
	return access_allowed(who, ACC_READ_PERSONAL, kommune);
}

int citizens_audit_read(struct db *db, const struct principal *who, int64_t id,
                        const char *kommune, const char *purpose)
{
	char eid[24];
	snprintf(eid, sizeof eid, "%" PRId64, id);
	return audit_record(db, who, "read", "citizen", eid, kommune,
	                    AUDIT_DETAIL(AUDIT_TEXT("purpose", purpose)));
}

int citizens_count(struct db *db, const char *kommune, int *count)
{
	return citizens_store_count(db, kommune, count);
}

/* ---------------------------------------------------------------- validation */

/* the keys of arr that are not in the managed list opts get a field error on field */
static void check_keys(struct arena *a, const struct option_kv *opts, int nopts,
                       const char *const *arr, int n, const char *field, struct errs *errs)
{
	for (int i = 0; i < n; i++) {
		bool found = false;
		for (int k = 0; k < nopts && !found; k++)
			found = strcmp(opts[k].key, arr[i]) == 0;
		if (!found) {
			errs_add(errs, field, arena_printf(a, "Ukendt værdi \"%s\".", arr[i]));
			return;
		}
	}
}

static bool in_options(const struct option_kv *opts, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (strcmp(opts[i].key, key) == 0)
			return true;
	return false;
}

/* a citizen's name is at most this many characters, so a longer search matches none */
#define NAME_MAX_CHARS 200

/* trims c's texts and checks every field; field errors into errs */
static void validate(struct db *db, struct arena *a, struct citizen *c, struct errs *errs)
{
	c->name = text_trim(a, c->name ? c->name : "");
	c->phone = text_trim(a, c->phone ? c->phone : "");
	c->email = text_trim(a, c->email ? c->email : "");
	c->strengths = text_trim(a, c->strengths ? c->strengths : "");
	c->wishes = text_trim(a, c->wishes ? c->wishes : "");
	if (!*c->name)
		errs_add(errs, "name", "Skriv borgerens navn.");
	else if (utf8_len(c->name) > NAME_MAX_CHARS)
		errs_add(errs, "name", "Navnet må højst være 200 tegn.");
	if (*c->email && !text_email_valid(c->email))
		errs_add(errs, "email", "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.");
	if (utf8_len(c->phone) > 40)
		errs_add(errs, "phone", "Telefonnummeret må højst være 40 tegn.");
	if (utf8_len(c->strengths) > 4000)
		errs_add(errs, "strengths", "Styrker og talenter må højst være 4.000 tegn.");
	if (utf8_len(c->wishes) > 4000)
		errs_add(errs, "wishes", "Ønsker må højst være 4.000 tegn.");
	if (c->schemes <= 0 || c->schemes > SCHEME_ALL)
		errs_add(errs, "schemes", "Vælg mindst én ordning, borgeren er visiteret til.");
	if (c->times <= 0 || c->times > TIME_ALL)
		errs_add(errs, "times", "Vælg mindst ét tidspunkt på dagen.");
	if (c->hours_max < 1 || c->hours_max > 37)
		errs_add(errs, "hours_max", "Timer om ugen skal være et helt tal fra 1 til 37.");
	if (!c->travel || !*c->travel)
		c->travel = "kommune";
	if (!in_options(employment_travels, employment_travels_count, c->travel))
		errs_add(errs, "travel", "Afstand skal være kommune, region eller alle.");
	if (c->consent_date && !*c->consent_date)
		c->consent_date = NULL;
	if (!c->consent_scope || !*c->consent_scope)
		c->consent_scope = c->consent_date ? "matching" : "";
	if (c->consent_date && !text_date_valid(c->consent_date))
		errs_add(errs, "consent_date", "Skriv datoen for samtykket som ÅÅÅÅ-MM-DD.");
	else if (c->consent_date) {
		char today[11];
		text_today(today);
		if (strcmp(c->consent_date, today) > 0)
			errs_add(errs, "consent_date", "Samtykket kan ikke være givet i fremtiden.");
	}
	if (strcmp(c->consent_scope, "") && strcmp(c->consent_scope, "matching") &&
	    strcmp(c->consent_scope, "enterprise"))
		errs_add(errs, "consent_scope", "Samtykkets omfang skal være matching eller enterprise.");
	else if (*c->consent_scope && !c->consent_date)
		errs_add(errs, "consent_date", "Et samtykke skal have en dato.");
	struct option_kv *opts;
	int n;
	if (employment_list(db, a, false, &opts, &n) == 0)
		check_keys(a, opts, n, c->tasks, c->ntasks, "tasks", errs);
	if (employment_list(db, a, true, &opts, &n) == 0)
		check_keys(a, opts, n, c->needs, c->nneeds, "needs", errs);
}

/* the id of a citizen of kommune with the CPR digits under any loaded key, or 0 */
static int find_cpr(struct db *db, const char *kommune, const char digits[CPR_DIGITS + 1],
                    int64_t *ids, int max, int *n)
{
	/* a rotated key file re-hashed every number: its keys, not the ones read before */
	cpr_keys_refresh();
	int keys[CPR_MAX_KEYS];
	int nk = cpr_key_ids(keys);
	*n = 0;
	for (int k = 0; k < nk && *n < max; k++) {
		uint8_t h[CPR_HASH_BYTES];
		int rc = cpr_hash(digits, keys[k], h);
		if (rc)
			return rc;
		int got = 0;
		rc = citizens_store_find(db, kommune, h, ids + *n, max - *n, &got);
		if (rc && rc != ERR_NOTFOUND)
			return rc;
		*n += got;
	}
	return 0;
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%" PRId64, id);
}

/* ---------------------------------------------------------------- writes */

int citizens_save(struct db *db, struct arena *a, const struct principal *who,
                  struct citizen *c, const char *cpr_input, struct errs *errs)
{
	if (c->id == 0)
		c->kommune = who ? who->kommune : NULL;
	if (citizens_access(who, c->kommune) != 0)
		return ERR_FORBIDDEN;
	validate(db, a, c, errs);
	char digits[CPR_DIGITS + 1] = "";
	bool new_cpr = cpr_input && *cpr_input;
	if (c->id == 0 && !new_cpr)
		errs_add(errs, "cpr", "Skriv borgerens CPR-nummer.");
	else if (new_cpr && !cpr_normalize(cpr_input, digits))
		errs_add(errs, "cpr", "CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX) med en gyldig fødselsdato.");
	if (errs->n)
		return ERR_INVALID;
	if (new_cpr && !cpr_keys_loaded()) {
		sodium_memzero(digits, sizeof digits);
		return ERR_UNAVAILABLE;
	}
	int rc = db_write_begin(db);
	if (rc) {
		sodium_memzero(digits, sizeof digits);
		return rc;
	}
	struct cpr_sealed sealed = {0};
	uint8_t box[CPR_BOX_BYTES], hash[CPR_HASH_BYTES];
	if (new_cpr) {
		int64_t ids[2];
		int n = 0;
		rc = find_cpr(db, c->kommune, digits, ids, 2, &n);
		if (rc == 0 && n > 0 && !(n == 1 && ids[0] == c->id)) {
			errs_add(errs, "cpr", "Der findes allerede en borger med dette CPR-nummer i kommunen.");
			rc = ERR_CONFLICT;
		}
		if (rc == 0)
			rc = cpr_seal(digits, box, &sealed.key_id);
		if (rc == 0)
			rc = cpr_hash(digits, sealed.key_id, hash);
		sealed.box = box;
		sealed.box_len = CPR_BOX_BYTES;
		sealed.hash = hash;
	}
	sodium_memzero(digits, sizeof digits);
	const char *action = c->id ? "update" : "create";
	if (rc == 0 && c->id == 0)
		rc = citizens_store_insert(db, c, &sealed, who->id, &c->id);
	else if (rc == 0) {
		rc = citizens_store_update(db, c);
		if (rc == 0 && new_cpr)
			rc = citizens_store_set_cpr(db, c->id, &sealed);
	}
	if (rc == 0)
		rc = citizens_store_set_lists(db, c);
	if (rc == 0)
		rc = audit_record(db, who, action, "citizen", id_text(a, c->id), c->kommune,
		                  AUDIT_DETAIL(AUDIT_BOOL("cpr_changed", new_cpr && c->id),
		                               AUDIT_INT("schemes", c->schemes)));
	if (rc == ERR_CONFLICT && errs->n == 0)
		errs_add(errs, "cpr", "Der findes allerede en borger med dette CPR-nummer i kommunen.");
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- reads */

/* the masked CPR of a sealed one into out ("" when it cannot be opened) */
static void mask_sealed(const struct cpr_sealed *s, char out[12])
{
	out[0] = 0;
	char digits[CPR_DIGITS + 1];
	if (s->box && cpr_open(s->box, (size_t)s->box_len, s->key_id, digits) == 0)
		cpr_mask(digits, out);
	sodium_memzero(digits, sizeof digits);
}

int citizens_get(struct db *db, struct arena *a, const struct principal *who, int64_t id,
                 const char *purpose, bool reveal, struct citizen *out)
{
	/* a caller who keeps no citizens learns nothing, not even whether id exists */
	if (!who || citizens_access(who, who->kommune) != 0)
		return ERR_FORBIDDEN;
	if (!citizens_purpose_valid(purpose))
		return ERR_INVALID;
	const char *kommune;
	int rc = citizens_store_kommune(db, a, id, &kommune);
	if (rc)
		return rc;
	if (citizens_access(who, kommune) != 0)
		return ERR_FORBIDDEN;
	if (reveal && !cpr_keys_loaded())
		return ERR_UNAVAILABLE;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	struct cpr_sealed sealed;
	rc = citizens_store_get(db, a, id, out, &sealed);
	if (rc == 0)
		mask_sealed(&sealed, out->cpr_masked);
	if (rc == 0 && reveal) {
		if (!sealed.box)
			rc = ERR_NOTFOUND;
		else
			rc = cpr_open(sealed.box, (size_t)sealed.box_len, sealed.key_id, out->cpr);
	}
	if (rc == 0)
		rc = audit_record(db, who, reveal ? "reveal" : "read", "citizen", id_text(a, id), kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("purpose", purpose)));
	rc = db_write_end(db, rc);
	if (rc)
		sodium_memzero(out->cpr, sizeof out->cpr);
	return rc;
}

int citizens_list(struct db *db, struct arena *a, const struct principal *who,
                  const struct citizens_query *q, const char *purpose,
                  struct citizen_item **items, int *n, int *total)
{
	if (!who || citizens_access(who, who->kommune) != 0)
		return ERR_FORBIDDEN;
	if (!citizens_purpose_valid(purpose))
		return ERR_INVALID;
	int64_t only = 0;
	*n = *total = 0;
	*items = NULL;
	char digits[CPR_DIGITS + 1];
	bool by_cpr = q->cpr && *q->cpr;
	if (by_cpr && !cpr_normalize(q->cpr, digits))
		return ERR_INVALID;
	if (by_cpr && !cpr_keys_loaded())
		return ERR_UNAVAILABLE;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	if (by_cpr) {
		int64_t ids[1];
		int got = 0;
		rc = find_cpr(db, who->kommune, digits, ids, 1, &got);
		sodium_memzero(digits, sizeof digits);
		only = got ? ids[0] : -1;
	}
	if (q->name && utf8_len(q->name) > NAME_MAX_CHARS)
		only = -1; /* longer than any name: nobody, and the search is audited as one */
	struct cpr_sealed *sealed = NULL;
	if (rc == 0 && only >= 0)
		rc = citizens_store_list(db, a, who->kommune, q, only, items, &sealed, n, total);
	for (int i = 0; rc == 0 && i < *n; i++) {
		mask_sealed(&sealed[i], (*items)[i].cpr_masked);
		rc = citizens_audit_read(db, who, (*items)[i].id, who->kommune, purpose);
	}
	/* the search itself leaves a line too, also when it found nobody */
	if (rc == 0)
		rc = audit_record(db, who, "read", "citizen", "list", who->kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("purpose", purpose), AUDIT_BOOL("by_cpr", by_cpr),
		                               AUDIT_INT("count", *n)));
	return db_write_end(db, rc);
}

/* the keys of the bits set in bits, from list */
static void flags_json(struct json *w, const char *key, const struct employment_flag *list, int n,
                       int bits)
{
	json_arr_open(w, key);
	for (int i = 0; i < n; i++)
		if (bits & list[i].bit)
			json_str(w, NULL, list[i].key);
	json_arr_close(w);
}

static void keys_json(struct json *w, const char *key, const char *const *arr, int n)
{
	json_arr_open(w, key);
	for (int i = 0; i < n; i++)
		json_str(w, NULL, arr[i]);
	json_arr_close(w);
}

void citizens_json_members(struct json *w, const struct citizen *c)
{
	json_int(w, "id", c->id);
	json_str(w, "kommune", c->kommune);
	json_str(w, "name", c->name);
	json_str(w, "cpr", *c->cpr_masked ? c->cpr_masked : NULL);
	json_str(w, "phone", c->phone);
	json_str(w, "email", c->email);
	json_str(w, "strengths", c->strengths);
	json_str(w, "wishes", c->wishes);
	keys_json(w, "tasks", c->tasks, c->ntasks);
	keys_json(w, "needs", c->needs, c->nneeds);
	flags_json(w, "schemes", employment_schemes, SCHEME_COUNT, c->schemes);
	json_int(w, "hours_max", c->hours_max);
	flags_json(w, "times", employment_times, TIME_COUNT, c->times);
	json_str(w, "travel", c->travel);
	json_str(w, "consent_date", c->consent_date);
	json_str(w, "consent_scope", *c->consent_scope ? c->consent_scope : NULL);
	json_str(w, "created_at", c->created_at);
	json_str(w, "updated_at", c->updated_at);
	json_str(w, "active_at", c->active_at);
	json_bool(w, "anonymized", c->anonymized);
}

/* ---------------------------------------------------------------- the citizen's rights */

int citizens_access_log(struct db *db, struct arena *a, const char digits[CPR_DIGITS + 1],
                        struct citizen_read **rows, int *n)
{
	int64_t ids[128];
	int got = 0;
	int rc = find_cpr(db, NULL, digits, ids, 128, &got);
	if (rc)
		return rc;
	if (got == 0)
		return ERR_NOTFOUND;
	return citizens_store_log(db, a, ids, got, rows, n);
}

int citizens_export(struct db *db, struct arena *a, const char digits[CPR_DIGITS + 1],
                    char **json)
{
	int64_t ids[128];
	int got = 0;
	int rc = find_cpr(db, NULL, digits, ids, 128, &got);
	if (rc)
		return rc;
	if (got == 0)
		return ERR_NOTFOUND;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	struct buf b;
	buf_init(&b, 0);
	struct json w;
	json_init(&w, &b);
	json_obj_open(&w, NULL);
	json_arr_open(&w, "citizens");
	for (int i = 0; rc == 0 && i < got; i++) {
		struct citizen c;
		struct cpr_sealed sealed;
		rc = citizens_store_get(db, a, ids[i], &c, &sealed);
		if (rc)
			break;
		mask_sealed(&sealed, c.cpr_masked);
		const char *placements = NULL;
		struct citizen_read *log = NULL;
		int nlog = 0;
		rc = citizens_store_placements_json(db, a, c.id, &placements);
		if (rc == 0)
			rc = citizens_store_log(db, a, &ids[i], 1, &log, &nlog);
		if (rc)
			break;
		json_obj_open(&w, NULL);
		citizens_json_members(&w, &c);
		json_raw(&w, "placements", placements);
		json_arr_open(&w, "access_log");
		for (int k = 0; k < nlog; k++) {
			json_obj_open(&w, NULL);
			json_str(&w, "at", log[k].at);
			json_str(&w, "user", log[k].user_email);
			json_str(&w, "action", log[k].action);
			json_str(&w, "purpose", *log[k].purpose ? log[k].purpose : NULL);
			json_obj_close(&w);
		}
		json_arr_close(&w);
		json_obj_close(&w);
		rc = audit_record(db, NULL, "export", "citizen", id_text(a, c.id), c.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("purpose", "aktindsigt")));
	}
	json_arr_close(&w);
	json_obj_close(&w);
	rc = db_write_end(db, rc);
	if (rc == 0 && b.failed)
		rc = ERR_NOMEM;
	if (rc == 0)
		*json = arena_strndup(a, buf_str(&b), b.len);
	buf_free(&b);
	return rc;
}

int citizens_purge(struct db *db, int months, bool dry_run, int *count)
{
	if (months < 1 || months > 1200)
		return ERR_INVALID;
	char cutoff[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	tm.tm_mon -= months;
	timegm(&tm); /* normalises the month */
	strftime(cutoff, sizeof cutoff, "%Y-%m-%dT%H:%M:%SZ", &tm);
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	rc = citizens_store_purge(db, cutoff, dry_run, count);
	if (rc == 0 && !dry_run && *count > 0)
		rc = audit_record(db, NULL, "purge", "citizen", NULL, NULL,
		                  AUDIT_DETAIL(AUDIT_INT("count", *count), AUDIT_INT("months", months)));
	return db_write_end(db, rc);
}
