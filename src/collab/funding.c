/*
 * funding.c — the rules of the funding catalogue: validation, who may keep and see a source
 * (access_collaboration; public sources for anyone), the Danish search terms (registry_search),
 * the deadline window, and the suggestions on an inquiry of topic funding (access_inquiry).
 * Layer: capability domain (collab); the SQL is in funding_store.c.
 */
#include "funding.h"

#include <stdio.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../registry/registry_search.h"
#include "../store/db.h"
#include "funding_store.h"

const char *const funding_kinds[] = {"fond", "offentlig_pulje", "bank", "lag", "crowdfunding", "andet"};
const int funding_nkinds = 6;
static const char *const kinds_da[] = {"Fond", "Offentlig pulje", "Bank", "LAG", "Crowdfunding", "Andet"};

const char *funding_kind_da(const char *kind)
{
	for (int i = 0; kind && i < funding_nkinds; i++)
		if (!strcmp(kind, funding_kinds[i]))
			return kinds_da[i];
	return "";
}

static const char *trimmed(struct arena *a, const char *s)
{
	return s ? text_trim(a, s) : "";
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

/* days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms) */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* the date days after iso (YYYY-MM-DD, valid) into out */
static void date_plus(const char *iso, int days, char out[11])
{
	long long y, m, d;
	char ys[5], ms[3], ds[3];
	memcpy(ys, iso, 4), ys[4] = '\0';
	memcpy(ms, iso + 5, 2), ms[2] = '\0';
	memcpy(ds, iso + 8, 2), ds[2] = '\0';
	if (text_parse_int(ys, 1800, 2200, &y) || text_parse_int(ms, 1, 12, &m) ||
	    text_parse_int(ds, 1, 31, &d)) {
		snprintf(out, 11, "%s", iso);
		return;
	}
	long ry, rm, rd;
	civil_from_days(days_from_civil((long)y, (long)m, (long)d) + days, &ry, &rm, &rd);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)(ry < 0 ? 0 : ry % 10000), (unsigned)(rm % 100),
	         (unsigned)(rd % 100));
}

/* ---------------------------------------------------------------- sources */

bool funding_may_write(const struct principal *by, const char *kommune)
{
	return access_collaboration(by, ACC_WRITE, kommune) == 0;
}

bool funding_may_create(const struct principal *by)
{
	if (access_national(by))
		return true;
	return by && by->kommune && access_collaboration(by, ACC_WRITE, by->kommune) == 0;
}

static bool url_ok(const char *u)
{
	return (!strncmp(u, "https://", 8) && u[8]) || (!strncmp(u, "http://", 7) && u[7]);
}

static void check_source(struct arena *a, struct funding_source *s, struct errs *errs)
{
	if (!*funding_kind_da(s->kind))
		errs_add(errs, "kind", "Vælg en slags: fond, offentlig pulje, bank, LAG, crowdfunding eller andet.");
	s->title = trimmed(a, s->title);
	if (!*s->title)
		errs_add(errs, "title", "Skriv kildens navn.");
	else if (utf8_len(s->title) > 200)
		errs_add(errs, "title", "Navnet må højst være på 200 tegn.");
	s->description = trimmed(a, s->description);
	if (utf8_len(s->description) > 5000)
		errs_add(errs, "description", "Beskrivelsen må højst være på 5.000 tegn.");
	if (s->amount_min_ore < -1 && !errs_get(errs, "amount_min"))
		errs_add(errs, "amount_min", "Skriv et beløb på 0 kr. eller mere.");
	if (s->amount_max_ore < -1 && !errs_get(errs, "amount_max"))
		errs_add(errs, "amount_max", "Skriv et beløb på 0 kr. eller mere.");
	else if (s->amount_max_ore >= 0 && s->amount_min_ore >= 0 && s->amount_max_ore < s->amount_min_ore)
		errs_add(errs, "amount_max", "Det største beløb kan ikke være mindre end det mindste.");
	if (s->deadline && !*s->deadline)
		s->deadline = NULL;
	if (s->deadline && !text_date_valid(s->deadline))
		errs_add(errs, "deadline", "Skriv fristen som en dato (ÅÅÅÅ-MM-DD), eller lad den stå tom.");
	s->recurring = trimmed(a, s->recurring);
	if (utf8_len(s->recurring) > 500)
		errs_add(errs, "recurring", "Teksten om tilbagevendende frister må højst være på 500 tegn.");
	s->eligible = trimmed(a, s->eligible);
	if (utf8_len(s->eligible) > 500)
		errs_add(errs, "eligible", "Teksten om, hvem der kan søge, må højst være på 500 tegn.");
	s->url = trimmed(a, s->url);
	if (*s->url && (!url_ok(s->url) || strlen(s->url) > 500 || strpbrk(s->url, " \t\r\n\"<>")))
		errs_add(errs, "url", "Skriv et link, der begynder med https:// eller http://.");
}

