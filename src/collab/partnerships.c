/*
 * partnerships.c — the rules of partnership agreements: validation, who may keep and see them
 * (access_collaboration; public agreements for anyone), the action plan's progress and overdue
 * items, the signed PDF checked by content, and the reminders of due items through the outbox.
 * Layer: capability domain (collab); the SQL is in partnerships_store.c.
 */
#include "partnerships.h"

#include <sodium.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../mail/mail.h"
#include "../procurement/pdf.h"
#include "../registry/registry.h"
#include "../store/db.h"
#include "partnerships_store.h"

static const char *trimmed(struct arena *a, const char *s)
{
	return s ? text_trim(a, s) : "";
}

static const char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

/* ---------------------------------------------------------------- pure rules */

const char *partnerships_status(const char *starts_on, const char *ends_on, const char *day)
{
	if (starts_on && day && strcmp(day, starts_on) < 0)
		return PARTNERSHIPS_UPCOMING;
	if (ends_on && *ends_on && day && strcmp(day, ends_on) > 0)
		return PARTNERSHIPS_EXPIRED;
	return PARTNERSHIPS_ACTIVE;
}

bool partnerships_kind_valid(const char *kind)
{
	return kind && (!strcmp(kind, PARTNERSHIPS_KIND_PARTNERSHIP) ||
	                !strcmp(kind, PARTNERSHIPS_KIND_COOPERATION) ||
	                !strcmp(kind, PARTNERSHIPS_KIND_USAGE) || !strcmp(kind, PARTNERSHIPS_KIND_OTHER));
}

struct partnership_progress partnerships_progress_of(const struct partnership_action *items, int n,
                                                     const char *day)
{
	struct partnership_progress p = {0, n, 0};
	for (int i = 0; i < n; i++) {
		if (items[i].status && !strcmp(items[i].status, PARTNERSHIPS_DONE))
			p.done++;
		else if (items[i].due && *items[i].due && day && strcmp(items[i].due, day) < 0)
			p.overdue++;
	}
	return p;
}

/* ---------------------------------------------------------------- access */

bool partnerships_may_create(const struct principal *by)
{
	if (access_national(by))
		return true;
	return by && by->kommune && access_collaboration(by, ACC_WRITE, by->kommune) == 0;
}

bool partnerships_may_write(const struct principal *by, const struct partnership *p)
{
	return access_collaboration(by, ACC_WRITE, p->kommune) == 0;
}

bool partnerships_may_see_contacts(const struct principal *by, const struct partnership *p)
{
	return access_collaboration(by, ACC_READ, p->kommune) == 0;
}

/* whether by may read p: its staff (ACC_READ), and anyone when it is public. ERR_FORBIDDEN for
 * the staff of another municipality, ERR_NOTFOUND for callers who read no collaboration. */
static int may_read(const struct principal *by, const struct partnership *p)
{
	if (p->is_public || access_collaboration(by, ACC_READ, p->kommune) == 0)
		return 0;
	const char *scope;
	return access_collaboration_scope(by, &scope) == 0 ? ERR_FORBIDDEN : ERR_NOTFOUND;
}

/* ---------------------------------------------------------------- validation */

