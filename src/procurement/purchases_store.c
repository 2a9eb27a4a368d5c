/*
 * purchases_store.c — the SQL of purchases. Layer: store of the procurement capability.
 * Filters are fixed fragments with every parameter bound.
 */
#include "purchases_store.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int bind_fields(struct db_stmt *s, const struct purchase *p, int64_t by)
{
	return db_bind_text(s, ":kommune", p->kommune) | db_bind_int(s, ":e", p->enterprise_id) |
	       db_bind_int(s, ":order", p->order_id) | db_bind_int(s, ":agreement", p->agreement_id) |
	       db_bind_text(s, ":date", p->date) | db_bind_int(s, ":amount", p->amount_ore) |
	       db_bind_text(s, ":service", p->service) | db_bind_text(s, ":description", p->description) |
	       db_bind_int(s, ":by", by);
}

int purchases_store_insert(struct db *db, const struct purchase *p, int64_t by, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO purchases (kommune, enterprise_id, order_id, agreement_id, date, amount_ore,"
		" service, description, created_by, created_at) VALUES (:kommune, :e, nullif(:order, 0),"
		" nullif(:agreement, 0), :date, :amount, :service, :description, nullif(:by, 0), " NOW ")");
	int rc = db_run(s, s ? bind_fields(s, p, by) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int purchases_store_insert_order(struct db *db, const struct purchase *p, int64_t by)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO purchases (kommune, enterprise_id, order_id, agreement_id, date,"
		" amount_ore, service, description, created_by, created_at) SELECT :kommune, :e,"
		" nullif(:order, 0), nullif(:agreement, 0), :date, :amount, :service, :description,"
		" nullif(:by, 0), " NOW " WHERE :amount > 0 ON CONFLICT DO NOTHING");
	return db_run(s, s ? bind_fields(s, p, by) : 0);
}

#define SELECT_PURCHASE                                                                   \
	"SELECT p.id, p.kommune, k.navn, p.enterprise_id, e.name, e.kind, p.order_id,"         \
	" p.agreement_id, p.date, p.amount_ore, p.service, s.label, p.description,"          \
	" p.created_by, p.created_at"                                                        \
	" FROM purchases p JOIN enterprises e ON e.id = p.enterprise_id"                     \
	" JOIN kommuner k ON k.kode = p.kommune LEFT JOIN services s ON s.key = p.service"

static void read_row(struct db_stmt *s, struct arena *a, struct purchase *p)
{
	memset(p, 0, sizeof(*p));
	p->id = db_col_int(s, 0);
	p->kommune = db_col_dup(a, s, 1);
	p->kommune_navn = db_col_dup(a, s, 2);
	p->enterprise_id = db_col_int(s, 3);
	p->enterprise_name = db_col_dup(a, s, 4);
	p->enterprise_kind = db_col_dup(a, s, 5);
	p->order_id = db_col_int(s, 6);
	p->agreement_id = db_col_int(s, 7);
	p->date = db_col_dup(a, s, 8);
	p->amount_ore = db_col_int(s, 9);
	p->service = db_col_dup(a, s, 10);
	p->service_label = db_col_dup(a, s, 11);
	p->description = db_col_dup(a, s, 12);
	p->created_by = db_col_int(s, 13);
	p->created_at = db_col_dup(a, s, 14);
}

int purchases_store_get(struct db *db, struct arena *a, int64_t id, struct purchase *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_PURCHASE " WHERE p.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_row(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int purchases_store_delete(struct db *db, int64_t id)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM purchases WHERE id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int purchases_store_service_exists(struct db *db, const char *key, int *yes)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM services WHERE key = :k");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", key) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*yes = db_col_int(s, 0) > 0;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

#define LIST_WHERE                                                                        \
	" WHERE (:scope IS NULL OR p.kommune = :scope)"                                        \
	" AND (:kommune IS NULL OR p.kommune = :kommune)"                                      \
	" AND (:year = 0 OR (p.date >= :year_first AND p.date <= :year_last))"                 \
	" AND (:enterprise = 0 OR p.enterprise_id = :enterprise)"                              \
	" AND (:service IS NULL OR p.service = :service)"

static int bind_query(struct db_stmt *s, const struct purchases_query *q, const char *scope)
{
	/* the year's first and last day as text, as the dates are kept */
	char first[24], last[24];
	snprintf(first, sizeof(first), "%04d-01-01", q->year);
	snprintf(last, sizeof(last), "%04d-12-31", q->year);
	return db_bind_text(s, ":scope", scope) | db_bind_text(s, ":kommune", q->kommune) |
	       db_bind_int(s, ":year", q->year) | db_bind_text(s, ":year_first", first) |
	       db_bind_text(s, ":year_last", last) | db_bind_int(s, ":enterprise", q->enterprise_id) |
	       db_bind_text(s, ":service", q->service);
}

int purchases_store_list(struct db *db, struct arena *a, const struct purchases_query *q,
                         const char *scope, struct purchase **items, int *n, int *total,
                         int64_t *sum_ore)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*), coalesce(sum(p.amount_ore), 0)"
	                                   " FROM purchases p" LIST_WHERE);
	if (!c)
		return ERR_DB;
	if (bind_query(c, q, scope) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	*sum_ore = db_col_int(c, 1);
	db_done(c);
	struct db_stmt *s = q->sort == PURCHASES_AMOUNT
		? db_prepare(db, SELECT_PURCHASE LIST_WHERE
		                 " ORDER BY p.amount_ore DESC, p.id DESC LIMIT :limit OFFSET :offset")
		: db_prepare(db, SELECT_PURCHASE LIST_WHERE
		                 " ORDER BY p.date DESC, p.id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (bind_query(s, q, scope) | db_bind_int(s, ":limit", q->limit) |
	    db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct purchase *out = NULL;
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
