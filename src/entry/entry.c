/*
 * entry.c — the rules of the one entry point: inquiries, routing, cases, advisory sessions.
 * Layer: capability domain (entry).
 */
#include "entry.h"

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
#include "../base/text.h"
#include "../base/workdays.h"
#include "../kommune/kommune.h"
#include "../mail/mail.h"
#include "../registry/registry.h"
#include "../registry/registry_store.h"
#include "../store/db.h"
#include "../view/json.h"
#include "entry_store.h"

const struct option_pair entry_topics[] = {
	{"start", "Starte en socialøkonomisk virksomhed"},
	{"business", "Forretningsudvikling"},
	{"employment", "Ansætte udsatte borgere (fleksjob og lignende)"},
	{"funding", "Finansiering"},
	{"procurement", "Sælge til kommunen"},
	{"partnership", "Partnerskab"},
	{"other", "Andet"},
};
const int entry_topics_count = sizeof(entry_topics) / sizeof(entry_topics[0]);

const struct option_pair entry_statuses[] = {
	{"new", "Ny"},
	{"in_progress", "Under behandling"},
	{"referred", "Henvist"},
	{"waiting", "Afventer virksomheden"},
	{"closed", "Afsluttet"},
};
const int entry_statuses_count = sizeof(entry_statuses) / sizeof(entry_statuses[0]);

const char *entry_label(const struct option_pair *opts, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (!strcmp(opts[i].key, key))
			return opts[i].label;
	return key ? key : "";
}

static bool known(const struct option_pair *opts, int n, const char *key)
{
	for (int i = 0; key && i < n; i++)
		if (!strcmp(opts[i].key, key))
			return true;
	return false;
}

static void today(char out[11])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static const char *trimmed(struct arena *a, const char *s)
{
	return text_trim(a, s ? s : "");
}

static void check_len(struct errs *errs, const char *field, const char *s, size_t max, const char *msg)
{
	if (s && utf8_len(s) > max)
		errs_add(errs, field, msg);
}

int entry_inquiry_create(struct db *db, struct arena *a, const struct inquiry_input *in,
                         struct errs *errs, int64_t *id, const char **reference)
{
	struct inquiry q = {0};
	q.kommune = trimmed(a, in->kommune);
	q.name = trimmed(a, in->name);
	q.email = text_lower_ascii(a, trimmed(a, in->email));
	q.phone = trimmed(a, in->phone);
	const char *cvr = trimmed(a, in->cvr);
	q.cvr = *cvr ? cvr : NULL;
	q.organisation = trimmed(a, in->organisation);
	q.topic = trimmed(a, in->topic);
	q.message = trimmed(a, in->message);
	q.enterprise_id = in->enterprise_id;
	struct kommune k;
	if (!text_is_digits(q.kommune, 3) || kommune_get(db, a, q.kommune, &k) != 0)
		errs_add(errs, "kommune", "Vælg den kommune, du vil kontakte.");
	if (!*q.name)
		errs_add(errs, "name", "Skriv dit navn.");
	check_len(errs, "name", q.name, 200, "Navnet må højst være på 200 tegn.");
	if (!text_email_valid(q.email))
		errs_add(errs, "email", "Skriv en gyldig e-mailadresse, så vi kan svare dig.");
	check_len(errs, "phone", q.phone, 40, "Telefonnummeret er for langt.");
	for (const char *p = q.phone; *p; p++)
		if (!((*p >= '0' && *p <= '9') || *p == ' ' || *p == '+' || *p == '-')) {
			errs_add(errs, "phone", "Telefonnummeret må kun indeholde tal, mellemrum, + og -.");
			break;
		}
	if (q.cvr && !registry_cvr_valid(q.cvr))
		errs_add(errs, "cvr", "CVR-nummeret er ikke gyldigt: 8 cifre, der består modulus 11-kontrollen.");
	check_len(errs, "organisation", q.organisation, 200, "Navnet må højst være på 200 tegn.");
	if (!known(entry_topics, entry_topics_count, q.topic))
		errs_add(errs, "topic", "Vælg, hvad henvendelsen handler om.");
	if (!*q.message)
		errs_add(errs, "message", "Skriv, hvad du gerne vil have hjælp til.");
	check_len(errs, "message", q.message, 5000, "Beskeden må højst være på 5.000 tegn.");
	struct enterprise e;
	if (q.enterprise_id && registry_get(db, a, q.enterprise_id, &e) != 0)
		errs_add(errs, "enterprise_id", "Virksomheden findes ikke i registret.");
	if (errs->n)
		return ERR_INVALID;
	/* an enterprise already in the registry is recognised by its CVR number, or by its name in
	 * the municipality, and linked to the case */
	int64_t found = 0;
	if (!q.enterprise_id && (q.cvr || *q.organisation) &&
	    registry_store_find(db, q.cvr, q.organisation, q.kommune, &found) == 0)
		q.enterprise_id = found;

