/*
 * strategies_store.c — the SQL of strategies, their goals, the manual values and the live
 * counts behind every metric. Layer: store of the collab capability. Filters are fixed
 * fragments "(CAST(:x AS text) IS NULL OR col = :x)" with every parameter bound (the CAST gives
 * PostgreSQL a type for a NULL); no SQL text is built from input.
 *
 * The counts read other capabilities' tables, read-only: enterprises (registry),
 * advisory_sessions (entry), networks and network_meetings (collab's networks), placements and
 * openings (employment) and purchases (procurement). Nothing here writes to them.
 */
#include "strategies_store.h"

#include <limits.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* ---------------------------------------------------------------- strategies */

int strategies_store_insert(struct db *db, const struct strategy *s, int64_t *id)
{
	struct db_stmt *st = db_prepare(db,
		"INSERT INTO strategies (kommune, title, adopted_by, adopted_on, period_start, period_end,"
		" link, public, created_at, updated_at) VALUES (:kommune, :title, :by, :on, :start, :end,"
		" :link, :public, " NOW ", " NOW ")");
	int rc = db_run(st, st ? db_bind_text(st, ":kommune", s->kommune) |
	                             db_bind_text(st, ":title", s->title) |
	                             db_bind_text(st, ":by", s->adopted_by) |
	                             db_bind_text(st, ":on", s->adopted_on) |
	                             db_bind_text(st, ":start", s->period_start) |
	                             db_bind_text(st, ":end", s->period_end) |
	                             db_bind_text(st, ":link", s->link) |
	                             db_bind_int(st, ":public", s->public)
	                       : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int strategies_store_update(struct db *db, const struct strategy *s)
{
	struct db_stmt *st = db_prepare(db,
		"UPDATE strategies SET title = :title, adopted_by = :by, adopted_on = :on,"
		" period_start = :start, period_end = :end, link = :link, public = :public,"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(st, st ? db_bind_text(st, ":title", s->title) |
	                             db_bind_text(st, ":by", s->adopted_by) |
	                             db_bind_text(st, ":on", s->adopted_on) |
	                             db_bind_text(st, ":start", s->period_start) |
	                             db_bind_text(st, ":end", s->period_end) |
	                             db_bind_text(st, ":link", s->link) |
	                             db_bind_int(st, ":public", s->public) |
	                             db_bind_int(st, ":id", s->id)
	                       : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_STRATEGY                                                                    \
	"SELECT s.id, s.kommune, k.navn, s.title, s.adopted_by, s.adopted_on, s.period_start,"  \
	" s.period_end, s.link, s.public, s.document_name, coalesce(length(s.document), 0),"    \
	" (SELECT count(*) FROM strategy_goals WHERE strategy_id = s.id), s.created_at,"       \
	" s.updated_at FROM strategies s JOIN kommuner k ON k.kode = s.kommune"

static void read_strategy(struct db_stmt *st, struct arena *a, struct strategy *s)
{
	memset(s, 0, sizeof(*s));
	s->id = db_col_int(st, 0);
	s->kommune = db_col_dup(a, st, 1);
	s->kommune_navn = db_col_dup(a, st, 2);
	s->title = db_col_dup(a, st, 3);
	s->adopted_by = db_col_dup(a, st, 4);
	s->adopted_on = db_col_dup(a, st, 5);
	s->period_start = db_col_dup(a, st, 6);
	s->period_end = db_col_dup(a, st, 7);
	s->link = db_col_dup(a, st, 8);
	s->public = db_col_int(st, 9) != 0;
	s->document_name = db_col_dup(a, st, 10);
	s->document_size = db_col_int(st, 11);
	s->ngoals = (int)db_col_int(st, 12);
	s->created_at = db_col_dup(a, st, 13);
	s->updated_at = db_col_dup(a, st, 14);
}

int strategies_store_get(struct db *db, struct arena *a, int64_t id, struct strategy *out)
{
	struct db_stmt *st = db_prepare(db, SELECT_STRATEGY " WHERE s.id = :id");
	if (!st)
		return ERR_DB;
	int rc = db_bind_int(st, ":id", id) ? ERR_DB : db_step(st);
	if (rc == DB_ROW)
		read_strategy(st, a, out);
	db_done(st);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

#define STRATEGIES_WHERE                                                                   \
	" WHERE (:all = 1 OR s.public = 1 OR s.kommune = :scope)"                              \
	" AND (CAST(:kommune AS text) IS NULL OR s.kommune = :kommune)"

/* the list's statement in the order sort: fixed texts, one per order */
static struct db_stmt *list_stmt(struct db *db, int sort)
{
	if (sort == STRATEGIES_BY_TITLE)
		return db_prepare(db, SELECT_STRATEGY STRATEGIES_WHERE
			" ORDER BY s.title COLLATE da, s.id LIMIT :limit OFFSET :offset");
	if (sort == STRATEGIES_BY_NEWEST)
		return db_prepare(db, SELECT_STRATEGY STRATEGIES_WHERE
			" ORDER BY s.period_start DESC, s.period_end DESC, s.id LIMIT :limit OFFSET :offset");
	return db_prepare(db, SELECT_STRATEGY STRATEGIES_WHERE
		" ORDER BY k.navn COLLATE da, s.period_start DESC, s.id LIMIT :limit OFFSET :offset");
}

int strategies_store_list(struct db *db, struct arena *a, int all_rows, const char *scope,
                          const char *kommune, int sort, int limit, int offset,
                          struct strategy **items, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM strategies s" STRATEGIES_WHERE);
	if (!c)
		return ERR_DB;
	if ((db_bind_int(c, ":all", all_rows) | db_bind_text(c, ":scope", scope) |
	     db_bind_text(c, ":kommune", kommune)) ||
	    db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *st = list_stmt(db, sort);
	if (!st)
		return ERR_DB;
	if (db_bind_int(st, ":all", all_rows) | db_bind_text(st, ":scope", scope) |
	    db_bind_text(st, ":kommune", kommune) | db_bind_int(st, ":limit", limit) |
	    db_bind_int(st, ":offset", offset)) {
		db_done(st);
		return ERR_DB;
	}
	struct strategy *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		read_strategy(st, a, ARENA_PUSH(a, out, count, cap));
	db_done(st);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int strategies_store_delete(struct db *db, int64_t id)
{
	struct db_stmt *st = db_prepare(db, "DELETE FROM strategies WHERE id = :id");
	int rc = db_run(st, st ? db_bind_int(st, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int strategies_store_kommune_exists(struct db *db, const char *kommune, int *exists)
{
	struct db_stmt *st = db_prepare(db, "SELECT count(*) FROM kommuner WHERE kode = :k");
	if (!st)
		return ERR_DB;
	int rc = db_bind_text(st, ":k", kommune) ? ERR_DB : db_step(st);
	if (rc == DB_ROW)
		*exists = db_col_int(st, 0) > 0;
	db_done(st);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int strategies_store_set_document(struct db *db, int64_t id, const unsigned char *data,
                                  size_t len, const char *name)
{
	if (len > INT_MAX)
		return ERR_TOOBIG;
	struct db_stmt *st = db_prepare(db,
		"UPDATE strategies SET document = :doc, document_name = :name, updated_at = " NOW
		" WHERE id = :id");
	int rc = db_run(st, st ? db_bind_blob(st, ":doc", data, (int)len) |
	                             db_bind_text(st, ":name", name) | db_bind_int(st, ":id", id)
	                       : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int strategies_store_document(struct db *db, struct arena *a, int64_t id,
                              const unsigned char **data, size_t *len, const char **name)
{
	struct db_stmt *st = db_prepare(db, "SELECT document, document_name FROM strategies"
	                                    " WHERE id = :id AND document IS NOT NULL");
	if (!st)
		return ERR_DB;
	int rc = db_bind_int(st, ":id", id) ? ERR_DB : db_step(st);
	if (rc == DB_ROW) {
		int n = 0;
		*data = db_col_blob_dup(a, st, 0, &n);
		*len = (size_t)n;
		*name = db_col_dup(a, st, 1);
	}
	db_done(st);
	return rc == DB_ROW ? (*data ? 0 : ERR_NOTFOUND) : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

/* ---------------------------------------------------------------- goals */

int goals_store_insert(struct db *db, const struct goal *g, int64_t *id)
{
	struct db_stmt *st = db_prepare(db,
		"INSERT INTO strategy_goals (strategy_id, title, metric, baseline_date, target, deadline,"
		" created_at, updated_at) VALUES (:strategy, :title, :metric, :baseline, :target,"
		" :deadline, " NOW ", " NOW ")");
	int rc = db_run(st, st ? db_bind_int(st, ":strategy", g->strategy_id) |
	                             db_bind_text(st, ":title", g->title) |
	                             db_bind_text(st, ":metric", goal_metric_key(g->metric)) |
	                             db_bind_text(st, ":baseline", g->baseline_date) |
	                             db_bind_int(st, ":target", g->target) |
	                             db_bind_text(st, ":deadline", g->deadline)
	                       : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int goals_store_update(struct db *db, const struct goal *g)
{
	struct db_stmt *st = db_prepare(db,
		"UPDATE strategy_goals SET title = :title, baseline_date = :baseline, target = :target,"
		" deadline = :deadline, updated_at = " NOW " WHERE id = :id");
	int rc = db_run(st, st ? db_bind_text(st, ":title", g->title) |
	                             db_bind_text(st, ":baseline", g->baseline_date) |
	                             db_bind_int(st, ":target", g->target) |
	                             db_bind_text(st, ":deadline", g->deadline) |
	                             db_bind_int(st, ":id", g->id)
	                       : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_GOAL                                                                        \
	"SELECT id, strategy_id, title, metric, baseline_date, target, deadline, created_at,"   \
	" updated_at FROM strategy_goals"

static void read_goal(struct db_stmt *st, struct arena *a, struct goal *g)
{
	memset(g, 0, sizeof(*g));
	g->id = db_col_int(st, 0);
	g->strategy_id = db_col_int(st, 1);
	g->title = db_col_dup(a, st, 2);
	enum goal_metric m = GOAL_MANUAL;
	goal_metric_parse(db_col_text(st, 3), &m);
	g->metric = m;
	g->baseline_date = db_col_dup(a, st, 4);
	g->target = db_col_int(st, 5);
	g->deadline = db_col_dup(a, st, 6);
	g->created_at = db_col_dup(a, st, 7);
	g->updated_at = db_col_dup(a, st, 8);
}

int goals_store_get(struct db *db, struct arena *a, int64_t id, struct goal *out)
{
	struct db_stmt *st = db_prepare(db, SELECT_GOAL " WHERE id = :id");
	if (!st)
		return ERR_DB;
	int rc = db_bind_int(st, ":id", id) ? ERR_DB : db_step(st);
	if (rc == DB_ROW)
		read_goal(st, a, out);
	db_done(st);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int goals_store_delete(struct db *db, int64_t id)
{
	struct db_stmt *st = db_prepare(db, "DELETE FROM strategy_goals WHERE id = :id");
	int rc = db_run(st, st ? db_bind_int(st, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int goals_store_list(struct db *db, struct arena *a, int64_t strategy_id, struct goal **items,
                     int *n)
{
	struct db_stmt *st = db_prepare(db, SELECT_GOAL " WHERE strategy_id = :s ORDER BY id");
	if (!st)
		return ERR_DB;
	if (db_bind_int(st, ":s", strategy_id)) {
		db_done(st);
		return ERR_DB;
	}
	struct goal *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		read_goal(st, a, ARENA_PUSH(a, out, count, cap));
	db_done(st);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int goals_store_value_insert(struct db *db, const struct goal_value *v, int64_t by_id,
                             int64_t *id)
{
	struct db_stmt *st = db_prepare(db,
		"INSERT INTO goal_values (goal_id, date, value, created_by, created_by_name, created_at)"
		" VALUES (:goal, :date, :value, :by, :name, " NOW ")");
	int rc = db_run(st, st ? db_bind_int(st, ":goal", v->goal_id) |
	                             db_bind_text(st, ":date", v->date) |
	                             db_bind_int(st, ":value", v->value) |
	                             (by_id > 0 ? db_bind_int(st, ":by", by_id) : db_bind_null(st, ":by")) |
	                             db_bind_text(st, ":name", v->by_name ? v->by_name : "")
	                       : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int goals_store_values(struct db *db, struct arena *a, int64_t goal_id, struct goal_value **items,
                       int *n)
{
	struct db_stmt *st = db_prepare(db,
		"SELECT id, goal_id, date, value, created_by_name, created_at FROM goal_values"
		" WHERE goal_id = :goal ORDER BY date DESC, id DESC");
	if (!st)
		return ERR_DB;
	if (db_bind_int(st, ":goal", goal_id)) {
		db_done(st);
		return ERR_DB;
	}
	struct goal_value *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct goal_value *v = ARENA_PUSH(a, out, count, cap);
		v->id = db_col_int(st, 0);
		v->goal_id = db_col_int(st, 1);
		v->date = db_col_dup(a, st, 2);
		v->value = db_col_int(st, 3);
		v->by_name = db_col_dup(a, st, 4);
		v->created_at = db_col_dup(a, st, 5);
	}
	db_done(st);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- the live counts */

/* SØV (kind soev) enterprises of :k: the registry's metrics count only these. The registry
 * (src/registry) owns enterprises; its dates say when each event happened. */
#define SOEV_OF_K " FROM enterprises WHERE kommune = :k AND kind = 'soev'"

/* the statement of metric; every one binds :k, :from and :day (some ignore one of them) and
 * returns one number */
static struct db_stmt *count_stmt(struct db *db, enum goal_metric metric)
{
	switch (metric) {
	case GOAL_NEW_RSV_REGISTERED:
		return db_prepare(db, "SELECT count(*)" SOEV_OF_K
		                      " AND rsv_registered BETWEEN :from AND :day AND :g IS NOT NULL");
	case GOAL_ESTABLISHED:
		return db_prepare(db, "SELECT count(*)" SOEV_OF_K
		                      " AND established BETWEEN :from AND :day AND :g IS NOT NULL");
	case GOAL_SPINOFFS:
		/* a spin-off of a company or of the municipality counts when it is established (or
		 * registered, when the registry has no establishment date) */
		return db_prepare(db, "SELECT count(*)" SOEV_OF_K
		                      " AND origin IN ('company_spinoff', 'kommune_spinoff')"
		                      " AND coalesce(established, rsv_registered) BETWEEN :from AND :day"
		                      " AND :g IS NOT NULL");
	case GOAL_ATTRACTED:
		/* attracted from elsewhere: origin existing_outside, counted when it started here
		 * (its establishment date in the registry, or its RSV registration) */
		return db_prepare(db, "SELECT count(*)" SOEV_OF_K " AND origin = 'existing_outside'"
		                      " AND coalesce(established, rsv_registered) BETWEEN :from AND :day"
		                      " AND :g IS NOT NULL");
	case GOAL_PIPELINE:
		/* on the way on :day, as registry_status_on says: pipeline_since by then, neither
		 * established nor closed by then (a state, not events: :from is not used) */
		return db_prepare(db, "SELECT count(*)" SOEV_OF_K
		                      " AND pipeline_since <= :day"
		                      " AND (established IS NULL OR established > :day)"
		                      " AND (closed IS NULL OR closed > :day)"
		                      " AND CAST(:from AS text) IS NOT NULL AND :g IS NOT NULL");
	case GOAL_ADVISORY_SESSIONS:
		/* advisory_sessions belongs to the one entry point (src/entry) */
		return db_prepare(db, "SELECT count(*) FROM advisory_sessions WHERE kommune = :k"
		                      " AND date BETWEEN :from AND :day AND :g IS NOT NULL");
	case GOAL_NETWORK_MEETINGS:
		/* networks and network_meetings belong to collab's networks (networks_store.c) */
		return db_prepare(db, "SELECT count(*) FROM network_meetings m"
		                      " JOIN networks n ON n.id = m.network_id"
		                      " WHERE n.kommune = :k AND m.status = 'held'"
		                      " AND substr(m.starts_at, 1, 10) BETWEEN :from AND :day"
		                      " AND :g IS NOT NULL");
	case GOAL_POSITIONS:
		/* placements belong to employment (src/employment): the citizens of :k placed */
		return db_prepare(db, "SELECT count(*) FROM placements WHERE kommune = :k"
		                      " AND start BETWEEN :from AND :day AND :g IS NOT NULL");
	case GOAL_FLEKSJOB:
		return db_prepare(db, "SELECT count(*) FROM placements WHERE kommune = :k"
		                      " AND scheme = 'fleksjob' AND start BETWEEN :from AND :day"
		                      " AND :g IS NOT NULL");
	case GOAL_INHOUSE_COMPANIES:
		/* enterprises of :k with an Inhouse group (employment's openings and placements),
		 * counted on the first day of their first one */
		return db_prepare(db, "SELECT count(*) FROM (SELECT x.enterprise_id, min(x.d) AS first"
		                      " FROM (SELECT enterprise_id, start AS d FROM placements"
		                      " WHERE inhouse = 1 UNION ALL"
		                      " SELECT enterprise_id, coalesce(starts, substr(created_at, 1, 10))"
		                      " FROM openings WHERE inhouse = 1) x"
		                      " JOIN enterprises e ON e.id = x.enterprise_id"
		                      " WHERE e.kommune = :k GROUP BY x.enterprise_id) AS y"
		                      " WHERE first BETWEEN :from AND :day AND :g IS NOT NULL");
	case GOAL_SOEV_SPEND:
		/* purchases belong to procurement (src/procurement): the municipality's spend with
		 * SØV enterprises, in øre */
		return db_prepare(db, "SELECT coalesce(sum(p.amount_ore), 0) FROM purchases p"
		                      " JOIN enterprises e ON e.id = p.enterprise_id"
		                      " WHERE p.kommune = :k AND e.kind = 'soev'"
		                      " AND p.date BETWEEN :from AND :day AND :g IS NOT NULL");
	case GOAL_MANUAL:
		return db_prepare(db, "SELECT coalesce((SELECT value FROM goal_values WHERE goal_id = :g"
		                      " AND date <= :day ORDER BY date DESC, id DESC LIMIT 1), 0), :k, :from");
	case GOAL_NMETRICS:
		break;
	}
	return NULL;
}

int goals_store_count(struct db *db, enum goal_metric metric, const char *kommune,
                      int64_t goal_id, const char *from, const char *day, int64_t *out)
{
	struct db_stmt *st = count_stmt(db, metric);
	if (!st)
		return ERR_DB;
	int rc = (db_bind_text(st, ":k", kommune) | db_bind_text(st, ":from", from) |
	          db_bind_text(st, ":day", day) | db_bind_int(st, ":g", goal_id))
	             ? ERR_DB
	             : db_step(st);
	if (rc == DB_ROW)
		*out = db_col_int(st, 0);
	db_done(st);
	return rc == DB_ROW ? 0 : ERR_DB;
}
