/*
 * entry_store.c — the SQL of the one entry point. Layer: store of the entry capability.
 */
#include "entry_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int bind_opt_id(struct db_stmt *s, const char *name, int64_t id)
{
	return id > 0 ? db_bind_int(s, name, id) : db_bind_null(s, name);
}

int entry_store_next_seq(struct db *db, int year, int *seq)
{
	struct db_stmt *s = db_prepare(db, "SELECT coalesce(max(seq), 0) + 1 FROM inquiries WHERE year = :y");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":y", year) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*seq = (int)db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int entry_store_routing_lookup(struct db *db, const char *kommune, const char *topic, int64_t *unit_id,
                      int64_t *assignee_id)
{
	struct db_stmt *s = db_prepare(db, "SELECT unit_id, assignee_id FROM entry_routes"
	                                   " WHERE kommune = :k AND topic = :t");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) | db_bind_text(s, ":t", topic) ? ERR_DB : db_step(s);
	*unit_id = *assignee_id = 0;
	if (rc == DB_ROW) {
		*unit_id = db_col_int(s, 0);
		*assignee_id = db_col_int(s, 1);
	}
	db_done(s);
	return rc == DB_ROW || rc == DB_DONE ? 0 : rc;
}

int entry_store_insert(struct db *db, const struct inquiry *q, int year, int seq, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO inquiries (year, seq, reference, kommune, name, email, phone, cvr, organisation,"
		" enterprise_id, topic, message, status, assignee_id, unit_id, received_at, received_date,"
		" updated_at) VALUES (:y, :seq, :ref, :k, :name, :email, :phone, :cvr, :org, :ent, :topic,"
		" :msg, 'new', :assignee, :unit, " NOW ", :day, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":y", year) | db_bind_int(s, ":seq", seq) |
	                           db_bind_text(s, ":ref", q->reference) | db_bind_text(s, ":k", q->kommune) |
	                           db_bind_text(s, ":name", q->name) | db_bind_text(s, ":email", q->email) |
	                           db_bind_text(s, ":phone", q->phone) | db_bind_text(s, ":cvr", q->cvr) |
	                           db_bind_text(s, ":org", q->organisation) |
	                           bind_opt_id(s, ":ent", q->enterprise_id) |
	                           db_bind_text(s, ":topic", q->topic) | db_bind_text(s, ":msg", q->message) |
	                           bind_opt_id(s, ":assignee", q->assignee_id) |
	                           bind_opt_id(s, ":unit", q->unit_id) |
	                           db_bind_text(s, ":day", q->received_date) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

#define INQ_COLS                                                                                \
	"q.id, q.reference, q.kommune, k.navn, q.name, q.email, q.phone, q.cvr, q.organisation,"     \
	" q.enterprise_id, e.name, q.topic, q.message, q.status, q.outcome, q.assignee_id, u.email," \
	" q.unit_id, un.name, q.next_action, q.next_action_date, q.received_at, q.received_date,"    \
	" q.updated_at, q.closed_at, q.purged_at"
#define INQ_FROM                                                                                \
	" FROM inquiries q JOIN kommuner k ON k.kode = q.kommune"                                    \
	" LEFT JOIN enterprises e ON e.id = q.enterprise_id LEFT JOIN users u ON u.id = q.assignee_id" \
	" LEFT JOIN entry_units un ON un.id = q.unit_id"

static void read_inquiry(struct db_stmt *s, struct arena *a, struct inquiry *q)
{
	memset(q, 0, sizeof(*q));
	q->id = db_col_int(s, 0);
	q->reference = db_col_dup(a, s, 1);
	q->kommune = db_col_dup(a, s, 2);
	q->kommune_navn = db_col_dup(a, s, 3);
	q->name = db_col_dup(a, s, 4);
	q->email = db_col_dup(a, s, 5);
	q->phone = db_col_dup(a, s, 6);
	q->cvr = db_col_dup(a, s, 7);
	q->organisation = db_col_dup(a, s, 8);
	q->enterprise_id = db_col_int(s, 9);
	q->enterprise_name = db_col_dup(a, s, 10);
	q->topic = db_col_dup(a, s, 11);
	q->message = db_col_dup(a, s, 12);
	q->status = db_col_dup(a, s, 13);
	q->outcome = db_col_dup(a, s, 14);
	q->assignee_id = db_col_int(s, 15);
	q->assignee_email = db_col_dup(a, s, 16);
	q->unit_id = db_col_int(s, 17);
	q->unit_name = db_col_dup(a, s, 18);
	q->next_action = db_col_dup(a, s, 19);
	q->next_action_date = db_col_dup(a, s, 20);
	q->received_at = db_col_dup(a, s, 21);
	q->received_date = db_col_dup(a, s, 22);
	q->updated_at = db_col_dup(a, s, 23);
	q->closed_at = db_col_dup(a, s, 24);
	q->purged_at = db_col_dup(a, s, 25);
}

/* CAST(:x AS text) IS NULL rather than :x IS NULL, here and below: PostgreSQL types a parameter
 * where it first sees it, and IS NULL alone gives it none (the failed first guess would end a
 * transaction) */
#define INQ_WHERE                                                                     \
	" WHERE (CAST(:k AS text) IS NULL OR q.kommune = :k)"                               \
	" AND (:assignee = 0 OR q.assignee_id = :assignee)"                                 \
	" AND (CAST(:status AS text) IS NULL OR q.status = :status"                         \
	" OR (:status = 'open' AND q.status <> 'closed'))"

int entry_store_list(struct db *db, struct arena *a, const char *scope_kommune, int64_t assignee,
                     const char *status, int limit, int offset, struct inquiry **rows, int *n,
                     int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM inquiries q" INQ_WHERE);
	if (!c)
		return ERR_DB;
	if (db_bind_text(c, ":k", scope_kommune) | db_bind_int(c, ":assignee", assignee) |
	    db_bind_text(c, ":status", status) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, "SELECT " INQ_COLS INQ_FROM INQ_WHERE
	                                   " ORDER BY q.received_at DESC, q.id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":k", scope_kommune) | db_bind_int(s, ":assignee", assignee) |
	    db_bind_text(s, ":status", status) | db_bind_int(s, ":limit", limit) |
	    db_bind_int(s, ":offset", offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct inquiry *out = arena_alloc(a, sizeof(*out) * (size_t)(limit > 0 ? limit : 1));
	int count = 0, rc;
	while ((rc = db_step(s)) == DB_ROW && count < limit)
		read_inquiry(s, a, &out[count++]);
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = count;
	return 0;
}

int entry_store_get(struct db *db, struct arena *a, int64_t id, struct inquiry *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT " INQ_COLS INQ_FROM " WHERE q.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_inquiry(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int entry_store_update(struct db *db, const struct inquiry *q)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE inquiries SET status = :status, outcome = :outcome, assignee_id = :assignee,"
		" unit_id = :unit, next_action = :na, next_action_date = :nad, updated_at = " NOW ","
		" closed_at = CASE WHEN :status = 'closed' THEN coalesce(closed_at, " NOW ") END"
		" WHERE id = :id");
	return db_run(s, s ? db_bind_text(s, ":status", q->status) | db_bind_text(s, ":outcome", q->outcome) |
	                         bind_opt_id(s, ":assignee", q->assignee_id) |
	                         bind_opt_id(s, ":unit", q->unit_id) | db_bind_text(s, ":na", q->next_action) |
	                         db_bind_text(s, ":nad", q->next_action_date) | db_bind_int(s, ":id", q->id) : 0);
}

int entry_store_link_enterprise(struct db *db, int64_t id, int64_t enterprise_id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE inquiries SET enterprise_id = :e, updated_at = " NOW
	                                   " WHERE id = :id");
	return db_run(s, s ? db_bind_int(s, ":e", enterprise_id) | db_bind_int(s, ":id", id) : 0);
}

int entry_store_note(struct db *db, int64_t id, int64_t user_id, const char *text)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO inquiry_notes (inquiry_id, user_id, at, text)"
	                                   " VALUES (:id, :u, " NOW ", :text)");
	return db_run(s, s ? db_bind_int(s, ":id", id) | bind_opt_id(s, ":u", user_id) |
	                         db_bind_text(s, ":text", text) : 0);
}

int entry_store_referral(struct db *db, int64_t id, int64_t unit_id, const char *note)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO inquiry_referrals (inquiry_id, unit_id, at, note)"
	                                   " VALUES (:id, :u, " NOW ", :note)");
	return db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_int(s, ":u", unit_id) |
	                         db_bind_text(s, ":note", note) : 0);
}

