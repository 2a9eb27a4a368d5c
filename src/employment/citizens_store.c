/*
 * citizens_store.c — the SQL of the citizens.
 */
#include "citizens_store.h"

#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int bind_profile(struct db_stmt *s, const struct citizen *c)
{
	return db_bind_text(s, ":name", c->name) | db_bind_text(s, ":phone", c->phone ? c->phone : "") |
	       db_bind_text(s, ":email", c->email ? c->email : "") |
	       db_bind_text(s, ":strengths", c->strengths ? c->strengths : "") |
	       db_bind_text(s, ":wishes", c->wishes ? c->wishes : "") |
	       db_bind_int(s, ":schemes", c->schemes) | db_bind_int(s, ":hours_max", c->hours_max) |
	       db_bind_int(s, ":times", c->times) | db_bind_text(s, ":travel", c->travel) |
	       (c->consent_date ? db_bind_text(s, ":consent_date", c->consent_date)
	                        : db_bind_null(s, ":consent_date")) |
	       db_bind_text(s, ":consent_scope", c->consent_scope ? c->consent_scope : "");
}

static int bind_cpr(struct db_stmt *s, const struct cpr_sealed *cpr)
{
	return db_bind_blob(s, ":box", cpr->box, cpr->box_len) | db_bind_int(s, ":key", cpr->key_id) |
	       db_bind_blob(s, ":hash", cpr->hash, 32);
}

int citizens_store_insert(struct db *db, const struct citizen *c, const struct cpr_sealed *cpr,
                          int64_t created_by, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO citizens (kommune, name, cpr_box, cpr_key, cpr_hash, phone, email, strengths,"
		" wishes, schemes, hours_max, times, travel, consent_date, consent_scope, created_by,"
		" created_at, updated_at, active_at)"
		" VALUES (:kommune, :name, :box, :key, :hash, :phone, :email, :strengths, :wishes,"
		" :schemes, :hours_max, :times, :travel, :consent_date, :consent_scope, :by,"
		" " NOW ", " NOW ", " NOW ")");
	int rc = db_run(s, s ? db_bind_text(s, ":kommune", c->kommune) | bind_profile(s, c) |
	                           bind_cpr(s, cpr) |
	                           (created_by ? db_bind_int(s, ":by", created_by) : db_bind_null(s, ":by"))
	                     : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int citizens_store_update(struct db *db, const struct citizen *c)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE citizens SET name = :name, phone = :phone, email = :email, strengths = :strengths,"
		" wishes = :wishes, schemes = :schemes, hours_max = :hours_max, times = :times,"
		" travel = :travel, consent_date = :consent_date, consent_scope = :consent_scope,"
		" updated_at = " NOW ", active_at = " NOW " WHERE id = :id AND anonymized_at IS NULL");
	int rc = db_run(s, s ? bind_profile(s, c) | db_bind_int(s, ":id", c->id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int citizens_store_set_cpr(struct db *db, int64_t id, const struct cpr_sealed *cpr)
{
	struct db_stmt *s = db_prepare(db, "UPDATE citizens SET cpr_box = :box, cpr_key = :key,"
	                                   " cpr_hash = :hash WHERE id = :id");
	return db_run(s, s ? bind_cpr(s, cpr) | db_bind_int(s, ":id", id) : 0);
}

int citizens_store_set_lists(struct db *db, const struct citizen *c)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM citizen_tasks WHERE citizen_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", c->id) : 0);
	for (int i = 0; rc == 0 && i < c->ntasks; i++) {
		s = db_prepare(db, "INSERT INTO citizen_tasks (citizen_id, task) VALUES (:id, :k)"
		                   " ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", c->id) | db_bind_text(s, ":k", c->tasks[i]) : 0);
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM citizen_needs WHERE citizen_id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", c->id) : 0);
	}
	for (int i = 0; rc == 0 && i < c->nneeds; i++) {
		s = db_prepare(db, "INSERT INTO citizen_needs (citizen_id, adaptation)"
		                   " VALUES (:id, :k) ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", c->id) | db_bind_text(s, ":k", c->needs[i]) : 0);
	}
	return rc;
}

