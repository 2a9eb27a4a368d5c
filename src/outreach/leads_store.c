/*
 * leads_store.c — the SQL of the leads and their stage history. Layer: store of the outreach
 * capability.
 */
#include "leads_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int bind_fields(struct db_stmt *s, const struct outreach_lead *l)
{
	return db_bind_text(s, ":title", l->title) | db_bind_text(s, ":description", l->description) |
	       db_bind_text(s, ":origin", l->origin) | db_bind_text(s, ":behind", l->behind) |
	       db_bind_text(s, ":stage", l->stage) | db_bind_text(s, ":stage_since", l->stage_since) |
	       db_bind_int(s, ":owner_id", l->owner_id) | db_bind_text(s, ":next_step", l->next_step) |
	       db_bind_text(s, ":next_step_date", l->next_step_date) |
	       db_bind_int(s, ":enterprise_id", l->enterprise_id);
}

int leads_store_insert(struct db *db, const struct outreach_lead *l, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO outreach_leads (kommune, title, description, origin, behind, stage,"
		" stage_since, owner_id, next_step, next_step_date, enterprise_id, created_at, updated_at)"
		" VALUES (:kommune, :title, :description, :origin, :behind, :stage, :stage_since,"
		" nullif(:owner_id, 0), :next_step, :next_step_date, nullif(:enterprise_id, 0), " NOW ", " NOW ")");
	int rc = db_run(s, s ? bind_fields(s, l) | db_bind_text(s, ":kommune", l->kommune) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int leads_store_update(struct db *db, const struct outreach_lead *l)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE outreach_leads SET title = :title, description = :description, origin = :origin,"
		" behind = :behind, stage = :stage, stage_since = :stage_since,"
		" owner_id = nullif(:owner_id, 0), next_step = :next_step,"
		" next_step_date = :next_step_date, enterprise_id = nullif(:enterprise_id, 0),"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? bind_fields(s, l) | db_bind_int(s, ":id", l->id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int leads_store_add_stage(struct db *db, int64_t id, const char *stage, const char *date,
                          const char *user_email)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO outreach_lead_stages (lead_id, stage, date,"
	                                   " user_email) VALUES (:id, :stage, :date, :email)");
	return db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_text(s, ":stage", stage) |
	                     db_bind_text(s, ":date", date) |
	                     db_bind_text(s, ":email", user_email ? user_email : "")
	                   : 0);
}

#define SELECT_LEAD                                                                        \
	"SELECT l.id, l.kommune, k.navn, l.title, l.description, l.origin, l.behind, l.stage,"   \
	" l.stage_since, coalesce(l.owner_id, 0), u.email, l.next_step, l.next_step_date,"       \
	" coalesce(l.enterprise_id, 0), e.name, l.created_at, l.updated_at"                      \
	" FROM outreach_leads l JOIN kommuner k ON k.kode = l.kommune"                           \
	" LEFT JOIN users u ON u.id = l.owner_id LEFT JOIN enterprises e ON e.id = l.enterprise_id"

static void read_row(struct db_stmt *s, struct arena *a, struct outreach_lead *l)
{
	memset(l, 0, sizeof(*l));
	l->id = db_col_int(s, 0);
	l->kommune = db_col_dup(a, s, 1);
	l->kommune_navn = db_col_dup(a, s, 2);
	l->title = db_col_dup(a, s, 3);
	l->description = db_col_dup(a, s, 4);
	l->origin = db_col_dup(a, s, 5);
	l->behind = db_col_dup(a, s, 6);
	l->stage = db_col_dup(a, s, 7);
	l->stage_since = db_col_dup(a, s, 8);
	l->owner_id = db_col_int(s, 9);
	l->owner_email = db_col_dup(a, s, 10);
	l->next_step = db_col_dup(a, s, 11);
	l->next_step_date = db_col_dup(a, s, 12);
	l->enterprise_id = db_col_int(s, 13);
	l->enterprise_name = db_col_dup(a, s, 14);
	l->created_at = db_col_dup(a, s, 15);
	l->updated_at = db_col_dup(a, s, 16);
}

int leads_store_get(struct db *db, struct arena *a, int64_t id, struct outreach_lead *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_LEAD " WHERE l.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_row(s, a, out);
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	s = db_prepare(db, "SELECT stage, date, user_email FROM outreach_lead_stages"
	                   " WHERE lead_id = :id ORDER BY id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":id", id)) {
		db_done(s);
		return ERR_DB;
	}
	size_t count = 0, cap = 0;
	struct lead_stage *h = NULL;
	while ((rc = db_step(s)) == DB_ROW) {
		struct lead_stage *st = ARENA_PUSH(a, h, count, cap);
		st->stage = db_col_dup(a, s, 0);
		st->date = db_col_dup(a, s, 1);
		st->user_email = db_col_dup(a, s, 2);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	out->history = h;
	out->nhistory = (int)count;
	return 0;
}

#define LIST_WHERE                                                                         \
	" WHERE (CAST(:scope AS text) IS NULL OR l.kommune = :scope)"                          \
	" AND (CAST(:kommune AS text) IS NULL OR l.kommune = :kommune)"                        \
	" AND (CAST(:stage AS text) IS NULL OR l.stage = :stage)"                              \
	" AND (CAST(:origin AS text) IS NULL OR l.origin = :origin)"

static int bind_query(struct db_stmt *s, const struct leads_query *q, const char *scope)
{
	return db_bind_text(s, ":scope", scope) | db_bind_text(s, ":kommune", q->kommune) |
	       db_bind_text(s, ":stage", q->stage) | db_bind_text(s, ":origin", q->origin);
}

int leads_store_list(struct db *db, struct arena *a, const struct leads_query *q,
                     const char *scope, struct outreach_lead **items, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM outreach_leads l" LIST_WHERE);
	if (!c)
		return ERR_DB;
	if (bind_query(c, q, scope) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, SELECT_LEAD LIST_WHERE
		" ORDER BY CASE l.stage WHEN 'ide' THEN 0 WHEN 'dialog' THEN 1 WHEN 'forberedelse' THEN 2"
		" WHEN 'etableret' THEN 3 ELSE 4 END, l.stage_since DESC, l.id DESC"
		" LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (bind_query(s, q, scope) | db_bind_int(s, ":limit", q->limit) |
	    db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct outreach_lead *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_row(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int leads_store_user_kommune(struct db *db, struct arena *a, int64_t id, const char **kommune)
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

int leads_store_kommune_exists(struct db *db, const char *kode)
{
	struct db_stmt *s = db_prepare(db, "SELECT 1 FROM kommuner WHERE kode = :k");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kode) ? ERR_DB : db_step(s);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}
