/*
 * support.c — the rules of support plans: who may see and keep them, the checklist, milestones
 * and their reminders, and the survival table. Layer: capability domain (outreach); the SQL is
 * in support_store.c, the enterprise is read through registry.h.
 */
#include "support.h"

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
#include "support_store.h"

const struct option_kv support_items[SUPPORT_ITEMS] = {
	{"crit_purpose", "Et socialt, sundhedsmæssigt eller miljømæssigt formål"},
	{"crit_sells", "Sælger ydelser og/eller produkter"},
	{"crit_reinvests", "Geninvesterer et eventuelt overskud i virksomheden og formålet"},
	{"crit_independent", "Organisatorisk uafhængig af det offentlige"},
	{"crit_cvr", "Har et CVR-nummer"},
	{"budget", "Budget"},
	{"market", "Marked og kunder"},
	{"target_groups", "Målgrupper blandt borgerne"},
	{"jobcenter_agreement", "Aftale med jobcentret"},
	{"collective_agreements", "Overenskomster (dialog med fagforeningerne)"},
};

static char *id_text(struct arena *a, int64_t id)
{
	return arena_printf(a, "%lld", (long long)id);
}

bool support_plan_may_read(const struct principal *by, const char *kommune)
{
	return by && access_collaboration(by, ACC_READ, kommune) == 0;
}

bool support_plan_may_write(const struct principal *by, const char *kommune)
{
	return by && access_collaboration(by, ACC_WRITE, kommune) == 0;
}

int support_plan_get(struct db *db, struct arena *a, const struct principal *by,
                     int64_t enterprise_id, struct support_plan *out)
{
	struct support_plan p;
	memset(&p, 0, sizeof(p));
	int rc = registry_get(db, a, enterprise_id, &p.enterprise);
	if (rc)
		return rc;
	if (!support_plan_may_read(by, p.enterprise.kommune))
		return ERR_FORBIDDEN;
	for (int i = 0; i < SUPPORT_ITEMS; i++)
		p.items[i].note = "";
	rc = support_store_plan_id(db, enterprise_id, &p.id);
	if (rc == 0)
		rc = support_store_read(db, a, p.id, &p);
	else if (rc == ERR_NOTFOUND)
		rc = 0;
	if (rc == 0)
		*out = p;
	return rc;
}

/* the enterprise of a plan to change, and whether by may: ERR_NOTFOUND, ERR_FORBIDDEN */
static int writable(struct db *db, struct arena *a, const struct principal *by,
                    int64_t enterprise_id, struct enterprise *e)
{
	int rc = registry_get(db, a, enterprise_id, e);
	if (rc)
		return rc;
	return support_plan_may_write(by, e->kommune) ? 0 : ERR_FORBIDDEN;
}

static int save_items_in(struct db *db, struct arena *a, const struct principal *by,
                         int64_t enterprise_id, const struct plan_item *items, struct errs *errs)
{
	struct enterprise e;
	int rc = writable(db, a, by, enterprise_id, &e);
	if (rc)
		return rc;
	const char *notes[SUPPORT_ITEMS];
	int done = 0;
	for (int i = 0; i < SUPPORT_ITEMS; i++) {
		notes[i] = items[i].note ? text_trim(a, items[i].note) : "";
		if (utf8_len(notes[i]) > 2000)
			errs_add(errs, arena_printf(a, "note_%s", support_items[i].key),
			         "Noten må højst være på 2.000 tegn.");
		done += items[i].done;
	}
	if (errs->n)
		return ERR_INVALID;
	int64_t id;
	rc = support_store_plan_make(db, enterprise_id, e.kommune, &id);
	for (int i = 0; rc == 0 && i < SUPPORT_ITEMS; i++)
		rc = support_store_set_item(db, id, support_items[i].key, items[i].done, notes[i]);
	if (rc == 0)
		rc = audit_record(db, by, "update", "outreach_plan", id_text(a, id), e.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("enterprise_id", enterprise_id),
		                               AUDIT_INT("done", done)));
	return rc;
}

int support_plan_save_items(struct db *db, struct arena *a, const struct principal *by,
                            int64_t enterprise_id, const struct plan_item *items,
                            struct errs *errs)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, save_items_in(db, a, by, enterprise_id, items, errs));
}