static int write_source(struct db *db, struct arena *a, const struct principal *by,
                        struct funding_source *s, struct errs *errs)
{
	bool creating = s->id == 0;
	if (!creating) {
		struct funding_source old;
		int rc = funding_store_get(db, a, s->id, &old);
		if (rc)
			return rc;
		if (!funding_may_write(by, old.kommune))
			return ERR_FORBIDDEN;
		s->kommune = old.kommune;
	}
	else {
		if (s->kommune && !*s->kommune)
			s->kommune = NULL;
		if (!funding_may_write(by, s->kommune))
			return ERR_FORBIDDEN;
		int exists = 1;
		if (s->kommune && funding_store_kommune_exists(db, s->kommune, &exists) != 0)
			return ERR_DB;
		if (!exists)
			errs_add(errs, "kommune", "Ukendt kommune.");
	}
	check_source(a, s, errs);
	if (errs->n > 0)
		return ERR_INVALID;
	int rc = creating ? funding_store_insert(db, s, &s->id) : funding_store_update(db, s);
	if (rc == 0)
		rc = funding_store_set_terms(db, s->id,
		                             registry_search_terms(a, s->title,
		                                                   arena_printf(a, "%s %s %s", s->description,
		                                                                s->eligible, funding_kind_da(s->kind))));
	if (rc == 0)
		rc = audit_record(db, by, creating ? "create" : "update", "funding_source",
		                  id_text(a, s->id), s->kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("title", s->title), AUDIT_TEXT("kind", s->kind),
		                               AUDIT_INT("public", s->public_)));
	if (rc == 0)
		rc = funding_store_get(db, a, s->id, s);
	return rc;
}

int funding_save(struct db *db, struct arena *a, const struct principal *by,
                 struct funding_source *s, struct errs *errs)
{
	bool creating = s->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_source(db, a, by, s, errs));
	if (rc && creating)
		s->id = 0;
	return rc;
}

int funding_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                struct funding_source *out)
{
	struct funding_source s;
	int rc = funding_store_get(db, a, id, &s);
	if (rc)
		return rc;
	if (!s.public_ && access_collaboration(by, ACC_READ, s.kommune) != 0)
		return ERR_FORBIDDEN;
	*out = s;
	return 0;
}

int funding_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct funding_source s;
	rc = funding_store_get(db, a, id, &s);
	if (rc == 0 && !funding_may_write(by, s.kommune))
		rc = ERR_FORBIDDEN;
	if (rc == 0)
		rc = funding_store_delete(db, id);
	if (rc == 0)
		rc = audit_record(db, by, "delete", "funding_source", id_text(a, id), s.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("title", s.title)));
	return db_write_end(db, rc);
}

/* the list filter's access part: staff with their scope, or the public sources only */
static void filter_access(const struct principal *by, struct funding_store_filter *f)
{
	const char *scope;
	f->staff = by && access_collaboration(by, ACC_READ, NULL) == 0 &&
	           access_collaboration_scope(by, &scope) == 0;
	f->scope = f->staff ? scope : NULL;
}

