/*
 * bids_store.c — the SQL of bids, documents, scores and the award. Layer: store of the
 * procurement capability.
 */
#include "bids_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

int bids_store_upsert(struct db *db, const struct bid *b, int64_t by_id, int64_t *id,
                      bool *replaced)
{
	struct db_stmt *s = db_prepare(db, "SELECT id FROM bids WHERE tender_id = :t AND enterprise_id = :e");
	if (!s || db_bind_int(s, ":t", b->tender_id) | db_bind_int(s, ":e", b->enterprise_id)) {
		db_done(s);
		return ERR_DB;
	}
	int rc = db_step(s);
	int64_t old = rc == DB_ROW ? db_col_int(s, 0) : 0;
	db_done(s);
	if (rc < 0)
		return rc;
	if (old) {
		s = db_prepare(db, "UPDATE bids SET price_ore = :price, note = :note,"
		                   " submitted_by = nullif(:by, 0), submitted_at = " NOW " WHERE id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":price", b->price_ore) | db_bind_text(s, ":note", b->note) |
		                       db_bind_int(s, ":by", by_id) | db_bind_int(s, ":id", old) : 0);
		*id = old;
		*replaced = true;
		return rc;
	}
	s = db_prepare(db, "INSERT INTO bids (tender_id, enterprise_id, price_ore, note, submitted_by,"
	                   " submitted_at) VALUES (:t, :e, :price, :note, nullif(:by, 0), " NOW ")");
	rc = db_run(s, s ? db_bind_int(s, ":t", b->tender_id) | db_bind_int(s, ":e", b->enterprise_id) |
	                       db_bind_int(s, ":price", b->price_ore) | db_bind_text(s, ":note", b->note) |
	                       db_bind_int(s, ":by", by_id) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	*replaced = false;
	return rc;
}

#define SELECT_BID                                                                       \
	"SELECT b.id, b.tender_id, b.enterprise_id, e.name, b.price_ore, b.note,"            \
	" b.submitted_at, b.notified_at,"                                                    \
	" (SELECT count(*) FROM bid_documents d WHERE d.bid_id = b.id),"                     \
	" coalesce(u.email, nullif(e.contact_email, ''))"                                    \
	" FROM bids b JOIN enterprises e ON e.id = b.enterprise_id"                          \
	" LEFT JOIN users u ON u.id = b.submitted_by"

static void read_row(struct db_stmt *s, struct arena *a, struct bid_row *r)
{
	memset(r, 0, sizeof(*r));
	struct bid *b = &r->bid;
	b->id = db_col_int(s, 0);
	b->tender_id = db_col_int(s, 1);
	b->enterprise_id = db_col_int(s, 2);
	b->enterprise_name = db_col_dup(a, s, 3);
	b->price_ore = db_col_int(s, 4);
	b->note = db_col_dup(a, s, 5);
	b->submitted_at = db_col_dup(a, s, 6);
	b->notified_at = db_col_dup(a, s, 7);
	b->ndocuments = (int)db_col_int(s, 8);
	r->to = db_col_dup(a, s, 9);
}

/* the one row of s (its parameters bound by the caller, who passes bind_rc) into out */
static int one_row(struct db_stmt *s, int bind_rc, struct arena *a, struct bid *out)
{
	if (!s || bind_rc) {
		db_done(s);
		return ERR_DB;
	}
	int rc = db_step(s);
	if (rc == DB_ROW) {
		struct bid_row r;
		read_row(s, a, &r);
		*out = r.bid;
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int bids_store_get(struct db *db, struct arena *a, int64_t id, struct bid *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_BID " WHERE b.id = :id");
	return one_row(s, s ? db_bind_int(s, ":id", id) : 0, a, out);
}

int bids_store_find(struct db *db, struct arena *a, int64_t tender_id, int64_t enterprise_id,
                    struct bid *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_BID " WHERE b.tender_id = :t AND b.enterprise_id = :e");
	return one_row(s, s ? db_bind_int(s, ":t", tender_id) | db_bind_int(s, ":e", enterprise_id) : 0,
	               a, out);
}

int bids_store_list(struct db *db, struct arena *a, int64_t tender_id, struct bid_row **items,
                    int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_BID " WHERE b.tender_id = :t ORDER BY b.submitted_at, b.id");
	if (!s || db_bind_int(s, ":t", tender_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct bid_row *out = NULL;
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

int bids_store_doc_insert(struct db *db, int64_t bid_id, const char *filename, const void *data,
                          int len, const char *sha256, int64_t *id)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO bid_documents (bid_id, filename, size, sha256,"
	                                   " data, created_at) VALUES (:b, :f, :size, :sha, :data, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":b", bid_id) | db_bind_text(s, ":f", filename) |
	                           db_bind_int(s, ":size", len) | db_bind_text(s, ":sha", sha256) |
	                           db_bind_blob(s, ":data", data, len) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int bids_store_docs(struct db *db, struct arena *a, int64_t bid_id, struct bid_document **items,
                    int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, bid_id, filename, size, sha256, created_at"
	                                   " FROM bid_documents WHERE bid_id = :b ORDER BY id");
	if (!s || db_bind_int(s, ":b", bid_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct bid_document *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct bid_document *d = ARENA_PUSH(a, out, count, cap);
		d->id = db_col_int(s, 0);
		d->bid_id = db_col_int(s, 1);
		d->filename = db_col_dup(a, s, 2);
		d->size = db_col_int(s, 3);
		d->sha256 = db_col_dup(a, s, 4);
		d->created_at = db_col_dup(a, s, 5);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int bids_store_doc_get(struct db *db, struct arena *a, int64_t bid_id, int64_t doc_id,
                       struct bid_document *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, bid_id, filename, size, sha256, created_at, data"
	                                   " FROM bid_documents WHERE id = :d AND bid_id = :b");
	if (!s || db_bind_int(s, ":d", doc_id) | db_bind_int(s, ":b", bid_id)) {
		db_done(s);
		return ERR_DB;
	}
	int rc = db_step(s);
	if (rc == DB_ROW) {
		memset(out, 0, sizeof(*out));
		out->id = db_col_int(s, 0);
		out->bid_id = db_col_int(s, 1);
		out->filename = db_col_dup(a, s, 2);
		out->size = db_col_int(s, 3);
		out->sha256 = db_col_dup(a, s, 4);
		out->created_at = db_col_dup(a, s, 5);
		int len = 0;
		out->data = db_col_blob_dup(a, s, 6, &len);
		out->size = len;
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int bids_store_score_set(struct db *db, int64_t bid_id, const char *criterion, int score,
                         const char *justification, int64_t by_id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO bid_scores (bid_id, criterion, score, justification, scored_by, scored_at)"
		" VALUES (:b, :c, :score, :j, nullif(:by, 0), " NOW ")"
		" ON CONFLICT (bid_id, criterion) DO UPDATE SET score = excluded.score,"
		" justification = excluded.justification, scored_by = excluded.scored_by,"
		" scored_at = excluded.scored_at");
	return db_run(s, s ? db_bind_int(s, ":b", bid_id) | db_bind_text(s, ":c", criterion) |
	                         db_bind_int(s, ":score", score) |
	                         db_bind_text(s, ":j", justification ? justification : "") |
	                         db_bind_int(s, ":by", by_id) : 0);
}

int bids_store_scores(struct db *db, struct arena *a, int64_t tender_id,
                      struct bid_score_row **items, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT s.bid_id, s.criterion, s.score, s.justification"
	                                   " FROM bid_scores s JOIN bids b ON b.id = s.bid_id"
	                                   " WHERE b.tender_id = :t");
	if (!s || db_bind_int(s, ":t", tender_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct bid_score_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct bid_score_row *r = ARENA_PUSH(a, out, count, cap);
		r->bid_id = db_col_int(s, 0);
		r->criterion = db_col_dup(a, s, 1);
		r->score = (int)db_col_int(s, 2);
		r->justification = db_col_dup(a, s, 3);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int bids_store_award(struct db *db, int64_t tender_id, int64_t bid_id, const char *note)
{
	struct db_stmt *s = db_prepare(db, "UPDATE tenders SET status = 'awarded', awarded_bid_id = :b,"
	                                   " award_note = :note, awarded_at = " NOW ", updated_at = " NOW
	                                   " WHERE id = :t");
	int rc = db_run(s, s ? db_bind_int(s, ":b", bid_id) | db_bind_text(s, ":note", note ? note : "") |
	                           db_bind_int(s, ":t", tender_id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int bids_store_reason_set(struct db *db, int64_t tender_id, const char *criterion,
                          const char *reason)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO tender_award_reasons (tender_id, criterion,"
	                                   " reason) VALUES (:t, :c, :r) ON CONFLICT (tender_id,"
	                                   " criterion) DO UPDATE SET reason = excluded.reason");
	return db_run(s, s ? db_bind_int(s, ":t", tender_id) | db_bind_text(s, ":c", criterion) |
	                         db_bind_text(s, ":r", reason) : 0);
}

int bids_store_reason(struct db *db, struct arena *a, int64_t tender_id, const char *criterion,
                      const char **reason)
{
	struct db_stmt *s = db_prepare(db, "SELECT reason FROM tender_award_reasons"
	                                   " WHERE tender_id = :t AND criterion = :c");
	if (!s || db_bind_int(s, ":t", tender_id) | db_bind_text(s, ":c", criterion)) {
		db_done(s);
		return ERR_DB;
	}
	int rc = db_step(s);
	*reason = rc == DB_ROW ? db_col_dup(a, s, 0) : NULL;
	db_done(s);
	return rc < 0 ? rc : 0;
}

int bids_store_notified(struct db *db, int64_t bid_id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE bids SET notified_at = " NOW " WHERE id = :b");
	return db_run(s, s ? db_bind_int(s, ":b", bid_id) : 0);
}