int entry_store_referral_result(struct db *db, int64_t referral_id, const char *result,
                                int64_t *inquiry_id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE inquiry_referrals SET result = :r WHERE id = :id"
	                                   " RETURNING inquiry_id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":r", result) | db_bind_int(s, ":id", referral_id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*inquiry_id = db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int entry_store_history(struct db *db, struct arena *a, int64_t id, struct note_row **notes,
                        int *nn, struct referral_row **refs, int *nr)
{
	struct db_stmt *s = db_prepare(db, "SELECT n.at, u.email, n.text FROM inquiry_notes n"
	                                   " LEFT JOIN users u ON u.id = n.user_id WHERE n.inquiry_id = :id"
	                                   " ORDER BY n.id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : 0;
	struct note_row *nrows = NULL;
	size_t n = 0, cap = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		*ARENA_PUSH(a, nrows, n, cap) =
			(struct note_row){db_col_dup(a, s, 0), db_col_dup(a, s, 1), db_col_dup(a, s, 2)};
		rc = 0;
	}
	db_done(s);
	if (rc != DB_DONE && rc != 0)
		return rc;
	*notes = nrows;
	*nn = (int)n;
	s = db_prepare(db, "SELECT r.id, r.at, un.name, r.note, r.result FROM inquiry_referrals r"
	                   " JOIN entry_units un ON un.id = r.unit_id WHERE r.inquiry_id = :id"
	                   " ORDER BY r.id");
	if (!s)
		return ERR_DB;
	rc = db_bind_int(s, ":id", id) ? ERR_DB : 0;
	struct referral_row *rrows = NULL;
	n = cap = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		*ARENA_PUSH(a, rrows, n, cap) =
			(struct referral_row){db_col_int(s, 0), db_col_dup(a, s, 1), db_col_dup(a, s, 2),
		                          db_col_dup(a, s, 3), db_col_dup(a, s, 4)};
		rc = 0;
	}
	db_done(s);
	if (rc != DB_DONE && rc != 0)
		return rc;
	*refs = rrows;
	*nr = (int)n;
	return 0;
}

