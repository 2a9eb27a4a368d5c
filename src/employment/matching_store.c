/*
 * matching_store.c — the SQL of matching. Layer: store of the employment capability.
 * Lists of keys come bound as one JSON array each and are read with json_each (on PostgreSQL
 * jsonb_array_elements_text), so no SQL text is ever built from input. The hard rules are each
 * one statement; the seats taken are the placements at an opening that have not ended. The
 * statements tuned for SQLite (INDEXED BY, LIMIT -1) have a PostgreSQL text of their own that
 * reads the same rows without those hints.
 */
#include "matching_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

/* the first 10 bytes of iso (a date) into out, "" when shorter */
static void copy_date(char out[11], const char *iso)
{
	size_t n = iso ? strnlen(iso, 10) : 0;
	memcpy(out, iso ? iso : "", n);
	out[n == 10 ? 10 : 0] = '\0';
}

/* the row of matching_store_opening_get: id, enterprise, schemes, inhouse, soev, seats left,
 * created (date), tasks, tasks matched, adaptations offered, the enterprise's target groups */
static void read_opening(struct db_stmt *s, struct arena *a, struct matching_store_opening *o)
{
	o->id = db_col_int(s, 0);
	o->enterprise_id = db_col_int(s, 1);
	o->schemes = (int)db_col_int(s, 2);
	o->inhouse = db_col_int(s, 3) != 0;
	o->soev = db_col_int(s, 4) != 0;
	o->seats_left = (int)db_col_int(s, 5);
	copy_date(o->created, db_col_text(s, 6));
	o->tasks_total = (int)db_col_int(s, 7);
	o->tasks_matched = (int)db_col_int(s, 8);
	o->offered = (int)db_col_int(s, 9);
	o->targets = db_col_dup(a, s, 10);
}

