/*
 * employment_stats_store.c — the SQL of Tabel 4 from data. Layer: store of the employment
 * capability: statements only, no rules.
 */
#include "employment_stats_store.h"

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

int employment_stats_store_rows(struct db *db, struct arena *a, const char *from, const char *to,
                                const char *kommune, struct employment_row **rows, int *n)
{
	/* the columns in the order of enum employment_column; the index placements_kommune
	 * (kommune, start) serves both the period and one municipality */
	struct db_stmt *s = db_prepare(db,
		"SELECT p.kommune, k.navn,"
		" sum(CASE WHEN p.scheme = 'ordinaer' THEN 1 ELSE 0 END),"
		" sum(CASE WHEN p.scheme = 'fleksjob' AND e.kind = 'soev' THEN 1 ELSE 0 END),"
		" sum(CASE WHEN p.scheme = 'fleksjob' AND e.kind = 'company' THEN 1 ELSE 0 END),"
		" sum(CASE WHEN p.scheme IN ('ressourceforloeb', 'praktik', 'loentilskud')"
		"  AND e.kind = 'soev' THEN 1 ELSE 0 END),"
		" count(DISTINCT CASE WHEN p.inhouse = 1 AND e.kind = 'company' THEN p.enterprise_id END)"
		" FROM placements p JOIN enterprises e ON e.id = p.enterprise_id"
		" JOIN kommuner k ON k.kode = p.kommune"
		" WHERE p.start BETWEEN :from AND :to"
		" AND (CAST(:kommune AS text) IS NULL OR p.kommune = :kommune)"
		" GROUP BY p.kommune, k.navn ORDER BY k.navn COLLATE da");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":from", from) | db_bind_text(s, ":to", to) |
	    db_bind_text(s, ":kommune", kommune)) {
		db_done(s);
		return ERR_DB;
	}
	struct employment_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct employment_row *r = ARENA_PUSH(a, out, count, cap);
		r->kommune = db_col_dup(a, s, 0);
		r->navn = db_col_dup(a, s, 1);
		for (int c = 0; c < EMP_COLUMNS; c++)
			r->cells[c] = (struct employment_cell){(int)db_col_int(s, 2 + c), EMP_EXACT};
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int employment_stats_store_inhouse(struct db *db, const char *from, const char *to,
                                   const char *kommune, int *count)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT count(DISTINCT p.enterprise_id) FROM placements p"
		" JOIN enterprises e ON e.id = p.enterprise_id"
		" WHERE p.inhouse = 1 AND e.kind = 'company' AND p.start BETWEEN :from AND :to"
		" AND (CAST(:kommune AS text) IS NULL OR p.kommune = :kommune)");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":from", from) | db_bind_text(s, ":to", to) |
	         db_bind_text(s, ":kommune", kommune) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*count = (int)db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc < 0 ? rc : ERR_DB;
}

int employment_stats_store_round(struct db *db, struct arena *a, const char *code,
                                 const char **round)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT rd.code FROM survey_rounds rd JOIN surveys sv ON sv.id = rd.survey_id"
		" WHERE sv.code = :code AND EXISTS (SELECT 1 FROM survey_responses r"
		"   WHERE r.round_id = rd.id AND r.submitted_at IS NOT NULL)"
		" ORDER BY rd.closes IS NULL, rd.closes DESC, rd.id DESC LIMIT 1");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":code", code) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*round = db_col_dup(a, s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}
