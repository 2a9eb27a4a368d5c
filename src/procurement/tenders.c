/*
 * tenders.c — the rules of tenders (udbud): validation of the fields, criteria and social
 * clauses, the life of a tender, who may see and keep it, the lists, questions and answers.
 * Layer: capability domain (procurement); the SQL is in tenders_store.c, the access decision in
 * auth/access.c.
 */
#include "tenders.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../mail/mail.h"
#include "../store/db.h"
#include "cpv.h"
#include "tenders_store.h"

const struct tenders_procedure tenders_procedures[] = {
	{"offentligt", "Offentligt udbud",
	 "Alle interesserede virksomheder kan byde. Bruges over EU's tærskelværdier."},
	{"begraenset", "Begrænset udbud",
	 "Virksomhederne søger først om at blive prækvalificeret; kun de udvalgte må byde."},
	{"light", "Light-regimet",
	 "Udbudslovens lempeligere regler for sociale og andre specifikke tjenesteydelser "
	 "(fx kantine, rengøring af særlig karakter, sociale ydelser)."},
	{"reserveret", "Reserveret kontrakt (udbudsloven § 20)",
	 "Kun virksomheder, hvis hovedformål er social og faglig integration af handicappede eller "
	 "dårligt stillede personer, kan byde."},
	{"under_taerskel", "Under tærskelværdien",
	 "Kontrakten er under EU's tærskelværdier; kommunen indhenter tilbud efter egne regler."},
};
const int tenders_procedures_count = sizeof(tenders_procedures) / sizeof(tenders_procedures[0]);

const struct option_kv tenders_clause_kinds[] = {
	{"beskaeftigelse", "Beskæftigelse af personer på kanten af arbejdsmarkedet"},
	{"laerlinge", "Lærlinge og elever"},
	{"praktik", "Praktikpladser"},
	{"miljoe", "Miljø"},
	{"andet", "Andet"},
};
const int tenders_clause_kinds_count = sizeof(tenders_clause_kinds) / sizeof(tenders_clause_kinds[0]);

static const struct option_kv states[] = {
	{"draft", "Kladde"},          {"published", "Offentliggjort"}, {"closed", "Frist udløbet"},
	{"awarded", "Tildelt"},       {"cancelled", "Annulleret"},
};

/* ---------------------------------------------------------------- time */

/* the clock of tenders_clock_set, or "" for the real one */
static char clock_now[21];

void tenders_clock_set(const char *now)
{
	snprintf(clock_now, sizeof(clock_now), "%s", now ? now : "");
}

void tenders_now(char out[21])
{
	if (clock_now[0]) {
		memcpy(out, clock_now, 21);
		return;
	}
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* the UTC instant summer time begins (month 3) or ends (month 10) in year: the last Sunday of
 * the month at 01:00 UTC (EU rule) */
static time_t dst_switch(int year, int month)
{
	struct tm tm = {.tm_year = year - 1900, .tm_mon = month - 1, .tm_mday = 31, .tm_hour = 1};
	time_t t = timegm(&tm);
	struct tm back;
	gmtime_r(&t, &back);
	return t - (time_t)back.tm_wday * 86400;
}

/* the offset of Danish time from UTC at the instant t, in seconds */
static long dk_offset(time_t t)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	int year = tm.tm_year + 1900;
	return t >= dst_switch(year, 3) && t < dst_switch(year, 10) ? 7200 : 3600;
}

