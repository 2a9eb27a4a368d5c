/*
 * registry_import_store.c — the SQL of the registry's CSV import: the staging table and the
 * set-wise writes from it. Layer: store of the registry capability: statements only, no rules
 * (what a line means is decided in registry_io.c before it is staged).
 */
#include "registry_import_store.h"

#include <stdbool.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../store/db.h"

/* the import's page cache (KiB) and pages of WAL between checkpoints */
#define IMPORT_CACHE_KIB "16384"
#define IMPORT_CHECKPOINT_PAGES "10000"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* the lines of one chunk */
#define CHUNK " s.line BETWEEN :from AND :to "

/* steps a pragma that sets a value (and answers with a row or none) */
static void pragma_set(struct db_stmt *s)
{
	if (s)
		db_step(s);
	db_done(s);
}

int registry_import_store_open(struct db *db)
{
	registry_import_store_close(db);
	/* A larger page cache keeps the registry's indexes in memory from one chunk to the next
	 * (an import inserts at random places of the name, CVR and municipality indexes), and a
	 * longer WAL between checkpoints copies a page dirtied by many chunks into the database
	 * once instead of once per chunk. Both for this connection only, and only for the import:
	 * registry_import_store_close sets SQLite's defaults again, which db_open leaves as they
	 * are. */
	if (!db_postgres(db)) {
		pragma_set(db_prepare(db, "PRAGMA cache_size = -" IMPORT_CACHE_KIB));
		pragma_set(db_prepare(db, "PRAGMA wal_autocheckpoint = " IMPORT_CHECKPOINT_PAGES));
	}
	/* PostgreSQL: the sort key is bytea, and the integers bigint as the registry's are */
	struct db_stmt *s = db_prepare2(db,
		"CREATE TEMP TABLE import_rows ("
		" line INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, op INTEGER NOT NULL, eid INTEGER UNIQUE,"
		" seq INTEGER,"
		" name TEXT, name_key BLOB, cvr TEXT, kommune TEXT, kind TEXT, entrepreneur INTEGER,"
		" legal_form TEXT, origin TEXT, ps INTEGER, ph INTEGER, pe INTEGER, criteria INTEGER,"
		" cn TEXT, ce TEXT, cp TEXT, address TEXT, website TEXT, description TEXT,"
		" pipeline TEXT, est TEXT, rsv TEXT, closed TEXT, source TEXT,"
		" others TEXT, services TEXT, targets TEXT, tname TEXT, tbody TEXT)",
		"CREATE TEMP TABLE import_rows ("
		" line bigint PRIMARY KEY, key text NOT NULL UNIQUE, op bigint NOT NULL, eid bigint UNIQUE,"
		" seq bigint,"
		" name text, name_key bytea, cvr text, kommune text, kind text, entrepreneur bigint,"
		" legal_form text, origin text, ps bigint, ph bigint, pe bigint, criteria bigint,"
		" cn text, ce text, cp text, address text, website text, description text,"
		" pipeline text, est text, rsv text, closed text, source text,"
		" others text, services text, targets text, tname text, tbody text)");
	return db_run(s, 0);
}

void registry_import_store_close(struct db *db)
{
	struct db_stmt *s = db_prepare2(db, "DROP TABLE IF EXISTS temp.import_rows",
	                                "DROP TABLE IF EXISTS pg_temp.import_rows");
	db_run(s, 0);
	if (db_postgres(db))
		return;
	pragma_set(db_prepare(db, "PRAGMA cache_size = -2000"));
	pragma_set(db_prepare(db, "PRAGMA wal_autocheckpoint = 1000"));
}

int registry_import_store_analyze(struct db *db)
{
	if (!db_postgres(db))
		return 0;
	struct db_stmt *s = db_prepare(db, "ANALYZE enterprises, enterprise_kommuner,"
	                                   " enterprise_services, enterprise_targets");
	return db_run(s, 0);
}

int registry_import_store_batch_begin(struct db *db)
{
	struct db_stmt *s = db_prepare(db, "BEGIN");
	return db_run(s, 0);
}

int registry_import_store_batch_end(struct db *db, int fail)
{
	if (fail) {
		struct db_stmt *s = db_prepare(db, "ROLLBACK");
		return db_run(s, 0);
	}
	struct db_stmt *s = db_prepare(db, "COMMIT");
	return db_run(s, 0);
}