	char day[11];
	today(day);
	q.received_date = arena_strdup(a, day);
	int year = (day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0');
	if (db_write_begin(db) != 0)
		return ERR_DB;
	int seq = 0;
	int rc = entry_store_next_seq(db, year, &seq);
	if (rc == 0)
		rc = entry_store_routing_lookup(db, q.kommune, q.topic, &q.unit_id, &q.assignee_id);
	q.reference = arena_printf(a, "IND-%04d-%06d", year, seq);
	if (rc == 0)
		rc = entry_store_insert(db, &q, year, seq, id);
	if (rc == 0)
		rc = mail_queue(db, q.kommune, q.email, arena_printf(a, "Kvittering for din henvendelse %s", q.reference),
		                arena_printf(a, "Kære %s\n\nTak for din henvendelse til %s Kommune om \"%s\".\n"
		                                "Dit referencenummer er %s. Brug det, hvis du kontakter os igen.\n\n"
		                                "Vi svarer dig hurtigst muligt.\n\nVenlig hilsen\n%s Kommune\n",
		                             q.name, k.navn, entry_label(entry_topics, entry_topics_count, q.topic),
		                             q.reference, k.navn));
	const char *to, *kom;
	if (rc == 0 && q.assignee_id && entry_store_user(db, a, q.assignee_id, &to, &kom) == 0)
		rc = mail_queue(db, q.kommune, to, arena_printf(a, "Ny henvendelse %s", q.reference),
		                arena_printf(a, "En ny henvendelse om \"%s\" er tildelt dig i Indgang: %s.\n",
		                             entry_label(entry_topics, entry_topics_count, q.topic), q.reference));
	if (rc == 0)
		rc = audit_record(db, NULL, "create", "inquiry", arena_printf(a, "%lld", (long long)*id), q.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("reference", q.reference), AUDIT_TEXT("topic", q.topic)));
	if (rc) {
		db_rollback(db);
		return rc;
	}
	if (db_commit(db) != 0)
		return ERR_DB;
	*reference = q.reference;
	return 0;
}

static bool may_see(const struct principal *by, const struct inquiry *q)
{
	if (!by)
		return false;
	if (access_allowed(by, ACC_NATIONAL, NULL) == 0 || access_allowed(by, ACC_WRITE, q->kommune) == 0)
		return true;
	return q->assignee_id && q->assignee_id == by->id && access_allowed(by, ACC_READ, q->kommune) == 0;
}

static void derive(struct db *db, struct inquiry *q, const char *day)
{
	const char *until = q->closed_at ? q->closed_at : day;
	char end[11];
	snprintf(end, sizeof(end), "%.10s", until);
	q->workdays_open = workdays_between(q->received_date, end);
	int days = entry_answer_days(db, q->kommune);
	q->overdue = !q->closed_at && strcmp(q->status, "closed") && q->workdays_open > days;
}

int entry_inquiries(struct db *db, struct arena *a, const struct principal *by, const char *status,
                    int limit, int offset, struct inquiry **rows, int *n, int *total)
{
	if (!by)
		return ERR_FORBIDDEN;
	if (status && strcmp(status, "open") && !known(entry_statuses, entry_statuses_count, status))
		return ERR_INVALID;
	bool all = access_allowed(by, ACC_NATIONAL, NULL) == 0;
	bool staff = all || access_allowed(by, ACC_WRITE, by->kommune) == 0;
	int rc = entry_store_list(db, a, all ? NULL : by->kommune, staff ? 0 : by->id, status, limit,
	                          offset, rows, n, total);
	if (rc)
		return rc;
	char day[11];
	today(day);
	for (int i = 0; i < *n; i++)
		derive(db, &(*rows)[i], day);
	/* the list shows names and addresses: a read of personal data */
	if (*n && db_write_begin(db) == 0) {
		if (audit_record(db, by, "read", "inquiry", "list", all ? NULL : by->kommune,
		                 AUDIT_DETAIL(AUDIT_INT("count", *n))) == 0)
			db_commit(db);
		else
			db_rollback(db);
	}
	return 0;
}

