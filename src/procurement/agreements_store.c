/*
 * agreements_store.c — the SQL of voluntary purchase agreements. Layer: store of the
 * procurement capability. Filters are fixed fragments "(:x IS NULL OR col = :x)" with every
 * parameter bound; no SQL text is ever built from input.
 */
#include "agreements_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* binds g's own fields in s; nonzero when a bind failed */
static int bind_fields(struct db_stmt *s, const struct agreement *g)
{
	return db_bind_text(s, ":title", g->title) | db_bind_text(s, ":scope", g->scope) |
	       db_bind_text(s, ":terms", g->terms) | db_bind_text(s, ":cname", g->contact_name) |
	       db_bind_text(s, ":cemail", g->contact_email) |
	       db_bind_text(s, ":cphone", g->contact_phone) | db_bind_text(s, ":start", g->start) |
	       db_bind_text(s, ":end", g->end) | db_bind_text(s, ":status", g->status);
}

int agreements_store_insert(struct db *db, const struct agreement *g, int64_t by, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO agreements (kommune, enterprise_id, title, scope, terms, contact_name,"
		" contact_email, contact_phone, start, \"end\", status, created_by, created_at, updated_at)"
		" VALUES (:kommune, :enterprise, :title, :scope, :terms, :cname, :cemail, :cphone,"
		" :start, :end, :status, nullif(:by, 0), " NOW ", " NOW ")");
	int rc = db_run(s, s ? bind_fields(s, g) | db_bind_text(s, ":kommune", g->kommune) |
	                           db_bind_int(s, ":enterprise", g->enterprise_id) |
	                           db_bind_int(s, ":by", by)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int agreements_store_update(struct db *db, const struct agreement *g)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE agreements SET title = :title, scope = :scope, terms = :terms,"
		" contact_name = :cname, contact_email = :cemail, contact_phone = :cphone,"
		" start = :start, reminded_at = CASE WHEN \"end\" = :end THEN reminded_at END, \"end\" = :end,"
		" status = :status, updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? bind_fields(s, g) | db_bind_int(s, ":id", g->id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int agreements_store_set_products(struct db *db, const struct agreement *g)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM agreement_products WHERE agreement_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", g->id) : 0);
	for (int i = 0; rc == 0 && i < g->nproducts; i++) {
		s = db_prepare(db, "INSERT INTO agreement_products (agreement_id, product_id)"
		                   " VALUES (:id, :p) ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", g->id) | db_bind_int(s, ":p", g->products[i]) : 0);
	}
	return rc;
}

int agreements_store_foreign_products(struct db *db, const struct agreement *g, int *count)
{
	int bad = 0;
	for (int i = 0; i < g->nproducts; i++) {
		struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM products"
		                                   " WHERE id = :p AND enterprise_id = :e");
		if (!s)
			return ERR_DB;
		int rc = db_bind_int(s, ":p", g->products[i]) | db_bind_int(s, ":e", g->enterprise_id)
		             ? ERR_DB : db_step(s);
		if (rc != DB_ROW) {
			db_done(s);
			return ERR_DB;
		}
		bad += db_col_int(s, 0) == 0;
		db_done(s);
	}
	*count = bad;
	return 0;
}

#define SELECT_AGREEMENT                                                                  \
	"SELECT g.id, g.kommune, k.navn, g.enterprise_id, e.name, g.title, g.scope, g.terms,"  \
	" g.contact_name, g.contact_email, g.contact_phone, g.start, g.\"end\", g.status,"     \
	" g.reminded_at, g.created_by, g.created_at, g.updated_at"                           \
	" FROM agreements g JOIN enterprises e ON e.id = g.enterprise_id"                    \
	" JOIN kommuner k ON k.kode = g.kommune"

static void read_row(struct db_stmt *s, struct arena *a, struct agreement *g)
{
	memset(g, 0, sizeof(*g));
	g->id = db_col_int(s, 0);
	g->kommune = db_col_dup(a, s, 1);
	g->kommune_navn = db_col_dup(a, s, 2);
	g->enterprise_id = db_col_int(s, 3);
	g->enterprise_name = db_col_dup(a, s, 4);
	g->title = db_col_dup(a, s, 5);
	g->scope = db_col_dup(a, s, 6);
	g->terms = db_col_dup(a, s, 7);
	g->contact_name = db_col_dup(a, s, 8);
	g->contact_email = db_col_dup(a, s, 9);
	g->contact_phone = db_col_dup(a, s, 10);
	g->start = db_col_dup(a, s, 11);
	g->end = db_col_dup(a, s, 12);
	g->status = db_col_dup(a, s, 13);
	g->reminded_at = db_col_dup(a, s, 14);
	g->created_by = db_col_int(s, 15);
	g->created_at = db_col_dup(a, s, 16);
	g->updated_at = db_col_dup(a, s, 17);
}