static int bind_staged(struct db_stmt *s, const struct import_staged *st)
{
	int rc = db_bind_int(s, ":line", st->line) | db_bind_text(s, ":key", st->key) |
	         db_bind_int(s, ":op", st->op);
	const struct enterprise *e = st->e;
	if (st->op == IMPORT_SAME) {
		/* nothing to write: only the key, for the duplicates */
		return rc | (e->id ? db_bind_int(s, ":eid", e->id) : db_bind_null(s, ":eid")) |
		       db_bind_null(s, ":seq") | db_bind_null(s, ":name") | db_bind_null(s, ":name_key") |
		       db_bind_null(s, ":cvr") | db_bind_null(s, ":kommune") | db_bind_null(s, ":kind") |
		       db_bind_null(s, ":entrepreneur") | db_bind_null(s, ":legal_form") |
		       db_bind_null(s, ":origin") | db_bind_null(s, ":ps") | db_bind_null(s, ":ph") |
		       db_bind_null(s, ":pe") | db_bind_null(s, ":criteria") | db_bind_null(s, ":cn") |
		       db_bind_null(s, ":ce") | db_bind_null(s, ":cp") | db_bind_null(s, ":address") |
		       db_bind_null(s, ":website") | db_bind_null(s, ":description") |
		       db_bind_null(s, ":pipeline") | db_bind_null(s, ":est") | db_bind_null(s, ":rsv") |
		       db_bind_null(s, ":closed") | db_bind_null(s, ":source") | db_bind_null(s, ":others") |
		       db_bind_null(s, ":services") | db_bind_null(s, ":targets") |
		       db_bind_null(s, ":tname") | db_bind_null(s, ":tbody");
	}
	return rc | (st->op == IMPORT_UPDATE ? db_bind_int(s, ":eid", e->id) : db_bind_null(s, ":eid")) |
	       (st->op == IMPORT_NEW ? db_bind_int(s, ":seq", st->seq) : db_bind_null(s, ":seq")) |
	       db_bind_text(s, ":name", e->name) |
	       db_bind_blob(s, ":name_key", e->name_key, e->name_key_len) |
	       db_bind_text(s, ":cvr", e->cvr) | db_bind_text(s, ":kommune", e->kommune) |
	       db_bind_text(s, ":kind", e->kind) | db_bind_int(s, ":entrepreneur", e->entrepreneur) |
	       db_bind_text(s, ":legal_form", e->legal_form) | db_bind_text(s, ":origin", e->origin) |
	       db_bind_int(s, ":ps", e->purpose_social) | db_bind_int(s, ":ph", e->purpose_health) |
	       db_bind_int(s, ":pe", e->purpose_environment) |
	       db_bind_int(s, ":criteria", e->criteria) | db_bind_text(s, ":cn", e->contact_name) |
	       db_bind_text(s, ":ce", e->contact_email) | db_bind_text(s, ":cp", e->contact_phone) |
	       db_bind_text(s, ":address", e->address) | db_bind_text(s, ":website", e->website) |
	       db_bind_text(s, ":description", e->description) |
	       db_bind_text(s, ":pipeline", e->pipeline_since) |
	       db_bind_text(s, ":est", e->established) | db_bind_text(s, ":rsv", e->rsv_registered) |
	       db_bind_text(s, ":closed", e->closed) | db_bind_text(s, ":source", e->source) |
	       db_bind_text(s, ":others", st->others) | db_bind_text(s, ":services", st->services) |
	       db_bind_text(s, ":targets", st->targets) | db_bind_text(s, ":tname", st->terms_name) |
	       db_bind_text(s, ":tbody", st->terms_body);
}