/* "YYYY-MM-DD[T ]HH:MM[:SS][Z]" into tm; *utc when it ends in Z. 0 or ERR_INVALID. */
static int parse_time(const char *s, struct tm *tm, bool *utc)
{
	int y, mo, d, h, mi, sec = 0, used = 0;
	char sep;
	if (!s || strlen(s) < 16 || strlen(s) > 20)
		return ERR_INVALID;
	if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &used) != 6 || used != 16)
		return ERR_INVALID;
	const char *rest = s + 16;
	if (*rest == ':') {
		int more = 0;
		if (sscanf(rest, ":%2d%n", &sec, &more) != 1 || more != 3)
			return ERR_INVALID;
		rest += 3;
	}
	*utc = *rest == 'Z';
	if (*rest && !(*utc && rest[1] == '\0'))
		return ERR_INVALID;
	char date[11];
	snprintf(date, sizeof(date), "%.10s", s);
	if ((sep != 'T' && sep != ' ') || !text_date_valid(date) || h < 0 || h > 23 || mi < 0 ||
	    mi > 59 || sec < 0 || sec > 59)
		return ERR_INVALID;
	*tm = (struct tm){.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h,
	                  .tm_min = mi, .tm_sec = sec};
	return 0;
}

int tenders_local_to_utc(const char *local, char out[21])
{
	struct tm tm;
	bool utc;
	if (parse_time(local, &tm, &utc))
		return ERR_INVALID;
	time_t t = timegm(&tm);
	if (!utc) {
		/* summer time if the instant it would be falls in summer, else winter time */
		time_t summer = t - 7200;
		t = dk_offset(summer) == 7200 ? summer : t - 3600;
	}
	struct tm g;
	gmtime_r(&t, &g);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &g);
	return 0;
}

int tenders_utc_to_local(const char *utc, char out[17])
{
	struct tm tm;
	bool z;
	if (parse_time(utc, &tm, &z))
		return ERR_INVALID;
	time_t t = timegm(&tm);
	t += dk_offset(t);
	struct tm l;
	gmtime_r(&t, &l);
	strftime(out, 17, "%Y-%m-%dT%H:%M", &l);
	return 0;
}

const char *tenders_time_da(struct arena *a, const char *utc)
{
	static const char *const months[] = {"januar", "februar", "marts", "april", "maj", "juni",
	                                     "juli", "august", "september", "oktober", "november",
	                                     "december"};
	char local[17];
	if (!utc || tenders_utc_to_local(utc, local))
		return "";
	int y, mo, d, h, mi;
	if (sscanf(local, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5 || mo < 1 || mo > 12)
		return "";
	return arena_printf(a, "%d. %s %d kl. %02d.%02d", d, months[mo - 1], y, h, mi);
}

/* ---------------------------------------------------------------- labels */

const char *tenders_procedure_label(const char *key)
{
	for (int i = 0; key && i < tenders_procedures_count; i++)
		if (!strcmp(tenders_procedures[i].key, key))
			return tenders_procedures[i].label;
	return key ? key : "";
}

const char *tenders_procedure_explanation(const char *key)
{
	for (int i = 0; key && i < tenders_procedures_count; i++)
		if (!strcmp(tenders_procedures[i].key, key))
			return tenders_procedures[i].explanation;
	return "";
}

const char *tenders_clause_label(const char *kind)
{
	return registry_label(tenders_clause_kinds, tenders_clause_kinds_count, kind ? kind : "andet");
}

const char *tenders_state_label(const char *state)
{
	return registry_label(states, (int)(sizeof(states) / sizeof(states[0])), state ? state : "");
}

const char *tenders_criterion_key(struct arena *a, const char *name)
{
	struct buf b;
	buf_init(&b, 512);
	bool gap = false;
	for (const unsigned char *p = (const unsigned char *)(name ? name : ""); *p; p++) {
		const char *add = NULL;
		char one[2] = {0, 0};
		if (p[0] == 0xc3 && p[1]) {
			switch (p[1]) {
			case 0xa6: case 0x86: add = "ae"; break; /* æ Æ */
			case 0xb8: case 0x98: add = "oe"; break; /* ø Ø */
			case 0xa5: case 0x85: add = "aa"; break; /* å Å */
			default: break;
			}
			p++;
		} else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			one[0] = (char)*p;
			add = one;
		} else if (*p >= 'A' && *p <= 'Z') {
			one[0] = (char)(*p - 'A' + 'a');
			add = one;
		}
		if (!add) {
			gap = b.len > 0;
			continue;
		}
		if (gap)
			buf_puts(&b, "_");
		gap = false;
		buf_puts(&b, add);
	}
	const char *key = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return key;
}

