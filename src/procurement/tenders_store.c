/*
 * tenders_store.c — the SQL of tenders. Layer: store of the procurement capability.
 * Filters are fixed fragments with every parameter bound; no SQL text is built from input.
 */
#include "tenders_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int bind_fields(struct db_stmt *s, const struct tender *t)
{
	int rc = db_bind_text(s, ":title", t->title) | db_bind_text(s, ":object", t->object) |
	         db_bind_text(s, ":description", t->description) | db_bind_text(s, ":cpv", t->cpv) |
	         db_bind_text(s, ":procedure", t->procedure) |
	         db_bind_text(s, ":questions_deadline", t->questions_deadline) |
	         db_bind_text(s, ":deadline", t->deadline);
	return rc | (t->estimate_ore >= 0 ? db_bind_int(s, ":estimate", t->estimate_ore)
	                                  : db_bind_null(s, ":estimate"));
}

int tenders_store_insert(struct db *db, const struct tender *t, int64_t created_by, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO tenders (kommune, title, object, description, cpv, estimate_ore, procedure,"
		" questions_deadline, deadline, status, created_by, created_at, updated_at)"
		" VALUES (:kommune, :title, :object, :description, :cpv, :estimate, :procedure,"
		" :questions_deadline, :deadline, 'draft', nullif(:by, 0), " NOW ", " NOW ")");
	int rc = db_run(s, s ? bind_fields(s, t) | db_bind_text(s, ":kommune", t->kommune) |
	                           db_bind_int(s, ":by", created_by) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int tenders_store_update(struct db *db, const struct tender *t)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE tenders SET title = :title, object = :object, description = :description,"
		" cpv = :cpv, estimate_ore = :estimate, procedure = :procedure,"
		" questions_deadline = :questions_deadline, deadline = :deadline, updated_at = " NOW
		" WHERE id = :id");
	int rc = db_run(s, s ? bind_fields(s, t) | db_bind_int(s, ":id", t->id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int tenders_store_set_lists(struct db *db, const struct tender *t)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM tender_criteria WHERE tender_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", t->id) : 0);
	for (int i = 0; rc == 0 && i < t->ncriteria; i++) {
		const struct tender_criterion *c = &t->criteria[i];
		s = db_prepare(db, "INSERT INTO tender_criteria (tender_id, key, name, weight, is_price,"
		                   " position) VALUES (:id, :key, :name, :weight, :price, :pos)");
		rc = db_run(s, s ? db_bind_int(s, ":id", t->id) | db_bind_text(s, ":key", c->key) |
		                       db_bind_text(s, ":name", c->name) | db_bind_int(s, ":weight", c->weight) |
		                       db_bind_int(s, ":price", c->is_price) | db_bind_int(s, ":pos", i)
		                 : 0);
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM tender_clauses WHERE tender_id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", t->id) : 0);
	}
	for (int i = 0; rc == 0 && i < t->nclauses; i++) {
		s = db_prepare(db, "INSERT INTO tender_clauses (tender_id, kind, text, position)"
		                   " VALUES (:id, :kind, :text, :pos)");
		rc = db_run(s, s ? db_bind_int(s, ":id", t->id) |
		                       db_bind_text(s, ":kind", t->clauses[i].kind) |
		                       db_bind_text(s, ":text", t->clauses[i].text) | db_bind_int(s, ":pos", i)
		                 : 0);
	}
	return rc;
}

int tenders_store_set_status(struct db *db, int64_t id, const char *status, const char *published)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE tenders SET status = :status, published = coalesce(:published, published),"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":status", status) |
	                           db_bind_text(s, ":published", published) | db_bind_int(s, ":id", id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_TENDER                                                                    \
	"SELECT t.id, t.kommune, k.navn, t.title, t.object, t.description, t.cpv,"           \
	" coalesce(t.estimate_ore, -1), t.procedure, t.published, t.questions_deadline,"     \
	" t.deadline, t.status,"                                                             \
	" CASE WHEN t.status = 'published' AND t.deadline <= :now THEN 'closed'"             \
	"  ELSE t.status END,"                                                               \
	" coalesce(t.awarded_bid_id, 0), t.awarded_at, t.created_at, t.updated_at,"          \
	" (SELECT count(*) FROM bids b WHERE b.tender_id = t.id)"                            \
	" FROM tenders t JOIN kommuner k ON k.kode = t.kommune"

static void read_row(struct db_stmt *s, struct arena *a, struct tender *t)
{
	memset(t, 0, sizeof(*t));
	t->id = db_col_int(s, 0);
	t->kommune = db_col_dup(a, s, 1);
	t->kommune_navn = db_col_dup(a, s, 2);
	t->title = db_col_dup(a, s, 3);
	t->object = db_col_dup(a, s, 4);
	t->description = db_col_dup(a, s, 5);
	t->cpv = db_col_dup(a, s, 6);
	t->estimate_ore = db_col_int(s, 7);
	t->procedure = db_col_dup(a, s, 8);
	t->published = db_col_dup(a, s, 9);
	t->questions_deadline = db_col_dup(a, s, 10);
	t->deadline = db_col_dup(a, s, 11);
	t->status = db_col_dup(a, s, 12);
	t->state = db_col_dup(a, s, 13);
	t->awarded_bid_id = db_col_int(s, 14);
	t->awarded_at = db_col_dup(a, s, 15);
	t->created_at = db_col_dup(a, s, 16);
	t->updated_at = db_col_dup(a, s, 17);
	t->nbids = (int)db_col_int(s, 18);
}

static int read_lists(struct db *db, struct arena *a, struct tender *t)
{
	struct db_stmt *s = db_prepare(db, "SELECT key, name, weight, is_price FROM tender_criteria"
	                                   " WHERE tender_id = :id ORDER BY position, key");
	if (!s || db_bind_int(s, ":id", t->id)) {
		db_done(s);
		return ERR_DB;
	}
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct tender_criterion *c = ARENA_PUSH(a, t->criteria, count, cap);
		c->key = db_col_dup(a, s, 0);
		c->name = db_col_dup(a, s, 1);
		c->weight = (int)db_col_int(s, 2);
		c->is_price = db_col_int(s, 3) != 0;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	t->ncriteria = (int)count;
	s = db_prepare(db, "SELECT kind, text FROM tender_clauses WHERE tender_id = :id"
	                   " ORDER BY position, id");
	if (!s || db_bind_int(s, ":id", t->id)) {
		db_done(s);
		return ERR_DB;
	}
	count = cap = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		struct tender_clause *c = ARENA_PUSH(a, t->clauses, count, cap);
		c->kind = db_col_dup(a, s, 0);
		c->text = db_col_dup(a, s, 1);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	t->nclauses = (int)count;
	return 0;
}

int tenders_store_get(struct db *db, struct arena *a, int64_t id, const char *now,
                      struct tender *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_TENDER " WHERE t.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) | db_bind_text(s, ":now", now) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_row(s, a, out);
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	return read_lists(db, a, out);
}

/* public: published and open, or awarded since :since; staff: the scope and the state */
#define LIST_WHERE                                                                       \
	" WHERE CASE WHEN :public = 1 THEN"                                                  \
	"   (t.status = 'published' AND t.deadline > :now)"                                  \
	"   OR (t.status = 'awarded' AND t.awarded_at >= :since)"                            \
	" ELSE (:scope IS NULL OR t.kommune = :scope)"                                       \
	"   AND (:state IS NULL OR (CASE WHEN t.status = 'published' AND t.deadline <= :now"  \
	"     THEN 'closed' ELSE t.status END) = :state) END"

static int bind_list(struct db_stmt *s, bool public_list, const char *kommune, const char *state,
                     const char *now, const char *since)
{
	return db_bind_int(s, ":public", public_list) | db_bind_text(s, ":scope", kommune) |
	       db_bind_text(s, ":state", state) | db_bind_text(s, ":now", now) |
	       db_bind_text(s, ":since", since);
}

int tenders_store_list(struct db *db, struct arena *a, bool public_list, const char *kommune,
                       const char *state, const char *now, const char *awarded_since, int limit,
                       int offset, struct tender **items, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM tenders t" LIST_WHERE);
	if (!c)
		return ERR_DB;
	if (bind_list(c, public_list, kommune, state, now, awarded_since) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, SELECT_TENDER LIST_WHERE
		" ORDER BY (t.status = 'published' AND t.deadline > :now) DESC,"
		" CASE WHEN t.status = 'published' AND t.deadline > :now THEN t.deadline END,"
		" t.id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (bind_list(s, public_list, kommune, state, now, awarded_since) |
	    db_bind_int(s, ":limit", limit) | db_bind_int(s, ":offset", offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct tender *out = NULL;
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

int tenders_store_question_insert(struct db *db, int64_t tender_id, int64_t enterprise_id,
                                  const char *question, int64_t *id)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO tender_questions (tender_id, enterprise_id,"
	                                   " question, asked_at) VALUES (:t, :e, :q, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":t", tender_id) | db_bind_int(s, ":e", enterprise_id) |
	                           db_bind_text(s, ":q", question) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int tenders_store_question_answer(struct db *db, int64_t tender_id, int64_t question_id,
                                  const char *answer)
{
	struct db_stmt *s = db_prepare(db, "UPDATE tender_questions SET answer = :answer,"
	                                   " answered_at = " NOW " WHERE id = :id AND tender_id = :t");
	int rc = db_run(s, s ? db_bind_text(s, ":answer", answer) | db_bind_int(s, ":id", question_id) |
	                           db_bind_int(s, ":t", tender_id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int tenders_store_questions(struct db *db, struct arena *a, int64_t tender_id, bool unanswered,
                            struct tender_question **items, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, question, answer, asked_at, answered_at"
	                                   " FROM tender_questions WHERE tender_id = :t"
	                                   " AND (:all = 1 OR answer <> '') ORDER BY id");
	if (!s || db_bind_int(s, ":t", tender_id) | db_bind_int(s, ":all", unanswered)) {
		db_done(s);
		return ERR_DB;
	}
	struct tender_question *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct tender_question *q = ARENA_PUSH(a, out, count, cap);
		q->id = db_col_int(s, 0);
		q->question = db_col_dup(a, s, 1);
		q->answer = db_col_dup(a, s, 2);
		q->asked_at = db_col_dup(a, s, 3);
		q->answered_at = db_col_dup(a, s, 4);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int tenders_store_interest(struct db *db, int64_t tender_id, int64_t enterprise_id)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO tender_interest (tender_id,"
	                                   " enterprise_id, created_at) VALUES (:t, :e, " NOW ")"
	                                   " ON CONFLICT DO NOTHING");
	return db_run(s, s ? db_bind_int(s, ":t", tender_id) | db_bind_int(s, ":e", enterprise_id) : 0);
}

int tenders_store_interested(struct db *db, struct arena *a, int64_t tender_id, const char ***to,
                             int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT DISTINCT coalesce(u.email, nullif(e.contact_email, '')) AS addr"
		" FROM tender_interest i JOIN enterprises e ON e.id = i.enterprise_id"
		" LEFT JOIN users u ON u.enterprise_id = e.id AND u.role = 'virksomhed' AND u.active = 1"
		" WHERE i.tender_id = :t AND coalesce(u.email, nullif(e.contact_email, '')) IS NOT NULL"
		" ORDER BY addr");
	if (!s || db_bind_int(s, ":t", tender_id)) {
		db_done(s);
		return ERR_DB;
	}
	const char **out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		*ARENA_PUSH(a, out, count, cap) = db_col_dup(a, s, 0);
	db_done(s);
	if (rc < 0)
		return rc;
	*to = out;
	*n = (int)count;
	return 0;
}

int tenders_store_has_interest(struct db *db, int64_t tender_id, int64_t enterprise_id)
{
	struct db_stmt *s = db_prepare(db, "SELECT 1 FROM tender_interest WHERE tender_id = :t"
	                                   " AND enterprise_id = :e");
	if (!s || db_bind_int(s, ":t", tender_id) | db_bind_int(s, ":e", enterprise_id)) {
		db_done(s);
		return ERR_DB;
	}
	int rc = db_step(s);
	db_done(s);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : rc;
}