int registry_import_store_stage(struct db *db, const struct import_staged *st, int *first)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO import_rows (line, key, op, eid, seq, name, name_key, cvr, kommune, kind,"
		" entrepreneur, legal_form, origin, ps, ph, pe, criteria, cn, ce, cp, address, website,"
		" description, pipeline, est, rsv, closed, source, others, services, targets, tname, tbody)"
		" VALUES (:line, :key, :op, :eid, :seq, :name, :name_key, :cvr, :kommune, :kind, :entrepreneur,"
		" :legal_form, :origin, :ps, :ph, :pe, :criteria, :cn, :ce, :cp, :address, :website,"
		" :description, :pipeline, :est, :rsv, :closed, :source, :others, :services, :targets,"
		" :tname, :tbody) ON CONFLICT DO NOTHING");
	/* a line whose key or enterprise is staged already is left out and looked up, not tried
	 * and failed: a failed statement would end PostgreSQL's transaction */
	int rc = db_run(s, s ? bind_staged(s, st) : 0);
	if (rc != 0 || db_changes(db) == 1)
		return rc;
	s = db_prepare(db, "SELECT min(line) FROM import_rows WHERE key = :key OR eid = :eid");
	if (!s)
		return ERR_DB;
	int step = db_bind_text(s, ":key", st->key) |
	           (st->e->id ? db_bind_int(s, ":eid", st->e->id) : db_bind_null(s, ":eid")) ? ERR_DB : db_step(s);
	if (step == DB_ROW && db_col_null(s, 0))
		step = ERR_DB;
	if (step == DB_ROW)
		*first = (int)db_col_int(s, 0);
	db_done(s);
	return step == DB_ROW ? ERR_CONFLICT : ERR_DB;
}

int registry_import_store_chunk(struct db *db, int after, int rows, int *to, int counts[3])
{
	struct db_stmt *s = db_prepare(db,
		"SELECT max(line), sum(CASE WHEN op = 0 THEN 1 ELSE 0 END),"
		" sum(CASE WHEN op = 1 THEN 1 ELSE 0 END), sum(CASE WHEN op = 2 THEN 1 ELSE 0 END)"
		" FROM (SELECT line, op FROM import_rows WHERE line > :after ORDER BY line LIMIT :rows) c");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":after", after) | db_bind_int(s, ":rows", rows) ? ERR_DB : db_step(s);
	if (rc == DB_ROW && !db_col_null(s, 0)) {
		*to = (int)db_col_int(s, 0);
		for (int i = 0; i < 3; i++)
			counts[i] = (int)db_col_int(s, 1 + i);
		rc = 0;
	} else if (rc == DB_ROW) {
		rc = ERR_NOTFOUND;
	}
	db_done(s);
	return rc;
}

/* a statement over the lines from..to, run to its end */
static int run_range(struct db_stmt *s, int from, int to)
{
	return db_run(s, s ? db_bind_int(s, ":from", from) | db_bind_int(s, ":to", to) : 0);
}

/* the id of a staged line's enterprise: a new one's is base + its number among the file's new
 * lines (seq), an updated one's is eid */
#define EID " (CASE WHEN s.op = 1 THEN :base + s.seq ELSE s.eid END) "

/* PostgreSQL: the identity's sequence moved past the ids chosen here, so that the next
 * enterprise saved without an id gets the one after them, as SQLite gives */
static int follow_ids(struct db *db)
{
	struct db_stmt *s = db_prepare(db, "SELECT setval(pg_get_serial_sequence('enterprises', 'id'),"
	                                   " (SELECT max(id) FROM enterprises))");
	int rc = s ? db_step(s) : ERR_DB;
	db_done(s);
	return rc == DB_ROW ? 0 : rc ? rc : ERR_DB;
}

/* The new enterprises of lines from..to get the ids SQLite would give them, one above the
 * largest id of the table in line order, but chosen here (*base + seq) so that the lists, the
 * search terms and the audit lines know them without looking them up. The write lock is held
 * since the largest id was read, so no other writer takes one of them. */