int entry_inquiry_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                      struct inquiry *out)
{
	int rc = entry_store_get(db, a, id, out);
	if (rc)
		return rc;
	if (!may_see(by, out))
		return ERR_NOTFOUND;
	char day[11];
	today(day);
	derive(db, out, day);
	if (db_write_begin(db) != 0)
		return ERR_DB;
	rc = audit_record(db, by, "read", "inquiry", arena_printf(a, "%lld", (long long)id), out->kommune, AUDIT_NONE);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

/* assignee and unit must belong to the case's municipality */
static void check_links(struct db *db, struct arena *a, const char *kommune, int64_t assignee,
                        int64_t unit, struct errs *errs)
{
	const char *email, *k;
	if (assignee > 0 && (entry_store_user(db, a, assignee, &email, &k) != 0 || !k || strcmp(k, kommune)))
		errs_add(errs, "assignee_id", "Sagen kan kun tildeles en aktiv bruger i kommunen.");
	if (unit > 0 && (entry_store_unit_kommune(db, a, unit, &k) != 0 || strcmp(k, kommune)))
		errs_add(errs, "unit_id", "Vælg en af kommunens enheder eller samarbejdspartnere.");
}

static int audit_change(struct db *db, struct arena *a, const struct principal *by, const struct inquiry *q,
                        const char *what)
{
	return audit_record(db, by, "update", "inquiry", arena_printf(a, "%lld", (long long)q->id),
	                    q->kommune,
	                    AUDIT_DETAIL(AUDIT_TEXT("change", what), AUDIT_TEXT("status", q->status),
	                                 AUDIT_INT("assignee_id", q->assignee_id),
	                                 AUDIT_INT("unit_id", q->unit_id),
	                                 AUDIT_TEXT("next_action_date", q->next_action_date)));
}

int entry_inquiry_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         const struct inquiry_patch *p, struct errs *errs)
{
	struct inquiry q;
	int rc = entry_store_get(db, a, id, &q);
	if (rc)
		return rc;
	if (!may_see(by, &q))
		return ERR_NOTFOUND;
	if (p->status) {
		if (!known(entry_statuses, entry_statuses_count, p->status))
			errs_add(errs, "status", "Ukendt status: new, in_progress, referred, waiting eller closed.");
		q.status = p->status;
	}
	if (p->outcome)
		q.outcome = trimmed(a, p->outcome);
	check_len(errs, "outcome", q.outcome, 2000, "Resultatet må højst være på 2.000 tegn.");
	if (!strcmp(q.status, "closed") && !*q.outcome)
		errs_add(errs, "outcome", "Skriv, hvad der kom ud af sagen, før den afsluttes.");
	if (p->assignee_id >= 0)
		q.assignee_id = p->assignee_id;
	if (p->unit_id >= 0)
		q.unit_id = p->unit_id;
	check_links(db, a, q.kommune, p->assignee_id > 0 ? q.assignee_id : 0, p->unit_id > 0 ? q.unit_id : 0, errs);
	if (p->next_action)
		q.next_action = trimmed(a, p->next_action);
	check_len(errs, "next_action", q.next_action, 500, "Næste handling må højst være på 500 tegn.");
	if (p->next_action_date) {
		const char *d = trimmed(a, p->next_action_date);
		q.next_action_date = *d ? d : NULL;
		if (q.next_action_date && !text_date_valid(q.next_action_date))
			errs_add(errs, "next_action_date", "Skriv datoen som ÅÅÅÅ-MM-DD.");
	}
	if (errs->n)
		return ERR_INVALID;
	if (db_write_begin(db) != 0)
		return ERR_DB;
	rc = entry_store_update(db, &q);
	if (rc == 0)
		rc = audit_change(db, a, by, &q, "case");
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int entry_note_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                   const char *text, struct errs *errs)
{
	struct inquiry q;
	int rc = entry_store_get(db, a, id, &q);
	if (rc)
		return rc;
	if (!may_see(by, &q))
		return ERR_NOTFOUND;
	const char *t = trimmed(a, text);
	if (!*t)
		return errs_add(errs, "note", "Skriv notatet.");
	check_len(errs, "note", t, 5000, "Notatet må højst være på 5.000 tegn.");
	if (errs->n)
		return ERR_INVALID;
	if (db_write_begin(db) != 0)
		return ERR_DB;
	rc = entry_store_note(db, id, by->id, t);
	if (rc == 0)
		rc = audit_change(db, a, by, &q, "note");
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int entry_referral_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                       int64_t unit_id, const char *note, struct errs *errs)
{
	struct inquiry q;
	int rc = entry_store_get(db, a, id, &q);
	if (rc)
		return rc;
	if (!may_see(by, &q))
		return ERR_NOTFOUND;
	if (unit_id <= 0)
		errs_add(errs, "unit_id", "Vælg den enhed eller samarbejdspartner, sagen henvises til.");
	else
		check_links(db, a, q.kommune, 0, unit_id, errs);
	if (errs->n)
		return ERR_INVALID;
	q.status = "referred";
	q.unit_id = unit_id;
	if (db_write_begin(db) != 0)
		return ERR_DB;
	rc = entry_store_referral(db, id, unit_id, trimmed(a, note));
	if (rc == 0)
		rc = entry_store_update(db, &q);
	if (rc == 0)
		rc = audit_change(db, a, by, &q, "referral");
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int entry_referral_result(struct db *db, struct arena *a, const struct principal *by,
                          int64_t referral_id, const char *result)
{
	if (db_write_begin(db) != 0)
		return ERR_DB;
	int64_t id = 0;
	int rc = entry_store_referral_result(db, referral_id, trimmed(a, result), &id);
	struct inquiry q;
	if (rc == 0)
		rc = entry_store_get(db, a, id, &q);
	if (rc == 0 && !may_see(by, &q))
		rc = ERR_NOTFOUND;
	if (rc == 0)
		rc = audit_change(db, a, by, &q, "referral result");
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int entry_to_registry(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                      struct errs *errs, int64_t *enterprise_id)
{
	struct inquiry q;
	int rc = entry_store_get(db, a, id, &q);
	if (rc)
		return rc;
	if (!may_see(by, &q))
		return ERR_NOTFOUND;
	if (q.enterprise_id)
		return errs_add(errs, "enterprise_id", "Henvendelsen er allerede knyttet til en virksomhed i registret.");
	char day[11];
	today(day);
	struct enterprise e = {
		.name = *q.organisation ? q.organisation : q.name,
		.cvr = q.cvr,
		.kommune = q.kommune,
		.entrepreneur = !q.cvr,
		.origin = !q.cvr ? "social_entrepreneur" : "",
		.contact_name = q.name,
		.contact_email = q.email,
		.contact_phone = q.phone,
		.description = q.message,
		.pipeline_since = q.topic && !strcmp(q.topic, "start") ? arena_strdup(a, day) : NULL,
	};
	if (db_write_begin(db) != 0)
		return ERR_DB;
	rc = registry_write(db, a, by, &e, errs);
	if (rc == 0)
		rc = entry_store_link_enterprise(db, id, e.id);
	if (rc == 0)
		rc = audit_change(db, a, by, &q, "registry entry created");
	if (rc) {
		db_rollback(db);
		return rc;
	}
	if (db_commit(db) != 0)
		return ERR_DB;
	*enterprise_id = e.id;
	return 0;
}

int entry_case_history(struct db *db, struct arena *a, int64_t id, struct note_row **notes, int *nn,
                       struct referral_row **refs, int *nr)
{
	return entry_store_history(db, a, id, notes, nn, refs, nr);
}

/* ---------------------------------------------------------------- setup */

int entry_units(struct db *db, struct arena *a, const char *kommune, struct unit_row **rows, int *n)
{
	return entry_store_units(db, a, kommune, rows, n);
}

int entry_unit_add(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                   const char *kind, const char *name, const char *email, struct errs *errs)
{
	if (access_allowed(by, ACC_WRITE, kommune) != 0)
		return ERR_FORBIDDEN;
	const char *nm = trimmed(a, name), *em = trimmed(a, email);
	if (!kind || (strcmp(kind, "unit") && strcmp(kind, "partner")))
		errs_add(errs, "kind", "Vælg enhed eller samarbejdspartner.");
	if (!*nm)
		errs_add(errs, "name", "Skriv navnet.");
	check_len(errs, "name", nm, 200, "Navnet må højst være på 200 tegn.");
	if (*em && !text_email_valid(em))
		errs_add(errs, "email", "Skriv en gyldig e-mailadresse.");
	if (errs->n)
		return ERR_INVALID;
	if (db_write_begin(db) != 0)
		return ERR_DB;
	int rc = entry_store_unit_add(db, kommune, kind, nm, em);
	if (rc == ERR_CONFLICT) {
		db_rollback(db);
		errs_add(errs, "name", "Der findes allerede en enhed med dette navn.");
		return ERR_CONFLICT;
	}
	if (rc == 0)
		rc = audit_record(db, by, "create", "entry_unit", nm, kommune, AUDIT_NONE);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int entry_routing(struct db *db, struct arena *a, const char *kommune, struct routing_row **rows, int *n)
{
	return entry_store_routing(db, a, kommune, rows, n);
}

int entry_routing_set(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                    const char *topic, int64_t unit_id, int64_t assignee_id, struct errs *errs)
{
	if (access_allowed(by, ACC_WRITE, kommune) != 0)
		return ERR_FORBIDDEN;
	if (!known(entry_topics, entry_topics_count, topic))
		errs_add(errs, "topic", "Ukendt emne.");
	check_links(db, a, kommune, assignee_id, unit_id, errs);
	if (errs->n)
		return ERR_INVALID;
	if (db_write_begin(db) != 0)
		return ERR_DB;
	int rc = entry_store_routing_set(db, kommune, topic, unit_id, assignee_id);
	if (rc == 0)
		rc = audit_record(db, by, "update", "entry_route", topic, kommune,
		                  AUDIT_DETAIL(AUDIT_INT("unit_id", unit_id), AUDIT_INT("assignee_id", assignee_id)));
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int entry_answer_days(struct db *db, const char *kommune)
{
	int days = ENTRY_DEFAULT_ANSWER_DAYS;
	entry_store_answer_days(db, kommune, &days);
	return days;
}

int entry_answer_days_set(struct db *db, struct arena *a, const struct principal *by,
                          const char *kommune, int days, struct errs *errs)
{
	(void)a;
	if (access_allowed(by, ACC_WRITE, kommune) != 0)
		return ERR_FORBIDDEN;
	if (days < 1 || days > 60)
		return errs_add(errs, "answer_days", "Svarfristen skal være 1 til 60 arbejdsdage.");
	if (db_write_begin(db) != 0)
		return ERR_DB;
	int rc = entry_store_answer_days_set(db, kommune, days);
	if (rc == 0)
		rc = audit_record(db, by, "update", "entry_settings", kommune, kommune,
		                  AUDIT_DETAIL(AUDIT_INT("answer_days", days)));
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

/* ---------------------------------------------------------------- advisory sessions */

int advisory_session_add(struct db *db, struct arena *a, const struct principal *by,
                      const struct advisory_session_input *in_, struct errs *errs, int64_t *id)
{
	struct advisory_session_input in = *in_;
	if (!in.kommune && by)
		in.kommune = by->kommune;
	if (!in.kommune || access_allowed(by, ACC_WRITE, in.kommune) != 0)
		return ERR_FORBIDDEN;
	if (!text_date_valid(in.date))
		errs_add(errs, "date", "Skriv datoen som ÅÅÅÅ-MM-DD.");
	if (!in.topic || (strcmp(in.topic, "business") && strcmp(in.topic, "employment")))
		errs_add(errs, "topic", "Emnet er business (forretningsudvikling) eller employment (beskæftigelse).");
	if (in.minutes < 1 || in.minutes > 1440)
		errs_add(errs, "minutes", "Varigheden skal være 1 til 1440 minutter.");
	in.entrepreneur = trimmed(a, in.entrepreneur);
	struct enterprise e;
	if (in.enterprise_id && registry_get(db, a, in.enterprise_id, &e) != 0)
		errs_add(errs, "enterprise_id", "Virksomheden findes ikke i registret.");
	if (!in.enterprise_id && !*in.entrepreneur)
		errs_add(errs, "entrepreneur", "Vælg virksomheden, eller skriv iværksætterens navn.");
	check_len(errs, "entrepreneur", in.entrepreneur, 200, "Navnet må højst være på 200 tegn.");
	in.follow_up = trimmed(a, in.follow_up);
	check_len(errs, "follow_up", in.follow_up, 2000, "Opfølgningen må højst være på 2.000 tegn.");
	if (errs->n)
		return ERR_INVALID;
	if (db_write_begin(db) != 0)
		return ERR_DB;
	int rc = entry_store_advisory_session_add(db, &in, by->id, id);
	if (rc == 0)
		rc = audit_record(db, by, "create", "advisory_session", arena_printf(a, "%lld", (long long)*id),
		                  in.kommune, AUDIT_DETAIL(AUDIT_TEXT("date", in.date), AUDIT_TEXT("topic", in.topic)));
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

int advisory_sessions(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                   int limit, int offset, struct advisory_session_row **rows, int *n, int *total)
{
	if (kommune ? access_allowed(by, ACC_READ, kommune) != 0 : access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	return entry_store_advisory_sessions(db, a, kommune, limit, offset, rows, n, total);
}

const char *advisory_bucket(int n)
{
	return n <= 0 ? "0" : n <= 2 ? "1-2" : n <= 5 ? "3-5" : n <= 10 ? "6-10" : ">10";
}

struct stats_ctx {
	struct arena *a;
	struct advisory_row *rows;
	int n, cap;
	char (*months)[8];
	int nmonths;
};

static struct advisory_row *stats_row(struct stats_ctx *c, const char *kommune, const char *navn)
{
	for (int i = 0; i < c->n; i++)
		if (!strcmp(c->rows[i].kommune, kommune))
			return &c->rows[i];
	if (c->n == c->cap)
		return NULL;
	struct advisory_row *r = &c->rows[c->n++];
	r->kommune = arena_strdup(c->a, kommune);
	r->navn = arena_strdup(c->a, navn);
	r->nmonths = c->nmonths;
	r->months = arena_alloc(c->a, sizeof(*r->months) * (size_t)c->nmonths);
	for (int m = 0; m < c->nmonths; m++)
		memcpy(r->months[m].month, c->months[m], 8);
	return r;
}

static void on_month(void *ctx, const char *kommune, const char *navn, const char *month, int count)
{
	struct stats_ctx *c = ctx;
	struct advisory_row *r = stats_row(c, kommune, navn);
	for (int m = 0; r && m < r->nmonths; m++)
		if (!strcmp(r->months[m].month, month))
			r->months[m].sessions = count;
}

static bool parse_month(const char *s, int *y, int *m)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return false;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return false;
	return sscanf(s, "%4d-%2d", y, m) == 2 && *m >= 1 && *m <= 12 && *y >= 1900 && *y <= 2200;
}

int advisory_stats(struct db *db, struct arena *a, const char *from, const char *to,
                         const char *kommune, struct advisory_row **rows, int *n)
{
	int y1, m1, y2, m2;
	if (!parse_month(from, &y1, &m1) || !parse_month(to, &y2, &m2))
		return ERR_INVALID;
	int count = (y2 - y1) * 12 + (m2 - m1) + 1;
	if (count < 1 || count > 120)
		return ERR_INVALID;
	struct stats_ctx c = {.a = a, .cap = 128};
	c.rows = arena_alloc(a, sizeof(*c.rows) * (size_t)c.cap);
	c.months = arena_alloc(a, 8 * (size_t)count);
	c.nmonths = count;
	for (int i = 0; i < count; i++) {
		int y = y1 + (m1 - 1 + i) / 12, m = (m1 - 1 + i) % 12 + 1;
		snprintf(c.months[i], 8, "%04u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u);
	}
	if (kommune) {
		struct kommune k;
		if (kommune_get(db, a, kommune, &k) != 0)
			return ERR_NOTFOUND;
		stats_row(&c, k.kode, k.navn);
	}
	char fromday[11], today_[11];
	snprintf(fromday, sizeof(fromday), "%s-01", c.months[0]);
	snprintf(today_, sizeof(today_), "%s-31", c.months[count - 1]);
	int rc = entry_store_month_counts(db, fromday, today_, kommune, on_month, &c);
	if (rc)
		return rc;
	*rows = c.rows;
	*n = c.n;
	return 0;
}