/* ---------------------------------------------------------------- access */

bool tenders_may_create(const struct principal *by)
{
	const char *scope;
	if (access_procurement_scope(by, &scope) != 0)
		return false;
	return access_national(by) || access_procurement(by, ACC_WRITE, scope) == 0;
}

bool tenders_staff(const struct principal *by, const struct tender *t, bool *write)
{
	bool read = by && access_procurement(by, ACC_READ, t->kommune) == 0;
	if (write)
		*write = read && access_procurement(by, ACC_WRITE, t->kommune) == 0;
	return read;
}

/* ---------------------------------------------------------------- validation */

static const char *opt_null(struct arena *a, const char *s)
{
	const char *t = s ? text_trim(a, s) : NULL;
	return t && *t ? t : NULL;
}

static bool procedure_valid(const char *key)
{
	for (int i = 0; key && i < tenders_procedures_count; i++)
		if (!strcmp(tenders_procedures[i].key, key))
			return true;
	return false;
}

static bool clause_kind_valid(const char *kind)
{
	for (int i = 0; kind && i < tenders_clause_kinds_count; i++)
		if (!strcmp(tenders_clause_kinds[i].key, kind))
			return true;
	return false;
}

static void check_criteria(struct arena *a, struct tender *t, struct errs *errs)
{
	if (t->ncriteria < 1) {
		errs_add(errs, "criteria", "Angiv tildelingskriterierne med vægte, der tilsammen giver 100.");
		return;
	}
	if (t->ncriteria > TENDERS_MAX_CRITERIA) {
		errs_add(errs, "criteria", "Der kan højst være 10 tildelingskriterier.");
		return;
	}
	int sum = 0, prices = 0;
	for (int i = 0; i < t->ncriteria; i++) {
		struct tender_criterion *c = &t->criteria[i];
		c->name = c->name ? text_trim(a, c->name) : "";
		c->key = tenders_criterion_key(a, c->name);
		if (!*c->key || utf8_len(c->name) > 100) {
			errs_add(errs, "criteria", "Hvert kriterium skal have et navn på 1 til 100 tegn.");
			return;
		}
		if (!strcmp(c->key, "pris"))
			c->is_price = true;
		prices += c->is_price;
		if (c->weight < 1 || c->weight > 100) {
			errs_add(errs, "criteria", arena_printf(a, "Vægten af \"%s\" skal være et helt tal fra 1 til 100.",
			                                        c->name));
			return;
		}
		sum += c->weight;
		for (int k = 0; k < i; k++)
			if (!strcmp(t->criteria[k].key, c->key)) {
				errs_add(errs, "criteria", arena_printf(a, "Kriteriet \"%s\" står der to gange.", c->name));
				return;
			}
	}
	if (sum != 100)
		errs_add(errs, "criteria", arena_printf(a, "Vægtene skal tilsammen give 100 (de giver %d).", sum));
	else if (prices != 1)
		errs_add(errs, "criteria", "Præcis ét kriterium skal være prisen (\"Pris\"), som pointgives "
		                           "efter prismodellen.");
}

static void check_clauses(struct arena *a, struct tender *t, struct errs *errs)
{
	if (t->nclauses > TENDERS_MAX_CLAUSES) {
		errs_add(errs, "social_clauses", "Der kan højst være 10 sociale klausuler.");
		return;
	}
	int m = 0;
	for (int i = 0; i < t->nclauses; i++) {
		struct tender_clause c = t->clauses[i];
		c.text = c.text ? text_trim(a, c.text) : "";
		if (!c.kind || !*c.kind)
			c.kind = "andet";
		if (!clause_kind_valid(c.kind)) {
			errs_add(errs, "social_clauses", arena_printf(a, "Ukendt slags klausul: %s.", c.kind));
			return;
		}
		if (!*c.text)
			continue; /* an empty row of the form */
		if (utf8_len(c.text) > 1000) {
			errs_add(errs, "social_clauses", "En social klausul må højst være på 1.000 tegn.");
			return;
		}
		t->clauses[m++] = c;
	}
	t->nclauses = m;
}

