/*
 * pools_store.c — the SQL of the grant pool. Layer: store of the collab capability. Filters are
 * fixed fragments "(CAST(:scope AS text) IS NULL OR kommune = :scope)" with every parameter
 * bound (the CAST gives PostgreSQL a type for a NULL); no SQL text is built from input. The
 * attendance behind the pool's obligation is read from the networks' tables
 * (0017_networks.sql) in one statement.
 */
#include "pools_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* ---------------------------------------------------------------- pools */

int pools_store_insert(struct db *db, const struct pool *p, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO pools (title, total_ore, max_ore, period_start, period_end, obligations,"
		" meetings_required, network_id, created_at, updated_at) VALUES (:title, :total, :max,"
		" :start, :end, :obligations, :required, :network, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_text(s, ":title", p->title) | db_bind_int(s, ":total", p->total_ore) |
	                           db_bind_int(s, ":max", p->max_ore) |
	                           db_bind_text(s, ":start", p->period_start) |
	                           db_bind_text(s, ":end", p->period_end) |
	                           db_bind_text(s, ":obligations", p->obligations) |
	                           db_bind_int(s, ":required", p->meetings_required) |
	                           (p->network_id ? db_bind_int(s, ":network", p->network_id)
	                                          : db_bind_null(s, ":network"))
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int pools_store_round_insert(struct db *db, int64_t pool_id, const struct pool_round *r)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO pool_rounds (pool_id, survey, round)"
	                                   " VALUES (:pool, :survey, :round) ON CONFLICT DO NOTHING");
	return db_run(s, s ? db_bind_int(s, ":pool", pool_id) | db_bind_text(s, ":survey", r->survey) |
	                         db_bind_text(s, ":round", r->round)
	                   : 0);
}

#define SELECT_POOL                                                                        \
	"SELECT p.id, p.title, p.total_ore, p.max_ore, p.period_start, p.period_end,"          \
	" p.obligations, p.meetings_required, p.network_id, n.name, p.created_at,"             \
	" (SELECT coalesce(sum(amount_ore), 0) FROM pool_grants WHERE pool_id = p.id),"        \
	" (SELECT coalesce(sum(amount_ore), 0) FROM pool_payments WHERE pool_id = p.id),"      \
	" (SELECT count(*) FROM pool_applications WHERE pool_id = p.id)"                       \
	" FROM pools p LEFT JOIN networks n ON n.id = p.network_id"

static void read_pool(struct db_stmt *s, struct arena *a, struct pool *p)
{
	memset(p, 0, sizeof(*p));
	p->id = db_col_int(s, 0);
	p->title = db_col_dup(a, s, 1);
	p->total_ore = db_col_int(s, 2);
	p->max_ore = db_col_int(s, 3);
	p->period_start = db_col_dup(a, s, 4);
	p->period_end = db_col_dup(a, s, 5);
	p->obligations = db_col_dup(a, s, 6);
	p->meetings_required = (int)db_col_int(s, 7);
	p->network_id = db_col_int(s, 8);
	p->network_name = db_col_dup(a, s, 9);
	p->created_at = db_col_dup(a, s, 10);
	p->granted_ore = db_col_int(s, 11);
	p->paid_ore = db_col_int(s, 12);
	p->napplications = (int)db_col_int(s, 13);
}

int pools_store_get(struct db *db, struct arena *a, int64_t id, struct pool *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_POOL " WHERE p.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_pool(s, a, out);
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	s = db_prepare(db, "SELECT r.survey, r.round, coalesce(sv.title, r.survey) || ' – ' ||"
	                   " coalesce(nullif(sr.title, ''), r.round) FROM pool_rounds r"
	                   " LEFT JOIN surveys sv ON sv.code = r.survey"
	                   " LEFT JOIN survey_rounds sr ON sr.survey_id = sv.id AND sr.code = r.round"
	                   " WHERE r.pool_id = :id ORDER BY r.survey, r.round");
	if (!s || db_bind_int(s, ":id", id)) {
		db_done(s);
		return ERR_DB;
	}
	while ((rc = db_step(s)) == DB_ROW && out->nrounds < POOLS_MAX_ROUNDS) {
		struct pool_round *r = &out->rounds[out->nrounds++];
		r->survey = db_col_dup(a, s, 0);
		r->round = db_col_dup(a, s, 1);
		r->title = db_col_dup(a, s, 2);
	}
	db_done(s);
	return rc < 0 ? rc : 0;
}

