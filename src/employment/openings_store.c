/*
 * openings_store.c — the SQL of the openings. Layer: store of the employment capability.
 * Filters are fixed fragments "(CAST(:x AS text) IS NULL OR col = :x)" (the cast gives the
 * parameter its type where PostgreSQL first sees it) with every parameter bound, so no SQL
 * text is ever built from input; the two sort orders are two literal statements.
 */
#include "openings_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* binds o's own fields (:title ... :ends) in s; nonzero when a bind failed */
static int bind_fields(struct db_stmt *s, const struct opening *o)
{
	return db_bind_text(s, ":title", o->title) | db_bind_text(s, ":description", o->description) |
	       db_bind_text(s, ":disco", o->disco) | db_bind_int(s, ":schemes", o->schemes) |
	       db_bind_int(s, ":hours_min", o->hours_min) | db_bind_int(s, ":hours_max", o->hours_max) |
	       db_bind_int(s, ":times", o->times) | db_bind_int(s, ":inhouse", o->inhouse) |
	       db_bind_int(s, ":seats", o->seats) | db_bind_text(s, ":status", o->status) |
	       db_bind_text(s, ":starts", o->starts) | db_bind_text(s, ":ends", o->ends);
}

int openings_store_insert(struct db *db, const struct opening *o, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO openings (enterprise_id, title, description, disco, schemes, hours_min,"
		" hours_max, times, inhouse, seats, status, starts, ends, created_at, updated_at)"
		" VALUES (:enterprise_id, :title, :description, :disco, :schemes, :hours_min, :hours_max,"
		" :times, :inhouse, :seats, :status, :starts, :ends, " NOW ", " NOW ")");
	int rc = db_run(s, s ? bind_fields(s, o) | db_bind_int(s, ":enterprise_id", o->enterprise_id) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int openings_store_update(struct db *db, const struct opening *o)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE openings SET title = :title, description = :description, disco = :disco,"
		" schemes = :schemes, hours_min = :hours_min, hours_max = :hours_max, times = :times,"
		" inhouse = :inhouse, seats = :seats, status = :status, starts = :starts, ends = :ends,"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? bind_fields(s, o) | db_bind_int(s, ":id", o->id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int openings_store_set_lists(struct db *db, const struct opening *o)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM opening_tasks WHERE opening_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", o->id) : 0);
	for (int i = 0; rc == 0 && i < o->ntasks; i++) {
		s = db_prepare(db, "INSERT INTO opening_tasks (opening_id, task) VALUES (:id, :k)"
		                   " ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", o->id) | db_bind_text(s, ":k", o->tasks[i]) : 0);
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM opening_adaptations WHERE opening_id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", o->id) : 0);
	}
	for (int i = 0; rc == 0 && i < o->nadaptations; i++) {
		s = db_prepare(db, "INSERT INTO opening_adaptations (opening_id, adaptation)"
		                   " VALUES (:id, :k) ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", o->id) | db_bind_text(s, ":k", o->adaptations[i]) : 0);
	}
	return rc;
}