int funding_search(struct db *db, struct arena *a, const struct principal *by,
                   const struct funding_query *q, struct funding_source **items, int *n,
                   int *total)
{
	struct funding_store_filter f = {0};
	filter_access(by, &f);
	char today[11], until[11];
	if (q->today && text_date_valid(q->today))
		snprintf(today, sizeof today, "%s", q->today);
	else
		text_today(today);
	f.match = q->q && *q->q ? registry_search_query(a, q->q) : NULL;
	f.kind = q->kind && *q->kind ? q->kind : NULL;
	if (q->within_days > 0) {
		date_plus(today, q->within_days, until);
		f.from = today;
		f.until = until;
	}
	f.by_title = q->sort == FUNDING_BY_TITLE;
	f.limit = q->limit < 1 || q->limit > 500 ? 500 : q->limit;
	f.offset = q->offset < 0 ? 0 : q->offset;
	return funding_store_list(db, a, &f, items, n, total);
}

int funding_home_list(struct db *db, struct arena *a, const struct principal *by,
                      const char *today, int days, struct funding_source **items, int *n)
{
	*n = 0;
	*items = NULL;
	if (!by || access_collaboration(by, ACC_READ, NULL) != 0)
		return 0;
	struct funding_query q = {.today = today, .within_days = days, .limit = 10};
	int total;
	return funding_search(db, a, by, &q, items, n, &total);
}

/* ---------------------------------------------------------------- suggestions */

/* the inquiry's topic when by may work on it */
static int inquiry_access(struct db *db, struct arena *a, const struct principal *by,
                          int64_t inquiry_id, const char **topic, const char **kommune)
{
	int64_t assignee;
	int rc = funding_store_inquiry(db, a, inquiry_id, kommune, topic, &assignee);
	if (rc)
		return rc;
	return access_inquiry(by, *kommune, assignee) ? ERR_FORBIDDEN : 0;
}

int funding_suggestions(struct db *db, struct arena *a, const struct principal *by,
                        int64_t inquiry_id, const char **topic, struct funding_source **items,
                        int *n)
{
	const char *kommune;
	int rc = inquiry_access(db, a, by, inquiry_id, topic, &kommune);
	if (rc)
		return rc;
	return funding_store_suggestions(db, a, inquiry_id, items, n);
}

static int write_suggestion(struct db *db, struct arena *a, const struct principal *by,
                            int64_t inquiry_id, int64_t source_id, bool add, struct errs *errs)
{
	const char *topic, *kommune;
	int rc = inquiry_access(db, a, by, inquiry_id, &topic, &kommune);
	if (rc)
		return rc;
	if (add && strcmp(topic, "funding"))
		return errs_add(errs, "topic", "Der kan kun foreslås finansieringskilder på henvendelser om finansiering.");
	struct funding_source s;
	if (add && (source_id < 1 || funding_get(db, a, by, source_id, &s) != 0))
		return errs_add(errs, "source_id", "Vælg en finansieringskilde fra kataloget.");
	rc = add ? funding_store_suggest(db, inquiry_id, source_id)
	         : funding_store_unsuggest(db, inquiry_id, source_id);
	if (rc == ERR_CONFLICT)
		return errs_add(errs, "source_id", "Kilden er allerede foreslået.");
	if (rc == ERR_NOTFOUND)
		return errs_add(errs, "source_id", "Kilden er ikke foreslået på henvendelsen.");
	if (rc == 0)
		rc = audit_record(db, by, add ? "suggest_funding" : "unsuggest_funding", "inquiry",
		                  id_text(a, inquiry_id), kommune, AUDIT_DETAIL(AUDIT_INT("source_id", source_id)));
	return rc;
}

int funding_suggest(struct db *db, struct arena *a, const struct principal *by,
                    int64_t inquiry_id, int64_t source_id, bool add, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, write_suggestion(db, a, by, inquiry_id, source_id, add, errs));
}