int citizens_store_kommune(struct db *db, struct arena *a, int64_t id, const char **kommune)
{
	struct db_stmt *s = db_prepare(db, "SELECT kommune FROM citizens WHERE id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*kommune = db_col_dup(a, s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

static int read_keys(struct db_stmt *s, struct arena *a, int64_t id, const char **arr, int *n)
{
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : 0;
	*n = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		if (*n < CITIZEN_MAX_LIST)
			arr[(*n)++] = db_col_dup(a, s, 0);
		rc = 0;
	}
	db_done(s);
	return rc == DB_DONE || rc == 0 ? 0 : rc;
}

/* the blob of column col copied into a, its length into *len; NULL for NULL */
static const uint8_t *col_blob(struct arena *a, struct db_stmt *s, int col, int *len)
{
	*len = 0;
	if (db_col_null(s, col))
		return NULL;
	return (const uint8_t *)db_col_blob_dup(a, s, col, len);
}

int citizens_store_get(struct db *db, struct arena *a, int64_t id, struct citizen *c,
                       struct cpr_sealed *cpr)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT c.id, c.kommune, k.navn, c.name, c.phone, c.email, c.strengths, c.wishes,"
		" c.schemes, c.hours_max, c.times, c.travel, c.consent_date, c.consent_scope,"
		" c.created_at, c.updated_at, c.active_at, c.anonymized_at IS NOT NULL,"
		" c.cpr_box, c.cpr_key, c.cpr_hash"
		" FROM citizens c JOIN kommuner k ON k.kode = c.kommune WHERE c.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		memset(c, 0, sizeof(*c));
		c->id = db_col_int(s, 0);
		const char **t[] = {&c->kommune, &c->kommune_navn, &c->name, &c->phone,
		                    &c->email, &c->strengths, &c->wishes};
		for (int i = 0; i < 7; i++)
			*t[i] = db_col_dup(a, s, 1 + i);
		c->schemes = (int)db_col_int(s, 8);
		c->hours_max = (int)db_col_int(s, 9);
		c->times = (int)db_col_int(s, 10);
		c->travel = db_col_dup(a, s, 11);
		c->consent_date = db_col_dup(a, s, 12);
		c->consent_scope = db_col_dup(a, s, 13);
		c->created_at = db_col_dup(a, s, 14);
		c->updated_at = db_col_dup(a, s, 15);
		c->active_at = db_col_dup(a, s, 16);
		c->anonymized = db_col_int(s, 17) != 0;
		cpr->box = col_blob(a, s, 18, &cpr->box_len);
		cpr->key_id = (int)db_col_int(s, 19);
		int hl;
		cpr->hash = col_blob(a, s, 20, &hl);
	}
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	rc = read_keys(db_prepare(db, "SELECT t.key FROM citizen_tasks ct JOIN tasks t ON t.key = ct.task"
	                              " WHERE ct.citizen_id = :id ORDER BY t.position"),
	               a, id, c->tasks, &c->ntasks);
	if (rc == 0)
		rc = read_keys(db_prepare(db, "SELECT ad.key FROM citizen_needs cn JOIN adaptations ad"
		                              " ON ad.key = cn.adaptation WHERE cn.citizen_id = :id"
		                              " ORDER BY ad.position"),
		               a, id, c->needs, &c->nneeds);
	return rc;
}

int citizens_store_find(struct db *db, const char *kommune, const uint8_t *hash, int64_t *ids,
                        int max, int *n)
{
	struct db_stmt *s = db_prepare(db, "SELECT id FROM citizens WHERE cpr_hash = :hash"
	                                   " AND (CAST(:kommune AS text) IS NULL OR kommune = :kommune)"
	                                   " ORDER BY id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_blob(s, ":hash", hash, 32) |
	         (kommune ? db_bind_text(s, ":kommune", kommune) : db_bind_null(s, ":kommune"));
	*n = 0;
	if (rc)
		rc = ERR_DB;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		if (*n < max)
			ids[(*n)++] = db_col_int(s, 0);
		rc = 0;
	}
	db_done(s);
	if (rc != 0 && rc != DB_DONE)
		return rc;
	return *n ? 0 : ERR_NOTFOUND;
}

