/*
 * events_store.c — the SQL of events and their sign-ups. Layer: store of the outreach
 * capability. Every parameter is bound; the list's filters are fixed fragments.
 */
#include "events_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* binds ev's own fields in s; nonzero when a bind failed */
static int bind_fields(struct db_stmt *s, const struct event *ev)
{
	return db_bind_text(s, ":kommune", ev->kommune) | db_bind_text(s, ":title", ev->title) |
	       db_bind_text(s, ":description", ev->description) | db_bind_text(s, ":kind", ev->kind) |
	       db_bind_text(s, ":starts_at", ev->starts_at) | db_bind_text(s, ":ends_at", ev->ends_at) |
	       db_bind_text(s, ":place", ev->place) | db_bind_int(s, ":public", ev->public) |
	       db_bind_int(s, ":capacity", ev->capacity) |
	       db_bind_text(s, ":signup_deadline", ev->signup_deadline);
}

int events_store_insert(struct db *db, const struct event *ev, int64_t created_by, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO events (kommune, title, description, kind, starts_at, ends_at, place, public,"
		" capacity, signup_deadline, created_by, created_at, updated_at)"
		" VALUES (:kommune, :title, :description, :kind, :starts_at, :ends_at, :place, :public,"
		" :capacity, :signup_deadline, nullif(:created_by, 0), " NOW ", " NOW ")");
	int rc = db_run(s, s ? bind_fields(s, ev) | db_bind_int(s, ":created_by", created_by) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int events_store_update(struct db *db, const struct event *ev)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE events SET kommune = :kommune, title = :title, description = :description,"
		" kind = :kind, starts_at = :starts_at, ends_at = :ends_at, place = :place,"
		" public = :public, capacity = :capacity, signup_deadline = :signup_deadline,"
		" sequence = :sequence, updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? bind_fields(s, ev) | db_bind_int(s, ":sequence", ev->sequence) |
	                       db_bind_int(s, ":id", ev->id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int events_store_cancel(struct db *db, int64_t id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE events SET cancelled_at = " NOW ","
	                                   " sequence = sequence + 1, updated_at = " NOW
	                                   " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_EVENT                                                                          \
	"SELECT e.id, e.kommune, k.navn, e.title, e.description, e.kind, e.starts_at, e.ends_at,"  \
	" e.place, e.public, e.capacity, e.signup_deadline, e.sequence, e.cancelled_at,"          \
	" e.created_at, e.updated_at,"                                                           \
	" (SELECT count(*) FROM event_signups s WHERE s.event_id = e.id AND s.status = 'confirmed'),"\
	" (SELECT count(*) FROM event_signups s WHERE s.event_id = e.id AND s.status = 'waitlist')" \
	" FROM events e LEFT JOIN kommuner k ON k.kode = e.kommune"

static void read_event(struct db_stmt *s, struct arena *a, struct event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->id = db_col_int(s, 0);
	ev->kommune = db_col_dup(a, s, 1);
	ev->kommune_navn = db_col_dup(a, s, 2);
	ev->title = db_col_dup(a, s, 3);
	ev->description = db_col_dup(a, s, 4);
	ev->kind = db_col_dup(a, s, 5);
	ev->starts_at = db_col_dup(a, s, 6);
	ev->ends_at = db_col_dup(a, s, 7);
	ev->place = db_col_dup(a, s, 8);
	ev->public = db_col_int(s, 9) != 0;
	ev->capacity = (int)db_col_int(s, 10);
	ev->signup_deadline = db_col_dup(a, s, 11);
	ev->sequence = (int)db_col_int(s, 12);
	ev->cancelled_at = db_col_dup(a, s, 13);
	ev->created_at = db_col_dup(a, s, 14);
	ev->updated_at = db_col_dup(a, s, 15);
	ev->confirmed = (int)db_col_int(s, 16);
	ev->waitlist = (int)db_col_int(s, 17);
}

int events_store_get(struct db *db, struct arena *a, int64_t id, struct event *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_EVENT " WHERE e.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_event(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

#define LIST_WHERE                                                                            \
	" WHERE ((e.public = 1 AND e.cancelled_at IS NULL AND e.ends_at >= :now)"                 \
	" OR (:staff = 1"                                                                         \
	"     AND (CAST(:scope AS text) IS NULL OR e.kommune = :scope OR e.kommune IS NULL)"      \
	"     AND (:past = 1 OR e.ends_at >= :now)))"

static int bind_list(struct db_stmt *s, bool staff, const char *scope, bool past, const char *now)
{
	return db_bind_int(s, ":staff", staff) | db_bind_text(s, ":scope", scope) |
	       db_bind_int(s, ":past", past) | db_bind_text(s, ":now", now);
}

int events_store_list(struct db *db, struct arena *a, bool staff, const char *scope, bool past,
                      const char *now, int limit, int offset, struct event **items, int *n,
                      int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM events e" LIST_WHERE);
	if (!c)
		return ERR_DB;
	if (bind_list(c, staff, scope, past, now) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, SELECT_EVENT LIST_WHERE
		" ORDER BY e.ends_at < :now, CASE WHEN e.ends_at < :now THEN -julianday(e.starts_at)"
		" ELSE julianday(e.starts_at) END, e.id LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (bind_list(s, staff, scope, past, now) | db_bind_int(s, ":limit", limit) |
	    db_bind_int(s, ":offset", offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct event *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_event(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- sign-ups */

int events_store_signup_insert(struct db *db, int64_t event_id, const char *name,
                               const char *email, const char *status, const char *token_hash,
                               int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO event_signups (event_id, name, email, status, token_hash, created_at)"
		" VALUES (:event, :name, :email, :status, :token, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":event", event_id) | db_bind_text(s, ":name", name) |
	                       db_bind_text(s, ":email", email) | db_bind_text(s, ":status", status) |
	                       db_bind_text(s, ":token", token_hash)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

#define SELECT_SIGNUP                                                                         \
	"SELECT id, event_id, name, email, status, attended, created_at FROM event_signups"

static void read_signup(struct db_stmt *s, struct arena *a, struct event_signup *o)
{
	memset(o, 0, sizeof(*o));
	o->id = db_col_int(s, 0);
	o->event_id = db_col_int(s, 1);
	o->name = db_col_dup(a, s, 2);
	o->email = db_col_dup(a, s, 3);
	o->status = db_col_dup(a, s, 4);
	o->attended = db_col_int(s, 5) != 0;
	o->created_at = db_col_dup(a, s, 6);
}

/* the one row s selects into out; ERR_NOTFOUND when none */
static int one_signup(struct db_stmt *s, int bind_rc, struct arena *a, struct event_signup *out)
{
	if (!s)
		return ERR_DB;
	int rc = bind_rc ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_signup(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int events_store_signup_get(struct db *db, struct arena *a, int64_t event_id, int64_t id,
                            struct event_signup *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_SIGNUP " WHERE id = :id AND event_id = :event");
	return one_signup(s, s ? db_bind_int(s, ":id", id) | db_bind_int(s, ":event", event_id) : 0,
	                  a, out);
}

int events_store_signup_by_token(struct db *db, struct arena *a, int64_t event_id,
                                 const char *token_hash, struct event_signup *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_SIGNUP " WHERE event_id = :event"
	                                   " AND token_hash = :token AND status <> 'cancelled'");
	return one_signup(s, s ? db_bind_int(s, ":event", event_id) |
	                         db_bind_text(s, ":token", token_hash)
	                       : 0,
	                  a, out);
}

int events_store_signup_set_status(struct db *db, int64_t id, const char *status)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE event_signups SET status = :status,"
		" cancelled_at = CASE WHEN :status = 'cancelled' THEN " NOW " ELSE cancelled_at END"
		" WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":status", status) | db_bind_int(s, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int events_store_first_waiting(struct db *db, struct arena *a, int64_t event_id,
                               struct event_signup *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_SIGNUP " WHERE event_id = :event"
	                                   " AND status = 'waitlist' ORDER BY id LIMIT 1");
	return one_signup(s, s ? db_bind_int(s, ":event", event_id) : 0, a, out);
}

int events_store_signups(struct db *db, struct arena *a, int64_t event_id,
                         struct event_signup **items, int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_SIGNUP " WHERE event_id = :event"
	                                   " AND status <> 'cancelled'"
	                                   " ORDER BY status = 'waitlist', id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":event", event_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct event_signup *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_signup(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int events_store_set_attended(struct db *db, int64_t event_id, int64_t id, bool attended)
{
	struct db_stmt *s = db_prepare(db, "UPDATE event_signups SET attended = :attended"
	                                   " WHERE id = :id AND event_id = :event"
	                                   " AND status = 'confirmed'");
	int rc = db_run(s, s ? db_bind_int(s, ":attended", attended) | db_bind_int(s, ":id", id) |
	                       db_bind_int(s, ":event", event_id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int events_store_due(struct db *db, struct arena *a, const char *from, const char *until,
                     struct events_due **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT s.id, s.event_id, s.name, s.email, s.status, s.attended, s.created_at"
		" FROM event_signups s JOIN events e ON e.id = s.event_id"
		" WHERE s.status = 'confirmed' AND s.reminded_at IS NULL AND e.cancelled_at IS NULL"
		" AND e.starts_at >= :from AND e.starts_at < :until ORDER BY s.event_id, s.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":from", from) | db_bind_text(s, ":until", until)) {
		db_done(s);
		return ERR_DB;
	}
	struct events_due *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct events_due *d = ARENA_PUSH(a, out, count, cap);
		read_signup(s, a, &d->s);
		d->event_id = d->s.event_id;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int events_store_mark_reminded(struct db *db, int64_t signup_id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE event_signups SET reminded_at = " NOW
	                                   " WHERE id = :id");
	return db_run(s, s ? db_bind_int(s, ":id", signup_id) : 0);
}
