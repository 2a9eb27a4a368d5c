/*
 * placements_store.c — the SQL of placements and their follow-ups. Layer: store of the
 * employment capability: statements only, no rules.
 */
#include "placements_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* the end of a statement that returns no row, or one row read by the caller: 0, ERR_NOTFOUND
 * for no row, or the step's error */
static int one_row(int rc)
{
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int placements_store_citizen(struct db *db, struct arena *a, int64_t id,
                             struct placement_citizen *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT kommune, name, anonymized_at IS NOT NULL,"
	                                   " consent_scope = 'enterprise' FROM citizens WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		out->kommune = db_col_dup(a, s, 0);
		out->name = db_col_dup(a, s, 1);
		out->anonymized = db_col_int(s, 2) != 0;
		out->consent_enterprise = db_col_int(s, 3) != 0;
	}
	db_done(s);
	return one_row(rc);
}

int placements_store_enterprise(struct db *db, struct arena *a, int64_t id, const char **kind)
{
	struct db_stmt *s = db_prepare(db, "SELECT kind FROM enterprises WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*kind = db_col_dup(a, s, 0);
	db_done(s);
	return one_row(rc);
}

int placements_store_opening(struct db *db, struct arena *a, int64_t id, int64_t *enterprise_id,
                             const char **status)
{
	struct db_stmt *s = db_prepare(db, "SELECT enterprise_id, status FROM openings WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		*enterprise_id = db_col_int(s, 0);
		*status = db_col_dup(a, s, 1);
	}
	db_done(s);
	return one_row(rc);
}

/* an id or a number that 0 leaves NULL */
static int bind_opt_int(struct db_stmt *s, const char *name, int64_t v)
{
	return v ? db_bind_int(s, name, v) : db_bind_null(s, name);
}

int placements_store_insert(struct db *db, const struct placement *p, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO placements (citizen_id, kommune, enterprise_id, opening_id, scheme, start,"
		" planned_end, \"end\", hours, inhouse, outcome, created_by, created_at, updated_at)"
		" VALUES (:citizen, :kommune, :enterprise, :opening, :scheme, :start, :planned_end, :end,"
		" :hours, :inhouse, :outcome, :by, " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_int(s, ":citizen", p->citizen_id) |
	                       db_bind_text(s, ":kommune", p->kommune) |
	                       db_bind_int(s, ":enterprise", p->enterprise_id) |
	                       bind_opt_int(s, ":opening", p->opening_id) |
	                       db_bind_text(s, ":scheme", p->scheme) | db_bind_text(s, ":start", p->start) |
	                       db_bind_text(s, ":planned_end", p->planned_end) |
	                       db_bind_text(s, ":end", p->end) | bind_opt_int(s, ":hours", p->hours) |
	                       db_bind_int(s, ":inhouse", p->inhouse) |
	                       db_bind_text(s, ":outcome", p->outcome ? p->outcome : "") |
	                       bind_opt_int(s, ":by", p->created_by)
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int placements_store_update(struct db *db, const struct placement *p)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE placements SET planned_end = :planned_end, \"end\" = :end, hours = :hours,"
		" outcome = :outcome, updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":planned_end", p->planned_end) |
	                       db_bind_text(s, ":end", p->end) | bind_opt_int(s, ":hours", p->hours) |
	                       db_bind_text(s, ":outcome", p->outcome ? p->outcome : "") |
	                       db_bind_int(s, ":id", p->id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int placements_store_touch_citizen(struct db *db, int64_t citizen_id)
{
	struct db_stmt *s = db_prepare(db, "UPDATE citizens SET active_at = " NOW " WHERE id = :id");
	return db_run(s, s ? db_bind_int(s, ":id", citizen_id) : 0);
}

/* the columns every read of a placement gives, in the order read_row reads them */
#define PLACEMENT_SELECT                                                                    \
	"SELECT p.id, p.citizen_id, p.kommune, k.navn, p.enterprise_id, e.name, e.kind,"    \
	" coalesce(p.opening_id, 0), o.title, p.scheme, p.start, p.planned_end, p.\"end\"," \
	" coalesce(p.hours, 0), p.inhouse, p.outcome, c.name, c.anonymized_at IS NOT NULL," \
	" c.consent_scope = 'enterprise', coalesce(p.created_by, 0), p.created_at,"         \
	" p.updated_at FROM placements p JOIN enterprises e ON e.id = p.enterprise_id"      \
	" JOIN citizens c ON c.id = p.citizen_id JOIN kommuner k ON k.kode = p.kommune"     \
	" LEFT JOIN openings o ON o.id = p.opening_id"

/* the current row of a PLACEMENT_SELECT statement into p (copies in a) */
static void read_row(struct db_stmt *s, struct arena *a, struct placement *p)
{
	memset(p, 0, sizeof(*p));
	p->id = db_col_int(s, 0);
	p->citizen_id = db_col_int(s, 1);
	p->kommune = db_col_dup(a, s, 2);
	p->kommune_navn = db_col_dup(a, s, 3);
	p->enterprise_id = db_col_int(s, 4);
	p->enterprise_name = db_col_dup(a, s, 5);
	p->enterprise_kind = db_col_dup(a, s, 6);
	p->opening_id = db_col_int(s, 7);
	p->opening_title = db_col_dup(a, s, 8);
	p->scheme = db_col_dup(a, s, 9);
	p->start = db_col_dup(a, s, 10);
	p->planned_end = db_col_dup(a, s, 11);
	p->end = db_col_dup(a, s, 12);
	p->hours = (int)db_col_int(s, 13);
	p->inhouse = db_col_int(s, 14) != 0;
	p->outcome = db_col_dup(a, s, 15);
	p->citizen_name = db_col_dup(a, s, 16);
	p->citizen_anonymized = db_col_int(s, 17) != 0;
	p->consent_enterprise = db_col_int(s, 18) != 0;
	p->created_by = db_col_int(s, 19);
	p->created_at = db_col_dup(a, s, 20);
	p->updated_at = db_col_dup(a, s, 21);
}

int placements_store_get(struct db *db, struct arena *a, int64_t id, struct placement *out)
{
	struct db_stmt *s = db_prepare(db, PLACEMENT_SELECT " WHERE p.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_row(s, a, out);
	db_done(s);
	return one_row(rc);
}

/* the scope (kommune, or enterprise and consent; neither matches nothing) and the filters */
#define LIST_WHERE                                                                          \
	" WHERE ((CAST(:kommune AS text) IS NOT NULL AND p.kommune = :kommune)"             \
	"   OR (CAST(:kommune AS text) IS NULL AND :scope > 0 AND p.enterprise_id = :scope" \
	"       AND c.consent_scope = 'enterprise'))"                                       \
	" AND (:citizen = 0 OR p.citizen_id = :citizen)"                                    \
	" AND (:enterprise = 0 OR p.enterprise_id = :enterprise)"                           \
	" AND (CAST(:scheme AS text) IS NULL OR p.scheme = :scheme)"                        \
	" AND (:state = 0 OR (:state = 1 AND (p.\"end\" IS NULL OR p.\"end\" >= :day))"     \
	"   OR (:state = 2 AND p.\"end\" < :day))"

/* the parameters of LIST_WHERE */
static int bind_list(struct db_stmt *s, const char *kommune, int64_t scope,
                     const struct placement_query *q, const char *day)
{
	return db_bind_text(s, ":kommune", kommune) | db_bind_int(s, ":scope", scope) |
	       db_bind_int(s, ":citizen", q->citizen_id) | db_bind_int(s, ":enterprise", q->enterprise_id) |
	       db_bind_text(s, ":scheme", q->scheme) | db_bind_int(s, ":state", q->state) |
	       db_bind_text(s, ":day", day);
}

int placements_store_list(struct db *db, struct arena *a, const char *kommune,
                          int64_t scope_enterprise, const struct placement_query *q,
                          const char *day, struct placement **items, int *n, int *total)
{
	struct db_stmt *c = db_prepare(db, "SELECT count(*) FROM placements p"
	                                   " JOIN citizens c ON c.id = p.citizen_id" LIST_WHERE);
	if (!c)
		return ERR_DB;
	int rc = bind_list(c, kommune, scope_enterprise, q, day) ? ERR_DB : db_step(c);
	if (rc == DB_ROW)
		*total = (int)db_col_int(c, 0);
	db_done(c);
	if (rc != DB_ROW)
		return rc < 0 ? rc : ERR_DB;
	struct db_stmt *s = db_prepare(db, PLACEMENT_SELECT LIST_WHERE
	                                   " ORDER BY p.start DESC, p.id DESC LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	if (bind_list(s, kommune, scope_enterprise, q, day) | db_bind_int(s, ":limit", q->limit) |
	    db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct placement *out = NULL;
	size_t count = 0, cap = 0;
	while ((rc = db_step(s)) == DB_ROW)
		read_row(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = (int)count;
	return 0;
}

/* the current row of a follow-up statement (id, placement_id, due, note, done_at,
 * reminded_at) into f */
static void read_followup(struct db_stmt *s, struct arena *a, struct placement_followup *f)
{
	f->id = db_col_int(s, 0);
	f->placement_id = db_col_int(s, 1);
	f->due = db_col_dup(a, s, 2);
	f->note = db_col_dup(a, s, 3);
	f->done_at = db_col_dup(a, s, 4);
	f->reminded_at = db_col_dup(a, s, 5);
}

int placements_store_followups(struct db *db, struct arena *a, int64_t placement_id,
                               struct placement_followup **rows, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, placement_id, due, note, done_at, reminded_at"
	                                   " FROM placement_followups WHERE placement_id = :p"
	                                   " ORDER BY due, id");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":p", placement_id)) {
		db_done(s);
		return ERR_DB;
	}
	struct placement_followup *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		read_followup(s, a, ARENA_PUSH(a, out, count, cap));
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int placements_store_followup_insert(struct db *db, int64_t placement_id, const char *due,
                                     const char *note, int64_t *fid)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO placement_followups (placement_id, due, note)"
	                                   " VALUES (:p, :due, :note)");
	int rc = db_run(s, s ? db_bind_int(s, ":p", placement_id) | db_bind_text(s, ":due", due) |
	                       db_bind_text(s, ":note", note ? note : "")
	                     : 0);
	if (rc == 0)
		*fid = db_last_id(db);
	return rc;
}

int placements_store_followup_get(struct db *db, struct arena *a, int64_t placement_id,
                                  int64_t fid, struct placement_followup *out)
{
	struct db_stmt *s = db_prepare(db, "SELECT id, placement_id, due, note, done_at, reminded_at"
	                                   " FROM placement_followups WHERE id = :id AND placement_id = :p");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", fid) | db_bind_int(s, ":p", placement_id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		read_followup(s, a, out);
	db_done(s);
	return one_row(rc);
}

int placements_store_followup_update(struct db *db, const struct placement_followup *f)
{
	struct db_stmt *s = db_prepare(db, "UPDATE placement_followups SET due = :due, note = :note,"
	                                   " done_at = :done, reminded_at = :reminded WHERE id = :id");
	int rc = db_run(s, s ? db_bind_text(s, ":due", f->due) | db_bind_text(s, ":note", f->note) |
	                       db_bind_text(s, ":done", f->done_at) |
	                       db_bind_text(s, ":reminded", f->reminded_at) | db_bind_int(s, ":id", f->id)
	                     : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int placements_store_due(struct db *db, struct arena *a, const char *day,
                         struct placement_due **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT f.id, f.placement_id, p.kommune, f.due, u.email FROM placement_followups f"
		" JOIN placements p ON p.id = f.placement_id"
		" LEFT JOIN users u ON u.id = p.created_by AND u.active = 1"
		"   AND u.role = 'jobkonsulent' AND u.kommune = p.kommune"
		" WHERE f.due <= :day AND f.done_at IS NULL AND f.reminded_at IS NULL"
		" ORDER BY f.due, f.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":day", day)) {
		db_done(s);
		return ERR_DB;
	}
	struct placement_due *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct placement_due *d = ARENA_PUSH(a, out, count, cap);
		d->followup_id = db_col_int(s, 0);
		d->placement_id = db_col_int(s, 1);
		d->kommune = db_col_dup(a, s, 2);
		d->due = db_col_dup(a, s, 3);
		d->creator_email = db_col_dup(a, s, 4);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int placements_store_jobkonsulenter(struct db *db, struct arena *a, const char *kommune,
                                    const char ***emails, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT email FROM users WHERE kommune = :k"
	                                   " AND role = 'jobkonsulent' AND active = 1 ORDER BY email");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":k", kommune)) {
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
	*emails = out;
	*n = (int)count;
	return 0;
}

int placements_store_mark_reminded(struct db *db, int64_t fid)
{
	struct db_stmt *s = db_prepare(db, "UPDATE placement_followups SET reminded_at = " NOW
	                                   " WHERE id = :id AND reminded_at IS NULL");
	return db_run(s, s ? db_bind_int(s, ":id", fid) : 0);
}

int placements_store_now_by_scheme(struct db *db, int64_t enterprise_id, const char *day,
                                   int counts[SCHEME_COUNT])
{
	struct db_stmt *s = db_prepare(db, "SELECT scheme, count(*) FROM placements"
	                                   " WHERE enterprise_id = :e AND start <= :day"
	                                   " AND (\"end\" IS NULL OR \"end\" >= :day) GROUP BY scheme");
	if (!s)
		return ERR_DB;
	if (db_bind_int(s, ":e", enterprise_id) | db_bind_text(s, ":day", day)) {
		db_done(s);
		return ERR_DB;
	}
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		const char *scheme = db_col_text(s, 0);
		for (int i = 0; i < SCHEME_COUNT; i++)
			if (scheme && strcmp(scheme, employment_schemes[i].key) == 0)
				counts[i] += (int)db_col_int(s, 1);
	}
	db_done(s);
	return rc < 0 ? rc : 0;
}

int placements_store_choices(struct db *db, struct arena *a, const char *kommune,
                             struct placement_choice **enterprises, int *ne,
                             struct placement_choice **openings, int *no)
{
	/* the enterprises whose home kommune is, and those that work with it from elsewhere */
	struct db_stmt *s = db_prepare(db,
		"SELECT e.id, e.name FROM enterprises e WHERE e.kommune = :k OR EXISTS (SELECT 1"
		" FROM enterprise_kommuner ek WHERE ek.enterprise_id = e.id AND ek.kommune = :k)"
		" ORDER BY e.name_key, e.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":k", kommune)) {
		db_done(s);
		return ERR_DB;
	}
	struct placement_choice *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct placement_choice *c = ARENA_PUSH(a, out, count, cap);
		c->id = c->enterprise_id = db_col_int(s, 0);
		c->label = db_col_dup(a, s, 1);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*enterprises = out;
	*ne = (int)count;
	s = db_prepare(db,
		"SELECT o.id, o.enterprise_id, o.title || ' (' || e.name || ')' FROM openings o"
		" JOIN enterprises e ON e.id = o.enterprise_id WHERE o.status <> 'closed'"
		" AND (e.kommune = :k OR EXISTS (SELECT 1 FROM enterprise_kommuner ek"
		"   WHERE ek.enterprise_id = e.id AND ek.kommune = :k))"
		" ORDER BY e.name_key, o.title COLLATE da, o.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":k", kommune)) {
		db_done(s);
		return ERR_DB;
	}
	struct placement_choice *ops = NULL;
	count = cap = 0;
	while ((rc = db_step(s)) == DB_ROW) {
		struct placement_choice *c = ARENA_PUSH(a, ops, count, cap);
		c->id = db_col_int(s, 0);
		c->enterprise_id = db_col_int(s, 1);
		c->label = db_col_dup(a, s, 2);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*openings = ops;
	*no = (int)count;
	return 0;
}