int agreements_store_get(struct db *db, struct arena *a, int64_t id, struct agreement *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_AGREEMENT " WHERE g.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_row(s, a, out);
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	s = db_prepare(db, "SELECT product_id FROM agreement_products WHERE agreement_id = :id"
	                   " ORDER BY product_id");
	if (!s || db_bind_int(s, ":id", id)) {
		db_done(s);
		return ERR_DB;
	}
	int64_t *p = NULL;
	size_t count = 0, cap = 0;
	while ((rc = db_step(s)) == DB_ROW)
		*ARENA_PUSH(a, p, count, cap) = db_col_int(s, 0);
	db_done(s);
	if (rc < 0)
		return rc;
	out->products = p;
	out->nproducts = (int)count;
	return 0;
}

#define LIST_WHERE                                                                        \
	" WHERE (:scope IS NULL OR g.kommune = :scope)"                                        \
	" AND (:scope_enterprise = 0 OR g.enterprise_id = :scope_enterprise)"                  \
	" AND (:kommune IS NULL OR g.kommune = :kommune)"                                      \
	" AND (:enterprise = 0 OR g.enterprise_id = :enterprise)"                              \
	" AND (:status IS NULL OR g.status = :status)"                                         \
	" AND (:days = 0 OR (g.status = 'active' AND g.\"end\" >= :today"                      \
	"      AND g.\"end\" <= date(:today, '+' || :days || ' days')))"

static int bind_query(struct db_stmt *s, const struct agreements_query *q, const char *scope,
                      int64_t scope_enterprise)
{
	return db_bind_text(s, ":scope", scope) | db_bind_int(s, ":scope_enterprise", scope_enterprise) |
	       db_bind_text(s, ":kommune", q->kommune) | db_bind_int(s, ":enterprise", q->enterprise_id) |
	       db_bind_text(s, ":status", q->status) | db_bind_int(s, ":days", q->expiring_days) |
	       db_bind_text(s, ":today", q->today ? q->today : "2000-01-01");
}

int agreements_store_list(struct db *db, struct arena *a, const struct agreements_query *q,
                          const char *scope_kommune, int64_t scope_enterprise,
                          struct agreement **items, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM agreements g" LIST_WHERE);
	if (!c)
		return ERR_DB;
	if (bind_query(c, q, scope_kommune, scope_enterprise) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = q->by_title
		? db_prepare(db, SELECT_AGREEMENT LIST_WHERE
		                 " ORDER BY g.title COLLATE da, g.id LIMIT :limit OFFSET :offset")
		: db_prepare(db, SELECT_AGREEMENT LIST_WHERE
		                 " ORDER BY g.\"end\", g.id LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (bind_query(s, q, scope_kommune, scope_enterprise) | db_bind_int(s, ":limit", q->limit) |
	    db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct agreement *out = NULL;
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

int agreements_store_in_force(struct db *db, const char *kommune, int64_t enterprise_id,
                              const char *day, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT id FROM agreements WHERE kommune = :kommune AND enterprise_id = :e"
		" AND status = 'active' AND start <= :day AND \"end\" >= :day ORDER BY \"end\" DESC, id LIMIT 1");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":kommune", kommune) | db_bind_int(s, ":e", enterprise_id) |
	                 db_bind_text(s, ":day", day)
	             ? ERR_DB : db_step(s);
	*id = rc == DB_ROW ? db_col_int(s, 0) : 0;
	db_done(s);
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int agreements_store_due(struct db *db, struct arena *a, const char *day, const char *last,
                         struct agreement_due **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT g.id, g.kommune, g.title, e.name, g.\"end\", g.contact_email,"
		" (SELECT u.email FROM users u WHERE u.id = g.created_by AND u.active = 1)"
		" FROM agreements g JOIN enterprises e ON e.id = g.enterprise_id"
		" WHERE g.status = 'active' AND g.reminded_at IS NULL AND g.\"end\" >= :day"
		" AND g.\"end\" <= :last ORDER BY g.\"end\", g.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":day", day) | db_bind_text(s, ":last", last)) {
		db_done(s);
		return ERR_DB;
	}
	struct agreement_due *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct agreement_due *d = ARENA_PUSH(a, out, count, cap);
		d->id = db_col_int(s, 0);
		d->kommune = db_col_dup(a, s, 1);
		d->title = db_col_dup(a, s, 2);
		d->enterprise_name = db_col_dup(a, s, 3);
		d->end = db_col_dup(a, s, 4);
		d->contact_email = db_col_dup(a, s, 5);
		d->creator_email = db_col_dup(a, s, 6);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int agreements_store_mark_reminded(struct db *db, int64_t id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE agreements SET reminded_at = " NOW " WHERE id = :id");
	return db_run(s, s ? db_bind_int(s, ":id", id) : 0);
}