int entry_store_units(struct db *db, struct arena *a, const char *kommune, struct unit_row **rows, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, kind, name, email FROM entry_units WHERE kommune = :k"
	                                   " ORDER BY kind DESC, name COLLATE da");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) ? ERR_DB : 0;
	struct unit_row *out = NULL;
	size_t count = 0, cap = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		*ARENA_PUSH(a, out, count, cap) = (struct unit_row){db_col_int(s, 0), db_col_dup(a, s, 1),
		                                                    db_col_dup(a, s, 2), db_col_dup(a, s, 3)};
		rc = 0;
	}
	db_done(s);
	if (rc != DB_DONE && rc != 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int entry_store_unit_kommune(struct db *db, struct arena *a, int64_t unit_id, const char **kommune)
{
	struct db_stmt *s = db_prepare(db, "SELECT kommune FROM entry_units WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", unit_id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*kommune = db_col_dup(a, s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int entry_store_unit_add(struct db *db, const char *kommune, const char *kind, const char *name,
                         const char *email)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO entry_units (kommune, kind, name, email)"
	                                   " VALUES (:k, :kind, :name, :email)");
	return db_run(s, s ? db_bind_text(s, ":k", kommune) | db_bind_text(s, ":kind", kind) |
	                         db_bind_text(s, ":name", name) | db_bind_text(s, ":email", email) : 0);
}

int entry_store_routing(struct db *db, struct arena *a, const char *kommune, struct routing_row **rows, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT topic, unit_id, assignee_id FROM entry_routes WHERE kommune = :k"
	                                   " ORDER BY topic");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) ? ERR_DB : 0;
	struct routing_row *out = NULL;
	size_t count = 0, cap = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		*ARENA_PUSH(a, out, count, cap) =
			(struct routing_row){db_col_dup(a, s, 0), db_col_int(s, 1), db_col_int(s, 2)};
		rc = 0;
	}
	db_done(s);
	if (rc != DB_DONE && rc != 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int entry_store_routing_set(struct db *db, const char *kommune, const char *topic, int64_t unit_id,
                          int64_t assignee_id)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO entry_routes (kommune, topic, unit_id, assignee_id)"
	                                   " VALUES (:k, :t, :u, :a) ON CONFLICT (kommune, topic)"
	                                   " DO UPDATE SET unit_id = excluded.unit_id, assignee_id = excluded.assignee_id");
	return db_run(s, s ? db_bind_text(s, ":k", kommune) | db_bind_text(s, ":t", topic) |
	                         bind_opt_id(s, ":u", unit_id) | bind_opt_id(s, ":a", assignee_id) : 0);
}

int entry_store_answer_days(struct db *db, const char *kommune, int *days)
{
	struct db_stmt *s = db_prepare(db, "SELECT answer_days FROM entry_settings WHERE kommune = :k");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*days = (int)db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int entry_store_answer_days_set(struct db *db, const char *kommune, int days)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO entry_settings (kommune, answer_days) VALUES (:k, :d)"
	                                   " ON CONFLICT (kommune) DO UPDATE SET answer_days = excluded.answer_days");
	return db_run(s, s ? db_bind_text(s, ":k", kommune) | db_bind_int(s, ":d", days) : 0);
}