int citizens_store_list(struct db *db, struct arena *a, const char *kommune,
                        const struct citizens_query *q, int64_t only_id,
                        struct citizen_item **items, struct cpr_sealed **cprs, int *n,
                        int *total)
{
	/* PostgreSQL has no NOCASE: the name with its ASCII letters folded (what NOCASE folds),
	 * compared byte by byte, as NOCASE compares */
	struct db_stmt *s = db_prepare2(db,
		"SELECT c.id, c.name, c.schemes, c.active_at, c.cpr_box, c.cpr_key,"
		" (SELECT count(*) FROM placements p WHERE p.citizen_id = c.id"
		"  AND (p.\"end\" IS NULL OR p.\"end\" >= strftime('%Y-%m-%d', 'now'))),"
		" count(*) OVER ()"
		" FROM citizens c WHERE c.kommune = :kommune"
		" AND (:anon <> 0 OR c.anonymized_at IS NULL)"
		" AND (:id = 0 OR c.id = :id)"
		" AND (CAST(:name AS text) IS NULL"
		"  OR lower(c.name) LIKE lower('%' || :name || '%') ESCAPE '\\')"
		" ORDER BY CASE :sort WHEN 0 THEN c.name COLLATE NOCASE END,"
		" CASE :sort WHEN 1 THEN c.created_at WHEN 2 THEN c.active_at END DESC, c.id"
		" LIMIT :limit OFFSET :offset",
		"SELECT c.id, c.name, c.schemes, c.active_at, c.cpr_box, c.cpr_key,"
		" (SELECT count(*) FROM placements p WHERE p.citizen_id = c.id"
		"  AND (p.\"end\" IS NULL OR p.\"end\" >= strftime('%Y-%m-%d', 'now'))),"
		" count(*) OVER ()"
		" FROM citizens c WHERE c.kommune = :kommune"
		" AND (:anon <> 0 OR c.anonymized_at IS NULL)"
		" AND (:id = 0 OR c.id = :id)"
		" AND (CAST(:name AS text) IS NULL"
		"  OR lower(c.name) LIKE lower('%' || :name || '%') ESCAPE '\\')"
		" ORDER BY CASE :sort WHEN 0 THEN translate(c.name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
		"  'abcdefghijklmnopqrstuvwxyz') COLLATE \"C\" END,"
		" CASE :sort WHEN 1 THEN c.created_at WHEN 2 THEN c.active_at END DESC, c.id"
		" LIMIT :limit OFFSET :offset");
	if (!s)
		return ERR_DB;
	char *like = NULL;
	if (q->name && *q->name) {
		/* LIKE's wildcards in the typed name match themselves */
		size_t len = strlen(q->name);
		like = arena_alloc(a, 2 * len + 1);
		char *o = like;
		for (const char *p = q->name; *p; p++) {
			if (*p == '%' || *p == '_' || *p == '\\')
				*o++ = '\\';
			*o++ = *p;
		}
		*o = 0;
	}
	int rc = db_bind_text(s, ":kommune", kommune) | db_bind_int(s, ":anon", q->anonymized) |
	         db_bind_int(s, ":id", only_id) |
	         (like ? db_bind_text(s, ":name", like) : db_bind_null(s, ":name")) |
	         db_bind_int(s, ":sort", q->sort) | db_bind_int(s, ":limit", q->limit) |
	         db_bind_int(s, ":offset", q->offset);
	struct citizen_item *out = NULL;
	struct cpr_sealed *boxes = NULL;
	size_t count = 0, cap = 0, cap2 = 0, count2 = 0;
	*total = 0;
	if (rc)
		rc = ERR_DB;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		struct citizen_item *it = ARENA_PUSH(a, out, count, cap);
		struct cpr_sealed *b = ARENA_PUSH(a, boxes, count2, cap2);
		memset(it, 0, sizeof(*it));
		it->id = db_col_int(s, 0);
		it->name = db_col_dup(a, s, 1);
		it->schemes = (int)db_col_int(s, 2);
		it->active_at = db_col_dup(a, s, 3);
		b->box = col_blob(a, s, 4, &b->box_len);
		b->key_id = (int)db_col_int(s, 5);
		b->hash = NULL;
		it->placements_open = (int)db_col_int(s, 6);
		*total = (int)db_col_int(s, 7);
		rc = 0;
	}
	db_done(s);
	if (rc != 0 && rc != DB_DONE)
		return rc;
	if (count == 0 && q->offset > 0) {
		/* a page past the end: the total still counts */
		struct db_stmt *t = db_prepare(db, "SELECT count(*) FROM citizens c WHERE c.kommune = :kommune"
		                                   " AND (:anon <> 0 OR c.anonymized_at IS NULL)"
		                                   " AND (:id = 0 OR c.id = :id)"
		                                   " AND (CAST(:name AS text) IS NULL"
		                                   "  OR lower(c.name) LIKE lower('%' || :name || '%') ESCAPE '\\')");
		if (!t)
			return ERR_DB;
		rc = db_bind_text(t, ":kommune", kommune) | db_bind_int(t, ":anon", q->anonymized) |
		     db_bind_int(t, ":id", only_id) |
		     (like ? db_bind_text(t, ":name", like) : db_bind_null(t, ":name"));
		rc = rc ? ERR_DB : db_step(t);
		if (rc == DB_ROW)
			*total = (int)db_col_int(t, 0);
		db_done(t);
		if (rc != DB_ROW)
			return rc < 0 ? rc : ERR_DB;
	}
	*items = out;
	*cprs = boxes;
	*n = (int)count;
	return 0;
}

