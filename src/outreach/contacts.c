/*
 * contacts.c — the rules of the contacts with enterprises: which municipality a caller acts for,
 * validation, saving with an audit line, the lists, and the reminders of due follow-ups.
 * Layer: capability domain (outreach); the SQL is in contacts_store.c, the access decision in
 * auth/access.c.
 */
#include "contacts.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../mail/mail.h"
#include "../store/db.h"
#include "contacts_store.h"

const struct option_kv contacts_kinds[] = {
	{"besoeg", "Besøg"},
	{"telefon", "Telefon"},
	{"moede", "Møde"},
	{"mail", "Mail"},
};
const int contacts_kinds_count = sizeof(contacts_kinds) / sizeof(contacts_kinds[0]);

const char *contacts_kind_label(const char *kind)
{
	return registry_label(contacts_kinds, contacts_kinds_count, kind);
}

/* whether k is e's home or one of its other municipalities */
static bool works_with(const struct enterprise *e, const char *k)
{
	if (!k)
		return false;
	if (e->kommune && !strcmp(e->kommune, k))
		return true;
	for (int i = 0; i < e->nothers; i++)
		if (!strcmp(e->others[i], k))
			return true;
	return false;
}

int contacts_acting_kommune(const struct principal *by, bool write, const struct enterprise *e,
                            const char *asked, const char **out)
{
	if (!by)
		return ERR_FORBIDDEN;
	const char *k = by->kommune ? by->kommune : asked ? asked : e->kommune;
	if (!works_with(e, k))
		return ERR_FORBIDDEN;
	if (access_collaboration(by, write ? ACC_WRITE : ACC_READ, k) != 0)
		return ERR_FORBIDDEN;
	*out = k;
	return 0;
}

bool contacts_may_see_enterprise(const struct principal *by, const struct enterprise *e,
                                 bool write)
{
	const char *k;
	return contacts_acting_kommune(by, write, e, NULL, &k) == 0;
}

/* trimmed s, NULL when empty or NULL */
static const char *opt_null(struct arena *a, const char *s)
{
	const char *t = s ? text_trim(a, s) : NULL;
	return t && *t ? t : NULL;
}

/* the fields of c, checked and trimmed */
static void check_fields(struct arena *a, struct outreach_contact *c, const char *today,
                         struct errs *errs)
{
	c->date = opt_null(a, c->date);
	if (!c->date)
		errs_add(errs, "date", "Skriv datoen for kontakten.");
	else if (!text_date_valid(c->date))
		errs_add(errs, "date", "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-01.");
	else if (today && strcmp(c->date, today) > 0)
		errs_add(errs, "date", "Kontakten kan ikke ligge i fremtiden. Skriv en opfølgningsdato i stedet.");
	bool kind_ok = false;
	for (int i = 0; c->kind && i < contacts_kinds_count; i++)
		kind_ok |= !strcmp(c->kind, contacts_kinds[i].key);
	if (!kind_ok)
		errs_add(errs, "kind", "Vælg arten af kontakt: besøg, telefon, møde eller mail.");
	c->topic = c->topic ? text_trim(a, c->topic) : "";
	if (!*c->topic)
		errs_add(errs, "topic", "Skriv emnet for kontakten.");
	else if (utf8_len(c->topic) > 300)
		errs_add(errs, "topic", "Emnet må højst være på 300 tegn.");
	c->participants = c->participants ? text_trim(a, c->participants) : "";
	if (utf8_len(c->participants) > 500)
		errs_add(errs, "participants", "Deltagerne må højst fylde 500 tegn.");
	c->notes = c->notes ? text_trim(a, c->notes) : "";
	if (utf8_len(c->notes) > 20000)
		errs_add(errs, "notes", "Noterne må højst være på 20.000 tegn.");
	c->follow_up = opt_null(a, c->follow_up);
	if (c->follow_up && !text_date_valid(c->follow_up))
		errs_add(errs, "follow_up", "Skriv opfølgningsdatoen som ÅÅÅÅ-MM-DD, fx 2026-03-01.");
}