/* *field as a stored UTC time (from Danish local time); NULL when empty */
static void check_time(struct arena *a, const char **field, const char *name, bool required,
                       struct errs *errs)
{
	const char *v = opt_null(a, *field);
	*field = NULL;
	if (!v) {
		if (required)
			errs_add(errs, name, "Angiv fristen for bud (dato og klokkeslæt).");
		return;
	}
	char utc[21];
	if (tenders_local_to_utc(v, utc)) {
		errs_add(errs, name, "Skriv tidspunktet som ÅÅÅÅ-MM-DD TT:MM (dansk tid), fx 2026-12-01 12:00.");
		return;
	}
	*field = arena_strdup(a, utc);
}

int tenders_validate(struct arena *a, struct tender *t, struct errs *errs)
{
	int before = errs->n;
	if (!t->kommune || !text_is_digits(t->kommune, 3))
		errs_add(errs, "kommune", "Vælg den kommune, der udbyder.");
	t->title = t->title ? text_trim(a, t->title) : "";
	if (!*t->title)
		errs_add(errs, "title", "Skriv udbuddets titel.");
	else if (utf8_len(t->title) > 200)
		errs_add(errs, "title", "Titlen må højst være på 200 tegn.");
	t->object = t->object ? text_trim(a, t->object) : "";
	if (utf8_len(t->object) > 2000)
		errs_add(errs, "object", "Genstanden må højst være på 2.000 tegn.");
	t->description = t->description ? text_trim(a, t->description) : "";
	if (utf8_len(t->description) > 20000)
		errs_add(errs, "description", "Beskrivelsen må højst være på 20.000 tegn.");
	t->cpv = opt_null(a, t->cpv);
	if (t->cpv) {
		char code[11];
		enum cpv_result cr = cpv_check(t->cpv, code);
		if (cr != CPV_OK)
			errs_add(errs, "cpv", cpv_message(cr));
		else
			t->cpv = arena_strdup(a, code);
	}
	if (t->estimate_ore < -1 || t->estimate_ore > MONEY_MAX_ORE)
		errs_add(errs, "estimate", "Skriv den anslåede værdi i kroner, fx 1.250.000 eller 1250000,00.");
	if (!procedure_valid(t->procedure))
		errs_add(errs, "procedure", "Vælg en udbudsform: offentligt, begrænset, light, reserveret "
		                            "eller under tærskelværdien.");
	check_time(a, &t->questions_deadline, "questions_deadline", false, errs);
	check_time(a, &t->deadline, "deadline", true, errs);
	if (t->questions_deadline && t->deadline && strcmp(t->questions_deadline, t->deadline) > 0)
		errs_add(errs, "questions_deadline", "Fristen for spørgsmål skal ligge før fristen for bud.");
	check_criteria(a, t, errs);
	check_clauses(a, t, errs);
	return errs->n > before ? ERR_INVALID : 0;
}

/* ---------------------------------------------------------------- saving */

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

static int audit_tender(struct db *db, struct arena *a, const struct principal *by,
                        const char *action, const struct tender *t)
{
	return audit_record(db, by, action, "tender", id_text(a, t->id), t->kommune,
	                    AUDIT_DETAIL(AUDIT_TEXT("title", t->title),
	                                 AUDIT_TEXT("procedure", t->procedure),
	                                 AUDIT_TEXT("deadline", t->deadline),
	                                 AUDIT_INT("criteria", t->ncriteria),
	                                 AUDIT_INT("clauses", t->nclauses)));
}