static int insert_new(struct db *db, int from, int to, int64_t *base)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT (SELECT coalesce(max(id), 0) FROM enterprises),"
		" (SELECT min(s.seq) FROM import_rows s WHERE" CHUNK "AND s.op = 1)");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":from", from) | db_bind_int(s, ":to", to) ? ERR_DB : db_step(s);
	bool any = rc == DB_ROW && !db_col_null(s, 1);
	if (rc == DB_ROW)
		*base = db_col_int(s, 0) + 1 - (any ? db_col_int(s, 1) : 0);
	db_done(s);
	if (rc != DB_ROW)
		return ERR_DB;
	if (!any)
		return 0;
	s = db_prepare(db,
		"INSERT INTO enterprises (id, name, name_key, cvr, kommune, kind, entrepreneur,"
		" legal_form, origin, purpose_social, purpose_health, purpose_environment, criteria,"
		" contact_name, contact_email, contact_phone, address, website, description,"
		" pipeline_since, established, rsv_registered, closed, source, created_at, updated_at)"
		" SELECT :base + s.seq, s.name, s.name_key, s.cvr, s.kommune, s.kind, s.entrepreneur,"
		" s.legal_form, s.origin, s.ps, s.ph, s.pe, s.criteria, s.cn, s.ce, s.cp, s.address,"
		" s.website, s.description, s.pipeline, s.est, s.rsv, s.closed, s.source, " NOW ", " NOW
		" FROM import_rows s WHERE" CHUNK "AND s.op = 1 ORDER BY s.line");
	rc = db_run(s, s ? db_bind_int(s, ":from", from) | db_bind_int(s, ":to", to) |
	                       db_bind_int(s, ":base", *base) : 0);
	if (rc == 0 && db_postgres(db))
		rc = follow_ids(db);
	return rc;
}

static int update_existing(struct db *db, int from, int to, int updates)
{
	if (updates == 0)
		return 0;
	struct db_stmt *s = db_prepare(db,
		"UPDATE enterprises SET name = s.name, name_key = s.name_key, cvr = s.cvr,"
		" kommune = s.kommune, kind = s.kind, entrepreneur = s.entrepreneur,"
		" legal_form = s.legal_form, origin = s.origin, purpose_social = s.ps,"
		" purpose_health = s.ph, purpose_environment = s.pe, criteria = s.criteria,"
		" contact_name = s.cn, contact_email = s.ce, contact_phone = s.cp, address = s.address,"
		" website = s.website, description = s.description, pipeline_since = s.pipeline,"
		" established = s.est, rsv_registered = s.rsv, closed = s.closed, source = s.source,"
		" updated_at = " NOW " FROM import_rows AS s"
		" WHERE" CHUNK "AND s.op = 2 AND enterprises.id = s.eid");
	int rc = run_range(s, from, to);
	if (rc == 0 && db_changes(db) != updates)
		rc = ERR_CONFLICT; /* an enterprise went away since the check */
	return rc;
}

/* a statement over the lines from..to with the new ids' base, run to its end */
static int run_based(struct db_stmt *s, int from, int to, int64_t base)
{
	return db_run(s, s ? db_bind_int(s, ":from", from) | db_bind_int(s, ":to", to) |
	                         db_bind_int(s, ":base", base) : 0);
}

static int replace_lists(struct db *db, int from, int to, int64_t base)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM enterprise_kommuner WHERE enterprise_id IN"
	                                   " (SELECT s.eid FROM import_rows s WHERE" CHUNK "AND s.op = 2)");
	int rc = run_range(s, from, to);
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM enterprise_services WHERE enterprise_id IN"
		                   " (SELECT s.eid FROM import_rows s WHERE" CHUNK "AND s.op = 2)");
		rc = run_range(s, from, to);
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM enterprise_targets WHERE enterprise_id IN"
		                   " (SELECT s.eid FROM import_rows s WHERE" CHUNK "AND s.op = 2)");
		rc = run_range(s, from, to);
	}
	if (rc == 0) {
		s = db_prepare2(db,
			"INSERT OR IGNORE INTO enterprise_kommuner (enterprise_id, kommune, name_key)"
			" SELECT" EID ", j.value, s.name_key FROM import_rows s, json_each(s.others) j"
			" WHERE" CHUNK "AND s.op > 0",
			"INSERT INTO enterprise_kommuner (enterprise_id, kommune, name_key)"
			" SELECT" EID ", j.value, s.name_key FROM import_rows s,"
			" jsonb_array_elements_text(CAST(s.others AS jsonb)) AS j(value)"
			" WHERE" CHUNK "AND s.op > 0 ON CONFLICT DO NOTHING");
		rc = run_based(s, from, to, base);
	}
	if (rc == 0) {
		s = db_prepare2(db,
			"INSERT OR IGNORE INTO enterprise_services (enterprise_id, service, name_key)"
			" SELECT" EID ", j.value, s.name_key FROM import_rows s, json_each(s.services) j"
			" WHERE" CHUNK "AND s.op > 0",
			"INSERT INTO enterprise_services (enterprise_id, service, name_key)"
			" SELECT" EID ", j.value, s.name_key FROM import_rows s,"
			" jsonb_array_elements_text(CAST(s.services AS jsonb)) AS j(value)"
			" WHERE" CHUNK "AND s.op > 0 ON CONFLICT DO NOTHING");
		rc = run_based(s, from, to, base);
	}
	if (rc == 0) {
		s = db_prepare2(db,
			"INSERT OR IGNORE INTO enterprise_targets (enterprise_id, target, name_key)"
			" SELECT" EID ", j.value, s.name_key FROM import_rows s, json_each(s.targets) j"
			" WHERE" CHUNK "AND s.op > 0",
			"INSERT INTO enterprise_targets (enterprise_id, target, name_key)"
			" SELECT" EID ", j.value, s.name_key FROM import_rows s,"
			" jsonb_array_elements_text(CAST(s.targets AS jsonb)) AS j(value)"
			" WHERE" CHUNK "AND s.op > 0 ON CONFLICT DO NOTHING");
		rc = run_based(s, from, to, base);
	}
	return rc;
}

