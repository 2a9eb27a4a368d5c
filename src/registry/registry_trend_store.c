/*
 * registry_trend_store.c — the SQL of the registry's figures over time. Layer: store of the
 * registry capability. The conditions of the members' query are those of
 * registry_store_tabel1's counts, one branch per column, so a figure and its list agree.
 */
#include "registry_trend_store.h"

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

int registry_trend_store_closed(struct db *db, const char *from, const char *to,
                                const char *kommune, void (*on)(void *ctx, int year, int count),
                                void *ctx)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT CAST(substr(closed, 1, 4) AS INTEGER) AS y, count(*) FROM enterprises"
		" WHERE kind = 'soev' AND closed BETWEEN :from AND :to AND established <= closed"
		" AND (CAST(:kommune AS TEXT) IS NULL OR kommune = :kommune)"
		" GROUP BY y");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":from", from) | db_bind_text(s, ":to", to) |
	    db_bind_text(s, ":kommune", kommune)) {
		db_done(s);
		return ERR_DB;
	}
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		on(ctx, (int)db_col_int(s, 0), (int)db_col_int(s, 1));
	db_done(s);
	return rc < 0 ? rc : 0;
}

int registry_trend_store_members(struct db *db, struct arena *a, const char *from,
                                 const char *cut, const char *kommune, int column,
                                 struct tabel1_member **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT e.id, e.name, e.kommune, k.navn, e.pipeline_since, e.established,"
		" e.rsv_registered, e.closed"
		" FROM enterprises e JOIN kommuner k ON k.kode = e.kommune"
		" WHERE e.kind = 'soev' AND (CAST(:kommune AS TEXT) IS NULL OR e.kommune = :kommune) AND CASE :col"
		"  WHEN 0 THEN e.established <= :cut AND (e.closed IS NULL OR e.closed > :cut)"
		"  WHEN 1 THEN e.established <= :cut AND (e.closed IS NULL OR e.closed > :cut)"
		"   AND e.rsv_registered <= :cut"
		"  WHEN 2 THEN e.established BETWEEN :from AND :cut"
		"  WHEN 3 THEN (e.closed IS NULL OR e.closed > :cut)"
		"   AND (e.established IS NULL OR e.established > :cut) AND e.pipeline_since <= :cut"
		"  WHEN 4 THEN e.closed BETWEEN :from AND :cut AND e.established <= e.closed"
		"  ELSE false END"
		" ORDER BY k.navn COLLATE da, e.name_key, e.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":from", from) | db_bind_text(s, ":cut", cut) |
	    db_bind_text(s, ":kommune", kommune) | db_bind_int(s, ":col", column)) {
		db_done(s);
		return ERR_DB;
	}
	struct tabel1_member *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct tabel1_member *m = ARENA_PUSH(a, out, count, cap);
		m->id = db_col_int(s, 0);
		m->name = db_col_dup(a, s, 1);
		m->kommune = db_col_dup(a, s, 2);
		m->navn = db_col_dup(a, s, 3);
		m->pipeline_since = db_col_dup(a, s, 4);
		m->established = db_col_dup(a, s, 5);
		m->rsv_registered = db_col_dup(a, s, 6);
		m->closed = db_col_dup(a, s, 7);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}