static void check_partnership(struct arena *a, struct partnership *p, struct errs *errs)
{
	p->title = trimmed(a, p->title);
	if (!*p->title)
		errs_add(errs, "title", "Skriv aftalens titel.");
	else if (utf8_len(p->title) > 200)
		errs_add(errs, "title", "Titlen må højst være på 200 tegn.");
	p->purpose = trimmed(a, p->purpose);
	if (utf8_len(p->purpose) > 5000)
		errs_add(errs, "purpose", "Formålet må højst være på 5.000 tegn.");
	if (!p->kind || !*p->kind)
		p->kind = PARTNERSHIPS_KIND_PARTNERSHIP;
	if (!partnerships_kind_valid(p->kind))
		errs_add(errs, "kind", "Vælg aftalens type: partnerskab, samarbejdsaftale, brugsaftale eller andet.");
	p->starts_on = trimmed(a, p->starts_on);
	p->ends_on = trimmed(a, p->ends_on);
	if (!text_date_valid(p->starts_on))
		errs_add(errs, "start", "Skriv startdatoen som en dato, fx 2015-05-01.");
	if (*p->ends_on && !text_date_valid(p->ends_on))
		errs_add(errs, "end", "Skriv slutdatoen som en dato, fx 2017-04-30, eller lad den stå tom.");
	else if (*p->ends_on && text_date_valid(p->starts_on) && strcmp(p->ends_on, p->starts_on) < 0)
		errs_add(errs, "end", "Slutdatoen må ikke ligge før startdatoen.");
}

/* the party's kind from what is given, its fields checked (field names prefixed with prefix
 * for a party of a new agreement: "parties") */
static int check_party(struct db *db, struct arena *a, const char *kommune,
                       struct partnership_party *p, const char *field, struct errs *errs)
{
	bool is_kommune = p->kind && !strcmp(p->kind, PARTNERSHIPS_PARTY_KOMMUNE);
	bool named = p->name && *text_trim(a, p->name);
	int given = (p->enterprise_id != 0) + named + is_kommune;
	p->role = trimmed(a, p->role);
	if (utf8_len(p->role) > 2000)
		errs_add(errs, field ? field : "role", "Rollen må højst være på 2.000 tegn.");
	if (given != 1) {
		errs_add(errs, field ? field : "party",
		         "Angiv enten en virksomhed fra registret (enterprise_id), en anden organisation"
		         " med navn (name) eller kommunen selv (kind kommune).");
		return 0;
	}
	p->contact_name = trimmed(a, p->contact_name);
	p->email = trimmed(a, p->email);
	if (utf8_len(p->contact_name) > 200)
		errs_add(errs, field ? field : "contact_name", "Kontaktpersonens navn må højst være på 200 tegn.");
	if (*p->email && (!text_email_valid(p->email) || strlen(p->email) > 254))
		errs_add(errs, field ? field : "email", "Skriv en gyldig e-mailadresse, fx navn@example.dk.");
	if (is_kommune) {
		if (!kommune)
			errs_add(errs, field ? field : "party", "En landsdækkende aftale har ingen kommune som part.");
		p->name = "";
		return 0;
	}
	if (p->enterprise_id) {
		p->kind = PARTNERSHIPS_PARTY_ENTERPRISE;
		struct enterprise e;
		int rc = p->enterprise_id > 0 ? registry_get(db, a, p->enterprise_id, &e) : ERR_NOTFOUND;
		if (rc == ERR_NOTFOUND)
			errs_add(errs, field ? field : "enterprise_id", "Vælg en virksomhed, der findes i registret.");
		else if (rc)
			return rc;
		p->name = "";
		return 0;
	}
	p->kind = PARTNERSHIPS_PARTY_ORGANISATION;
	p->name = text_trim(a, p->name);
	if (utf8_len(p->name) > 200)
		errs_add(errs, field ? field : "name", "Navnet må højst være på 200 tegn.");
	return 0;
}

/* inserts party p of agreement pid (checked), refusing the municipality or an enterprise twice */
static int insert_party(struct db *db, const char *kommune, int64_t pid,
                        struct partnership_party *p, const char *field, struct errs *errs)
{
	p->partnership_id = pid;
	if (strcmp(p->kind, PARTNERSHIPS_PARTY_ORGANISATION) != 0) {
		int count = 0;
		int rc = partnerships_store_party_count(db, pid, p->kind, p->enterprise_id, &count);
		if (rc)
			return rc;
		if (count > 0)
			return errs_add(errs, field ? field : "party", "Er allerede part i aftalen.");
	}
	return partnerships_store_party_insert(db, p, kommune, &p->id);
}