int entry_store_retention(struct db *db, const char *kommune, int *years)
{
	struct db_stmt *s = db_prepare(db, "SELECT retention_years FROM entry_settings WHERE kommune = :k");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*years = (int)db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int entry_store_retention_set(struct db *db, const char *kommune, int years)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO entry_settings (kommune, retention_years) VALUES (:k, :y)"
	                                   " ON CONFLICT (kommune) DO UPDATE SET retention_years = excluded.retention_years");
	return db_run(s, s ? db_bind_text(s, ":k", kommune) | db_bind_int(s, ":y", years) : 0);
}

/* the closed inquiries whose municipality's retention (5 years without a setting) ended before
 * :today, not yet purged */
#define PURGE_DUE                                                                               \
	" FROM inquiries q WHERE q.status = 'closed' AND q.purged_at IS NULL AND q.closed_at IS NOT NULL" \
	" AND substr(q.closed_at, 1, 10) < date(:today, '-' || coalesce((SELECT st.retention_years"  \
	" FROM entry_settings st WHERE st.kommune = q.kommune), 5) || ' years')"

int entry_store_purge(struct db *db, const char *today, bool dry_run, int *count)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*)" PURGE_DUE);
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":today", today) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*count = (int)db_col_int(s, 0);
	db_done(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : ERR_DB;
	if (dry_run || *count == 0)
		return 0;
	rc = db_run(db_prepare(db, "CREATE TEMP TABLE IF NOT EXISTS purge_inquiries (id INTEGER PRIMARY KEY)"), 0);
	if (rc == 0)
		rc = db_run(db_prepare(db, "DELETE FROM purge_inquiries"), 0);
	if (rc == 0) {
		s = db_prepare(db, "INSERT INTO purge_inquiries (id) SELECT q.id" PURGE_DUE);
		rc = db_run(s, s ? db_bind_text(s, ":today", today) : 0);
	}
	if (rc == 0)
		rc = db_run(db_prepare(db, "DELETE FROM inquiry_notes"
		                           " WHERE inquiry_id IN (SELECT id FROM purge_inquiries)"), 0);
	if (rc == 0)
		rc = db_run(db_prepare(db, "UPDATE inquiry_referrals SET note = '', result = ''"
		                           " WHERE inquiry_id IN (SELECT id FROM purge_inquiries)"), 0);
	if (rc == 0)
		rc = db_run(db_prepare(db, "UPDATE advisory_sessions SET follow_up = ''"
		                           " WHERE inquiry_id IN (SELECT id FROM purge_inquiries)"), 0);
	if (rc == 0)
		rc = db_run(db_prepare(db,
			"UPDATE inquiries SET name = '', email = '', phone = '', cvr = NULL, organisation = '',"
			" message = '', outcome = '', next_action = '', next_action_date = NULL,"
			" purged_at = " NOW ", updated_at = " NOW
			" WHERE id IN (SELECT id FROM purge_inquiries)"), 0);
	if (rc == 0)
		rc = db_run(db_prepare(db, "DELETE FROM purge_inquiries"), 0);
	return rc;
}

int entry_store_notify(struct db *db, struct arena *a, const char *kommune, const char **notify)
{
	struct db_stmt *s = db_prepare(db, "SELECT notify FROM entry_settings WHERE kommune = :k");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*notify = db_col_dup(a, s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int entry_store_notify_set(struct db *db, const char *kommune, const char *notify)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO entry_settings (kommune, notify) VALUES (:k, :n)"
	                                   " ON CONFLICT (kommune) DO UPDATE SET notify = excluded.notify");
	return db_run(s, s ? db_bind_text(s, ":k", kommune) | db_bind_text(s, ":n", notify) : 0);
}

