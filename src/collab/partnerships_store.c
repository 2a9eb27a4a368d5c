/*
 * partnerships_store.c — the SQL of partnership agreements, parties, the follow-up group, the
 * action plan and the signed PDF. Layer: store of the collab capability. Filters and sort
 * orders are fixed fragments with every parameter bound; no SQL text is built from input.
 */
#include "partnerships_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* ---------------------------------------------------------------- agreements */

int partnerships_store_insert(struct db *db, const struct partnership *p, int64_t owner_user_id,
                              int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO partnerships (kommune, kind, title, purpose, starts_on, ends_on, public,"
		" owner_user_id, created_at, updated_at) VALUES (:kommune, :kind, :title, :purpose,"
		" :starts, nullif(:ends, ''), :public, nullif(:owner, 0), " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_text(s, ":kommune", p->kommune) | db_bind_text(s, ":kind", p->kind) |
	                           db_bind_text(s, ":title", p->title) |
	                           db_bind_text(s, ":purpose", p->purpose) |
	                           db_bind_text(s, ":starts", p->starts_on) |
	                           db_bind_text(s, ":ends", p->ends_on ? p->ends_on : "") |
	                           db_bind_int(s, ":public", p->is_public) |
	                           db_bind_int(s, ":owner", owner_user_id)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int partnerships_store_update(struct db *db, const struct partnership *p)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE partnerships SET kind = :kind, title = :title, purpose = :purpose,"
		" starts_on = :starts, ends_on = nullif(:ends, ''), public = :public,"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":kind", p->kind) | db_bind_text(s, ":title", p->title) |
	                           db_bind_text(s, ":purpose", p->purpose) |
	                           db_bind_text(s, ":starts", p->starts_on) |
	                           db_bind_text(s, ":ends", p->ends_on ? p->ends_on : "") |
	                           db_bind_int(s, ":public", p->is_public) | db_bind_int(s, ":id", p->id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_PARTNERSHIP                                                                  \
	"SELECT p.id, p.kommune, k.navn, p.kind, p.title, p.purpose, p.starts_on, p.ends_on,"   \
	" p.public, coalesce(p.owner_user_id, 0), coalesce(us.email, ''), p.created_at,"        \
	" p.updated_at,"                                                                        \
	" (SELECT count(*) FROM partnership_parties WHERE partnership_id = p.id),"              \
	" (SELECT count(*) FROM partnership_actions WHERE partnership_id = p.id),"              \
	" (SELECT count(*) FROM partnership_actions WHERE partnership_id = p.id"                \
	"  AND status = 'done'),"                                                               \
	" (SELECT count(*) FROM partnership_actions WHERE partnership_id = p.id"                \
	"  AND status = 'open' AND due IS NOT NULL AND due < :day),"                            \
	" d.filename, coalesce(d.size, 0)"                                                      \
	" FROM partnerships p LEFT JOIN kommuner k ON k.kode = p.kommune"                       \
	" LEFT JOIN users us ON us.id = p.owner_user_id"                                        \
	" LEFT JOIN partnership_documents d ON d.partnership_id = p.id"

static void read_partnership(struct db_stmt *s, struct arena *a, const char *day,
                             struct partnership *p)
{
	memset(p, 0, sizeof(*p));
	p->id = db_col_int(s, 0);
	p->kommune = db_col_dup(a, s, 1);
	p->kommune_navn = db_col_dup(a, s, 2);
	p->kind = db_col_dup(a, s, 3);
	p->title = db_col_dup(a, s, 4);
	p->purpose = db_col_dup(a, s, 5);
	p->starts_on = db_col_dup(a, s, 6);
	p->ends_on = db_col_dup(a, s, 7);
	p->is_public = db_col_int(s, 8) != 0;
	p->owner_user_id = db_col_int(s, 9);
	p->owner_email = db_col_dup(a, s, 10);
	p->created_at = db_col_dup(a, s, 11);
	p->updated_at = db_col_dup(a, s, 12);
	p->nparties = (int)db_col_int(s, 13);
	p->progress.total = (int)db_col_int(s, 14);
	p->progress.done = (int)db_col_int(s, 15);
	p->progress.overdue = (int)db_col_int(s, 16);
	p->pdf_name = db_col_dup(a, s, 17);
	p->pdf_size = db_col_int(s, 18);
	p->status = partnerships_status(p->starts_on, p->ends_on, day);
}

int partnerships_store_get(struct db *db, struct arena *a, int64_t id, const char *day,
                           struct partnership *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_PARTNERSHIP " WHERE p.id = :id");
	if (!s)
		return ERR_DB;
	int rc = (db_bind_int(s, ":id", id) | db_bind_text(s, ":day", day)) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_partnership(s, a, day, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

#define PARTNERSHIPS_WHERE                                                                  \
	" WHERE (:public_only = 0 OR p.public = 1)"                                             \
	" AND (:public_only = 1 OR p.kommune IS NULL OR CAST(:scope AS text) IS NULL"           \
	"  OR p.kommune = :scope)"                                                              \
	" AND (CAST(:kommune AS text) IS NULL OR p.kommune = :kommune)"                         \
	" AND (CAST(:kind AS text) IS NULL OR p.kind = :kind)"                                  \
	" AND (CAST(:status AS text) IS NULL"                                                   \
	"  OR (:status = 'kommende' AND p.starts_on > :day)"                                    \
	"  OR (:status = 'udløbet' AND p.ends_on IS NOT NULL AND p.ends_on < :day)"             \
	"  OR (:status = 'aktiv' AND p.starts_on <= :day"                                       \
	"      AND (p.ends_on IS NULL OR p.ends_on >= :day)))"

static int bind_where(struct db_stmt *s, const char *scope, int public_only,
                      const struct partnerships_query *q)
{
	return db_bind_int(s, ":public_only", public_only) | db_bind_text(s, ":scope", scope) |
	       db_bind_text(s, ":kommune", q->kommune) | db_bind_text(s, ":kind", q->kind) |
	       db_bind_text(s, ":status", q->status) | db_bind_text(s, ":day", q->day);
}

int partnerships_store_list(struct db *db, struct arena *a, const char *scope, int public_only,
                            const struct partnerships_query *q, struct partnership **items,
                            int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM partnerships p" PARTNERSHIPS_WHERE);
	if (!c)
		return ERR_DB;
	if (bind_where(c, scope, public_only, q) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, SELECT_PARTNERSHIP PARTNERSHIPS_WHERE
		" ORDER BY"
		" CASE WHEN :sort = 1 AND :desc = 0 THEN p.title END COLLATE da ASC,"
		" CASE WHEN :sort = 1 AND :desc = 1 THEN p.title END COLLATE da DESC,"
		" CASE WHEN :sort = 2 AND :desc = 0 THEN coalesce(p.ends_on, '9999') END ASC,"
		" CASE WHEN :sort = 2 AND :desc = 1 THEN coalesce(p.ends_on, '9999') END DESC,"
		" CASE WHEN :desc = 0 THEN p.starts_on END ASC,"
		" CASE WHEN :desc = 1 THEN p.starts_on END DESC, p.id"
		" LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (bind_where(s, scope, public_only, q) | db_bind_int(s, ":sort", (int)q->sort) |
	    db_bind_int(s, ":desc", q->desc) | db_bind_int(s, ":limit", q->limit) |
	    db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct partnership *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_partnership(s, a, q->day, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int partnerships_store_kommune_exists(struct db *db, const char *kommune, int *exists)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM kommuner WHERE kode = :k");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*exists = db_col_int(s, 0) > 0;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

/* ---------------------------------------------------------------- parties */

int partnerships_store_party_insert(struct db *db, const struct partnership_party *p,
                                    const char *kommune, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO partnership_parties (partnership_id, kind, enterprise_id, name,"
		" contact_name, email, role, created_at) VALUES (:pid, :kind, nullif(:enterprise, 0),"
		" CASE WHEN :kind = 'kommune' THEN coalesce((SELECT navn || ' Kommune' FROM kommuner"
		" WHERE kode = :kommune), :name) ELSE :name END, :contact, :email, :role, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":pid", p->partnership_id) |
	                           db_bind_text(s, ":kind", p->kind) |
	                           db_bind_int(s, ":enterprise", p->enterprise_id) |
	                           db_bind_text(s, ":kommune", kommune) |
	                           db_bind_text(s, ":name", p->name ? p->name : "") |
	                           db_bind_text(s, ":contact", p->contact_name ? p->contact_name : "") |
	                           db_bind_text(s, ":email", p->email ? p->email : "") |
	                           db_bind_text(s, ":role", p->role ? p->role : "")
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int partnerships_store_party_count(struct db *db, int64_t id, const char *kind,
                                   int64_t enterprise_id, int *count)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT count(*) FROM partnership_parties WHERE partnership_id = :pid AND kind = :kind"
		" AND (:enterprise = 0 OR enterprise_id = :enterprise)");
	if (!s)
		return ERR_DB;
	int rc = (db_bind_int(s, ":pid", id) | db_bind_text(s, ":kind", kind) |
	          db_bind_int(s, ":enterprise", enterprise_id))
	             ? ERR_DB
	             : db_step(s);
	if (rc == DB_ROW)
		*count = (int)db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

#define SELECT_PARTY                                                                        \
	"SELECT pp.id, pp.partnership_id, pp.kind, coalesce(pp.enterprise_id, 0),"              \
	" CASE pp.kind WHEN 'enterprise' THEN e.name ELSE pp.name END, pp.contact_name,"        \
	" CASE WHEN pp.kind = 'enterprise' AND pp.email = '' THEN coalesce(e.contact_email, '')" \
	" ELSE pp.email END, pp.role"                                                           \
	" FROM partnership_parties pp LEFT JOIN enterprises e ON e.id = pp.enterprise_id"

static void read_party(struct db_stmt *s, struct arena *a, struct partnership_party *p)
{
	memset(p, 0, sizeof(*p));
	p->id = db_col_int(s, 0);
	p->partnership_id = db_col_int(s, 1);
	p->kind = db_col_dup(a, s, 2);
	p->enterprise_id = db_col_int(s, 3);
	p->name = db_col_dup(a, s, 4);
	p->contact_name = db_col_dup(a, s, 5);
	p->email = db_col_dup(a, s, 6);
	p->role = db_col_dup(a, s, 7);
	if (!p->name)
		p->name = "";
	if (!p->email)
		p->email = "";
}

int partnerships_store_parties(struct db *db, struct arena *a, int64_t id,
                               struct partnership_party **items, int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_PARTY " WHERE pp.partnership_id = :pid"
	                                   " ORDER BY pp.kind <> 'kommune', pp.id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":pid", id)) {
		db_done(s);
		return ERR_DB;
	}
	struct partnership_party *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_party(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int partnerships_store_party(struct db *db, struct arena *a, int64_t id, int64_t party_id,
                             struct partnership_party *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_PARTY " WHERE pp.id = :party AND pp.partnership_id = :pid");
	if (!s)
		return ERR_DB;
	int rc = (db_bind_int(s, ":party", party_id) | db_bind_int(s, ":pid", id)) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_party(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int partnerships_store_party_update(struct db *db, const struct partnership_party *p)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE partnership_parties SET"
		" name = CASE WHEN kind = 'organisation' THEN :name ELSE name END,"
		" contact_name = :contact, email = :email, role = :role"
		" WHERE id = :party AND partnership_id = :pid");
	int rc = db_run(s, s ? db_bind_text(s, ":name", p->name ? p->name : "") |
	                           db_bind_text(s, ":contact", p->contact_name ? p->contact_name : "") |
	                           db_bind_text(s, ":email", p->email ? p->email : "") |
	                           db_bind_text(s, ":role", p->role ? p->role : "") |
	                           db_bind_int(s, ":party", p->id) |
	                           db_bind_int(s, ":pid", p->partnership_id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int partnerships_store_party_actions(struct db *db, int64_t party_id, int *count)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM partnership_actions"
	                                   " WHERE owner_party_id = :party");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":party", party_id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*count = (int)db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int partnerships_store_party_delete(struct db *db, int64_t id, int64_t party_id)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM partnership_parties"
	                                   " WHERE id = :party AND partnership_id = :pid");
	int rc = db_run(s, s ? db_bind_int(s, ":party", party_id) | db_bind_int(s, ":pid", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

/* ---------------------------------------------------------------- the follow-up group */

int partnerships_store_clear_chair(struct db *db, int64_t id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE partnership_members SET chair = 0"
	                                   " WHERE partnership_id = :pid AND chair = 1");
	return db_run(s, s ? db_bind_int(s, ":pid", id) : 0);
}

int partnerships_store_member_insert(struct db *db, const struct partnership_member *m, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO partnership_members (partnership_id, name, organisation, email, chair,"
		" created_at) VALUES (:pid, :name, :org, :email, :chair, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":pid", m->partnership_id) |
	                           db_bind_text(s, ":name", m->name) |
	                           db_bind_text(s, ":org", m->organisation) |
	                           db_bind_text(s, ":email", m->email) | db_bind_int(s, ":chair", m->chair)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int partnerships_store_members(struct db *db, struct arena *a, int64_t id,
                               struct partnership_member **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT id, partnership_id, name, organisation, email, chair FROM partnership_members"
		" WHERE partnership_id = :pid ORDER BY chair DESC, id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":pid", id)) {
		db_done(s);
		return ERR_DB;
	}
	struct partnership_member *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct partnership_member *m = ARENA_PUSH(a, out, count, cap);
		memset(m, 0, sizeof(*m));
		m->id = db_col_int(s, 0);
		m->partnership_id = db_col_int(s, 1);
		m->name = db_col_dup(a, s, 2);
		m->organisation = db_col_dup(a, s, 3);
		m->email = db_col_dup(a, s, 4);
		m->chair = db_col_int(s, 5) != 0;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- the action plan */

int partnerships_store_action_insert(struct db *db, const struct partnership_action *x, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO partnership_actions (partnership_id, title, owner_party_id, due, status,"
		" done_at, note, created_at, updated_at) VALUES (:pid, :title, :owner, nullif(:due, ''),"
		" :status, CASE WHEN :status = 'done' THEN coalesce(nullif(:done_at, ''), " NOW ") END,"
		" :note, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":pid", x->partnership_id) |
	                           db_bind_text(s, ":title", x->title) |
	                           db_bind_int(s, ":owner", x->owner_party) |
	                           db_bind_text(s, ":due", x->due ? x->due : "") |
	                           db_bind_text(s, ":status", x->status) | db_bind_text(s, ":note", x->note) |
	                           db_bind_text(s, ":done_at", x->done_at ? x->done_at : "")
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int partnerships_store_action_update(struct db *db, const struct partnership_action *x)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE partnership_actions SET title = :title, owner_party_id = :owner,"
		" due = nullif(:due, ''), note = :note, status = :status,"
		" done_at = CASE WHEN :status = 'open' THEN NULL ELSE coalesce(done_at, " NOW ") END,"
		" updated_at = " NOW " WHERE id = :id AND partnership_id = :pid");
	int rc = db_run(s, s ? db_bind_text(s, ":title", x->title) |
	                           db_bind_int(s, ":owner", x->owner_party) |
	                           db_bind_text(s, ":due", x->due ? x->due : "") |
	                           db_bind_text(s, ":note", x->note) |
	                           db_bind_text(s, ":status", x->status) | db_bind_int(s, ":id", x->id) |
	                           db_bind_int(s, ":pid", x->partnership_id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int partnerships_store_action_delete(struct db *db, int64_t id, int64_t action_id)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM partnership_actions WHERE id = :id"
	                                   " AND partnership_id = :pid");
	int rc = db_run(s, s ? db_bind_int(s, ":id", action_id) | db_bind_int(s, ":pid", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_ACTION                                                                       \
	"SELECT x.id, x.partnership_id, x.title, x.owner_party_id,"                             \
	" CASE pp.kind WHEN 'enterprise' THEN e.name ELSE pp.name END, x.due, x.status,"        \
	" x.done_at, x.note, x.status = 'open' AND x.due IS NOT NULL AND x.due < :day"          \
	" FROM partnership_actions x JOIN partnership_parties pp ON pp.id = x.owner_party_id"   \
	" LEFT JOIN enterprises e ON e.id = pp.enterprise_id"

static void read_action(struct db_stmt *s, struct arena *a, struct partnership_action *x)
{
	memset(x, 0, sizeof(*x));
	x->id = db_col_int(s, 0);
	x->partnership_id = db_col_int(s, 1);
	x->title = db_col_dup(a, s, 2);
	x->owner_party = db_col_int(s, 3);
	x->owner_name = db_col_dup(a, s, 4);
	x->due = db_col_dup(a, s, 5);
	x->status = db_col_dup(a, s, 6);
	x->done_at = db_col_dup(a, s, 7);
	x->note = db_col_dup(a, s, 8);
	x->overdue = db_col_int(s, 9) != 0;
	if (!x->owner_name)
		x->owner_name = "";
}

int partnerships_store_action(struct db *db, struct arena *a, int64_t id, int64_t action_id,
                              const char *day, struct partnership_action *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_ACTION " WHERE x.id = :id AND x.partnership_id = :pid");
	if (!s)
		return ERR_DB;
	int rc = (db_bind_int(s, ":id", action_id) | db_bind_int(s, ":pid", id) |
	          db_bind_text(s, ":day", day))
	             ? ERR_DB
	             : db_step(s);
	if (rc == DB_ROW)
		read_action(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int partnerships_store_actions(struct db *db, struct arena *a, int64_t id, const char *day,
                               struct partnership_action **items, int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_ACTION " WHERE x.partnership_id = :pid"
	                                   " ORDER BY x.due IS NULL, x.due, x.id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":pid", id) | db_bind_text(s, ":day", day)) {
		db_done(s);
		return ERR_DB;
	}
	struct partnership_action *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_action(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- the signed agreement */

int partnerships_store_doc_put(struct db *db, int64_t id, const char *filename, const void *data,
                               int len, const char *sha256)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO partnership_documents (partnership_id, filename, size, sha256, data,"
		" uploaded_at) VALUES (:pid, :f, :size, :sha, :data, " NOW ")"
		" ON CONFLICT (partnership_id) DO UPDATE SET filename = excluded.filename,"
		" size = excluded.size, sha256 = excluded.sha256, data = excluded.data,"
		" uploaded_at = excluded.uploaded_at");
	return db_run(s, s ? db_bind_int(s, ":pid", id) | db_bind_text(s, ":f", filename) |
	                         db_bind_int(s, ":size", len) | db_bind_text(s, ":sha", sha256) |
	                         db_bind_blob(s, ":data", data, len)
	                   : 0);
}

int partnerships_store_doc_get(struct db *db, struct arena *a, int64_t id, const void **data,
                               int *len, const char **filename)
{
	struct db_stmt *s = db_prepare(db, "SELECT filename, data FROM partnership_documents"
	                                   " WHERE partnership_id = :pid");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":pid", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		*filename = db_col_dup(a, s, 0);
		*data = db_col_blob_dup(a, s, 1, len);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

/* ---------------------------------------------------------------- due items and reminders */

int partnerships_store_due(struct db *db, struct arena *a, const char *scope, const char *day,
                           int limit, struct partnerships_due_item **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT p.id, x.id, p.title, x.title, x.due,"
		" CASE pp.kind WHEN 'enterprise' THEN e.name ELSE pp.name END"
		" FROM partnership_actions x JOIN partnerships p ON p.id = x.partnership_id"
		" JOIN partnership_parties pp ON pp.id = x.owner_party_id"
		" LEFT JOIN enterprises e ON e.id = pp.enterprise_id"
		" WHERE x.status = 'open' AND x.due IS NOT NULL AND x.due < :day"
		" AND (p.kommune IS NULL OR CAST(:scope AS text) IS NULL OR p.kommune = :scope)"
		" ORDER BY x.due, x.id LIMIT :limit");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":day", day) | db_bind_text(s, ":scope", scope) |
	    db_bind_int(s, ":limit", limit)) {
		db_done(s);
		return ERR_DB;
	}
	struct partnerships_due_item *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct partnerships_due_item *d = ARENA_PUSH(a, out, count, cap);
		d->partnership_id = db_col_int(s, 0);
		d->action_id = db_col_int(s, 1);
		d->partnership_title = db_col_dup(a, s, 2);
		d->title = db_col_dup(a, s, 3);
		d->due = db_col_dup(a, s, 4);
		d->owner_name = db_col_dup(a, s, 5);
		if (!d->owner_name)
			d->owner_name = "";
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int partnerships_store_reminders(struct db *db, struct arena *a, const char *day,
                                 struct partnerships_reminder **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT x.id, x.title, x.due,"
		" CASE WHEN pp.email <> '' THEN pp.email"
		"  WHEN pp.kind = 'enterprise' AND coalesce(e.contact_email, '') <> '' THEN e.contact_email"
		"  ELSE coalesce(us.email, '') END,"
		" p.kommune, p.title, CASE pp.kind WHEN 'enterprise' THEN e.name ELSE pp.name END"
		" FROM partnership_actions x JOIN partnerships p ON p.id = x.partnership_id"
		" JOIN partnership_parties pp ON pp.id = x.owner_party_id"
		" LEFT JOIN enterprises e ON e.id = pp.enterprise_id"
		" LEFT JOIN users us ON us.id = p.owner_user_id AND us.active = 1"
		" WHERE x.status = 'open' AND x.due IS NOT NULL AND x.due <= :day"
		" AND (x.reminded_for IS NULL OR x.reminded_for <> x.due) ORDER BY x.due, x.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":day", day)) {
		db_done(s);
		return ERR_DB;
	}
	struct partnerships_reminder *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct partnerships_reminder *d = ARENA_PUSH(a, out, count, cap);
		d->id = db_col_int(s, 0);
		d->title = db_col_dup(a, s, 1);
		d->due = db_col_dup(a, s, 2);
		d->to = db_col_dup(a, s, 3);
		d->kommune = db_col_dup(a, s, 4);
		d->partnership_title = db_col_dup(a, s, 5);
		d->owner_name = db_col_dup(a, s, 6);
		if (!d->to)
			d->to = "";
		if (!d->owner_name)
			d->owner_name = "";
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int partnerships_store_reminded(struct db *db, int64_t action_id, const char *due)
{
	struct db_stmt *s = db_prepare(db, "UPDATE partnership_actions SET reminded_for = :due"
	                                   " WHERE id = :id");
	return db_run(s, s ? db_bind_text(s, ":due", due) | db_bind_int(s, ":id", action_id) : 0);
}