int matching_store_openings(struct db *db, struct arena *a, const struct matching_store_citizen *q,
                            struct matching_store_opening **rows, int *n)
{
	/* The enterprises within reach come first (ee: one branch per travel scope, each by its
	 * index; their target groups read once per enterprise), then each one's open openings from
	 * the covering index openings_match, tested on their own columns before the two
	 * subqueries: the seats taken (placements_opening: the placements not yet ended) and, only when the
	 * citizen needs any, the needed adaptations offered. The inner SELECT has LIMIT -1, which
	 * keeps SQLite from flattening it into the outer one and so from computing seats_left twice. */
	struct db_stmt *s = db_prepare2(db,
		"WITH ee(id, soev, targets) AS MATERIALIZED ("
		"  SELECT e.id, e.kind = 'soev', (SELECT group_concat(g.target, ' ') FROM enterprise_targets g"
		"   WHERE g.enterprise_id = e.id) FROM enterprises e"
		"  WHERE :travel = 'kommune' AND e.kommune = :kommune"
		"  UNION ALL SELECT e.id, e.kind = 'soev', (SELECT group_concat(g.target, ' ')"
		"   FROM enterprise_targets g WHERE g.enterprise_id = e.id) FROM enterprises e"
		"  WHERE :travel = 'region' AND e.kommune IN (SELECT kode FROM kommuner"
		"   WHERE region = (SELECT region FROM kommuner WHERE kode = :kommune))"
		"  UNION ALL SELECT e.id, e.kind = 'soev', (SELECT group_concat(g.target, ' ')"
		"   FROM enterprise_targets g WHERE g.enterprise_id = e.id) FROM enterprises e"
		"  WHERE :travel = 'alle')"
		" SELECT id, enterprise_id, schemes, inhouse, soev, seats_left, created_at, targets FROM ("
		"  SELECT o.id, o.enterprise_id, o.schemes, o.inhouse, ee.soev, ee.targets, o.created_at,"
		"   o.seats - (SELECT count(*) FROM placements p WHERE p.opening_id = o.id AND (p.end IS NULL OR p.end >= strftime('%Y-%m-%d', 'now')))"
		"    AS seats_left"
		"  FROM ee JOIN openings o INDEXED BY openings_match"
		"   ON o.enterprise_id = ee.id AND o.status = 'open'"
		"  WHERE (o.schemes & :schemes) != 0 AND o.hours_min <= :hours_max"
		"   AND ((o.times & :times) != 0 OR ((o.times | :times) & :flexible) != 0)"
		"   AND (:nneeds = 0 OR (SELECT count(*) FROM opening_adaptations x WHERE x.opening_id = o.id"
		"    AND x.adaptation IN (SELECT value FROM json_each(:needs))) = :nneeds)"
		"  LIMIT -1)"
		" WHERE seats_left > 0",
		/* PostgreSQL: the same without INDEXED BY, OFFSET 0 in place of LIMIT -1 (it keeps
		 * the planner from pulling the subquery up and computing seats_left twice), the list
		 * read with jsonb */
		"WITH ee(id, soev, targets) AS MATERIALIZED ("
		"  SELECT e.id, e.kind = 'soev', (SELECT string_agg(g.target, ' ' ORDER BY g.target)"
		"   FROM enterprise_targets g WHERE g.enterprise_id = e.id) FROM enterprises e"
		"  WHERE :travel = 'kommune' AND e.kommune = :kommune"
		"  UNION ALL SELECT e.id, e.kind = 'soev', (SELECT string_agg(g.target, ' ' ORDER BY g.target)"
		"   FROM enterprise_targets g WHERE g.enterprise_id = e.id) FROM enterprises e"
		"  WHERE :travel = 'region' AND e.kommune IN (SELECT kode FROM kommuner"
		"   WHERE region = (SELECT region FROM kommuner WHERE kode = :kommune))"
		"  UNION ALL SELECT e.id, e.kind = 'soev', (SELECT string_agg(g.target, ' ' ORDER BY g.target)"
		"   FROM enterprise_targets g WHERE g.enterprise_id = e.id) FROM enterprises e"
		"  WHERE :travel = 'alle')"
		" SELECT id, enterprise_id, schemes, inhouse, soev, seats_left, created_at, targets FROM ("
		"  SELECT o.id, o.enterprise_id, o.schemes, o.inhouse, ee.soev, ee.targets, o.created_at,"
		"   o.seats - (SELECT count(*) FROM placements p WHERE p.opening_id = o.id"
		"    AND (p.\"end\" IS NULL OR p.\"end\" >= strftime('%Y-%m-%d', 'now'))) AS seats_left"
		"  FROM ee JOIN openings o ON o.enterprise_id = ee.id AND o.status = 'open'"
		"  WHERE (o.schemes & :schemes) != 0 AND o.hours_min <= :hours_max"
		"   AND ((o.times & :times) != 0 OR ((o.times | :times) & :flexible) != 0)"
		"   AND (:nneeds = 0 OR (SELECT count(*) FROM opening_adaptations x WHERE x.opening_id = o.id"
		"    AND x.adaptation IN (SELECT value FROM jsonb_array_elements_text(CAST(:needs AS jsonb))"
		"     AS j(value))) = :nneeds)"
		"  OFFSET 0) AS m"
		" WHERE seats_left > 0");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":schemes", q->schemes) | db_bind_int(s, ":hours_max", q->hours_max) |
	         db_bind_int(s, ":times", q->times) | db_bind_int(s, ":flexible", q->flexible) |
	         db_bind_text(s, ":travel", q->travel) | db_bind_text(s, ":kommune", q->kommune) |
	         db_bind_int(s, ":nneeds", q->nneeds) | db_bind_text(s, ":needs", q->needs_json)
	             ? ERR_DB
	             : 0;
	struct matching_store_opening *out = NULL;
	size_t count = 0, cap = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		struct matching_store_opening *o = ARENA_PUSH(a, out, count, cap);
		o->id = db_col_int(s, 0);
		o->enterprise_id = db_col_int(s, 1);
		o->schemes = (int)db_col_int(s, 2);
		o->inhouse = db_col_int(s, 3) != 0;
		o->soev = db_col_int(s, 4) != 0;
		o->seats_left = (int)db_col_int(s, 5);
		copy_date(o->created, db_col_text(s, 6));
		/* the rows come enterprise by enterprise: one copy of its target groups each */
		if (count > 1 && o[-1].enterprise_id == o->enterprise_id)
			o->targets = o[-1].targets;
		else
			o->targets = db_col_dup(a, s, 7);
		o->open = true;
		o->tasks_total = o->tasks_matched = o->offered = -1;
		rc = 0;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int matching_store_opening_parts(struct db *db, const char *ids_json, const char *tasks_json,
                                 struct matching_store_opening *const *rows, int n)
{
	/* tasks packs two counts: the total × 64 plus the matched ones (fewer than 64: the
	 * domain sends at most CITIZEN_MAX_LIST keys in :tasks) */
	struct db_stmt *s = db_prepare2(db,
		"SELECT j.key,"
		" (SELECT count(*) * 64 + coalesce(sum(t.task IN (SELECT value FROM json_each(:tasks))), 0)"
		"  FROM opening_tasks t WHERE t.opening_id = j.value),"
		" (SELECT count(*) FROM opening_adaptations x WHERE x.opening_id = j.value)"
		" FROM json_each(:ids) j",
		/* PostgreSQL: the position from WITH ORDINALITY (1-based), the ids as bigint */
		"SELECT j.key - 1,"
		" (SELECT count(*) * 64 + coalesce(sum(CASE WHEN t.task IN (SELECT value"
		"   FROM jsonb_array_elements_text(CAST(:tasks AS jsonb)) AS k(value)) THEN 1 ELSE 0 END), 0)"
		"  FROM opening_tasks t WHERE t.opening_id = CAST(j.value AS bigint)),"
		" (SELECT count(*) FROM opening_adaptations x WHERE x.opening_id = CAST(j.value AS bigint))"
		" FROM jsonb_array_elements_text(CAST(:ids AS jsonb)) WITH ORDINALITY AS j(value, key)");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":ids", ids_json) | db_bind_text(s, ":tasks", tasks_json) ? ERR_DB : 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		int64_t i = db_col_int(s, 0), tasks = db_col_int(s, 1);
		if (i >= 0 && i < n) {
			rows[i]->tasks_total = (int)(tasks >> 6);
			rows[i]->tasks_matched = (int)(tasks & 63);
			rows[i]->offered = (int)db_col_int(s, 2);
		}
		rc = 0;
	}
	db_done(s);
	return rc < 0 ? rc : 0;
}