int citizens_store_count(struct db *db, const char *kommune, int *count)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM citizens"
	                                   " WHERE anonymized_at IS NULL"
	                                   " AND (CAST(:kommune AS text) IS NULL OR kommune = :kommune)");
	if (!s)
		return ERR_DB;
	int rc = kommune ? db_bind_text(s, ":kommune", kommune) : db_bind_null(s, ":kommune");
	if (rc == 0)
		rc = db_step(s);
	if (rc == DB_ROW) {
		*count = (int)db_col_int(s, 0);
		rc = 0;
	} else if (rc >= 0) {
		rc = ERR_DB;
	}
	db_done(s);
	return rc;
}

int citizens_store_log(struct db *db, struct arena *a, const int64_t *ids, int nids,
                       struct citizen_read **rows, int *n)
{
	struct citizen_read *out = NULL;
	size_t count = 0, cap = 0;
	for (int i = 0; i < nids; i++) {
		struct db_stmt *s = db_prepare2(db,
			"SELECT at, coalesce(user_email, ''), action, coalesce(json_extract(detail, '$.purpose'), '')"
			" FROM audit WHERE entity = 'citizen' AND entity_id = CAST(:id AS TEXT) ORDER BY id",
			"SELECT at, coalesce(user_email, ''), action,"
			" coalesce(CAST(detail AS jsonb) ->> 'purpose', '')"
			" FROM audit WHERE entity = 'citizen' AND entity_id = CAST(:id AS TEXT) ORDER BY id");
		if (!s)
			return ERR_DB;
		int rc = db_bind_int(s, ":id", ids[i]) ? ERR_DB : 0;
		while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
			struct citizen_read *r = ARENA_PUSH(a, out, count, cap);
			r->at = db_col_dup(a, s, 0);
			r->user_email = db_col_dup(a, s, 1);
			r->action = db_col_dup(a, s, 2);
			r->purpose = db_col_dup(a, s, 3);
			rc = 0;
		}
		db_done(s);
		if (rc != 0 && rc != DB_DONE)
			return rc;
	}
	*rows = out;
	*n = (int)count;
	return 0;
}