int entry_store_advisory_session_add(struct db *db, const struct advisory_session_input *in, int64_t consultant,
                            int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO advisory_sessions (kommune, date, topic, minutes, enterprise_id, entrepreneur,"
		" consultant_id, follow_up, inquiry_id, created_at) VALUES (:k, :date, :topic, :min, :ent,"
		" :who, :c, :fu, :inq, " NOW ")");
	int rc = db_run(s, s ? db_bind_text(s, ":k", in->kommune) | db_bind_text(s, ":date", in->date) |
	                           db_bind_text(s, ":topic", in->topic) | db_bind_int(s, ":min", in->minutes) |
	                           bind_opt_id(s, ":ent", in->enterprise_id) |
	                           db_bind_text(s, ":who", in->entrepreneur ? in->entrepreneur : "") |
	                           bind_opt_id(s, ":c", consultant) |
	                           db_bind_text(s, ":fu", in->follow_up ? in->follow_up : "") |
	                           bind_opt_id(s, ":inq", in->inquiry_id) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int entry_store_advisory_sessions(struct db *db, struct arena *a, const char *kommune,
                                  const char *from_day, const char *to_day, int limit, int offset,
                                  struct advisory_session_row **rows, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM advisory_sessions"
	                                   " WHERE (CAST(:k AS text) IS NULL OR kommune = :k)"
	                                   " AND (CAST(:from AS text) IS NULL OR date >= :from)"
	                                   " AND (CAST(:to AS text) IS NULL OR date <= :to)");
	if (!c)
		return ERR_DB;
	if (db_bind_text(c, ":k", kommune) || db_bind_text(c, ":from", from_day) ||
	    db_bind_text(c, ":to", to_day) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db,
		"SELECT s.id, s.date, s.topic, coalesce(e.name, s.entrepreneur), u.email, s.follow_up, s.minutes,"
		" coalesce(s.enterprise_id, 0)"
		" FROM advisory_sessions s LEFT JOIN enterprises e ON e.id = s.enterprise_id"
		" LEFT JOIN users u ON u.id = s.consultant_id"
		" WHERE (CAST(:k AS text) IS NULL OR s.kommune = :k)"
		" AND (CAST(:from AS text) IS NULL OR s.date >= :from)"
		" AND (CAST(:to AS text) IS NULL OR s.date <= :to)"
		" ORDER BY s.date DESC, s.id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) | db_bind_text(s, ":from", from_day) |
	         db_bind_text(s, ":to", to_day) | db_bind_int(s, ":limit", limit) |
	         db_bind_int(s, ":offset", offset) ? ERR_DB : 0;
	*rows = arena_alloc(a, sizeof(**rows) * (size_t)(limit > 0 ? limit : 1));
	*n = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		if (*n < limit) {
			(*rows)[*n] = (struct advisory_session_row){db_col_int(s, 0), db_col_dup(a, s, 1), db_col_dup(a, s, 2),
			                                   db_col_dup(a, s, 3), db_col_dup(a, s, 4), db_col_dup(a, s, 5),
			                                   (int)db_col_int(s, 6), db_col_int(s, 7)};
			(*n)++;
		}
		rc = 0;
	}
	db_done(s);
	return rc == DB_DONE || rc == 0 ? 0 : rc;
}

int entry_store_advisory_years(struct db *db, const char *kommune, int *years, int max, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) FROM advisory_sessions"
	                                   " WHERE kommune = :k ORDER BY 1 DESC");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) ? ERR_DB : 0;
	*n = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		if (*n < max)
			years[(*n)++] = (int)db_col_int(s, 0);
		rc = 0;
	}
	db_done(s);
	return rc == DB_DONE || rc == 0 ? 0 : rc;
}

/* advised: a social-economy enterprise counts once by its id, an entrepreneur without one once
 * by name (the trimmed name as written) within the municipality; an ordinary company (kind
 * 'company', advised on hiring citizens) is no social-economy enterprise, so Tabel 12 does not
 * count it as advised, though its sessions count as sessions */
int entry_store_month_counts(struct db *db, const char *from_day, const char *to_day,
                             const char *kommune,
                             void (*fn)(void *, const char *, const char *, const char *, int, int),
                             void *ctx)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT s.kommune, k.navn, substr(s.date, 1, 7), count(*),"
		" count(DISTINCT CASE WHEN e.kind = 'company' THEN NULL"
		"   WHEN s.enterprise_id IS NOT NULL THEN 'e:' || s.enterprise_id"
		"   ELSE 'n:' || s.entrepreneur END) FROM advisory_sessions s"
		" JOIN kommuner k ON k.kode = s.kommune LEFT JOIN enterprises e ON e.id = s.enterprise_id"
		" WHERE s.date BETWEEN :from AND :to"
		" AND (CAST(:k AS text) IS NULL OR s.kommune = :k)"
		" GROUP BY s.kommune, k.navn, substr(s.date, 1, 7)"
		" ORDER BY k.navn COLLATE da, 3");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":from", from_day) | db_bind_text(s, ":to", to_day) |
	         db_bind_text(s, ":k", kommune) ? ERR_DB : 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		fn(ctx, db_col_text(s, 0), db_col_text(s, 1), db_col_text(s, 2), (int)db_col_int(s, 4),
		   (int)db_col_int(s, 3));
		rc = 0;
	}
	db_done(s);
	return rc == DB_DONE || rc == 0 ? 0 : rc;
}