/* ---------------------------------------------------------------- agreements */

static int write_create(struct db *db, struct arena *a, const struct principal *by,
                        struct partnership *p, struct partnership_party *parties, int nparties,
                        const char *day, struct errs *errs)
{
	if (p->kommune && !*p->kommune)
		p->kommune = NULL;
	if (access_collaboration(by, ACC_WRITE, p->kommune) != 0)
		return ERR_FORBIDDEN;
	int exists = 1;
	if (p->kommune && partnerships_store_kommune_exists(db, p->kommune, &exists) != 0)
		return ERR_DB;
	if (!exists)
		errs_add(errs, "kommune", "Ukendt kommune.");
	check_partnership(a, p, errs);
	for (int i = 0; i < nparties; i++) {
		int rc = check_party(db, a, p->kommune, &parties[i], "parties", errs);
		if (rc)
			return rc;
	}
	if (errs->n > 0)
		return ERR_INVALID;
	int rc = partnerships_store_insert(db, p, by ? by->id : 0, &p->id);
	for (int i = 0; rc == 0 && i < nparties; i++)
		rc = insert_party(db, p->kommune, p->id, &parties[i], "parties", errs);
	if (rc == 0)
		rc = audit_record(db, by, "create", "partnership", id_text(a, p->id), p->kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("title", p->title), AUDIT_TEXT("kind", p->kind),
		                               AUDIT_INT("parties", nparties)));
	if (rc == 0)
		rc = partnerships_store_get(db, a, p->id, day, p);
	return rc;
}

int partnerships_create(struct db *db, struct arena *a, const struct principal *by,
                        struct partnership *p, struct partnership_party *parties, int nparties,
                        const char *day, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc == 0)
		rc = db_write_end(db, write_create(db, a, by, p, parties, nparties, day, errs));
	if (rc)
		p->id = 0;
	return rc;
}

int partnerships_update(struct db *db, struct arena *a, const struct principal *by,
                        struct partnership *p, const char *day, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnership old;
	rc = partnerships_store_get(db, a, p->id, day, &old);
	if (rc == 0 && access_collaboration(by, ACC_WRITE, old.kommune) != 0)
		rc = may_read(by, &old) == ERR_NOTFOUND ? ERR_NOTFOUND : ERR_FORBIDDEN;
	if (rc == 0) {
		p->kommune = old.kommune;
		check_partnership(a, p, errs);
		if (errs->n > 0)
			rc = ERR_INVALID;
	}
	if (rc == 0)
		rc = partnerships_store_update(db, p);
	if (rc == 0)
		rc = audit_record(db, by, "update", "partnership", id_text(a, p->id), p->kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("title", p->title), AUDIT_TEXT("kind", p->kind),
		                               AUDIT_TEXT("start", p->starts_on), AUDIT_TEXT("end", p->ends_on),
		                               AUDIT_BOOL("public", p->is_public)));
	if (rc == 0)
		rc = partnerships_store_get(db, a, p->id, day, p);
	return db_write_end(db, rc);
}

int partnerships_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                     const char *day, struct partnership *out)
{
	struct partnership p;
	int rc = partnerships_store_get(db, a, id, day, &p);
	if (rc == 0)
		rc = may_read(by, &p);
	if (rc == 0)
		*out = p;
	return rc;
}

int partnerships_list(struct db *db, struct arena *a, const struct principal *by,
                      const struct partnerships_query *q, struct partnership **items, int *n,
                      int *total)
{
	if ((q->kind && !partnerships_kind_valid(q->kind)) ||
	    (q->status && strcmp(q->status, PARTNERSHIPS_UPCOMING) && strcmp(q->status, PARTNERSHIPS_ACTIVE) &&
	     strcmp(q->status, PARTNERSHIPS_EXPIRED)))
		return ERR_INVALID;
	struct partnerships_query qq = *q;
	if (qq.limit < 1 || qq.limit > 500)
		qq.limit = 500;
	if (qq.offset < 0)
		qq.offset = 0;
	const char *scope = NULL;
	int public_only = access_collaboration_scope(by, &scope) != 0;
	return partnerships_store_list(db, a, public_only ? NULL : scope, public_only, &qq, items, n, total);
}