int pools_store_list(struct db *db, struct arena *a, int limit, int offset, struct pool **items,
                     int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM pools");
	if (!c || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, SELECT_POOL " ORDER BY p.period_start DESC, p.id DESC"
	                                   " LIMIT :limit OFFSET :offset");
	if (!s || (db_bind_int(s, ":limit", limit) | db_bind_int(s, ":offset", offset))) {
		db_done(s);
		return ERR_DB;
	}
	struct pool *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_pool(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int pools_store_kommune_exists(struct db *db, const char *kommune, int *exists)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM kommuner WHERE kode = :k");
	if (!s || db_bind_text(s, ":k", kommune) || db_step(s) != DB_ROW) {
		db_done(s);
		return ERR_DB;
	}
	*exists = db_col_int(s, 0) > 0;
	db_done(s);
	return 0;
}

/* ---------------------------------------------------------------- applications */

int pools_store_application_insert(struct db *db, const struct pool_application *x, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO pool_applications (pool_id, kommune, amount_ore, activities, created_at,"
		" updated_at) VALUES (:pool, :kommune, :amount, :activities, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":pool", x->pool_id) | db_bind_text(s, ":kommune", x->kommune) |
	                           db_bind_int(s, ":amount", x->amount_ore) |
	                           db_bind_text(s, ":activities", x->activities)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int pools_store_line_insert(struct db *db, int64_t application_id, const struct pool_line *l)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO pool_budget_lines (application_id, label,"
	                                   " amount_ore) VALUES (:app, :label, :amount)");
	return db_run(s, s ? db_bind_int(s, ":app", application_id) | db_bind_text(s, ":label", l->label) |
	                         db_bind_int(s, ":amount", l->amount_ore)
	                   : 0);
}

int pools_store_application_of(struct db *db, struct arena *a, int64_t pool_id,
                               const char *kommune, int64_t *id, const char **status)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, status FROM pool_applications"
	                                   " WHERE pool_id = :pool AND kommune = :kommune");
	if (!s || (db_bind_int(s, ":pool", pool_id) | db_bind_text(s, ":kommune", kommune))) {
		db_done(s);
		return ERR_DB;
	}
	int rc = db_step(s);
	*id = 0;
	*status = NULL;
	if (rc == DB_ROW) {
		*id = db_col_int(s, 0);
		*status = db_col_dup(a, s, 1);
	}
	db_done(s);
	return rc < 0 ? rc : 0;
}

int pools_store_application_status(struct db *db, int64_t id, const char *status)
{
	struct db_stmt *s = db_prepare(db, "UPDATE pool_applications SET status = :status,"
	                                   " updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":status", status) | db_bind_int(s, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int pools_store_applications(struct db *db, struct arena *a, int64_t pool_id, const char *scope,
                             struct pool_application **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT x.id, x.kommune, k.navn, x.amount_ore, x.activities, x.status, x.created_at"
		" FROM pool_applications x JOIN kommuner k ON k.kode = x.kommune"
		" WHERE x.pool_id = :pool AND (CAST(:scope AS text) IS NULL OR x.kommune = :scope)"
		" ORDER BY k.navn COLLATE da, x.id");
	if (!s || (db_bind_int(s, ":pool", pool_id) | db_bind_text(s, ":scope", scope))) {
		db_done(s);
		return ERR_DB;
	}
	struct pool_application *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct pool_application *x = ARENA_PUSH(a, out, count, cap);
		x->id = db_col_int(s, 0);
		x->pool_id = pool_id;
		x->kommune = db_col_dup(a, s, 1);
		x->kommune_navn = db_col_dup(a, s, 2);
		x->amount_ore = db_col_int(s, 3);
		x->activities = db_col_dup(a, s, 4);
		x->status = db_col_dup(a, s, 5);
		x->created_at = db_col_dup(a, s, 6);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < count; i++) {
		/* db_done gives the statement back to the cache: prepared again for each */
		s = db_prepare(db, "SELECT label, amount_ore FROM pool_budget_lines"
		                   " WHERE application_id = :id ORDER BY id");
		if (!s || db_bind_int(s, ":id", out[i].id)) {
			db_done(s);
			return ERR_DB;
		}
		while ((rc = db_step(s)) == DB_ROW && out[i].nlines < POOLS_MAX_LINES) {
			struct pool_line *l = &out[i].lines[out[i].nlines++];
			l->label = db_col_dup(a, s, 0);
			l->amount_ore = db_col_int(s, 1);
		}
		db_done(s);
		if (rc < 0)
			return rc;
	}
	*items = out;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- grants, payments, spend */

