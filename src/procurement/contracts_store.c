/*
 * contracts_store.c — the SQL of contracts and their commitments. Layer: store of the
 * procurement capability.
 */
#include "contracts_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int bind_fields(struct db_stmt *s, const struct contract *c)
{
	int rc = db_bind_int(s, ":tender", c->tender_id) | db_bind_int(s, ":agreement", c->agreement_id) |
	         db_bind_text(s, ":kind", c->kind) | db_bind_text(s, ":title", c->title) |
	         db_bind_text(s, ":start", c->start) | db_bind_text(s, ":end", c->end) |
	         db_bind_text(s, ":note", c->note);
	return rc | (c->has_value ? db_bind_int(s, ":value", c->value_ore) : db_bind_null(s, ":value"));
}

int contracts_store_insert(struct db *db, const struct contract *c, int64_t by, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO contracts (kommune, enterprise_id, tender_id, agreement_id, kind, title, start,"
		" \"end\", value_ore, note, created_by, created_at, updated_at) VALUES (:kommune, :e,"
		" nullif(:tender, 0), nullif(:agreement, 0), :kind, :title, :start, :end, :value, :note,"
		" nullif(:by, 0), " NOW ", " NOW ")");
	int rc = db_run(s, s ? bind_fields(s, c) | db_bind_text(s, ":kommune", c->kommune) |
	                           db_bind_int(s, ":e", c->enterprise_id) | db_bind_int(s, ":by", by)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int contracts_store_update(struct db *db, const struct contract *c)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE contracts SET tender_id = nullif(:tender, 0), agreement_id = nullif(:agreement, 0),"
		" kind = :kind, title = :title, start = :start, \"end\" = :end, value_ore = :value,"
		" note = :note, updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? bind_fields(s, c) | db_bind_int(s, ":id", c->id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int contracts_store_set_commitments(struct db *db, const struct contract *c)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM contract_commitments WHERE contract_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", c->id) : 0);
	for (int i = 0; rc == 0 && i < c->ncommitments; i++) {
		const struct commitment *m = &c->commitments[i];
		s = db_prepare(db, "INSERT INTO contract_commitments (contract_id, text, scheme, target,"
		                   " position) VALUES (:id, :text, :scheme, nullif(:target, 0), :pos)");
		rc = db_run(s, s ? db_bind_int(s, ":id", c->id) | db_bind_text(s, ":text", m->text) |
		                       db_bind_text(s, ":scheme", m->scheme) |
		                       db_bind_int(s, ":target", m->target) | db_bind_int(s, ":pos", i)
		                 : 0);
	}
	return rc;
}

#define SELECT_CONTRACT                                                                   \
	"SELECT c.id, c.kommune, k.navn, c.enterprise_id, e.name, c.tender_id, c.agreement_id,"\
	" c.kind, c.title, c.start, c.\"end\", c.value_ore, c.note, c.created_at, c.updated_at"   \
	" FROM contracts c JOIN enterprises e ON e.id = c.enterprise_id"                     \
	" JOIN kommuner k ON k.kode = c.kommune"

static void read_row(struct db_stmt *s, struct arena *a, struct contract *c)
{
	memset(c, 0, sizeof(*c));
	c->id = db_col_int(s, 0);
	c->kommune = db_col_dup(a, s, 1);
	c->kommune_navn = db_col_dup(a, s, 2);
	c->enterprise_id = db_col_int(s, 3);
	c->enterprise_name = db_col_dup(a, s, 4);
	c->tender_id = db_col_int(s, 5);
	c->agreement_id = db_col_int(s, 6);
	c->kind = db_col_dup(a, s, 7);
	c->title = db_col_dup(a, s, 8);
	c->start = db_col_dup(a, s, 9);
	c->end = db_col_dup(a, s, 10);
	c->has_value = !db_col_null(s, 11);
	c->value_ore = db_col_int(s, 11);
	c->note = db_col_dup(a, s, 12);
	c->created_at = db_col_dup(a, s, 13);
	c->updated_at = db_col_dup(a, s, 14);
}

int contracts_store_get(struct db *db, struct arena *a, int64_t id, struct contract *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_CONTRACT " WHERE c.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_row(s, a, out);
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	s = db_prepare(db, "SELECT text, scheme, target FROM contract_commitments"
	                   " WHERE contract_id = :id ORDER BY position, id");
	if (!s || db_bind_int(s, ":id", id)) {
		db_done(s);
		return ERR_DB;
	}
	struct commitment *m = NULL;
	size_t count = 0, cap = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		struct commitment *x = ARENA_PUSH(a, m, count, cap);
		x->text = db_col_dup(a, s, 0);
		x->scheme = db_col_dup(a, s, 1);
		x->target = (int)db_col_int(s, 2);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	out->commitments = m;
	out->ncommitments = (int)count;
	return 0;
}

int contracts_store_list(struct db *db, struct arena *a, const char *scope, const char *kommune,
                         int limit, int offset, struct contract **items, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM contracts c"
	                                   " WHERE (:scope IS NULL OR c.kommune = :scope)"
	                                   " AND (:kommune IS NULL OR c.kommune = :kommune)");
	if (!c)
		return ERR_DB;
	if (db_bind_text(c, ":scope", scope) | db_bind_text(c, ":kommune", kommune) ||
	    db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, SELECT_CONTRACT
		" WHERE (:scope IS NULL OR c.kommune = :scope) AND (:kommune IS NULL OR c.kommune = :kommune)"
		" ORDER BY c.start DESC, c.id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":scope", scope) | db_bind_text(s, ":kommune", kommune) |
	    db_bind_int(s, ":limit", limit) | db_bind_int(s, ":offset", offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct contract *out = NULL;
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

int contracts_store_agreement_ok(struct db *db, int64_t id, const char *kommune,
                                 int64_t enterprise_id, int *ok)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM agreements WHERE id = :id"
	                                   " AND kommune = :kommune AND enterprise_id = :e");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) | db_bind_text(s, ":kommune", kommune) |
	                 db_bind_int(s, ":e", enterprise_id)
	             ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*ok = db_col_int(s, 0) > 0;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int contracts_store_tender_ok(struct db *db, int64_t id, const char *kommune, int *ok)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM tenders WHERE id = :id"
	                                   " AND kommune = :kommune");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) | db_bind_text(s, ":kommune", kommune) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*ok = db_col_int(s, 0) > 0;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}