/* ---------------------------------------------------------------- parties, group, actions */

int partnerships_parties(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         struct partnership_party **items, int *n)
{
	struct partnership p;
	int rc = partnerships_get(db, a, by, id, NULL, &p);
	if (rc == 0)
		rc = partnerships_store_parties(db, a, id, items, n);
	if (rc == 0 && !partnerships_may_see_contacts(by, &p))
		for (int i = 0; i < *n; i++)
			(*items)[i].email = "";
	return rc;
}

int partnerships_members(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         struct partnership_member **items, int *n)
{
	struct partnership p;
	int rc = partnerships_get(db, a, by, id, NULL, &p);
	if (rc == 0)
		rc = partnerships_store_members(db, a, id, items, n);
	if (rc == 0 && !partnerships_may_see_contacts(by, &p))
		for (int i = 0; i < *n; i++)
			(*items)[i].email = "";
	return rc;
}

int partnerships_actions(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                         const char *day, struct partnership_action **items, int *n)
{
	struct partnership p;
	int rc = partnerships_get(db, a, by, id, day, &p);
	return rc ? rc : partnerships_store_actions(db, a, id, day, items, n);
}

/* the agreement id for a change by by (ACC_WRITE) */
static int writable(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                    struct partnership *p)
{
	int rc = partnerships_store_get(db, a, id, NULL, p);
	if (rc)
		return rc;
	if (access_collaboration(by, ACC_WRITE, p->kommune) == 0)
		return 0;
	return may_read(by, p) == ERR_NOTFOUND ? ERR_NOTFOUND : ERR_FORBIDDEN;
}

int partnerships_party_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                           struct partnership_party *party, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnership p;
	rc = writable(db, a, by, id, &p);
	if (rc == 0)
		rc = check_party(db, a, p.kommune, party, NULL, errs);
	if (rc == 0 && errs->n > 0)
		rc = ERR_INVALID;
	if (rc == 0)
		rc = insert_party(db, p.kommune, id, party, NULL, errs);
	if (rc == 0)
		rc = audit_record(db, by, "party_add", "partnership", id_text(a, id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("party_id", party->id), AUDIT_TEXT("kind", party->kind),
		                               AUDIT_INT("enterprise_id", party->enterprise_id),
		                               AUDIT_TEXT("name", party->name), AUDIT_TEXT("role", party->role)));
	if (rc == 0)
		rc = partnerships_store_party(db, a, id, party->id, party);
	return db_write_end(db, rc);
}

int partnerships_party_update(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                              struct partnership_party *party, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnership p;
	struct partnership_party old;
	rc = writable(db, a, by, id, &p);
	if (rc == 0)
		rc = partnerships_store_party(db, a, id, party->id, &old);
	if (rc == 0) {
		/* who the party is stays as it was; the rest is checked as an add checks it */
		party->kind = old.kind;
		party->enterprise_id = old.enterprise_id;
		bool organisation = !strcmp(old.kind, PARTNERSHIPS_PARTY_ORGANISATION);
		if (!organisation) {
			party->name = NULL;
		} else if (!party->name || !*text_trim(a, party->name)) {
			/* the other fields are still checked, under a name that stands in */
			errs_add(errs, "name", "Skriv organisationens navn.");
			party->name = "-";
		}
		rc = check_party(db, a, p.kommune, party, NULL, errs);
		if (!organisation)
			party->name = "";
	}
	if (rc == 0 && errs->n > 0)
		rc = ERR_INVALID;
	if (rc == 0) {
		party->partnership_id = id;
		rc = partnerships_store_party_update(db, party);
	}
	if (rc == 0)
		rc = audit_record(db, by, "party_update", "partnership", id_text(a, id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("party_id", party->id), AUDIT_TEXT("kind", old.kind),
		                               AUDIT_TEXT("name", party->name), AUDIT_TEXT("role", party->role)));
	if (rc == 0)
		rc = partnerships_store_party(db, a, id, party->id, party);
	return db_write_end(db, rc);
}