/* whether the criteria of a and b are the same (names, weights, price) */
static bool same_criteria(const struct tender *a, const struct tender *b)
{
	if (a->ncriteria != b->ncriteria)
		return false;
	for (int i = 0; i < a->ncriteria; i++)
		if (strcmp(a->criteria[i].key, b->criteria[i].key) ||
		    a->criteria[i].weight != b->criteria[i].weight ||
		    a->criteria[i].is_price != b->criteria[i].is_price)
			return false;
	return true;
}

static int write_tender(struct db *db, struct arena *a, const struct principal *by,
                        struct tender *t, struct errs *errs)
{
	char now[21];
	tenders_now(now);
	struct tender old = {0};
	if (t->id) {
		int rc = tenders_store_get(db, a, t->id, now, &old);
		if (rc)
			return rc;
		if (access_procurement(by, ACC_WRITE, old.kommune) != 0)
			return ERR_FORBIDDEN;
		if (strcmp(old.state, "draft") != 0 && strcmp(old.state, "published") != 0)
			return errs_add(errs, NULL, "Udbuddet kan ikke længere ændres: fristen er udløbet, "
			                            "eller det er tildelt eller annulleret."),
			       ERR_CONFLICT;
		if (t->kommune && strcmp(t->kommune, old.kommune) != 0)
			errs_add(errs, "kommune", "Et udbud kan ikke flyttes til en anden kommune.");
		t->kommune = old.kommune;
	} else if (!(t->kommune && access_procurement(by, ACC_WRITE, t->kommune) == 0) &&
	           !(access_national(by) && !text_is_digits(t->kommune ? t->kommune : "", 3))) {
		/* the administrator who named no municipality learns so from the validation */
		return ERR_FORBIDDEN;
	}
	int rc = tenders_validate(a, t, errs);
	if (rc == 0 && t->id && old.nbids > 0) {
		if (!same_criteria(t, &old))
			errs_add(errs, "criteria", "Kriterierne og vægtene kan ikke ændres, når der er afgivet bud.");
		if (!t->deadline || strcmp(t->deadline, old.deadline) != 0)
			errs_add(errs, "deadline", "Fristen for bud kan ikke ændres, når der er afgivet bud.");
	}
	if (errs->n > 0)
		return ERR_INVALID;
	bool creating = t->id == 0;
	rc = creating ? tenders_store_insert(db, t, by ? by->id : 0, &t->id) : tenders_store_update(db, t);
	if (rc == ERR_CONFLICT && creating) /* the only foreign key a create names: the municipality */
		return errs_add(errs, "kommune", "Ukendt kommune.");
	if (rc == 0)
		rc = tenders_store_set_lists(db, t);
	if (rc == 0)
		rc = audit_tender(db, a, by, creating ? "create" : "update", t);
	if (rc == 0)
		rc = tenders_store_get(db, a, t->id, now, t);
	return rc;
}

int tenders_save(struct db *db, struct arena *a, const struct principal *by, struct tender *t,
                 struct errs *errs)
{
	bool creating = t->id == 0;
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_tender(db, a, by, t, errs));
	if (rc && creating)
		t->id = 0;
	return rc;
}

/* ---------------------------------------------------------------- reading */

int tenders_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                struct tender *out)
{
	char now[21];
	tenders_now(now);
	struct tender t;
	int rc = tenders_store_get(db, a, id, now, &t);
	if (rc)
		return rc;
	bool staff = tenders_staff(by, &t, NULL);
	/* never published (a draft, or one cancelled as a draft): unknown outside its staff */
	if (!staff && !t.published)
		return ERR_NOTFOUND;
	if (!staff)
		t.nbids = 0;
	*out = t;
	return 0;
}