int pools_store_sums(struct db *db, int64_t pool_id, const char *kommune, int64_t *granted,
                     int64_t *paid, int64_t *pool_granted)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT (SELECT coalesce(sum(amount_ore), 0) FROM pool_grants"
		"         WHERE pool_id = :pool AND kommune = :kommune),"
		" (SELECT coalesce(sum(amount_ore), 0) FROM pool_payments"
		"         WHERE pool_id = :pool AND kommune = :kommune),"
		" (SELECT coalesce(sum(amount_ore), 0) FROM pool_grants WHERE pool_id = :pool)");
	if (!s || (db_bind_int(s, ":pool", pool_id) | db_bind_text(s, ":kommune", kommune)) ||
	    db_step(s) != DB_ROW) {
		db_done(s);
		return ERR_DB;
	}
	*granted = db_col_int(s, 0);
	*paid = db_col_int(s, 1);
	*pool_granted = db_col_int(s, 2);
	db_done(s);
	return 0;
}

int pools_store_grant_insert(struct db *db, int64_t pool_id, const struct pool_entry *g,
                             int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO pool_grants (pool_id, kommune, amount_ore, application_id, granted_on,"
		" created_at) VALUES (:pool, :kommune, :amount, :app, coalesce(:day, strftime('%Y-%m-%d', 'now')), " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":pool", pool_id) | db_bind_text(s, ":kommune", g->kommune) |
	                           db_bind_int(s, ":amount", g->amount_ore) |
	                           db_bind_text(s, ":day", g->day) |
	                           (g->application_id ? db_bind_int(s, ":app", g->application_id)
	                                              : db_bind_null(s, ":app"))
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int pools_store_payment_insert(struct db *db, int64_t pool_id, const struct pool_entry *p,
                               int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO pool_payments (pool_id, kommune, paid_on, amount_ore, created_at)"
		" VALUES (:pool, :kommune, :day, :amount, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":pool", pool_id) | db_bind_text(s, ":kommune", p->kommune) |
	                           db_bind_text(s, ":day", p->day) | db_bind_int(s, ":amount", p->amount_ore)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int pools_store_spend_insert(struct db *db, int64_t pool_id, const struct pool_entry *x,
                             int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO pool_spend (pool_id, kommune, spent_on, amount_ore, text, created_at)"
		" VALUES (:pool, :kommune, :day, :amount, :text, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":pool", pool_id) | db_bind_text(s, ":kommune", x->kommune) |
	                           db_bind_text(s, ":day", x->day) | db_bind_int(s, ":amount", x->amount_ore) |
	                           db_bind_text(s, ":text", x->text)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

static void read_entry(struct db_stmt *s, struct arena *a, struct pool_entry *e)
{
	e->id = db_col_int(s, 0);
	e->kommune = db_col_dup(a, s, 1);
	e->kommune_navn = db_col_dup(a, s, 2);
	e->day = db_col_dup(a, s, 3);
	e->amount_ore = db_col_int(s, 4);
	e->text = db_col_dup(a, s, 5);
	e->application_id = db_col_int(s, 6);
}

int pools_store_entries(struct db *db, struct arena *a, int64_t pool_id, const char *scope,
                        enum pools_entry_kind kind, struct pool_entry **items, int *n)
{
	struct db_stmt *s;
	if (kind == POOLS_GRANTS)
		s = db_prepare(db, "SELECT g.id, g.kommune, k.navn, g.granted_on,"
		                   " g.amount_ore, '', g.application_id FROM pool_grants g"
		                   " JOIN kommuner k ON k.kode = g.kommune WHERE g.pool_id = :pool"
		                   " AND (CAST(:scope AS text) IS NULL OR g.kommune = :scope)"
		                   " ORDER BY g.granted_on, g.id");
	else if (kind == POOLS_PAYMENTS)
		s = db_prepare(db, "SELECT p.id, p.kommune, k.navn, p.paid_on, p.amount_ore, '', 0"
		                   " FROM pool_payments p JOIN kommuner k ON k.kode = p.kommune"
		                   " WHERE p.pool_id = :pool"
		                   " AND (CAST(:scope AS text) IS NULL OR p.kommune = :scope)"
		                   " ORDER BY p.paid_on, p.id");
	else
		s = db_prepare(db, "SELECT x.id, x.kommune, k.navn, x.spent_on, x.amount_ore, x.text, 0"
		                   " FROM pool_spend x JOIN kommuner k ON k.kode = x.kommune"
		                   " WHERE x.pool_id = :pool"
		                   " AND (CAST(:scope AS text) IS NULL OR x.kommune = :scope)"
		                   " ORDER BY x.spent_on, x.id");
	if (!s || (db_bind_int(s, ":pool", pool_id) | db_bind_text(s, ":scope", scope))) {
		db_done(s);
		return ERR_DB;
	}
	struct pool_entry *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_entry(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- the final report */

/* held meetings of the network at which a member of municipality k.kode was present: an
 * enterprise or unit of it, or a person whose e-mail is one of its users' */
#define ATTENDED                                                                           \
	"(SELECT count(*) FROM network_meetings nm WHERE nm.network_id = :network"             \
	" AND nm.status = 'held' AND EXISTS (SELECT 1 FROM meeting_attendance ma"              \
	"  JOIN network_members mb ON mb.id = ma.member_id"                                    \
	"  LEFT JOIN enterprises e ON e.id = mb.enterprise_id"                                 \
	"  LEFT JOIN entry_units u ON u.id = mb.unit_id"                                       \
	"  WHERE ma.meeting_id = nm.id AND ma.present = 1 AND (e.kommune = k.kode"             \
	"   OR u.kommune = k.kode OR (mb.kind = 'person' AND mb.email <> '' AND EXISTS"        \
	"   (SELECT 1 FROM users us WHERE lower(us.email) = lower(mb.email)"                   \
	"    AND us.kommune = k.kode)))))"

int pools_store_status(struct db *db, struct arena *a, int64_t pool_id, int64_t network_id,
                       const char *scope, struct pool_status **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT k.kode, k.navn, x.status, coalesce(x.amount_ore, 0),"
		" (SELECT coalesce(sum(amount_ore), 0) FROM pool_grants WHERE pool_id = :pool AND kommune = k.kode),"
		" (SELECT coalesce(sum(amount_ore), 0) FROM pool_payments WHERE pool_id = :pool AND kommune = k.kode),"
		" (SELECT coalesce(sum(amount_ore), 0) FROM pool_spend WHERE pool_id = :pool AND kommune = k.kode),"
		" " ATTENDED
		" FROM kommuner k LEFT JOIN pool_applications x ON x.pool_id = :pool AND x.kommune = k.kode"
		" WHERE (CAST(:scope AS text) IS NULL OR k.kode = :scope) AND (x.id IS NOT NULL OR EXISTS"
		"  (SELECT 1 FROM pool_grants WHERE pool_id = :pool AND kommune = k.kode))"
		" ORDER BY k.navn COLLATE da");
	if (!s || (db_bind_int(s, ":pool", pool_id) | db_bind_text(s, ":scope", scope) |
	           db_bind_int(s, ":network", network_id))) {
		db_done(s);
		return ERR_DB;
	}
	struct pool_status *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct pool_status *x = ARENA_PUSH(a, out, count, cap);
		x->kommune = db_col_dup(a, s, 0);
		x->kommune_navn = db_col_dup(a, s, 1);
		x->application_status = db_col_dup(a, s, 2);
		x->applied_ore = db_col_int(s, 3);
		x->granted_ore = db_col_int(s, 4);
		x->paid_ore = db_col_int(s, 5);
		x->spent_ore = db_col_int(s, 6);
		x->meetings_attended = (int)db_col_int(s, 7);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}
