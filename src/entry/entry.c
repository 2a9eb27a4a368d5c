/*
 * entry.c — the rules of the one entry point: inquiries, routing, cases, advisory sessions.
 * Layer: capability domain (entry).
 */
#include "entry.h"

#include <stdio.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../base/workdays.h"
#include "../kommune/kommune.h"
#include "../mail/mail.h"
#include "../registry/registry.h"
#include "../store/db.h"
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

const struct option_pair entry_notify_options[] = {
	{ENTRY_NOTIFY_COORDINATORS, "Kommunens konsulenter (koordinatorerne) får en e-mail"},
	{ENTRY_NOTIFY_UNIT, "Enheden, emnet går til, får en e-mail (har den ingen e-mailadresse, får konsulenterne den)"},
	{ENTRY_NOTIFY_NONE, "Ingen e-mail: henvendelsen venter under Sager"},
};
const int entry_notify_options_count = sizeof(entry_notify_options) / sizeof(entry_notify_options[0]);

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

const char *entry_trimmed(struct arena *a, const char *s)
{
	return text_trim(a, s ? s : "");
}

void entry_check_len(struct errs *errs, const char *field, const char *s, size_t max,
                     const char *msg)
{
	if (s && utf8_len(s) > max)
		errs_add(errs, field, msg);
}

/* the e-mail of unit_id among kommune's units, or NULL when it has none */
static const char *unit_email(struct db *db, struct arena *a, const char *kommune, int64_t unit_id)
{
	struct unit_row *units;
	int n;
	if (!unit_id || entry_store_units(db, a, kommune, &units, &n) != 0)
		return NULL;
	for (int i = 0; i < n; i++)
		if (units[i].id == unit_id && *units[i].email)
			return units[i].email;
	return NULL;
}

/* notify_unassigned: the notice of a new inquiry q that its route gives to no person, to whom
 * the municipality (called navn) chose (entry_notify), inside the caller's transaction. It
 * names the topic and reference only: the contact's details stay in the case. */
static int notify_unassigned(struct db *db, struct arena *a, const struct inquiry *q, const char *navn)
{
	const char *how = entry_notify(db, a, q->kommune);
	if (!strcmp(how, ENTRY_NOTIFY_NONE))
		return 0;
	const char *subject = arena_printf(a, "Ny henvendelse %s", q->reference);
	const char *body = arena_printf(a, "En ny henvendelse om \"%s\" er kommet til %s Kommune gennem Indgang: "
	                                   "%s.\nDen er ikke givet til en bestemt medarbejder. Se den under Sager i "
	                                   "Indgang.\n",
	                                entry_label(entry_topics, entry_topics_count, q->topic), navn, q->reference);
	const char *unit = !strcmp(how, ENTRY_NOTIFY_UNIT) ? unit_email(db, a, q->kommune, q->unit_id) : NULL;
	if (unit)
		return mail_queue(db, q->kommune, unit, subject, body);
	const char **to;
	int n;
	int rc = users_coordinators(db, a, q->kommune, &to, &n);
	for (int i = 0; rc == 0 && i < n; i++)
		rc = mail_queue(db, q->kommune, to[i], subject, body);
	return rc;
}

