/*
 * networks_store.c — the SQL of networks, their members, meetings, attendance and action
 * items. Layer: store of the collab capability. Filters are fixed fragments
 * "(CAST(:x AS text) IS NULL OR col = :x)" with every parameter bound (the CAST gives
 * PostgreSQL a type for a NULL); no SQL text is built from input.
 */
#include "networks_store.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* a member's name, e-mail and detail from its enterprise, unit or own row (aliases mb, e, u) */
#define MEMBER_NAME "CASE mb.kind WHEN 'enterprise' THEN e.name WHEN 'unit' THEN u.name ELSE mb.name END"
#define MEMBER_EMAIL                                                                       \
	"CASE mb.kind WHEN 'enterprise' THEN e.contact_email WHEN 'unit' THEN u.email"         \
	" ELSE mb.email END"
#define MEMBER_JOINS                                                                       \
	" LEFT JOIN enterprises e ON e.id = mb.enterprise_id"                                  \
	" LEFT JOIN entry_units u ON u.id = mb.unit_id"

/* ---------------------------------------------------------------- networks */

int networks_store_insert(struct db *db, const struct network *n, const char *token, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO networks (kommune, name, purpose, cadence_months, feed_token, created_at,"
		" updated_at) VALUES (:kommune, :name, :purpose, :cadence, :token, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_text(s, ":kommune", n->kommune) |
	                           db_bind_text(s, ":name", n->name) |
	                           db_bind_text(s, ":purpose", n->purpose) |
	                           db_bind_int(s, ":cadence", n->cadence_months) |
	                           db_bind_text(s, ":token", token)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int networks_store_update(struct db *db, const struct network *n)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE networks SET name = :name, purpose = :purpose, cadence_months = :cadence,"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":name", n->name) |
	                           db_bind_text(s, ":purpose", n->purpose) |
	                           db_bind_int(s, ":cadence", n->cadence_months) |
	                           db_bind_int(s, ":id", n->id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int networks_store_set_token(struct db *db, int64_t id, const char *token)
{
	struct db_stmt *s = db_prepare(db, "UPDATE networks SET feed_token = :token, updated_at = " NOW
	                                   " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":token", token) | db_bind_int(s, ":id", id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_NETWORK                                                                     \
	"SELECT n.id, n.kommune, k.navn, n.name, n.purpose, n.cadence_months, n.feed_token,"   \
	" n.created_at, n.updated_at,"                                                         \
	" (SELECT count(*) FROM network_members WHERE network_id = n.id AND removed_at IS NULL)," \
	" (SELECT count(*) FROM network_meetings WHERE network_id = n.id),"                    \
	" (SELECT count(*) FROM network_meetings WHERE network_id = n.id AND status = 'held')" \
	" FROM networks n LEFT JOIN kommuner k ON k.kode = n.kommune"

static void read_network(struct db_stmt *s, struct arena *a, struct network *n)
{
	memset(n, 0, sizeof(*n));
	n->id = db_col_int(s, 0);
	n->kommune = db_col_dup(a, s, 1);
	n->kommune_navn = db_col_dup(a, s, 2);
	n->name = db_col_dup(a, s, 3);
	n->purpose = db_col_dup(a, s, 4);
	n->cadence_months = (int)db_col_int(s, 5);
	n->feed_token = db_col_dup(a, s, 6);
	n->created_at = db_col_dup(a, s, 7);
	n->updated_at = db_col_dup(a, s, 8);
	n->nmembers = (int)db_col_int(s, 9);
	n->nmeetings = (int)db_col_int(s, 10);
	n->nheld = (int)db_col_int(s, 11);
}

int networks_store_get(struct db *db, struct arena *a, int64_t id, struct network *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_NETWORK " WHERE n.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_network(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

#define NETWORKS_WHERE                                                                     \
	" WHERE (n.kommune IS NULL OR CAST(:scope AS text) IS NULL OR n.kommune = :scope)"     \
	" AND (CAST(:kommune AS text) IS NULL OR n.kommune = :kommune)"

int networks_store_list(struct db *db, struct arena *a, const char *scope, const char *kommune,
                        int limit, int offset, struct network **items, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM networks n" NETWORKS_WHERE);
	if (!c)
		return ERR_DB;
	if ((db_bind_text(c, ":scope", scope) | db_bind_text(c, ":kommune", kommune)) ||
	    db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	struct db_stmt *s = db_prepare(db, SELECT_NETWORK NETWORKS_WHERE
		" ORDER BY n.kommune IS NOT NULL, k.navn COLLATE da, n.name COLLATE da, n.id"
		" LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":scope", scope) | db_bind_text(s, ":kommune", kommune) |
	    db_bind_int(s, ":limit", limit) | db_bind_int(s, ":offset", offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct network *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_network(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int networks_store_kommune_exists(struct db *db, const char *kommune, int *exists)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM kommuner WHERE kode = :k");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":k", kommune) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*exists = db_col_int(s, 0) > 0;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int networks_store_unit(struct db *db, struct arena *a, int64_t unit_id, const char *kommune,
                        const char **name)
{
	struct db_stmt *s = db_prepare(db, "SELECT name FROM entry_units WHERE id = :id"
	                                   " AND (CAST(:kommune AS text) IS NULL OR kommune = :kommune)");
	if (!s)
		return ERR_DB;
	int rc = (db_bind_int(s, ":id", unit_id) | db_bind_text(s, ":kommune", kommune)) ? ERR_DB
	                                                                                  : db_step(s);
	if (rc == DB_ROW)
		*name = db_col_dup(a, s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int networks_store_units(struct db *db, struct arena *a, const char *kommune,
                         struct network_member **items, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, name, email, kind FROM entry_units"
	                                   " WHERE kommune = :kommune ORDER BY name COLLATE da, id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":kommune", kommune)) {
		db_done(s);
		return ERR_DB;
	}
	struct network_member *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct network_member *m = ARENA_PUSH(a, out, count, cap);
		m->kind = "unit";
		m->unit_id = db_col_int(s, 0);
		m->name = db_col_dup(a, s, 1);
		m->email = db_col_dup(a, s, 2);
		m->detail = db_col_dup(a, s, 3);
		m->organisation = "";
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- members */

int networks_store_member_insert(struct db *db, const struct network_member *m, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO network_members (network_id, kind, enterprise_id, unit_id, name, email,"
		" organisation, created_at) VALUES (:network, :kind, nullif(:enterprise, 0),"
		" nullif(:unit, 0), :name, :email, :organisation, " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":network", m->network_id) |
	                           db_bind_text(s, ":kind", m->kind) |
	                           db_bind_int(s, ":enterprise", m->enterprise_id) |
	                           db_bind_int(s, ":unit", m->unit_id) |
	                           db_bind_text(s, ":name", m->name ? m->name : "") |
	                           db_bind_text(s, ":email", m->email ? m->email : "") |
	                           db_bind_text(s, ":organisation", m->organisation ? m->organisation : "")
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int networks_store_member_exists(struct db *db, const struct network_member *m, int *exists)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT count(*) FROM network_members WHERE network_id = :network AND removed_at IS NULL"
		" AND ((:enterprise <> 0 AND enterprise_id = :enterprise) OR (:unit <> 0 AND unit_id = :unit)"
		" OR (kind = 'person' AND :email <> '' AND lower(email) = lower(:email)))");
	if (!s)
		return ERR_DB;
	int rc = (db_bind_int(s, ":network", m->network_id) |
	          db_bind_int(s, ":enterprise", m->enterprise_id) | db_bind_int(s, ":unit", m->unit_id) |
	          db_bind_text(s, ":email", m->kind && !strcmp(m->kind, "person") && m->email ? m->email : ""))
	             ? ERR_DB
	             : db_step(s);
	if (rc == DB_ROW)
		*exists = db_col_int(s, 0) > 0;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int networks_store_member_remove(struct db *db, int64_t network_id, int64_t member_id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE network_members SET removed_at = " NOW
	                                   " WHERE id = :id AND network_id = :network"
	                                   " AND removed_at IS NULL");
	int rc = db_run(s, s ? db_bind_int(s, ":id", member_id) | db_bind_int(s, ":network", network_id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_MEMBER                                                                      \
	"SELECT mb.id, mb.network_id, mb.kind, coalesce(mb.enterprise_id, 0),"                 \
	" coalesce(mb.unit_id, 0), " MEMBER_NAME ", " MEMBER_EMAIL ", mb.organisation,"        \
	" CASE mb.kind WHEN 'enterprise' THEN e.kind WHEN 'unit' THEN u.kind ELSE '' END,"     \
	" mb.created_at FROM network_members mb" MEMBER_JOINS

static void read_member(struct db_stmt *s, struct arena *a, struct network_member *m)
{
	memset(m, 0, sizeof(*m));
	m->id = db_col_int(s, 0);
	m->network_id = db_col_int(s, 1);
	m->kind = db_col_dup(a, s, 2);
	m->enterprise_id = db_col_int(s, 3);
	m->unit_id = db_col_int(s, 4);
	m->name = db_col_dup(a, s, 5);
	m->email = db_col_dup(a, s, 6);
	m->organisation = db_col_dup(a, s, 7);
	m->detail = db_col_dup(a, s, 8);
	m->created_at = db_col_dup(a, s, 9);
	if (!m->name)
		m->name = "";
	if (!m->email)
		m->email = "";
	if (!m->detail)
		m->detail = "";
}

int networks_store_members(struct db *db, struct arena *a, int64_t network_id, int with_removed,
                           struct network_member **items, int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_MEMBER " WHERE mb.network_id = :network"
	                                   " AND (:all <> 0 OR mb.removed_at IS NULL) ORDER BY mb.id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":network", network_id) | db_bind_int(s, ":all", with_removed)) {
		db_done(s);
		return ERR_DB;
	}
	struct network_member *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_member(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int networks_store_member(struct db *db, struct arena *a, int64_t network_id, int64_t member_id,
                          struct network_member *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_MEMBER " WHERE mb.id = :id AND mb.network_id = :network"
	                                   " AND mb.removed_at IS NULL");
	if (!s)
		return ERR_DB;
	int rc = (db_bind_int(s, ":id", member_id) | db_bind_int(s, ":network", network_id)) ? ERR_DB
	                                                                                      : db_step(s);
	if (rc == DB_ROW)
		read_member(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

/* ---------------------------------------------------------------- meetings */

int networks_store_meeting_insert(struct db *db, const struct meeting *m, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO network_meetings (network_id, starts_at, ends_at, place, agenda, minutes,"
		" status, sequence, created_at, updated_at) VALUES (:network, :starts, :ends, :place,"
		" :agenda, :minutes, :status, 0, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":network", m->network_id) |
	                           db_bind_text(s, ":starts", m->starts_at) |
	                           db_bind_text(s, ":ends", m->ends_at) |
	                           db_bind_text(s, ":place", m->place) |
	                           db_bind_text(s, ":agenda", m->agenda) |
	                           db_bind_text(s, ":minutes", m->minutes) |
	                           db_bind_text(s, ":status", m->status)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int networks_store_meeting_update(struct db *db, const struct meeting *m)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE network_meetings SET starts_at = :starts, ends_at = :ends, place = :place,"
		" agenda = :agenda, minutes = :minutes, status = :status, sequence = :sequence,"
		" updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":starts", m->starts_at) |
	                           db_bind_text(s, ":ends", m->ends_at) |
	                           db_bind_text(s, ":place", m->place) |
	                           db_bind_text(s, ":agenda", m->agenda) |
	                           db_bind_text(s, ":minutes", m->minutes) |
	                           db_bind_text(s, ":status", m->status) |
	                           db_bind_int(s, ":sequence", m->sequence) | db_bind_int(s, ":id", m->id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_MEETING                                                                     \
	"SELECT m.id, m.network_id, n.kommune, n.name, m.starts_at, m.ends_at, m.place,"       \
	" m.agenda, m.minutes, m.status, m.sequence, m.created_at, m.updated_at,"              \
	" (SELECT count(*) FROM meeting_attendance WHERE meeting_id = m.id AND present = 1)"   \
	" FROM network_meetings m JOIN networks n ON n.id = m.network_id"

static void read_meeting(struct db_stmt *s, struct arena *a, struct meeting *m)
{
	memset(m, 0, sizeof(*m));
	m->id = db_col_int(s, 0);
	m->network_id = db_col_int(s, 1);
	m->kommune = db_col_dup(a, s, 2);
	m->network_name = db_col_dup(a, s, 3);
	m->starts_at = db_col_dup(a, s, 4);
	m->ends_at = db_col_dup(a, s, 5);
	m->place = db_col_dup(a, s, 6);
	m->agenda = db_col_dup(a, s, 7);
	m->minutes = db_col_dup(a, s, 8);
	m->status = db_col_dup(a, s, 9);
	m->sequence = (int)db_col_int(s, 10);
	m->created_at = db_col_dup(a, s, 11);
	m->updated_at = db_col_dup(a, s, 12);
	m->present = (int)db_col_int(s, 13);
}

int networks_store_meeting_get(struct db *db, struct arena *a, int64_t id, struct meeting *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_MEETING " WHERE m.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_meeting(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int networks_store_meetings(struct db *db, struct arena *a, int64_t network_id,
                            struct meeting **items, int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_MEETING " WHERE m.network_id = :network"
	                                   " ORDER BY m.starts_at, m.id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":network", network_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct meeting *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_meeting(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int networks_store_last_held(struct db *db, struct arena *a, int64_t network_id,
                             struct meeting *out, int *planned_after)
{
	struct db_stmt *s = db_prepare(db, SELECT_MEETING " WHERE m.network_id = :network"
	                                   " AND m.status = 'held' ORDER BY m.starts_at DESC LIMIT 1");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":network", network_id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_meeting(s, a, out);
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	s = db_prepare(db, "SELECT count(*) FROM network_meetings WHERE network_id = :network"
	                   " AND status = 'planned' AND starts_at > :after");
	if (!s)
		return ERR_DB;
	rc = (db_bind_int(s, ":network", network_id) | db_bind_text(s, ":after", out->starts_at))
	         ? ERR_DB
	         : db_step(s);
	if (rc == DB_ROW)
		*planned_after = db_col_int(s, 0) > 0;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

/* ---------------------------------------------------------------- attendance */

int networks_store_attendance_set(struct db *db, int64_t meeting_id, int64_t member_id,
                                  int signed_up, int present)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO meeting_attendance (meeting_id, member_id, signed_up, present)"
		" VALUES (:meeting, :member, CASE WHEN :s < 0 THEN 0 ELSE :s END,"
		" CASE WHEN :p < 0 THEN NULL ELSE :p END)"
		" ON CONFLICT (meeting_id, member_id) DO UPDATE SET"
		" signed_up = CASE WHEN :s < 0 THEN meeting_attendance.signed_up ELSE :s END,"
		" present = CASE WHEN :p < 0 THEN meeting_attendance.present ELSE :p END");
	return db_run(s, s ? db_bind_int(s, ":meeting", meeting_id) | db_bind_int(s, ":member", member_id) |
	                         db_bind_int(s, ":s", signed_up) | db_bind_int(s, ":p", present)
	                   : 0);
}

int networks_store_attendees(struct db *db, struct arena *a, int64_t meeting_id,
                             int64_t network_id, struct meeting_attendee **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT mb.id, " MEMBER_NAME ", " MEMBER_EMAIL ", mb.kind, coalesce(t.signed_up, 0),"
		" coalesce(t.present, -1) FROM network_members mb" MEMBER_JOINS
		" LEFT JOIN meeting_attendance t ON t.member_id = mb.id AND t.meeting_id = :meeting"
		" WHERE mb.network_id = :network AND (mb.removed_at IS NULL OR t.member_id IS NOT NULL)"
		" ORDER BY mb.id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":meeting", meeting_id) | db_bind_int(s, ":network", network_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct meeting_attendee *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct meeting_attendee *t = ARENA_PUSH(a, out, count, cap);
		t->member_id = db_col_int(s, 0);
		t->name = db_col_dup(a, s, 1);
		t->email = db_col_dup(a, s, 2);
		t->kind = db_col_dup(a, s, 3);
		t->signed_up = db_col_int(s, 4) != 0;
		t->present = (int)db_col_int(s, 5);
		if (!t->name)
			t->name = "";
		if (!t->email)
			t->email = "";
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* ---------------------------------------------------------------- action items */

int networks_store_action_insert(struct db *db, const struct meeting_action *x, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO meeting_actions (meeting_id, title, owner_member_id, owner_user_id, due,"
		" status, created_at, updated_at) VALUES (:meeting, :title, nullif(:member, 0),"
		" nullif(:user, 0), :due, :status, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":meeting", x->meeting_id) |
	                           db_bind_text(s, ":title", x->title) |
	                           db_bind_int(s, ":member", x->owner_member_id) |
	                           db_bind_int(s, ":user", x->owner_user_id) |
	                           db_bind_text(s, ":due", x->due) | db_bind_text(s, ":status", x->status)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int networks_store_action_update(struct db *db, const struct meeting_action *x)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE meeting_actions SET title = :title, owner_member_id = nullif(:member, 0),"
		" owner_user_id = nullif(:user, 0), due = :due, status = :status, updated_at = " NOW
		" WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":title", x->title) |
	                           db_bind_int(s, ":member", x->owner_member_id) |
	                           db_bind_int(s, ":user", x->owner_user_id) |
	                           db_bind_text(s, ":due", x->due) |
	                           db_bind_text(s, ":status", x->status) | db_bind_int(s, ":id", x->id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

#define SELECT_ACTION                                                                      \
	"SELECT x.id, x.meeting_id, x.title, coalesce(x.owner_member_id, 0),"                  \
	" coalesce(x.owner_user_id, 0), CASE WHEN x.owner_member_id IS NOT NULL THEN "         \
	MEMBER_NAME " ELSE coalesce(nullif(us.name, ''), us.email, '') END, x.due, x.status,"  \
	" x.created_at, x.updated_at FROM meeting_actions x"                                   \
	" LEFT JOIN network_members mb ON mb.id = x.owner_member_id" MEMBER_JOINS              \
	" LEFT JOIN users us ON us.id = x.owner_user_id"

static void read_action(struct db_stmt *s, struct arena *a, struct meeting_action *x)
{
	memset(x, 0, sizeof(*x));
	x->id = db_col_int(s, 0);
	x->meeting_id = db_col_int(s, 1);
	x->title = db_col_dup(a, s, 2);
	x->owner_member_id = db_col_int(s, 3);
	x->owner_user_id = db_col_int(s, 4);
	x->owner_name = db_col_dup(a, s, 5);
	x->due = db_col_dup(a, s, 6);
	x->status = db_col_dup(a, s, 7);
	x->created_at = db_col_dup(a, s, 8);
	x->updated_at = db_col_dup(a, s, 9);
	if (!x->owner_name)
		x->owner_name = "";
}

int networks_store_action_get(struct db *db, struct arena *a, int64_t id,
                              struct meeting_action *out)
{
	struct db_stmt *s = db_prepare(db, SELECT_ACTION " WHERE x.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_action(s, a, out);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int networks_store_actions(struct db *db, struct arena *a, int64_t meeting_id,
                           struct meeting_action **items, int *n)
{
	struct db_stmt *s = db_prepare(db, SELECT_ACTION " WHERE x.meeting_id = :meeting ORDER BY x.id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":meeting", meeting_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct meeting_action *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_action(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int networks_store_user_exists(struct db *db, int64_t user_id, const char *kommune, int *exists)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM users WHERE id = :id AND active = 1"
	                                   " AND (CAST(:kommune AS text) IS NULL OR kommune = :kommune)");
	if (!s)
		return ERR_DB;
	int rc = (db_bind_int(s, ":id", user_id) | db_bind_text(s, ":kommune", kommune)) ? ERR_DB
	                                                                                  : db_step(s);
	if (rc == DB_ROW)
		*exists = db_col_int(s, 0) > 0;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int networks_store_due_actions(struct db *db, struct arena *a, const char *day,
                               struct networks_due_action **items, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT x.id, x.title, x.due, CASE WHEN x.owner_member_id IS NOT NULL THEN "
		MEMBER_EMAIL " ELSE coalesce(us.email, '') END, n.name, n.kommune, m.starts_at"
		" FROM meeting_actions x JOIN network_meetings m ON m.id = x.meeting_id"
		" JOIN networks n ON n.id = m.network_id"
		" LEFT JOIN network_members mb ON mb.id = x.owner_member_id" MEMBER_JOINS
		" LEFT JOIN users us ON us.id = x.owner_user_id AND us.active = 1"
		" WHERE x.status = 'open' AND x.due IS NOT NULL AND x.due <= :day"
		" AND (x.reminded_for IS NULL OR x.reminded_for <> x.due) ORDER BY x.due, x.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":day", day)) {
		db_done(s);
		return ERR_DB;
	}
	struct networks_due_action *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct networks_due_action *d = ARENA_PUSH(a, out, count, cap);
		d->id = db_col_int(s, 0);
		d->title = db_col_dup(a, s, 1);
		d->due = db_col_dup(a, s, 2);
		d->to = db_col_dup(a, s, 3);
		d->network_name = db_col_dup(a, s, 4);
		d->kommune = db_col_dup(a, s, 5);
		d->starts_at = db_col_dup(a, s, 6);
		if (!d->to)
			d->to = "";
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

int networks_store_action_reminded(struct db *db, int64_t id, const char *due)
{
	struct db_stmt *s = db_prepare(db, "UPDATE meeting_actions SET reminded_for = :due WHERE id = :id");
	return db_run(s, s ? db_bind_text(s, ":due", due) | db_bind_int(s, ":id", id) : 0);
}

/* ---------------------------------------------------------------- Tabel 8 */

int networks_store_stats(struct db *db, struct arena *a, int year, const char *scope,
                         struct networks_stats_row **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT n.kommune, k.navn, count(*),"
		" sum((SELECT count(*) FROM network_meetings t WHERE t.network_id = n.id"
		"  AND t.status = 'held' AND substr(t.starts_at, 1, 4) = :y)),"
		" sum((SELECT count(*) FROM network_members mb JOIN enterprises e ON e.id = mb.enterprise_id"
		"  WHERE mb.network_id = n.id AND mb.removed_at IS NULL AND e.kind = 'soev')),"
		" sum((SELECT count(*) FROM network_members mb JOIN enterprises e ON e.id = mb.enterprise_id"
		"  WHERE mb.network_id = n.id AND mb.removed_at IS NULL AND e.kind = 'company')),"
		" sum((SELECT count(*) FROM network_members mb WHERE mb.network_id = n.id"
		"  AND mb.removed_at IS NULL AND mb.kind = 'unit')),"
		" sum((SELECT count(*) FROM network_members mb WHERE mb.network_id = n.id"
		"  AND mb.removed_at IS NULL AND mb.kind = 'person')),"
		" sum((SELECT count(*) FROM meeting_attendance p JOIN network_meetings t ON t.id = p.meeting_id"
		"  WHERE t.network_id = n.id AND t.status = 'held' AND p.present = 1"
		"  AND substr(t.starts_at, 1, 4) = :y))"
		" FROM networks n LEFT JOIN kommuner k ON k.kode = n.kommune"
		" WHERE (CAST(:scope AS text) IS NULL OR n.kommune = :scope)"
		" AND (substr(n.created_at, 1, 4) = :y OR EXISTS (SELECT 1 FROM network_meetings t"
		"  WHERE t.network_id = n.id AND t.status <> 'cancelled' AND substr(t.starts_at, 1, 4) = :y))"
		" GROUP BY n.kommune, k.navn ORDER BY n.kommune IS NULL, k.navn COLLATE da");
	if (!s)
		return ERR_DB;
	char y[8];
	snprintf(y, sizeof y, "%04d", year);
	if (db_bind_text(s, ":y", y) | db_bind_text(s, ":scope", scope)) {
		db_done(s);
		return ERR_DB;
	}
	struct networks_stats_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct networks_stats_row *r = ARENA_PUSH(a, out, count, cap);
		r->kommune = db_col_dup(a, s, 0);
		r->kommune_navn = db_col_dup(a, s, 1);
		r->networks = (int)db_col_int(s, 2);
		r->meetings_held = (int)db_col_int(s, 3);
		r->members_soev = (int)db_col_int(s, 4);
		r->members_company = (int)db_col_int(s, 5);
		r->members_unit = (int)db_col_int(s, 6);
		r->members_person = (int)db_col_int(s, 7);
		r->attendance = (int)db_col_int(s, 8);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}