int tenders_list(struct db *db, struct arena *a, const struct principal *by,
                 const struct tenders_query *q, struct tender **items, int *n, int *total)
{
	const char *scope = NULL;
	if (q->scope == TENDERS_STAFF && access_procurement_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	char now[21], since[21];
	tenders_now(now);
	time_t t = time(NULL) - 180 * 86400; /* awarded_at is the real time of the award */
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(since, sizeof(since), "%Y-%m-%dT%H:%M:%SZ", &tm);
	int limit = q->limit < 1 || q->limit > 500 ? 500 : q->limit;
	int offset = q->offset < 0 ? 0 : q->offset;
	int rc = tenders_store_list(db, a, q->scope == TENDERS_PUBLIC, scope,
	                            q->scope == TENDERS_STAFF ? q->state : NULL, now, since, limit,
	                            offset, items, n, total);
	if (rc == 0 && q->scope == TENDERS_PUBLIC)
		for (int i = 0; i < *n; i++)
			(*items)[i].nbids = 0;
	return rc;
}

/* ---------------------------------------------------------------- state changes */

/* the stored tender id as of now, and whether by may write it */
static int load_writable(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         struct tender *t)
{
	char now[21];
	tenders_now(now);
	int rc = tenders_store_get(db, a, id, now, t);
	if (rc)
		return rc;
	if (access_procurement(by, ACC_WRITE, t->kommune) != 0)
		return access_procurement(by, ACC_READ, t->kommune) == 0 || t->published ? ERR_FORBIDDEN
		                                                                          : ERR_NOTFOUND;
	return 0;
}

int tenders_publish(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                    struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct tender t;
	rc = load_writable(db, a, by, id, &t);
	char now[21], today[11];
	tenders_now(now);
	snprintf(today, sizeof(today), "%.10s", now);
	if (rc == 0 && strcmp(t.status, "draft") != 0)
		rc = (errs_add(errs, NULL, "Udbuddet er allerede offentliggjort."), ERR_CONFLICT);
	if (rc == 0 && strcmp(t.deadline, now) <= 0)
		rc = errs_add(errs, "deadline", "Fristen for bud er overskredet. Ret fristen, før udbuddet "
		                                "offentliggøres.");
	if (rc == 0)
		rc = tenders_store_set_status(db, id, "published", today);
	if (rc == 0)
		rc = audit_record(db, by, "publish", "tender", id_text(a, id), t.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("deadline", t.deadline)));
	return db_write_end(db, rc);
}

int tenders_cancel(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                   const char *reason)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct tender t;
	rc = load_writable(db, a, by, id, &t);
	if (rc == 0 && (!strcmp(t.status, "awarded") || !strcmp(t.status, "cancelled")))
		rc = ERR_CONFLICT;
	if (rc == 0)
		rc = tenders_store_set_status(db, id, "cancelled", NULL);
	if (rc == 0)
		rc = audit_record(db, by, "cancel", "tender", id_text(a, id), t.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("from", t.state), AUDIT_TEXT("reason", reason)));
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- questions, interest */

/* the stored tender id for a supplier of enterprise_id: published and before deadline (the
 * deadline for questions when ask and there is one) */
static int load_for_supplier(struct db *db, struct arena *a, const struct principal *by,
                             int64_t id, int64_t enterprise_id, bool ask, struct tender *t)
{
	char now[21];
	tenders_now(now);
	int rc = tenders_store_get(db, a, id, now, t);
	if (rc == 0 && !t->published)
		rc = ERR_NOTFOUND;
	if (rc == 0 && access_supplier(by, enterprise_id) != 0)
		rc = ERR_FORBIDDEN;
	if (rc == 0 && strcmp(t->state, "published") != 0)
		rc = ERR_CONFLICT;
	if (rc == 0 && ask && t->questions_deadline && strcmp(t->questions_deadline, now) <= 0)
		rc = ERR_CONFLICT;
	return rc;
}