int partnerships_party_delete(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                              int64_t party_id, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnership p;
	struct partnership_party old;
	int owned = 0;
	rc = writable(db, a, by, id, &p);
	if (rc == 0)
		rc = partnerships_store_party(db, a, id, party_id, &old);
	if (rc == 0)
		rc = partnerships_store_party_actions(db, party_id, &owned);
	if (rc == 0 && owned > 0)
		rc = errs_add(errs, "party",
		              arena_printf(a, "%s er ansvarlig for %d %s i handleplanen. Giv %s en anden"
		                              " ansvarlig part, før parten fjernes.",
		                           old.name, owned, owned == 1 ? "punkt" : "punkter",
		                           owned == 1 ? "det" : "dem"));
	if (rc == 0)
		rc = partnerships_store_party_delete(db, id, party_id);
	if (rc == 0)
		rc = audit_record(db, by, "party_delete", "partnership", id_text(a, id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("party_id", party_id), AUDIT_TEXT("kind", old.kind),
		                               AUDIT_INT("enterprise_id", old.enterprise_id),
		                               AUDIT_TEXT("name", old.name), AUDIT_TEXT("role", old.role)));
	return db_write_end(db, rc);
}

int partnerships_member_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                            struct partnership_member *m, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnership p;
	rc = writable(db, a, by, id, &p);
	if (rc == 0) {
		m->partnership_id = id;
		m->name = trimmed(a, m->name);
		m->organisation = trimmed(a, m->organisation);
		m->email = trimmed(a, m->email);
		if (!*m->name)
			errs_add(errs, "name", "Skriv medlemmets navn.");
		else if (utf8_len(m->name) > 200)
			errs_add(errs, "name", "Navnet må højst være på 200 tegn.");
		if (utf8_len(m->organisation) > 200)
			errs_add(errs, "organisation", "Organisationen må højst være på 200 tegn.");
		if (*m->email && (!text_email_valid(m->email) || strlen(m->email) > 254))
			errs_add(errs, "email", "Skriv en gyldig e-mailadresse, fx navn@example.dk.");
		if (errs->n > 0)
			rc = ERR_INVALID;
	}
	if (rc == 0 && m->chair)
		rc = partnerships_store_clear_chair(db, id);
	if (rc == 0)
		rc = partnerships_store_member_insert(db, m, &m->id);
	if (rc == 0)
		rc = audit_record(db, by, "member_add", "partnership", id_text(a, id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("member_id", m->id), AUDIT_TEXT("name", m->name),
		                               AUDIT_BOOL("chair", m->chair)));
	return db_write_end(db, rc);
}

static int check_action(struct db *db, struct arena *a, int64_t id, struct partnership_action *x,
                        struct errs *errs)
{
	x->partnership_id = id;
	x->title = trimmed(a, x->title);
	if (!*x->title)
		errs_add(errs, "title", "Skriv hvad der skal gøres.");
	else if (utf8_len(x->title) > 300)
		errs_add(errs, "title", "Titlen må højst være på 300 tegn.");
	x->note = trimmed(a, x->note);
	if (utf8_len(x->note) > 5000)
		errs_add(errs, "note", "Noten må højst være på 5.000 tegn.");
	x->due = trimmed(a, x->due);
	if (*x->due && !text_date_valid(x->due))
		errs_add(errs, "due", "Skriv fristen som en dato, fx 2015-09-30, eller lad den stå tom.");
	if (!x->status || !*x->status)
		x->status = PARTNERSHIPS_OPEN;
	if (strcmp(x->status, PARTNERSHIPS_OPEN) && strcmp(x->status, PARTNERSHIPS_DONE))
		errs_add(errs, "status", "Status er enten open (åben) eller done (udført).");
	struct partnership_party owner;
	int rc = x->owner_party > 0 ? partnerships_store_party(db, a, id, x->owner_party, &owner)
	                            : ERR_NOTFOUND;
	if (rc == ERR_NOTFOUND)
		errs_add(errs, "owner_party", "Vælg en af aftalens parter som ansvarlig.");
	else if (rc)
		return rc;
	return errs->n > 0 ? ERR_INVALID : 0;
}

