/*
 * contacts_store.c — the SQL of the contacts with enterprises. Layer: store of the outreach
 * capability. Filters are fixed fragments "(CAST(:x AS text) IS NULL OR col = :x)" with every
 * parameter bound (the CAST gives PostgreSQL a type for a NULL).
 */
#include "contacts_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

int contacts_store_insert(struct db *db, const struct outreach_contact *c, int64_t user_id,
                          const char *user_email, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO outreach_contacts (enterprise_id, kommune, user_id, user_email, date, kind,"
		" participants, topic, notes, follow_up, created_at) VALUES (:enterprise_id, :kommune,"
		" nullif(:user_id, 0), :user_email, :date, :kind, :participants, :topic, :notes,"
		" :follow_up, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":enterprise_id", c->enterprise_id) |
	                       db_bind_text(s, ":kommune", c->kommune) |
	                       db_bind_int(s, ":user_id", user_id) |
	                       db_bind_text(s, ":user_email", user_email ? user_email : "") |
	                       db_bind_text(s, ":date", c->date) | db_bind_text(s, ":kind", c->kind) |
	                       db_bind_text(s, ":participants", c->participants) |
	                       db_bind_text(s, ":topic", c->topic) | db_bind_text(s, ":notes", c->notes) |
	                       db_bind_text(s, ":follow_up", c->follow_up)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

#define SELECT_CONTACT                                                                    \
	"SELECT c.id, c.enterprise_id, e.name, c.kommune, coalesce(c.user_id, 0), c.user_email," \
	" c.date, c.kind, c.participants, c.topic, c.notes, c.follow_up, c.reminded_at,"      \
	" c.created_at FROM outreach_contacts c JOIN enterprises e ON e.id = c.enterprise_id"

static void read_row(struct db_stmt *s, struct arena *a, struct outreach_contact *c)
{
	memset(c, 0, sizeof(*c));
	c->id = db_col_int(s, 0);
	c->enterprise_id = db_col_int(s, 1);
	c->enterprise_name = db_col_dup(a, s, 2);
	c->kommune = db_col_dup(a, s, 3);
	c->user_id = db_col_int(s, 4);
	c->user_email = db_col_dup(a, s, 5);
	c->date = db_col_dup(a, s, 6);
	c->kind = db_col_dup(a, s, 7);
	c->participants = db_col_dup(a, s, 8);
	c->topic = db_col_dup(a, s, 9);
	c->notes = db_col_dup(a, s, 10);
	c->follow_up = db_col_dup(a, s, 11);
	c->reminded_at = db_col_dup(a, s, 12);
	c->created_at = db_col_dup(a, s, 13);
}

/* every row of the bound statement s into *items, *n */
static int read_all(struct db_stmt *s, struct arena *a, struct outreach_contact **items, int *n)
{
	struct outreach_contact *out = NULL;
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

int contacts_store_get(struct db *db, struct arena *a, int64_t id, struct outreach_contact *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_CONTACT " WHERE c.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_row(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int contacts_store_of_enterprise(struct db *db, struct arena *a, int64_t enterprise_id,
                                 const char *kommune, struct outreach_contact **items, int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_CONTACT " WHERE c.enterprise_id = :e"
	                                   " AND (CAST(:k AS text) IS NULL OR c.kommune = :k)"
	                                   " ORDER BY c.date DESC, c.id DESC LIMIT 500");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":e", enterprise_id) | db_bind_text(s, ":k", kommune)) {
		db_done(s);
		return ERR_DB;
	}
	return read_all(s, a, items, n);
}

#define LIST_WHERE                                                                        \
	" WHERE (CAST(:scope AS text) IS NULL OR c.kommune = :scope)"                         \
	" AND (CAST(:kommune AS text) IS NULL OR c.kommune = :kommune)"                       \
	" AND (CAST(:kind AS text) IS NULL OR c.kind = :kind)"                                \
	" AND (CAST(:from AS text) IS NULL OR c.date >= :from)"                               \
	" AND (CAST(:to AS text) IS NULL OR c.date <= :to)"                                   \
	" AND (CAST(:due AS text) IS NULL OR (c.follow_up IS NOT NULL AND c.follow_up <= :due))"

static int bind_query(struct db_stmt *s, const struct contacts_query *q, const char *scope)
{
	return db_bind_text(s, ":scope", scope) | db_bind_text(s, ":kommune", q->kommune) |
	       db_bind_text(s, ":kind", q->kind) | db_bind_text(s, ":from", q->from) |
	       db_bind_text(s, ":to", q->to) | db_bind_text(s, ":due", q->due);
}

int contacts_store_list(struct db *db, struct arena *a, const struct contacts_query *q,
                        const char *scope, struct outreach_contact **items, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM outreach_contacts c" LIST_WHERE);
	if (!c)
		return ERR_DB;
	if (bind_query(c, q, scope) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, SELECT_CONTACT LIST_WHERE
	                                   " ORDER BY c.date DESC, c.id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (bind_query(s, q, scope) | db_bind_int(s, ":limit", q->limit) |
	    db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	return read_all(s, a, items, n);
}

int contacts_store_due(struct db *db, struct arena *a, const char *day,
                       struct outreach_contact **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT c.id, c.enterprise_id, e.name, c.kommune, coalesce(c.user_id, 0), u.email,"
		" c.date, c.kind, c.participants, c.topic, c.notes, c.follow_up, c.reminded_at,"
		" c.created_at FROM outreach_contacts c JOIN enterprises e ON e.id = c.enterprise_id"
		" LEFT JOIN users u ON u.id = c.user_id AND u.active = 1"
		" WHERE c.follow_up IS NOT NULL AND c.follow_up <= :day AND c.reminded_at IS NULL"
		" ORDER BY c.follow_up, c.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":day", day)) {
		db_done(s);
		return ERR_DB;
	}
	return read_all(s, a, items, n);
}

int contacts_store_mark_reminded(struct db *db, int64_t id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE outreach_contacts SET reminded_at = " NOW
	                                   " WHERE id = :id");
	return db_run(s, s ? db_bind_int(s, ":id", id) : 0);
}