static int create_in(struct db *db, struct arena *a, const struct principal *by,
                     struct outreach_contact *c, const char *today, struct errs *errs)
{
	struct enterprise e;
	int rc = registry_get(db, a, c->enterprise_id, &e);
	if (rc)
		return rc;
	const char *k;
	if (contacts_acting_kommune(by, true, &e, c->kommune, &k) != 0)
		return ERR_FORBIDDEN;
	c->kommune = k;
	check_fields(a, c, today, errs);
	if (errs->n > 0)
		return ERR_INVALID;
	rc = contacts_store_insert(db, c, by->id, by->email, &c->id);
	if (rc == 0)
		rc = audit_record(db, by, "create", "outreach_contact",
		                  arena_printf(a, "%lld", (long long)c->id), k,
		                  AUDIT_DETAIL(AUDIT_INT("enterprise_id", c->enterprise_id),
		                               AUDIT_TEXT("date", c->date), AUDIT_TEXT("kind", c->kind),
		                               AUDIT_TEXT("topic", c->topic),
		                               AUDIT_TEXT("follow_up", c->follow_up)));
	if (rc == 0)
		rc = contacts_store_get(db, a, c->id, c);
	return rc;
}

int contacts_create(struct db *db, struct arena *a, const struct principal *by,
                    struct outreach_contact *c, const char *today, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	rc = db_write_end(db, create_in(db, a, by, c, today, errs));
	if (rc)
		c->id = 0;
	return rc;
}

int contacts_of_enterprise(struct db *db, struct arena *a, const struct principal *by,
                           int64_t enterprise_id, struct outreach_contact **items, int *n)
{
	struct enterprise e;
	int rc = registry_get(db, a, enterprise_id, &e);
	if (rc)
		return rc;
	const char *k;
	if (contacts_acting_kommune(by, false, &e, NULL, &k) != 0)
		return ERR_FORBIDDEN;
	/* the administrator sees every municipality's contacts with it */
	return contacts_store_of_enterprise(db, a, enterprise_id, by->kommune ? k : NULL, items, n);
}

int contacts_list(struct db *db, struct arena *a, const struct principal *by,
                  const struct contacts_query *q, struct outreach_contact **items, int *n,
                  int *total)
{
	const char *scope;
	if (access_collaboration_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	struct contacts_query b = *q;
	if (b.limit < 1 || b.limit > 5000)
		b.limit = 5000;
	if (b.offset < 0)
		b.offset = 0;
	return contacts_store_list(db, a, &b, scope, items, n, total);
}

/* one reminder of c to c->user_email */
static int remind_one(struct db *db, struct arena *a, const struct outreach_contact *c)
{
	const char *due = text_date_dk(a, c->follow_up);
	const char *subject = arena_printf(a, "Opfølgning på kontakt med %s den %s", c->enterprise_name, due);
	const char *body = arena_printf(a,
		"Du har sat en opfølgning den %s på din kontakt med %s (%s, %s: %s).\n\n"
		"Se kontakten i Indgang under Opsøgning > Kontakter eller på virksomhedens side "
		"(/virksomheder/%lld).\n\nVenlig hilsen\nIndgang\n",
		due, c->enterprise_name, contacts_kind_label(c->kind), text_date_dk(a, c->date), c->topic,
		(long long)c->enterprise_id);
	int rc = mail_queue(db, c->kommune, c->user_email, subject, body);
	if (rc == 0)
		rc = contacts_store_mark_reminded(db, c->id);
	if (rc == 0)
		rc = audit_record(db, NULL, "remind", "outreach_contact",
		                  arena_printf(a, "%lld", (long long)c->id), c->kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("follow_up", c->follow_up)));
	return rc;
}

static int remind_in(struct db *db, struct arena *a, const char *day, int *queued, int *waiting)
{
	struct outreach_contact *due;
	int n;
	int rc = contacts_store_due(db, a, day, &due, &n);
	for (int i = 0; rc == 0 && i < n; i++) {
		if (!due[i].user_email) {
			(*waiting)++;
			continue;
		}
		rc = remind_one(db, a, &due[i]);
		if (rc == 0)
			(*queued)++;
	}
	return rc;
}

int contacts_remind(struct db *db, struct arena *a, const char *day, int *queued, int *waiting)
{
	*queued = *waiting = 0;
	if (!text_date_valid(day))
		return ERR_INVALID;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	rc = db_write_end(db, remind_in(db, a, day, queued, waiting));
	if (rc)
		*queued = *waiting = 0;
	return rc;
}