/* the search terms of lines from..to: those of an updated enterprise replaced, and, as a save
 * does, any stale row under a new one's id (left by an enterprise deleted without its terms)
 * removed first */
static int replace_terms(struct db *db, int from, int to, int64_t base)
{
	/* under -id, as registry_store_set_terms writes them (migration 0027) */
	struct db_stmt *s = db_prepare(db, "DELETE FROM enterprise_search WHERE rowid IN"
	                                   " (SELECT -" EID "FROM import_rows s WHERE" CHUNK "AND s.op > 0)");
	int rc = run_based(s, from, to, base);
	if (rc == 0) {
		/* in the order of the rowids: FTS5 writes its pending terms out as a segment of the
		 * index whenever a rowid is below the one before, so the file's order (ids rising,
		 * rowids falling) made a segment of every line, 4 times the work */
		s = db_prepare(db, "INSERT INTO enterprise_search (rowid, name, body)"
		                   " SELECT -" EID ", s.tname, s.tbody FROM import_rows s"
		                   " WHERE" CHUNK "AND s.op > 0 ORDER BY 1");
		rc = run_based(s, from, to, base);
	}
	return rc;
}

int registry_import_store_write(struct db *db, int from, int to, int updates, int64_t *base)
{
	/* the updates first: a CVR one of them gives up may be a new enterprise's */
	int rc = update_existing(db, from, to, updates);
	if (rc == 0)
		rc = insert_new(db, from, to, base);
	if (rc == 0)
		rc = replace_lists(db, from, to, *base);
	if (rc == 0)
		rc = replace_terms(db, from, to, *base);
	return rc;
}

int registry_import_store_written(struct db *db, struct arena *a, int from, int to,
                                  int64_t base, struct import_written **rows, int *n)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT" EID ", s.op, s.name, s.cvr, s.kommune, s.kind, s.pipeline, s.est, s.rsv, s.closed,"
		" s.legal_form, s.origin FROM import_rows s WHERE" CHUNK "AND s.op > 0 ORDER BY s.line");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":from", from) | db_bind_int(s, ":to", to) |
	         db_bind_int(s, ":base", base) ? ERR_DB : 0;
	struct import_written *out = NULL;
	size_t m = 0, cap = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		struct import_written *w = ARENA_PUSH(a, out, m, cap);
		w->id = db_col_int(s, 0);
		w->op = (enum import_op)db_col_int(s, 1);
		const char **t[] = {&w->name, &w->cvr, &w->kommune, &w->kind, &w->pipeline_since,
		                    &w->established, &w->rsv_registered, &w->closed, &w->legal_form,
		                    &w->origin};
		for (int i = 0; i < 10; i++)
			*t[i] = db_col_dup(a, s, 2 + i);
		rc = 0;
	}
	db_done(s);
	if (rc != DB_DONE)
		return rc ? rc : ERR_DB;
	*rows = out;
	*n = (int)m;
	return 0;
}