int citizens_store_placements_json(struct db *db, struct arena *a, int64_t id, const char **json)
{
	struct db_stmt *s = db_prepare2(db,
		/* two objects merged: the connection allows 16 arguments a function; the members that
		 * may be null are in the first, as a merge patch would drop them */
		"SELECT json_group_array(json_patch(json_object('id', p.id, 'enterprise_id', p.enterprise_id,"
		" 'enterprise', e.name, 'opening_id', p.opening_id, 'planned_end', p.planned_end,"
		" 'end', p.\"end\", 'hours', p.hours, 'scheme', p.scheme),"
		" json_object('start', p.start, 'inhouse', p.inhouse, 'outcome', p.outcome,"
		" 'followups', json((SELECT json_group_array(json_object('due', f.due, 'note', f.note,"
		" 'done_at', f.done_at)) FROM placement_followups f WHERE f.placement_id = p.id)))))"
		" FROM placements p JOIN enterprises e ON e.id = p.enterprise_id WHERE p.citizen_id = :id",
		/* PostgreSQL: the same text as SQLite's json functions write (no blanks, the members in
		 * this order, the rows in the order of the index SQLite reads: placements_citizen and
		 * placement_followups_placement), each value written by to_json */
		"SELECT coalesce('[' || string_agg('{\"id\":' || p.id"
		" || ',\"enterprise_id\":' || p.enterprise_id || ',\"enterprise\":' || to_json(e.name)"
		" || ',\"opening_id\":' || coalesce(CAST(p.opening_id AS text), 'null')"
		" || ',\"planned_end\":' || coalesce(CAST(to_json(p.planned_end) AS text), 'null')"
		" || ',\"end\":' || coalesce(CAST(to_json(p.\"end\") AS text), 'null')"
		" || ',\"hours\":' || coalesce(CAST(p.hours AS text), 'null')"
		" || ',\"scheme\":' || to_json(p.scheme) || ',\"start\":' || to_json(p.start)"
		" || ',\"inhouse\":' || p.inhouse || ',\"outcome\":' || to_json(p.outcome)"
		" || ',\"followups\":' || (SELECT coalesce('[' || string_agg('{\"due\":' || to_json(f.due)"
		"   || ',\"note\":' || to_json(f.note)"
		"   || ',\"done_at\":' || coalesce(CAST(to_json(f.done_at) AS text), 'null') || '}',"
		"   ',' ORDER BY f.due, f.id) || ']', '[]')"
		"  FROM placement_followups f WHERE f.placement_id = p.id)"
		" || '}', ',' ORDER BY p.start, p.id) || ']', '[]')"
		" FROM placements p JOIN enterprises e ON e.id = p.enterprise_id WHERE p.citizen_id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		*json = db_col_dup(a, s, 0);
		rc = 0;
	} else if (rc >= 0) {
		rc = ERR_DB;
	}
	db_done(s);
	return rc;
}

int citizens_store_purge(struct db *db, const char *cutoff, bool dry_run, int *count)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT count(*) FROM citizens c WHERE c.anonymized_at IS NULL AND c.active_at < :cut"
		" AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.citizen_id = c.id"
		"  AND (p.\"end\" IS NULL OR p.\"end\" >= strftime('%Y-%m-%d', 'now')))");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":cut", cutoff) ? ERR_DB : db_step(s);
	if (rc == DB_ROW)
		*count = (int)db_col_int(s, 0);
	db_done(s);
	if (rc != DB_ROW)
		return rc < 0 ? rc : ERR_DB;
	if (dry_run || *count == 0)
		return 0;
	s = db_prepare(db,
		"CREATE TEMP TABLE IF NOT EXISTS purge_ids (id INTEGER PRIMARY KEY)");
	rc = db_run(s, 0);
	if (rc == 0)
		rc = db_run(db_prepare(db, "DELETE FROM purge_ids"), 0);
	if (rc == 0) {
		s = db_prepare(db,
			"INSERT INTO purge_ids (id) SELECT c.id FROM citizens c WHERE c.anonymized_at IS NULL"
			" AND c.active_at < :cut AND NOT EXISTS (SELECT 1 FROM placements p"
			" WHERE p.citizen_id = c.id AND (p.\"end\" IS NULL OR p.\"end\" >= strftime('%Y-%m-%d', 'now')))");
		rc = db_run(s, s ? db_bind_text(s, ":cut", cutoff) : 0);
	}
	if (rc == 0)
		rc = db_run(db_prepare(db, "DELETE FROM citizen_tasks WHERE citizen_id IN (SELECT id FROM purge_ids)"), 0);
	if (rc == 0)
		rc = db_run(db_prepare(db, "DELETE FROM citizen_needs WHERE citizen_id IN (SELECT id FROM purge_ids)"), 0);
	if (rc == 0)
		rc = db_run(db_prepare(db, "UPDATE placement_followups SET note = ''"
		                           " WHERE placement_id IN (SELECT p.id FROM placements p"
		                           " WHERE p.citizen_id IN (SELECT id FROM purge_ids))"), 0);
	if (rc == 0)
		rc = db_run(db_prepare(db,
			"UPDATE citizens SET name = '', cpr_box = NULL, cpr_key = NULL, cpr_hash = NULL,"
			" phone = '', email = '', strengths = '', wishes = '', schemes = 0, times = 0,"
			" consent_date = NULL, consent_scope = '', anonymized_at = " NOW ","
			" updated_at = " NOW " WHERE id IN (SELECT id FROM purge_ids)"), 0);
	if (rc == 0)
		rc = db_run(db_prepare(db, "DELETE FROM purge_ids"), 0);
	return rc;
}