int partnerships_action_add(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                            struct partnership_action *x, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnership p;
	rc = writable(db, a, by, id, &p);
	if (rc == 0 && x->done_at && *x->done_at && !text_date_valid(x->done_at))
		errs_add(errs, "done_at", "Skriv datoen for udført som en dato, fx 2015-09-30.");
	if (rc == 0)
		rc = check_action(db, a, id, x, errs);
	if (rc == 0)
		rc = partnerships_store_action_insert(db, x, &x->id);
	if (rc == 0)
		rc = audit_record(db, by, "action_add", "partnership", id_text(a, id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("action_id", x->id), AUDIT_TEXT("title", x->title),
		                               AUDIT_INT("owner_party", x->owner_party),
		                               AUDIT_TEXT("due", x->due), AUDIT_TEXT("status", x->status)));
	return db_write_end(db, rc);
}

int partnerships_action_update(struct db *db, struct arena *a, const struct principal *by,
                               int64_t id, struct partnership_action *x, struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnership p;
	struct partnership_action old;
	rc = writable(db, a, by, id, &p);
	if (rc == 0)
		rc = partnerships_store_action(db, a, id, x->id, NULL, &old);
	if (rc == 0)
		rc = check_action(db, a, id, x, errs);
	if (rc == 0)
		rc = partnerships_store_action_update(db, x);
	if (rc == 0)
		rc = audit_record(db, by, "action_update", "partnership", id_text(a, id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("action_id", x->id), AUDIT_TEXT("title", x->title),
		                               AUDIT_TEXT("status", x->status), AUDIT_TEXT("due", x->due)));
	return db_write_end(db, rc);
}

int partnerships_action_get(struct db *db, struct arena *a, const struct principal *by, int64_t id,
                            int64_t action_id, const char *day, struct partnership_action *out)
{
	struct partnership p;
	int rc = partnerships_get(db, a, by, id, day, &p);
	return rc ? rc : partnerships_store_action(db, a, id, action_id, day, out);
}

int partnerships_action_delete(struct db *db, struct arena *a, const struct principal *by,
                               int64_t id, int64_t action_id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnership p;
	struct partnership_action x;
	rc = writable(db, a, by, id, &p);
	if (rc == 0)
		rc = partnerships_store_action(db, a, id, action_id, NULL, &x);
	if (rc == 0)
		rc = partnerships_store_action_delete(db, id, action_id);
	if (rc == 0)
		rc = audit_record(db, by, "action_delete", "partnership", id_text(a, id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("action_id", action_id), AUDIT_TEXT("title", x.title)));
	return db_write_end(db, rc);
}

/* ---------------------------------------------------------------- the signed agreement */

/* the file name kept: its last path segment without control characters, "aftale.pdf" when
 * nothing is left */
static const char *clean_filename(struct arena *a, const char *name)
{
	if (!name)
		return "aftale.pdf";
	const char *base = name;
	for (const char *s = name; *s; s++)
		if (*s == '/' || *s == '\\')
			base = s + 1;
	struct buf b;
	buf_init(&b, 256);
	for (const unsigned char *s = (const unsigned char *)base; *s && b.len < 200; s++)
		if (*s >= 0x20 && *s != 0x7f && *s != '"')
			buf_append(&b, (const char *)s, 1);
	const char *out = text_trim(a, buf_str(&b));
	buf_free(&b);
	if (!*out || !utf8_valid(out, strlen(out)))
		return "aftale.pdf";
	return out;
}