int matching_store_opening_get(struct db *db, struct arena *a, int64_t id,
                               struct matching_store_opening *out)
{
	struct db_stmt *s = db_prepare2(db,
		"SELECT o.id, o.enterprise_id, o.schemes, o.inhouse, e.kind = 'soev',"
		" o.seats - (SELECT count(*) FROM placements p WHERE p.opening_id = o.id AND (p.end IS NULL OR p.end >= strftime('%Y-%m-%d', 'now'))),"
		" o.created_at, (SELECT count(*) FROM opening_tasks t WHERE t.opening_id = o.id), 0,"
		" (SELECT count(*) FROM opening_adaptations x WHERE x.opening_id = o.id),"
		" (SELECT group_concat(g.target, ' ') FROM enterprise_targets g"
		"  WHERE g.enterprise_id = o.enterprise_id),"
		" o.status = 'open', e.kommune"
		" FROM openings o JOIN enterprises e ON e.id = o.enterprise_id WHERE o.id = :id",
		"SELECT o.id, o.enterprise_id, o.schemes, o.inhouse, e.kind = 'soev',"
		" o.seats - (SELECT count(*) FROM placements p WHERE p.opening_id = o.id"
		"  AND (p.\"end\" IS NULL OR p.\"end\" >= strftime('%Y-%m-%d', 'now'))),"
		" o.created_at, (SELECT count(*) FROM opening_tasks t WHERE t.opening_id = o.id), 0,"
		" (SELECT count(*) FROM opening_adaptations x WHERE x.opening_id = o.id),"
		" (SELECT string_agg(g.target, ' ' ORDER BY g.target) FROM enterprise_targets g"
		"  WHERE g.enterprise_id = o.enterprise_id),"
		" o.status = 'open', e.kommune"
		" FROM openings o JOIN enterprises e ON e.id = o.enterprise_id WHERE o.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		read_opening(s, a, out);
		out->open = db_col_int(s, 11) != 0;
		out->kommune = db_col_dup(a, s, 12);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int matching_store_opening_card(struct db *db, struct arena *a, int64_t id, const char **title,
                                const char **enterprise_name, const char **kommune,
                                const char **kommune_navn)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT o.title, e.name, e.kommune, k.navn FROM openings o"
		" JOIN enterprises e ON e.id = o.enterprise_id JOIN kommuner k ON k.kode = e.kommune"
		" WHERE o.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		*title = db_col_dup(a, s, 0);
		*enterprise_name = db_col_dup(a, s, 1);
		*kommune = db_col_dup(a, s, 2);
		*kommune_navn = db_col_dup(a, s, 3);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int matching_store_citizens(struct db *db, struct arena *a, const char *kommune, int64_t id,
                            int flexible, struct matching_store_citizen_row **rows, int *n)
{
	/* the opening is one row (its primary key); the citizens come from citizens_kommune */
	struct db_stmt *s = db_prepare2(db,
		"SELECT c.id, c.schemes,"
		" (SELECT count(*) FROM citizen_tasks t WHERE t.citizen_id = c.id"
		"   AND t.task IN (SELECT task FROM opening_tasks WHERE opening_id = :id)),"
		" (SELECT count(*) FROM citizen_needs d WHERE d.citizen_id = c.id)"
		" FROM openings o JOIN enterprises e ON e.id = o.enterprise_id"
		" JOIN citizens c INDEXED BY citizens_kommune"
		"   ON c.kommune = :kommune AND c.anonymized_at IS NULL"
		" WHERE o.id = :id AND o.status = 'open'"
		" AND o.seats > (SELECT count(*) FROM placements p WHERE p.opening_id = o.id AND (p.end IS NULL OR p.end >= strftime('%Y-%m-%d', 'now')))"
		" AND c.consent_date IS NOT NULL"
		" AND (c.schemes & o.schemes) != 0"
		" AND o.hours_min <= c.hours_max"
		" AND ((o.times & c.times) != 0 OR ((o.times | c.times) & :flexible) != 0)"
		" AND (c.travel = 'alle' OR (c.travel = 'kommune' AND e.kommune = :kommune)"
		"   OR (c.travel = 'region' AND (SELECT region FROM kommuner WHERE kode = e.kommune)"
		"     = (SELECT region FROM kommuner WHERE kode = :kommune)))"
		" AND NOT EXISTS (SELECT 1 FROM citizen_needs d WHERE d.citizen_id = c.id"
		"   AND NOT EXISTS (SELECT 1 FROM opening_adaptations x"
		"     WHERE x.opening_id = o.id AND x.adaptation = d.adaptation))",
		/* PostgreSQL: the same without INDEXED BY */
		"SELECT c.id, c.schemes,"
		" (SELECT count(*) FROM citizen_tasks t WHERE t.citizen_id = c.id"
		"   AND t.task IN (SELECT task FROM opening_tasks WHERE opening_id = :id)),"
		" (SELECT count(*) FROM citizen_needs d WHERE d.citizen_id = c.id)"
		" FROM openings o JOIN enterprises e ON e.id = o.enterprise_id"
		" JOIN citizens c ON c.kommune = :kommune AND c.anonymized_at IS NULL"
		" WHERE o.id = :id AND o.status = 'open'"
		" AND o.seats > (SELECT count(*) FROM placements p WHERE p.opening_id = o.id"
		"   AND (p.\"end\" IS NULL OR p.\"end\" >= strftime('%Y-%m-%d', 'now')))"
		" AND c.consent_date IS NOT NULL"
		" AND (c.schemes & o.schemes) != 0"
		" AND o.hours_min <= c.hours_max"
		" AND ((o.times & c.times) != 0 OR ((o.times | c.times) & :flexible) != 0)"
		" AND (c.travel = 'alle' OR (c.travel = 'kommune' AND e.kommune = :kommune)"
		"   OR (c.travel = 'region' AND (SELECT region FROM kommuner WHERE kode = e.kommune)"
		"     = (SELECT region FROM kommuner WHERE kode = :kommune)))"
		" AND NOT EXISTS (SELECT 1 FROM citizen_needs d WHERE d.citizen_id = c.id"
		"   AND NOT EXISTS (SELECT 1 FROM opening_adaptations x"
		"     WHERE x.opening_id = o.id AND x.adaptation = d.adaptation))");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) | db_bind_text(s, ":kommune", kommune) |
	         db_bind_int(s, ":flexible", flexible)
	             ? ERR_DB
	             : 0;
	struct matching_store_citizen_row *out = NULL;
	size_t count = 0, cap = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		struct matching_store_citizen_row *c = ARENA_PUSH(a, out, count, cap);
		c->id = db_col_int(s, 0);
		c->schemes = (int)db_col_int(s, 1);
		c->tasks_matched = (int)db_col_int(s, 2);
		c->nneeds = (int)db_col_int(s, 3);
		rc = 0;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int matching_store_citizen_name(struct db *db, struct arena *a, int64_t id, const char **name)
{
	struct db_stmt *s = db_prepare(db, "SELECT name FROM citizens WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*name = db_col_dup(a, s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

int matching_store_citizen_needs(struct db *db, struct arena *a, int64_t id, const char **keys,
                                 int max, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT adaptation FROM citizen_needs WHERE citizen_id = :id"
	                                   " ORDER BY adaptation");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : 0;
	*n = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		if (*n < max)
			keys[(*n)++] = db_col_dup(a, s, 0);
		rc = 0;
	}
	db_done(s);
	return rc < 0 ? rc : 0;
}

int matching_store_opening_adaptations(struct db *db, struct arena *a, int64_t id,
                                       const char **keys, const char **labels, int max, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT d.key, d.label FROM opening_adaptations x JOIN adaptations d ON d.key = x.adaptation"
		" WHERE x.opening_id = :id ORDER BY d.position, d.key");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : 0;
	*n = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		if (*n < max) {
			keys[*n] = db_col_dup(a, s, 0);
			labels[(*n)++] = db_col_dup(a, s, 1);
		}
		rc = 0;
	}
	db_done(s);
	return rc < 0 ? rc : 0;
}

