/*
 * support_store.c — the SQL of the support plans and the survival table. Layer: store of the
 * outreach capability.
 */
#include "support_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

int support_store_plan_id(struct db *db, int64_t enterprise_id, int64_t *id)
{
	struct db_stmt *s = db_prepare(db, "SELECT id FROM outreach_plans WHERE enterprise_id = :e");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":e", enterprise_id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int support_store_plan_make(struct db *db, int64_t enterprise_id, const char *kommune, int64_t *id)
{
	int rc = support_store_plan_id(db, enterprise_id, id);
	if (rc != ERR_NOTFOUND)
		return rc;
	struct db_stmt *s = db_prepare(db, "INSERT INTO outreach_plans (enterprise_id, kommune,"
	                                   " created_at, updated_at) VALUES (:e, :k, " NOW ", " NOW ")");
	rc = db_run(s, s ? db_bind_int(s, ":e", enterprise_id) | db_bind_text(s, ":k", kommune) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int support_store_read(struct db *db, struct arena *a, int64_t id, struct support_plan *p)
{
	struct db_stmt *s = db_prepare(db, "SELECT updated_at FROM outreach_plans WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		p->updated_at = db_col_dup(a, s, 0);
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	s = db_prepare(db, "SELECT item, done, note FROM outreach_plan_items WHERE plan_id = :id");
	if (!s || db_bind_int(s, ":id", id)) {
		db_done(s);
		return ERR_DB;
	}
	while ((rc = db_step(s)) == DB_ROW) {
		const char *key = db_col_text(s, 0);
		for (int i = 0; key && i < SUPPORT_ITEMS; i++)
			if (!strcmp(support_items[i].key, key)) {
				p->items[i].done = db_col_int(s, 1) != 0;
				p->items[i].note = db_col_dup(a, s, 2);
			}
	}
	db_done(s);
	if (rc < 0)
		return rc;
	s = db_prepare(db, "SELECT m.id, m.title, coalesce(m.owner_id, 0), u.email, m.due, m.done_at,"
	                   " m.reminded_at FROM outreach_milestones m LEFT JOIN users u ON u.id = m.owner_id"
	                   " WHERE m.plan_id = :id ORDER BY m.due, m.id");
	if (!s || db_bind_int(s, ":id", id)) {
		db_done(s);
		return ERR_DB;
	}
	size_t count = 0, cap = 0;
	struct milestone *ms = NULL;
	while ((rc = db_step(s)) == DB_ROW) {
		struct milestone *m = ARENA_PUSH(a, ms, count, cap);
		m->id = db_col_int(s, 0);
		m->title = db_col_dup(a, s, 1);
		m->owner_id = db_col_int(s, 2);
		m->owner_email = db_col_dup(a, s, 3);
		m->due = db_col_dup(a, s, 4);
		m->done_at = db_col_dup(a, s, 5);
		m->reminded_at = db_col_dup(a, s, 6);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	p->milestones = ms;
	p->nmilestones = (int)count;
	return 0;
}

int support_store_set_item(struct db *db, int64_t id, const char *key, bool done, const char *note)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO outreach_plan_items (plan_id, item, done, note) VALUES (:id, :item, :done, :note)"
		" ON CONFLICT (plan_id, item) DO UPDATE SET done = excluded.done, note = excluded.note");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_text(s, ":item", key) |
	                       db_bind_int(s, ":done", done) | db_bind_text(s, ":note", note)
	                     : 0);
	if (rc == 0) {
		s = db_prepare(db, "UPDATE outreach_plans SET updated_at = " NOW " WHERE id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	}
	return rc;
}

int support_store_milestone_add(struct db *db, int64_t id, const char *title, const char *due,
                                int64_t owner_id, int64_t *mid)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO outreach_milestones (plan_id, title, owner_id, due, created_at)"
		" VALUES (:id, :title, nullif(:owner, 0), :due, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_text(s, ":title", title) |
	                       db_bind_int(s, ":owner", owner_id) | db_bind_text(s, ":due", due)
	                     : 0);
	if (rc == 0)
		*mid = db_last_id(db);
	if (rc == 0) {
		s = db_prepare(db, "UPDATE outreach_plans SET updated_at = " NOW " WHERE id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	}
	return rc;
}

int support_store_milestone_done(struct db *db, int64_t id, int64_t mid, bool done)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE outreach_milestones SET done_at = CASE WHEN :done <> 0 THEN coalesce(done_at, " NOW ")"
		" ELSE NULL END WHERE id = :mid AND plan_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":done", done) | db_bind_int(s, ":mid", mid) |
	                       db_bind_int(s, ":id", id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int support_store_list(struct db *db, struct arena *a, const char *scope, const char *kommune,
                       struct plan_summary **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT p.enterprise_id, e.name, p.kommune, e.established,"
		" (SELECT count(*) FROM outreach_plan_items i WHERE i.plan_id = p.id AND i.done = 1),"
		" (SELECT count(*) FROM outreach_milestones m WHERE m.plan_id = p.id AND m.done_at IS NULL),"
		" (SELECT min(due) FROM outreach_milestones m WHERE m.plan_id = p.id AND m.done_at IS NULL),"
		" p.updated_at FROM outreach_plans p JOIN enterprises e ON e.id = p.enterprise_id"
		" WHERE (CAST(:scope AS text) IS NULL OR p.kommune = :scope)"
		" AND (CAST(:kommune AS text) IS NULL OR p.kommune = :kommune)"
		" ORDER BY p.updated_at DESC, p.id DESC LIMIT 500");
	if (!s || db_bind_text(s, ":scope", scope) | db_bind_text(s, ":kommune", kommune)) {
		db_done(s);
		return ERR_DB;
	}
	struct plan_summary *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct plan_summary *p = ARENA_PUSH(a, out, count, cap);
		p->enterprise_id = db_col_int(s, 0);
		p->enterprise_name = db_col_dup(a, s, 1);
		p->kommune = db_col_dup(a, s, 2);
		p->established = db_col_dup(a, s, 3);
		p->done = (int)db_col_int(s, 4);
		p->open_milestones = (int)db_col_int(s, 5);
		p->next_due = db_col_dup(a, s, 6);
		p->updated_at = db_col_dup(a, s, 7);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* whether the enterprise was established n years before :today, and whether it was still open n
 * years after its establishment */
#define ELIGIBLE(n) "sum(CASE WHEN date(e.established, '+" n " year') <= :today THEN 1 ELSE 0 END)"
#define SURVIVED(n)                                                                         \
	"sum(CASE WHEN date(e.established, '+" n " year') <= :today AND (e.closed IS NULL"      \
	" OR e.closed > date(e.established, '+" n " year')) THEN 1 ELSE 0 END)"

int support_store_survival(struct db *db, struct arena *a, const char *scope, const char *kommune,
                           const char *today, struct survival_row **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT e.kommune, k.navn, CAST(substr(e.established, 1, 4) AS INTEGER) AS cohort, count(*), "
		ELIGIBLE("1") ", " SURVIVED("1") ", " ELIGIBLE("2") ", " SURVIVED("2") ", "
		ELIGIBLE("3") ", " SURVIVED("3")
		" FROM enterprises e JOIN kommuner k ON k.kode = e.kommune"
		" WHERE e.kind = 'soev' AND e.established IS NOT NULL AND e.established <= :today"
		" AND (CAST(:scope AS text) IS NULL OR e.kommune = :scope)"
		" AND (CAST(:kommune AS text) IS NULL OR e.kommune = :kommune)"
		" GROUP BY e.kommune, k.navn, cohort ORDER BY k.navn COLLATE da, cohort");
	if (!s || db_bind_text(s, ":scope", scope) | db_bind_text(s, ":kommune", kommune) |
	              db_bind_text(s, ":today", today)) {
		db_done(s);
		return ERR_DB;
	}
	struct survival_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct survival_row *r = ARENA_PUSH(a, out, count, cap);
		r->kommune = db_col_dup(a, s, 0);
		r->navn = db_col_dup(a, s, 1);
		r->cohort = (int)db_col_int(s, 2);
		r->count = (int)db_col_int(s, 3);
		for (int k = 0; k < 3; k++) {
			r->eligible[k] = (int)db_col_int(s, 4 + 2 * k);
			r->survived[k] = (int)db_col_int(s, 5 + 2 * k);
		}
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int support_store_due(struct db *db, struct arena *a, const char *day, struct milestone_due **items,
                      int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT m.id, m.title, m.due, p.kommune, e.name, p.enterprise_id, u.email"
		" FROM outreach_milestones m JOIN outreach_plans p ON p.id = m.plan_id"
		" JOIN enterprises e ON e.id = p.enterprise_id"
		" LEFT JOIN users u ON u.id = m.owner_id AND u.active = 1"
		" WHERE m.due <= :day AND m.done_at IS NULL AND m.reminded_at IS NULL ORDER BY m.due, m.id");
	if (!s || db_bind_text(s, ":day", day)) {
		db_done(s);
		return ERR_DB;
	}
	struct milestone_due *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct milestone_due *m = ARENA_PUSH(a, out, count, cap);
		m->id = db_col_int(s, 0);
		m->title = db_col_dup(a, s, 1);
		m->due = db_col_dup(a, s, 2);
		m->kommune = db_col_dup(a, s, 3);
		m->enterprise_name = db_col_dup(a, s, 4);
		m->enterprise_id = db_col_int(s, 5);
		m->owner_email = db_col_dup(a, s, 6);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int support_store_mark_reminded(struct db *db, int64_t mid)
{
	struct db_stmt *s = db_prepare(db, "UPDATE outreach_milestones SET reminded_at = " NOW
	                                   " WHERE id = :id");
	return db_run(s, s ? db_bind_int(s, ":id", mid) : 0);
}

int support_store_user_kommune(struct db *db, struct arena *a, int64_t id, const char **kommune)
{
	struct db_stmt *s = db_prepare(db, "SELECT kommune FROM users WHERE id = :id AND active = 1");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*kommune = db_col_dup(a, s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}