int partnerships_document_put(struct db *db, struct arena *a, const struct principal *by,
                              int64_t id, const char *filename, const void *data, size_t len,
                              struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnership p;
	rc = writable(db, a, by, id, &p);
	enum pdf_result pr = rc == 0 ? pdf_check(data, len) : PDF_OK;
	if (rc == 0 && pr == PDF_TOO_BIG)
		rc = (errs_add(errs, "document", pdf_message(pr)), ERR_TOOBIG);
	else if (rc == 0 && pr == PDF_NO_HEADER)
		rc = errs_add(errs, "document", "Filen er ikke en PDF-fil. Læg den underskrevne aftale ind"
		                                " som PDF.");
	else if (rc == 0 && pr != PDF_OK)
		rc = errs_add(errs, "document", pdf_message(pr));
	const char *name = clean_filename(a, filename);
	char hex[crypto_hash_sha256_BYTES * 2 + 1] = "";
	if (rc == 0) {
		unsigned char digest[crypto_hash_sha256_BYTES];
		crypto_hash_sha256(digest, data, len);
		sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
		rc = partnerships_store_doc_put(db, id, name, data, (int)len, hex);
	}
	if (rc == 0)
		rc = audit_record(db, by, "document", "partnership", id_text(a, id), p.kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("filename", name), AUDIT_INT("size", (int64_t)len),
		                               AUDIT_TEXT("sha256", hex)));
	return db_write_end(db, rc);
}

int partnerships_document_get(struct db *db, struct arena *a, const struct principal *by,
                              int64_t id, const void **data, size_t *len, const char **filename)
{
	struct partnership p;
	int rc = partnerships_get(db, a, by, id, NULL, &p);
	int n = 0;
	if (rc == 0)
		rc = partnerships_store_doc_get(db, a, id, data, &n, filename);
	if (rc == 0)
		*len = (size_t)n;
	return rc;
}

/* ---------------------------------------------------------------- due items and reminders */

int partnerships_due(struct db *db, struct arena *a, const struct principal *by, const char *day,
                     int limit, struct partnerships_due_item **items, int *n)
{
	const char *scope;
	if (access_collaboration_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	return partnerships_store_due(db, a, scope, day, limit, items, n);
}

/* "2015-09-30" as "30.09.2015" */
static const char *date_da(struct arena *a, const char *d)
{
	if (!d || strlen(d) != 10)
		return d ? d : "";
	return arena_printf(a, "%.2s.%.2s.%.4s", d + 8, d + 5, d);
}

int partnerships_remind(struct db *db, struct arena *a, const char *day, int *queued, int *skipped)
{
	*queued = *skipped = 0;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct partnerships_reminder *d = NULL;
	int n = 0, q = 0, s = 0;
	rc = partnerships_store_reminders(db, a, day, &d, &n);
	for (int i = 0; rc == 0 && i < n; i++) {
		if (*d[i].to && text_email_valid(d[i].to)) {
			const char *subject = arena_printf(a, "Påmindelse om handleplanen: %s", d[i].title);
			const char *body = arena_printf(
				a, "Punktet \"%s\" i handleplanen for aftalen \"%s\" har %s som ansvarlig part og"
				   " frist %s. Det er ikke markeret som udført.\n",
				d[i].title, d[i].partnership_title, d[i].owner_name, date_da(a, d[i].due));
			rc = mail_queue(db, d[i].kommune, d[i].to, subject, body);
			q++;
		}
		else
			s++;
		/* reminded once per due date, with or without an address */
		if (rc == 0)
			rc = partnerships_store_reminded(db, d[i].id, d[i].due);
	}
	rc = db_write_end(db, rc);
	if (rc == 0) {
		*queued = q;
		*skipped = s;
	}
	return rc;
}