int tenders_ask(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
                int64_t enterprise_id, const char *question, struct errs *errs, int64_t *id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct tender t;
	rc = load_for_supplier(db, a, by, tender_id, enterprise_id, true, &t);
	if (rc == ERR_CONFLICT)
		errs_add(errs, NULL, "Fristen for spørgsmål til udbuddet er udløbet.");
	const char *q = question ? text_trim(a, question) : "";
	if (rc == 0 && !*q)
		rc = errs_add(errs, "question", "Skriv dit spørgsmål.");
	else if (rc == 0 && utf8_len(q) > 4000)
		rc = errs_add(errs, "question", "Spørgsmålet må højst være på 4.000 tegn.");
	if (rc == 0)
		rc = tenders_store_question_insert(db, tender_id, enterprise_id, q, id);
	if (rc == 0)
		rc = audit_record(db, by, "ask", "tender", id_text(a, tender_id), t.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("question_id", *id)));
	return db_write_end(db, rc);
}

/* a letter through the outbox to every enterprise interested in t: the answer to question_id,
 * now published (inside the caller's write transaction) */
static int tell_interested(struct db *db, struct arena *a, const struct tender *t,
                           int64_t question_id, const char *answer)
{
	const char **to;
	int n;
	int rc = tenders_store_interested(db, a, t->id, &to, &n);
	struct tender_question *qs;
	int nq;
	if (rc == 0 && n > 0)
		rc = tenders_store_questions(db, a, t->id, true, &qs, &nq);
	const char *question = "";
	for (int i = 0; rc == 0 && n > 0 && i < nq; i++)
		if (qs[i].id == question_id)
			question = qs[i].question;
	for (int i = 0; rc == 0 && i < n; i++)
		rc = mail_queue(db, t->kommune, to[i], arena_printf(a, "Nyt svar i udbuddet: %s", t->title),
		                arena_printf(a, "%s Kommune har offentliggjort et svar i udbuddet \"%s\", som I "
		                                "har vist interesse for.\n\nSpørgsmål:\n%s\n\nSvar:\n%s\n\n"
		                                "Alle spørgsmål og svar står på udbuddets side: /udbud/%lld\n"
		                                "Fristen for bud er %s.\n",
		                             t->kommune_navn, t->title, question, answer, (long long)t->id,
		                             tenders_time_da(a, t->deadline)));
	return rc;
}

int tenders_answer(struct db *db, struct arena *a, const struct principal *by, int64_t tender_id,
                   int64_t question_id, const char *answer, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct tender t;
	rc = load_writable(db, a, by, tender_id, &t);
	const char *text = answer ? text_trim(a, answer) : "";
	if (rc == 0 && !*text)
		rc = errs_add(errs, "answer", "Skriv svaret.");
	else if (rc == 0 && utf8_len(text) > 4000)
		rc = errs_add(errs, "answer", "Svaret må højst være på 4.000 tegn.");
	if (rc == 0)
		rc = tenders_store_question_answer(db, tender_id, question_id, text);
	if (rc == 0)
		rc = tell_interested(db, a, &t, question_id, text);
	if (rc == 0)
		rc = audit_record(db, by, "answer", "tender", id_text(a, tender_id), t.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("question_id", question_id)));
	return db_write_end(db, rc);
}

int tenders_questions(struct db *db, struct arena *a, const struct principal *by,
                      int64_t tender_id, struct tender_question **items, int *n)
{
	struct tender t;
	int rc = tenders_get(db, a, by, tender_id, &t);
	if (rc)
		return rc;
	return tenders_store_questions(db, a, tender_id, tenders_staff(by, &t, NULL), items, n);
}

int tenders_interest(struct db *db, struct arena *a, const struct principal *by,
                     int64_t tender_id, int64_t enterprise_id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct tender t;
	rc = load_for_supplier(db, a, by, tender_id, enterprise_id, false, &t);
	if (rc == 0)
		rc = tenders_store_interest(db, tender_id, enterprise_id);
	if (rc == 0)
		rc = audit_record(db, by, "interest", "tender", id_text(a, tender_id), t.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("enterprise_id", enterprise_id)));
	return db_write_end(db, rc);
}

bool tenders_has_interest(struct db *db, int64_t tender_id, int64_t enterprise_id)
{
	return enterprise_id && tenders_store_has_interest(db, tender_id, enterprise_id) == 1;
}
