/*
 * entry_stats_store.c — the SQL of the entry point's figures. Layer: store of the entry
 * capability. Reads no contact's name, e-mail, phone or message.
 */
#include "entry_stats_store.h"

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

int entry_stats_store_inquiries(struct db *db, struct arena *a, const char *kommune,
                                const char *from, const char *to, struct inquiry_brief **rows,
                                int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT id, reference, topic, status, received_date, substr(closed_at, 1, 10)"
		" FROM inquiries WHERE kommune = :kommune AND received_date BETWEEN :from AND :to"
		" ORDER BY received_at, id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":kommune", kommune) | db_bind_text(s, ":from", from) |
	    db_bind_text(s, ":to", to)) {
		db_done(s);
		return ERR_DB;
	}
	struct inquiry_brief *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct inquiry_brief *q = ARENA_PUSH(a, out, count, cap);
		q->id = db_col_int(s, 0);
		q->reference = db_col_dup(a, s, 1);
		q->topic = db_col_dup(a, s, 2);
		q->status = db_col_dup(a, s, 3);
		q->received_date = db_col_dup(a, s, 4);
		q->closed_date = db_col_dup(a, s, 5);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

/* fills the rows of a (kommune, year, count) statement whose parameters are bound. The
 * statements order their groups, which SQLite's GROUP BY gives by itself and PostgreSQL's
 * hashed one does not */
static int read_counts(struct db_stmt *s, struct arena *a, struct kommune_year_count **rows,
                       int *n)
{
	struct kommune_year_count *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct kommune_year_count *c = ARENA_PUSH(a, out, count, cap);
		c->kommune = db_col_dup(a, s, 0);
		c->year = (int)db_col_int(s, 1);
		c->count = (int)db_col_int(s, 2);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int entry_stats_store_counts(struct db *db, struct arena *a, bool sessions, const char *from,
                             const char *to, struct kommune_year_count **rows, int *n)
{
	struct db_stmt *s = sessions
		? db_prepare(db, "SELECT kommune, CAST(substr(date, 1, 4) AS INTEGER) AS y, count(*)"
		                 " FROM advisory_sessions WHERE date BETWEEN :from AND :to"
		                 " GROUP BY kommune, y ORDER BY kommune, y")
		: db_prepare(db, "SELECT kommune, CAST(substr(received_date, 1, 4) AS INTEGER) AS y,"
		                 " count(*) FROM inquiries WHERE received_date BETWEEN :from AND :to"
		                 " GROUP BY kommune, y ORDER BY kommune, y");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":from", from) | db_bind_text(s, ":to", to)) {
		db_done(s);
		return ERR_DB;
	}
	return read_counts(s, a, rows, n);
}

int entry_stats_store_sessions(struct db *db, struct arena *a, const char *kommune,
                               const char *from, const char *to, struct session_brief **rows,
                               int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT s.id, s.date, s.topic, s.minutes, s.enterprise_id,"
		" CASE WHEN e.id IS NOT NULL THEN e.name ELSE s.entrepreneur END, s.follow_up"
		" FROM advisory_sessions s LEFT JOIN enterprises e ON e.id = s.enterprise_id"
		" WHERE s.kommune = :kommune AND s.date BETWEEN :from AND :to ORDER BY s.date, s.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":kommune", kommune) | db_bind_text(s, ":from", from) |
	    db_bind_text(s, ":to", to)) {
		db_done(s);
		return ERR_DB;
	}
	struct session_brief *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct session_brief *x = ARENA_PUSH(a, out, count, cap);
		x->id = db_col_int(s, 0);
		x->date = db_col_dup(a, s, 1);
		x->topic = db_col_dup(a, s, 2);
		x->minutes = (int)db_col_int(s, 3);
		x->enterprise_id = db_col_int(s, 4);
		x->who = db_col_dup(a, s, 5);
		x->follow_up = db_col_dup(a, s, 6);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}