static int milestone_add_in(struct db *db, struct arena *a, const struct principal *by,
                            int64_t enterprise_id, const char *title, const char *due,
                            int64_t owner_id, struct errs *errs, int64_t *mid)
{
	struct enterprise e;
	int rc = writable(db, a, by, enterprise_id, &e);
	if (rc)
		return rc;
	title = title ? text_trim(a, title) : "";
	if (!*title)
		errs_add(errs, "title", "Skriv milepælen.");
	else if (utf8_len(title) > 300)
		errs_add(errs, "title", "Milepælen må højst være på 300 tegn.");
	due = due ? text_trim(a, due) : "";
	if (!text_date_valid(due))
		errs_add(errs, "due", "Skriv fristen som ÅÅÅÅ-MM-DD, fx 2026-03-01.");
	if (owner_id <= 0)
		owner_id = by->kommune ? by->id : 0;
	else {
		const char *k = NULL;
		if (support_store_user_kommune(db, a, owner_id, &k) != 0 || !k || strcmp(k, e.kommune))
			errs_add(errs, "owner_id", "Den ansvarlige skal være en aktiv bruger i kommunen.");
	}
	if (errs->n)
		return ERR_INVALID;
	int64_t id;
	rc = support_store_plan_make(db, enterprise_id, e.kommune, &id);
	if (rc == 0)
		rc = support_store_milestone_add(db, id, title, due, owner_id, mid);
	if (rc == 0)
		rc = audit_record(db, by, "create", "outreach_milestone", id_text(a, *mid), e.kommune,
		                  AUDIT_DETAIL(AUDIT_INT("enterprise_id", enterprise_id),
		                               AUDIT_TEXT("title", title), AUDIT_TEXT("due", due),
		                               AUDIT_INT("owner_id", owner_id)));
	return rc;
}

int support_milestone_add(struct db *db, struct arena *a, const struct principal *by,
                          int64_t enterprise_id, const char *title, const char *due,
                          int64_t owner_id, struct errs *errs, int64_t *id)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	return db_write_end(db, milestone_add_in(db, a, by, enterprise_id, title, due, owner_id, errs, id));
}

int support_milestone_set_done(struct db *db, struct arena *a, const struct principal *by,
                               int64_t enterprise_id, int64_t mid, bool done)
{
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	struct enterprise e;
	int64_t id = 0;
	rc = writable(db, a, by, enterprise_id, &e);
	if (rc == 0)
		rc = support_store_plan_id(db, enterprise_id, &id);
	if (rc == 0)
		rc = support_store_milestone_done(db, id, mid, done);
	if (rc == 0)
		rc = audit_record(db, by, done ? "done" : "reopen", "outreach_milestone", id_text(a, mid),
		                  e.kommune, AUDIT_DETAIL(AUDIT_INT("enterprise_id", enterprise_id)));
	return db_write_end(db, rc);
}

int support_plans_list(struct db *db, struct arena *a, const struct principal *by,
                       const char *kommune, struct plan_summary **items, int *n)
{
	const char *scope;
	if (access_collaboration_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	return support_store_list(db, a, scope, kommune, items, n);
}

int support_survival(struct db *db, struct arena *a, const struct principal *by,
                     const char *kommune, const char *today, struct survival_row **rows, int *n)
{
	const char *scope;
	if (access_collaboration_scope(by, &scope) != 0)
		return ERR_FORBIDDEN;
	if (!text_date_valid(today))
		return ERR_INVALID;
	return support_store_survival(db, a, scope, kommune, today, rows, n);
}

static int remind_in(struct db *db, struct arena *a, const char *day, int *queued, int *waiting)
{
	struct milestone_due *due;
	int n;
	int rc = support_store_due(db, a, day, &due, &n);
	for (int i = 0; rc == 0 && i < n; i++) {
		const struct milestone_due *m = &due[i];
		if (!m->owner_email) {
			(*waiting)++;
			continue;
		}
		const char *when = text_date_dk(a, m->due);
		rc = mail_queue(db, m->kommune, m->owner_email,
		                arena_printf(a, "Milepæl for %s den %s", m->enterprise_name, when),
		                arena_printf(a, "Milepælen \"%s\" i støtteplanen for %s har frist den %s.\n\n"
		                                "Se planen i Indgang (/virksomheder/%lld/plan), og markér "
		                                "milepælen som nået, når den er nået.\n\nVenlig hilsen\nIndgang\n",
		                             m->title, m->enterprise_name, when, (long long)m->enterprise_id));
		if (rc == 0)
			rc = support_store_mark_reminded(db, m->id);
		if (rc == 0)
			rc = audit_record(db, NULL, "remind", "outreach_milestone", id_text(a, m->id), m->kommune,
			                  AUDIT_DETAIL(AUDIT_TEXT("due", m->due)));
		if (rc == 0)
			(*queued)++;
	}
	return rc;
}

int support_remind(struct db *db, struct arena *a, const char *day, int *queued, int *waiting)
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
