/*
 * spend_store.c — the SQL of spend. Layer: store of the procurement capability. Three literal
 * statements, one per breakdown, with the same fixed filter.
 */
#include "spend_store.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

/* a year's purchases from social-economy enterprises, of one municipality or all */
#define SPEND_FROM " FROM purchases p JOIN enterprises e ON e.id = p.enterprise_id"
#define SPEND_WHERE                                                                       \
	" WHERE e.kind = 'soev' AND p.date >= :year_first AND p.date <= :year_last"       \
	" AND (:kommune IS NULL OR p.kommune = :kommune)"

/* binds :year_first and :year_last, the year's first and last day as text, and :kommune in s;
 * nonzero when a bind failed */
static int bind_filter(struct db_stmt *s, int year, const char *kommune)
{
	char first[24], last[24];
	snprintf(first, sizeof(first), "%04d-01-01", year);
	snprintf(last, sizeof(last), "%04d-12-31", year);
	return db_bind_text(s, ":year_first", first) | db_bind_text(s, ":year_last", last) |
	       db_bind_text(s, ":kommune", kommune);
}

static int read_rows(struct db_stmt *s, struct arena *a, int year, const char *kommune,
                     struct spend_row **rows, int *n)
{
	if (!s)
		return ERR_DB;
	if (bind_filter(s, year, kommune)) {
		db_done(s);
		return ERR_DB;
	}
	struct spend_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct spend_row *r = ARENA_PUSH(a, out, count, cap);
		r->key = db_col_dup(a, s, 0);
		r->label = db_col_dup(a, s, 1);
		r->amount_ore = db_col_int(s, 2);
		r->purchases = (int)db_col_int(s, 3);
		r->enterprises = (int)db_col_int(s, 4);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int spend_store_rows(struct db *db, struct arena *a, int year, const char *kommune,
                     enum spend_by what, struct spend_row **rows, int *n, struct spend_row *total)
{
	struct db_stmt *s;
	if (what == SPEND_ENTERPRISE)
		s = db_prepare(db, "SELECT CAST(p.enterprise_id AS TEXT), e.name, sum(p.amount_ore),"
		                   " count(*), 1" SPEND_FROM SPEND_WHERE
		                   " GROUP BY p.enterprise_id, e.name ORDER BY sum(p.amount_ore) DESC, e.name");
	else if (what == SPEND_SERVICE)
		s = db_prepare(db, "SELECT p.service, coalesce(sv.label, 'Ingen ydelse angivet'),"
		                   " sum(p.amount_ore), count(*), count(DISTINCT p.enterprise_id)" SPEND_FROM
		                   " LEFT JOIN services sv ON sv.key = p.service" SPEND_WHERE
		                   " GROUP BY p.service, sv.label"
		                   " ORDER BY sum(p.amount_ore) DESC, p.service NULLS FIRST");
	else
		s = db_prepare(db, "SELECT p.kommune, k.navn, sum(p.amount_ore), count(*),"
		                   " count(DISTINCT p.enterprise_id)" SPEND_FROM
		                   " JOIN kommuner k ON k.kode = p.kommune" SPEND_WHERE
		                   " GROUP BY p.kommune, k.navn ORDER BY sum(p.amount_ore) DESC, p.kommune");
	int rc = read_rows(s, a, year, kommune, rows, n);
	if (rc)
		return rc;
	s = db_prepare(db, "SELECT coalesce(sum(p.amount_ore), 0), count(*),"
	                   " count(DISTINCT p.enterprise_id)" SPEND_FROM SPEND_WHERE);
	if (!s)
		return ERR_DB;
	rc = bind_filter(s, year, kommune) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		memset(total, 0, sizeof(*total));
		total->label = "I alt";
		total->amount_ore = db_col_int(s, 0);
		total->purchases = (int)db_col_int(s, 1);
		total->enterprises = (int)db_col_int(s, 2);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}