int entry_inquiry_create(struct db *db, struct arena *a, const struct inquiry_input *in,
                         struct errs *errs, int64_t *id, const char **reference)
{
	struct inquiry q = {0};
	q.kommune = entry_trimmed(a, in->kommune);
	q.name = entry_trimmed(a, in->name);
	q.email = text_lower_ascii(a, entry_trimmed(a, in->email));
	q.phone = entry_trimmed(a, in->phone);
	const char *cvr = entry_trimmed(a, in->cvr);
	q.cvr = *cvr ? cvr : NULL;
	q.organisation = entry_trimmed(a, in->organisation);
	q.topic = entry_trimmed(a, in->topic);
	q.message = entry_trimmed(a, in->message);
	q.enterprise_id = in->enterprise_id;
	struct kommune k;
	if (!text_is_digits(q.kommune, 3) || kommune_get(db, a, q.kommune, &k) != 0)
		errs_add(errs, "kommune", "Vælg den kommune, du vil kontakte.");
	if (!*q.name)
		errs_add(errs, "name", "Skriv dit navn.");
	entry_check_len(errs, "name", q.name, 200, "Navnet må højst være på 200 tegn.");
	if (!text_email_valid(q.email))
		errs_add(errs, "email", "Skriv en gyldig e-mailadresse, så vi kan svare dig.");
	entry_check_len(errs, "phone", q.phone, 40, "Telefonnummeret er for langt.");
	for (const char *p = q.phone; *p; p++)
		if (!((*p >= '0' && *p <= '9') || *p == ' ' || *p == '+' || *p == '-')) {
			errs_add(errs, "phone", "Telefonnummeret må kun indeholde tal, mellemrum, + og -.");
			break;
		}
	if (q.cvr && !registry_cvr_valid(q.cvr))
		errs_add(errs, "cvr", "Tjek CVR-nummeret: det er 8 cifre, og det, der står, kan ikke være et CVR-nummer.");
	entry_check_len(errs, "organisation", q.organisation, 200, "Navnet må højst være på 200 tegn.");
	if (!known(entry_topics, entry_topics_count, q.topic))
		errs_add(errs, "topic", "Vælg, hvad henvendelsen handler om.");
	if (!*q.message)
		errs_add(errs, "message", "Skriv, hvad du gerne vil have hjælp til.");
	entry_check_len(errs, "message", q.message, 5000, "Beskeden må højst være på 5.000 tegn.");
	struct enterprise e;
	if (q.enterprise_id && registry_get(db, a, q.enterprise_id, &e) != 0)
		errs_add(errs, "enterprise_id", "Virksomheden findes ikke i registret.");
	if (errs->n)
		return ERR_INVALID;
	/* an enterprise already in the registry is recognised by its CVR number, or by its name in
	 * the municipality, and linked to the case */
	int64_t found = 0;
	if (!q.enterprise_id && (q.cvr || *q.organisation) &&
	    registry_find(db, q.cvr, q.organisation, q.kommune, &found) == 0)
		q.enterprise_id = found;

	char day[11];
	text_today(day);
	q.received_date = arena_strdup(a, day);
	int year = (day[0] - '0') * 1000 + (day[1] - '0') * 100 + (day[2] - '0') * 10 + (day[3] - '0');
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
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
	const char *to;
	if (rc == 0 && q.assignee_id && users_case_worker(db, a, q.kommune, q.assignee_id, &to) == 0)
		rc = mail_queue(db, q.kommune, to, arena_printf(a, "Ny henvendelse %s", q.reference),
		                arena_printf(a, "En ny henvendelse om \"%s\" er tildelt dig i Indgang: %s.\n",
		                             entry_label(entry_topics, entry_topics_count, q.topic), q.reference));
	else if (rc == 0)
		rc = notify_unassigned(db, a, &q, k.navn);
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
	return access_inquiry(by, q->kommune, q->assignee_id) == 0;
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
	/* the municipality's staff see all its cases; anyone else only those assigned to them */
	const char *scope = access_scope(by);
	bool staff = access_national(by) || access_allowed(by, ACC_WRITE, scope) == 0;
	if (!staff && access_case_worker(by, by->kommune) != 0)
		return ERR_FORBIDDEN;
	int rc = entry_store_list(db, a, scope, staff ? 0 : by->id, status, limit, offset, rows, n,
	                          total);
	if (rc)
		return rc;
	char day[11];
	text_today(day);
	for (int i = 0; i < *n; i++)
		derive(db, &(*rows)[i], day);
	/* the list shows names and addresses: a read of personal data, which is not given out
	 * unless its audit line is written (an empty list too: the look is what is traced) */
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = audit_record(db, by, "read", "inquiry", "list", scope, AUDIT_DETAIL(AUDIT_INT("count", *n)));
	return db_write_end(db, rc);
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
	text_today(day);
	derive(db, out, day);
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = audit_record(db, by, "read", "inquiry", arena_printf(a, "%lld", (long long)id), out->kommune, AUDIT_NONE);
	return db_write_end(db, rc);
}