int openings_store_set_status(struct db *db, int64_t id, const char *status)
{
	struct db_stmt *s = db_prepare(db, "UPDATE openings SET status = :status, updated_at = " NOW
	                                   " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":status", status) | db_bind_int(s, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

/* Every column of an opening, its enterprise's name and home, and its two lists as keys joined
 * with commas in the managed lists' order (keys are [a-z0-9_], so a comma cannot be in one).
 * SELECT_OPENING_PG is the same for PostgreSQL, the lists joined by string_agg. */
#define SELECT_OPENING_COLUMNS                                                             \
	"SELECT o.id, o.enterprise_id, e.name, e.kommune, k.navn, o.title, o.description," \
	" o.disco, o.schemes, o.hours_min, o.hours_max, o.times, o.inhouse, o.seats,"      \
	" o.status, o.starts, o.ends, o.created_at, o.updated_at,"
#define SELECT_OPENING_FROM                                                             \
	" FROM openings o JOIN enterprises e ON e.id = o.enterprise_id"                 \
	" JOIN kommuner k ON k.kode = e.kommune"
#define SELECT_OPENING                                                                          \
	SELECT_OPENING_COLUMNS                                                                  \
	" (SELECT group_concat(key, ',') FROM (SELECT t.key AS key FROM opening_tasks ot"       \
	"   JOIN tasks t ON t.key = ot.task WHERE ot.opening_id = o.id ORDER BY t.position)),"  \
	" (SELECT group_concat(key, ',') FROM (SELECT d.key AS key FROM opening_adaptations oa" \
	"   JOIN adaptations d ON d.key = oa.adaptation WHERE oa.opening_id = o.id"             \
	"   ORDER BY d.position))"                                                              \
	SELECT_OPENING_FROM
#define SELECT_OPENING_PG                                                                 \
	SELECT_OPENING_COLUMNS                                                            \
	" (SELECT string_agg(t.key, ',' ORDER BY t.position) FROM opening_tasks ot"       \
	"   JOIN tasks t ON t.key = ot.task WHERE ot.opening_id = o.id),"                 \
	" (SELECT string_agg(d.key, ',' ORDER BY d.position) FROM opening_adaptations oa" \
	"   JOIN adaptations d ON d.key = oa.adaptation WHERE oa.opening_id = o.id)"      \
	SELECT_OPENING_FROM

/* the keys of a comma-joined list (NULL: none) as an array in a */
static void split_keys(struct arena *a, const char *csv, const char ***keys, int *n)
{
	*keys = NULL;
	*n = 0;
	if (!csv || !*csv)
		return;
	int count = 1;
	for (const char *p = csv; *p; p++)
		count += *p == ',';
	const char **out = arena_alloc(a, sizeof(*out) * (size_t)count);
	int k = 0;
	for (const char *p = csv;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		out[k++] = arena_strndup(a, p, len);
		if (!end)
			break;
		p = end + 1;
	}
	*keys = out;
	*n = k;
}

/* the current row of a SELECT_OPENING statement into o */
static void read_row(struct db_stmt *s, struct arena *a, struct opening *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_col_int(s, 0);
	o->enterprise_id = db_col_int(s, 1);
	o->enterprise_name = db_col_dup(a, s, 2);
	o->kommune = db_col_dup(a, s, 3);
	o->kommune_navn = db_col_dup(a, s, 4);
	o->title = db_col_dup(a, s, 5);
	o->description = db_col_dup(a, s, 6);
	o->disco = db_col_dup(a, s, 7);
	o->schemes = (int)db_col_int(s, 8);
	o->hours_min = (int)db_col_int(s, 9);
	o->hours_max = (int)db_col_int(s, 10);
	o->times = (int)db_col_int(s, 11);
	o->inhouse = db_col_int(s, 12) != 0;
	o->seats = (int)db_col_int(s, 13);
	o->status = db_col_dup(a, s, 14);
	o->starts = db_col_dup(a, s, 15);
	o->ends = db_col_dup(a, s, 16);
	o->created_at = db_col_dup(a, s, 17);
	o->updated_at = db_col_dup(a, s, 18);
	split_keys(a, db_col_text(s, 19), &o->tasks, &o->ntasks);
	split_keys(a, db_col_text(s, 20), &o->adaptations, &o->nadaptations);
}

int openings_store_get(struct db *db, struct arena *a, int64_t id, struct opening *out)
{
	struct db_stmt *s = db_prepare2(db, SELECT_OPENING " WHERE o.id = :id",
	                               SELECT_OPENING_PG " WHERE o.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_row(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

/* the caller's scope, then the query's filters: a parameter left NULL or 0 leaves its filter
 * out */
#define LIST_WHERE                                                                      \
	" WHERE (CAST(:scope AS text) IS NULL OR e.kommune = :scope)"                   \
	" AND (:scope_enterprise = 0 OR o.enterprise_id = :scope_enterprise)"           \
	" AND (CAST(:kommune AS text) IS NULL OR e.kommune = :kommune)"                 \
	" AND (:enterprise = 0 OR o.enterprise_id = :enterprise)"                       \
	" AND (CAST(:status AS text) IS NULL OR o.status = :status)"                    \
	" AND (:scheme = 0 OR (o.schemes & :scheme) <> 0)"                              \
	" AND (CAST(:task AS text) IS NULL"                                             \
	"   OR o.id IN (SELECT opening_id FROM opening_tasks WHERE task = :task))"

/* binds the scope and q's filters of LIST_WHERE in s; nonzero when a bind failed */
static int bind_query(struct db_stmt *s, const struct openings_query *q, const char *scope,
                      int64_t scope_enterprise)
{
	return db_bind_text(s, ":scope", scope) | db_bind_int(s, ":scope_enterprise", scope_enterprise) |
	       db_bind_text(s, ":kommune", q->kommune) | db_bind_int(s, ":enterprise", q->enterprise_id) |
	       db_bind_text(s, ":status", q->status) | db_bind_int(s, ":scheme", q->scheme) |
	       db_bind_text(s, ":task", q->task);
}

int openings_store_list(struct db *db, struct arena *a, const struct openings_query *q,
                        const char *scope_kommune, int64_t scope_enterprise,
                        struct opening **items, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM openings o"
	                                   " JOIN enterprises e ON e.id = o.enterprise_id" LIST_WHERE);
	if (!c)
		return ERR_DB;
	if (bind_query(c, q, scope_kommune, scope_enterprise) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = q->sort == OPENINGS_TITLE
		? db_prepare2(db, SELECT_OPENING LIST_WHERE
		                  " ORDER BY o.title COLLATE da, o.id LIMIT :limit OFFSET :offset",
		              SELECT_OPENING_PG LIST_WHERE
		                  " ORDER BY o.title COLLATE da, o.id LIMIT :limit OFFSET :offset")
		: db_prepare2(db, SELECT_OPENING LIST_WHERE " ORDER BY o.id DESC LIMIT :limit OFFSET :offset",
		              SELECT_OPENING_PG LIST_WHERE " ORDER BY o.id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (bind_query(s, q, scope_kommune, scope_enterprise) | db_bind_int(s, ":limit", q->limit) |
	    db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct opening *out = NULL;
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