int matching_store_weights(struct db *db, struct arena *a, const char *kommune,
                           struct matching_store_weight **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT w.factor, w.points FROM kommuner k LEFT JOIN match_weights w ON w.kommune = k.kode"
		" WHERE k.kode = :kommune ORDER BY w.factor");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":kommune", kommune) ? ERR_DB : 0;
	struct matching_store_weight *out = NULL;
	size_t count = 0, cap = 0;
	bool exists = false;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		exists = true;
		rc = 0;
		if (db_col_null(s, 0))
			continue; /* the municipality without weights of its own */
		struct matching_store_weight *w = ARENA_PUSH(a, out, count, cap);
		w->factor = db_col_dup(a, s, 0);
		w->points = (int)db_col_int(s, 1);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	if (!exists)
		return ERR_NOTFOUND;
	*rows = out;
	*n = (int)count;
	return 0;
}

int matching_store_weights_clear(struct db *db, const char *kommune)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM match_weights WHERE kommune = :kommune");
	return db_run(s, s ? db_bind_text(s, ":kommune", kommune) : 0);
}

int matching_store_weight_put(struct db *db, const char *kommune, const char *factor, int points)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO match_weights (kommune, factor, points) VALUES (:kommune, :factor, :points)"
		" ON CONFLICT (kommune, factor) DO UPDATE SET points = excluded.points");
	return db_run(s, s ? db_bind_text(s, ":kommune", kommune) | db_bind_text(s, ":factor", factor) |
	                         db_bind_int(s, ":points", points)
	                   : 0);
}