/* assignee and unit must belong to the case's municipality */
static void check_links(struct db *db, struct arena *a, const char *kommune, int64_t assignee,
                        int64_t unit, struct errs *errs)
{
	const char *email, *k;
	if (assignee > 0 && users_case_worker(db, a, kommune, assignee, &email) != 0)
		errs_add(errs, "assignee_id", "Sagen kan kun tildeles en aktiv konsulent eller jobkonsulent i "
		                              "kommunen: de må se borgerens oplysninger.");
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
		q.outcome = entry_trimmed(a, p->outcome);
	entry_check_len(errs, "outcome", q.outcome, 2000, "Resultatet må højst være på 2.000 tegn.");
	if (!strcmp(q.status, "closed") && !*q.outcome)
		errs_add(errs, "outcome", "Skriv, hvad der kom ud af sagen, før den afsluttes.");
	if (p->assignee_id >= 0)
		q.assignee_id = p->assignee_id;
	if (p->unit_id >= 0)
		q.unit_id = p->unit_id;
	check_links(db, a, q.kommune, p->assignee_id > 0 ? q.assignee_id : 0, p->unit_id > 0 ? q.unit_id : 0, errs);
	if (p->next_action)
		q.next_action = entry_trimmed(a, p->next_action);
	entry_check_len(errs, "next_action", q.next_action, 500, "Næste handling må højst være på 500 tegn.");
	if (p->next_action_date) {
		const char *d = entry_trimmed(a, p->next_action_date);
		q.next_action_date = *d ? d : NULL;
		if (q.next_action_date && !text_date_valid(q.next_action_date))
			errs_add(errs, "next_action_date", "Skriv datoen som ÅÅÅÅ-MM-DD.");
	}
	if (errs->n)
		return ERR_INVALID;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = entry_store_update(db, &q);
	if (rc == 0)
		rc = audit_change(db, a, by, &q, "case");
	return db_write_end(db, rc);
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
	const char *t = entry_trimmed(a, text);
	if (!*t)
		return errs_add(errs, "note", "Skriv notatet.");
	entry_check_len(errs, "note", t, 5000, "Notatet må højst være på 5.000 tegn.");
	if (errs->n)
		return ERR_INVALID;
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = entry_store_note(db, id, by->id, t);
	if (rc == 0)
		rc = audit_change(db, a, by, &q, "note");
	return db_write_end(db, rc);
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
	if ((rc = db_write_begin(db)) != 0)
		return rc;
	rc = entry_store_referral(db, id, unit_id, entry_trimmed(a, note));
	if (rc == 0)
		rc = entry_store_update(db, &q);
	if (rc == 0)
		rc = audit_change(db, a, by, &q, "referral");
	return db_write_end(db, rc);
}

int entry_referral_result(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                          int64_t referral_id, const char *result, struct errs *errs)
{
	const char *field = arena_printf(a, "result-%lld", (long long)referral_id);
	const char *t = entry_trimmed(a, result);
	if (!*t)
		return errs_add(errs, field, "Skriv, hvad der kom ud af henvisningen.");
	int before = errs->n;
	entry_check_len(errs, field, t, 2000, "Resultatet må højst være på 2.000 tegn.");
	if (errs->n > before)
		return ERR_INVALID;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int64_t of = 0;
	int rc = entry_store_referral_result(db, referral_id, t, &of);
	struct inquiry q;
	if (rc == 0 && of != id) /* a referral of another case */
		rc = ERR_NOTFOUND;
	if (rc == 0)
		rc = entry_store_get(db, a, id, &q);
	if (rc == 0 && !may_see(by, &q))
		rc = ERR_NOTFOUND;
	if (rc == 0)
		rc = audit_change(db, a, by, &q, "referral result");
	return db_write_end(db, rc);
}

bool entry_may_register(const struct principal *by, const struct inquiry *q)
{
	return access_allowed(by, ACC_WRITE, q->kommune) == 0;
}

int entry_to_registry(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                      const char *name, struct errs *errs, int64_t *enterprise_id)
{
	struct inquiry q;
	int rc = entry_store_get(db, a, id, &q);
	if (rc)
		return rc;
	if (!may_see(by, &q))
		return ERR_NOTFOUND;
	if (!entry_may_register(by, &q))
		return ERR_FORBIDDEN;
	if (q.enterprise_id)
		return errs_add(errs, "enterprise_id", "Henvendelsen er allerede knyttet til en virksomhed i registret.");
	name = entry_trimmed(a, name);
	if (!*name)
		return errs_add(errs, "registry_name", "Skriv det navn, virksomheden eller idéen må stå med "
		                                       "offentligt i registret.");
	char day[11];
	text_today(day);
	/* the registry is public: what an enterprise would publish, nothing of the person who
	 * wrote in (their contact details and message stay in the case) */
	struct enterprise e = {
		.name = name,
		.cvr = q.cvr,
		.kommune = q.kommune,
		.entrepreneur = !q.cvr,
		.origin = !q.cvr ? "social_entrepreneur" : "",
		.pipeline_since = q.topic && !strcmp(q.topic, "start") ? arena_strdup(a, day) : NULL,
	};
	if ((rc = db_write_begin(db)) != 0)
		return rc;
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
	const char *nm = entry_trimmed(a, name), *em = entry_trimmed(a, email);
	if (!kind || (strcmp(kind, "unit") && strcmp(kind, "partner")))
		errs_add(errs, "kind", "Vælg enhed eller samarbejdspartner.");
	if (!*nm)
		errs_add(errs, "name", "Skriv navnet.");
	entry_check_len(errs, "name", nm, 200, "Navnet må højst være på 200 tegn.");
	if (*em && !text_email_valid(em))
		errs_add(errs, "email", "Skriv en gyldig e-mailadresse.");
	if (errs->n)
		return ERR_INVALID;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int rc = entry_store_unit_add(db, kommune, kind, nm, em);
	if (rc == ERR_CONFLICT) {
		db_rollback(db);
		errs_add(errs, "name", "Der findes allerede en enhed med dette navn.");
		return ERR_CONFLICT;
	}
	if (rc == 0)
		rc = audit_record(db, by, "create", "entry_unit", nm, kommune, AUDIT_NONE);
	return db_write_end(db, rc);
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
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int rc = entry_store_routing_set(db, kommune, topic, unit_id, assignee_id);
	if (rc == 0)
		rc = audit_record(db, by, "update", "entry_route", topic, kommune,
		                  AUDIT_DETAIL(AUDIT_INT("unit_id", unit_id), AUDIT_INT("assignee_id", assignee_id)));
	return db_write_end(db, rc);
}

int entry_answer_days(struct db *db, const char *kommune)
{
	int days = ENTRY_DEFAULT_ANSWER_DAYS;
	entry_store_answer_days(db, kommune, &days);
	return days;
}

const char *entry_notify(struct db *db, struct arena *a, const char *kommune)
{
	const char *how = NULL;
	if (entry_store_notify(db, a, kommune, &how) != 0 || !known(entry_notify_options, entry_notify_options_count, how))
		return ENTRY_NOTIFY_COORDINATORS;
	return how;
}

int entry_notify_set(struct db *db, struct arena *a, const struct principal *by, const char *kommune,
                     const char *notify, struct errs *errs)
{
	if (access_allowed(by, ACC_WRITE, kommune) != 0)
		return ERR_FORBIDDEN;
	if (!known(entry_notify_options, entry_notify_options_count, notify))
		return errs_add(errs, "notify", "Vælg, hvem der får besked om nye henvendelser.");
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int rc = entry_store_notify_set(db, kommune, notify);
	if (rc == 0)
		rc = audit_record(db, by, "update", "entry_settings", kommune, kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("notify", notify)));
	(void)a;
	return db_write_end(db, rc);
}

int entry_answer_days_set(struct db *db, struct arena *a, const struct principal *by,
                          const char *kommune, int days, struct errs *errs)
{
	(void)a;
	if (access_allowed(by, ACC_WRITE, kommune) != 0)
		return ERR_FORBIDDEN;
	if (days < 1 || days > 60)
		return errs_add(errs, "answer_days", "Svarfristen skal være 1 til 60 arbejdsdage.");
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int rc = entry_store_answer_days_set(db, kommune, days);
	if (rc == 0)
		rc = audit_record(db, by, "update", "entry_settings", kommune, kommune,
		                  AUDIT_DETAIL(AUDIT_INT("answer_days", days)));
	return db_write_end(db, rc);
}

int entry_retention_years(struct db *db, const char *kommune)
{
	int years = ENTRY_DEFAULT_RETENTION_YEARS;
	if (entry_store_retention(db, kommune, &years) != 0)
		years = ENTRY_DEFAULT_RETENTION_YEARS;
	return years;
}

int entry_retention_set(struct db *db, struct arena *a, const struct principal *by,
                        const char *kommune, int years, struct errs *errs)
{
	(void)a;
	if (access_allowed(by, ACC_WRITE, kommune) != 0)
		return ERR_FORBIDDEN;
	if (years < 1 || years > 10)
		return errs_add(errs, "retention_years", "Skriv et antal år fra 1 til 10.");
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	int rc = entry_store_retention_set(db, kommune, years);
	if (rc == 0)
		rc = audit_record(db, by, "update", "entry_settings", kommune, kommune,
		                  AUDIT_DETAIL(AUDIT_INT("retention_years", years)));
	return db_write_end(db, rc);
}

int entry_purge(struct db *db, const char *today, bool dry_run, int *count)
{
	char day[11];
	if (!today) {
		text_today(day);
		today = day;
	} else if (!text_date_valid(today)) {
		return ERR_INVALID;
	}
	*count = 0;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	rc = entry_store_purge(db, today, dry_run, count);
	if (rc == 0 && !dry_run && *count > 0)
		rc = audit_record(db, NULL, "purge", "inquiry", NULL, NULL,
		                  AUDIT_DETAIL(AUDIT_INT("count", *count), AUDIT_TEXT("date", today)));
	return db_write_end(db, rc);
}
