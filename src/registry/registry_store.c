/*
 * registry_store.c — the SQL of the registry. Layer: store of the registry capability.
 * Lists of municipality codes are bound as one JSON array and read with json_each, so no SQL
 * text is ever built from input.
 */
#include "registry_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../store/db.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static int bind_fields(struct db_stmt *s, const struct enterprise *e)
{
	return db_bind_text(s, ":name", e->name) | db_bind_text(s, ":cvr", e->cvr) |
	       db_bind_text(s, ":kommune", e->kommune) | db_bind_text(s, ":kind", e->kind) |
	       db_bind_int(s, ":entrepreneur", e->entrepreneur) |
	       db_bind_text(s, ":legal_form", e->legal_form) | db_bind_text(s, ":origin", e->origin) |
	       db_bind_int(s, ":ps", e->purpose_social) | db_bind_int(s, ":ph", e->purpose_health) |
	       db_bind_int(s, ":pe", e->purpose_environment) | db_bind_int(s, ":criteria", e->criteria) |
	       db_bind_text(s, ":cn", e->contact_name) | db_bind_text(s, ":ce", e->contact_email) |
	       db_bind_text(s, ":cp", e->contact_phone) | db_bind_text(s, ":address", e->address) |
	       db_bind_text(s, ":website", e->website) | db_bind_text(s, ":description", e->description) |
	       db_bind_text(s, ":pipeline", e->pipeline_since) | db_bind_text(s, ":est", e->established) |
	       db_bind_text(s, ":rsv", e->rsv_registered) | db_bind_text(s, ":closed", e->closed) |
	       db_bind_text(s, ":source", e->source) |
	       db_bind_blob(s, ":name_key", e->name_key, e->name_key_len);
}

int registry_store_insert(struct db *db, struct enterprise *e, int64_t *id)
{
	struct db_stmt *s = db_prepare(db,
		"INSERT INTO enterprises (name, name_key, cvr, kommune, kind, entrepreneur, legal_form,"
		" origin, purpose_social, purpose_health, purpose_environment, criteria, contact_name,"
		" contact_email, contact_phone, address, website, description, pipeline_since,"
		" established, rsv_registered, closed, source, created_at, updated_at)"
		" VALUES (:name, :name_key, :cvr, :kommune, :kind, :entrepreneur, :legal_form, :origin,"
		" :ps, :ph, :pe, :criteria, :cn, :ce, :cp, :address, :website, :description, :pipeline,"
		" :est, :rsv, :closed, :source, " NOW ", " NOW ")");
	int rc = db_run(s, s ? bind_fields(s, e) : 0);
	if (rc == 0)
		*id = db_last_id(db);
	return rc;
}

int registry_store_update(struct db *db, const struct enterprise *e)
{
	struct db_stmt *s = db_prepare(db,
		"UPDATE enterprises SET name = :name, name_key = :name_key, cvr = :cvr, kommune = :kommune,"
		" kind = :kind, entrepreneur = :entrepreneur, legal_form = :legal_form, origin = :origin,"
		" purpose_social = :ps, purpose_health = :ph, purpose_environment = :pe,"
		" criteria = :criteria, contact_name = :cn, contact_email = :ce, contact_phone = :cp,"
		" address = :address, website = :website, description = :description,"
		" pipeline_since = :pipeline, established = :est, rsv_registered = :rsv,"
		" closed = :closed, source = :source, updated_at = " NOW " WHERE id = :id");
	int rc = db_run(s, s ? bind_fields(s, e) | db_bind_int(s, ":id", e->id) : 0);
	if (rc == 0 && db_changes(db) == 0)
		return ERR_NOTFOUND;
	return rc;
}

int registry_store_set_lists(struct db *db, const struct enterprise *e)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM enterprise_kommuner WHERE enterprise_id = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", e->id) : 0);
	for (int i = 0; rc == 0 && i < e->nothers; i++) {
		s = db_prepare(db, "INSERT INTO enterprise_kommuner (enterprise_id, kommune)"
		                   " VALUES (:id, :k) ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) | db_bind_text(s, ":k", e->others[i]) : 0);
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM enterprise_services WHERE enterprise_id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) : 0);
	}
	for (int i = 0; rc == 0 && i < e->nservices; i++) {
		s = db_prepare(db, "INSERT INTO enterprise_services (enterprise_id, service)"
		                   " VALUES (:id, :k) ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) | db_bind_text(s, ":k", e->services[i]) : 0);
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM enterprise_targets WHERE enterprise_id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) : 0);
	}
	for (int i = 0; rc == 0 && i < e->ntargets; i++) {
		s = db_prepare(db, "INSERT INTO enterprise_targets (enterprise_id, target)"
		                   " VALUES (:id, :k) ON CONFLICT DO NOTHING");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) | db_bind_text(s, ":k", e->targets[i]) : 0);
	}
	return rc;
}

int registry_store_set_terms(struct db *db, int64_t id, const char *name, const char *body)
{
	/* under -id: newest first is FTS5's cheap, ascending order (migration 0027) */
	struct db_stmt *s = db_prepare(db, "DELETE FROM enterprise_search WHERE rowid = -:id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0) {
		s = db_prepare(db, "INSERT INTO enterprise_search (rowid, name, body) VALUES (-:id, :name, :body)");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_text(s, ":name", name) |
		                       db_bind_text(s, ":body", body) : 0);
	}
	if (rc == 0)
		rc = registry_store_version_bump(db);
	return rc;
}

int registry_store_version(struct db *db, int64_t *db_id, int64_t *n)
{
	/* PostgreSQL: a database made with CREATE DATABASE ... TEMPLATE (a test's, a copy) has its
	 * template's random db, so the database's oid, unique in its cluster, tells them apart;
	 * the random part tells clusters apart. Below 2^53 still, as the random part is. */
	struct db_stmt *s = db_prepare2(db, "SELECT db, n FROM registry_version WHERE id = 1",
		"SELECT db # (CAST((SELECT oid FROM pg_database WHERE datname = current_database())"
		" AS bigint) << 21), n FROM registry_version WHERE id = 1");
	if (!s)
		return ERR_DB;
	int rc = db_step(s);
	if (rc == DB_ROW) {
		*db_id = db_col_int(s, 0);
		*n = db_col_int(s, 1);
	}
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int registry_store_version_bump(struct db *db)
{
	struct db_stmt *s = db_prepare(db, "UPDATE registry_version SET n = n + 1 WHERE id = 1");
	return db_run(s, 0);
}

int registry_store_search_merge(struct db *db, bool *worked)
{
	/* PostgreSQL's GIN index merges its pending entries itself (on VACUUM and as they grow) */
	if (db_postgres(db)) {
		*worked = false;
		return 0;
	}
	/* FTS5's own measure: the merge command adds 1 to the connection's total of changes when
	 * it found nothing to merge, more when it did work */
	struct db_version before, after;
	struct db_stmt *s = db_prepare(db, "INSERT INTO enterprise_search (enterprise_search, rank)"
	                                   " VALUES ('merge', -2000)");
	int rc = db_version(db, &before);
	if (rc == 0)
		rc = db_run(s, 0);
	else
		db_done(s);
	if (rc == 0)
		rc = db_version(db, &after);
	*worked = rc == 0 && after.changes - before.changes >= 2;
	return rc;
}

int registry_store_reindex_due(struct db *db, bool *due)
{
	struct db_stmt *s = db_prepare(db, "SELECT EXISTS (SELECT 1 FROM registry_reindex_due)");
	if (!s)
		return ERR_DB;
	int rc = db_step(s);
	*due = rc == DB_ROW && db_col_int(s, 0) != 0;
	db_done(s);
	return rc == DB_ROW ? 0 : ERR_DB;
}

int registry_store_reindex_done(struct db *db)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM registry_reindex_due");
	return db_run(s, 0);
}

/* read a list of keys into arr */
static int read_keys(struct db_stmt *s, struct arena *a, int64_t id, const char **arr, int *n)
{
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : 0;
	*n = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		if (*n < REGISTRY_MAX_LIST)
			arr[(*n)++] = db_col_dup(a, s, 0);
		rc = 0;
	}
	db_done(s);
	return rc == DB_DONE || rc == 0 ? 0 : rc;
}

int registry_store_get(struct db *db, struct arena *a, int64_t id, struct enterprise *e)
{
	struct db_stmt *s = db_prepare(db,
		"SELECT e.id, e.name, e.cvr, e.kommune, k.navn, e.entrepreneur, e.legal_form, e.origin,"
		" e.purpose_social, e.purpose_health, e.purpose_environment, e.criteria, e.contact_name,"
		" e.contact_email, e.contact_phone, e.address, e.website, e.description,"
		" e.pipeline_since, e.established, e.rsv_registered, e.closed, e.source, e.created_at,"
		" e.updated_at, e.kind FROM enterprises e JOIN kommuner k ON k.kode = e.kommune"
		" WHERE e.id = :id");
	if (!s)
		return ERR_DB;
	int rc = db_bind_int(s, ":id", id) ? ERR_DB : db_step(s);
	if (rc == DB_ROW) {
		memset(e, 0, sizeof(*e));
		const char **t[] = {&e->name, &e->cvr, &e->kommune, &e->kommune_navn};
		e->id = db_col_int(s, 0);
		for (int i = 0; i < 4; i++)
			*t[i] = db_col_dup(a, s, 1 + i);
		e->entrepreneur = db_col_int(s, 5) != 0;
		e->legal_form = db_col_dup(a, s, 6);
		e->origin = db_col_dup(a, s, 7);
		e->purpose_social = db_col_int(s, 8) != 0;
		e->purpose_health = db_col_int(s, 9) != 0;
		e->purpose_environment = db_col_int(s, 10) != 0;
		e->criteria = (int)db_col_int(s, 11);
		const char **u[] = {&e->contact_name, &e->contact_email, &e->contact_phone, &e->address,
		                    &e->website, &e->description, &e->pipeline_since, &e->established,
		                    &e->rsv_registered, &e->closed, &e->source, &e->created_at,
		                    &e->updated_at};
		for (int i = 0; i < 13; i++)
			*u[i] = db_col_dup(a, s, 12 + i);
		e->kind = db_col_dup(a, s, 25);
	}
	db_done(s);
	if (rc != DB_ROW)
		return rc == DB_DONE ? ERR_NOTFOUND : rc;
	rc = read_keys(db_prepare(db, "SELECT kommune FROM enterprise_kommuner WHERE enterprise_id = :id"
	                              " ORDER BY kommune"), a, id, e->others, &e->nothers);
	if (rc == 0)
		rc = read_keys(db_prepare(db, "SELECT s.key FROM enterprise_services es JOIN services s"
		                              " ON s.key = es.service WHERE es.enterprise_id = :id"
		                              " ORDER BY s.position"), a, id, e->services, &e->nservices);
	if (rc == 0)
		rc = read_keys(db_prepare(db, "SELECT t.key FROM enterprise_targets et JOIN target_groups t"
		                              " ON t.key = et.target WHERE et.enterprise_id = :id"
		                              " ORDER BY t.position"), a, id, e->targets, &e->ntargets);
	return rc;
}

int registry_store_find(struct db *db, const char *cvr, const char *name, const char *kommune,
                        int64_t *id)
{
	struct db_stmt *s;
	if (cvr) {
		s = db_prepare(db, "SELECT id FROM enterprises WHERE cvr = :cvr");
		if (s && db_bind_text(s, ":cvr", cvr)) {
			db_done(s);
			return ERR_DB;
		}
	} else {
		s = db_prepare(db, "SELECT id FROM enterprises WHERE name = :name AND kommune = :kommune"
		                   " ORDER BY id LIMIT 1");
		if (s && db_bind_text(s, ":name", name) | db_bind_text(s, ":kommune", kommune)) {
			db_done(s);
			return ERR_DB;
		}
	}
	if (!s)
		return ERR_DB;
	int rc = db_step(s);
	if (rc == DB_ROW)
		*id = db_col_int(s, 0);
	db_done(s);
	return rc == DB_ROW ? 0 : rc == DB_DONE ? ERR_NOTFOUND : rc;
}

/* the search's ranking: bm25's column weights without its cost per common word
 * (src/store/fts_rank.h); the name weighs 10, the description 1 */
#define RANK "indgang_rank(10.0, 1.0)"
/* The same on PostgreSQL (migrations_pg 0002 and 0027): "MATCH :match" is a tsquery made of
 * the FTS5 expression (worked out when the statement is planned for its values, so that the
 * planner knows how common the words are), and RANK the function that scores as indgang_rank
 * does; each of its sub-selects is worked out once per statement. */
#define PG_MATCH " tsv @@ fts_query(:match)"
#define PG_RANK                                                                      \
	"fts_rank_columns((SELECT fts_phrases(:match)), name, body, name_len, body_len," \
	" (SELECT enterprise_search_averages()))"
#define STATUS_SQL                                                                  \
	"CASE WHEN e.closed <= :day THEN 'closed'"                                      \
	" WHEN e.established <= :day THEN 'established'"                                \
	" WHEN e.pipeline_since <= :day THEN 'pipeline' ELSE 'idea' END"
/* the filters other than the municipality: a parameter left NULL (or -1) leaves its filter
 * out. "CAST(:x AS TEXT) IS NULL" rather than ":x IS NULL" wherever the test comes before the
 * parameter's other uses: PostgreSQL types a parameter where it first meets it, and the bare
 * test gives no type (the prepare fails, and inside a transaction the transaction with it).
 * The same test on SQLite, computed once per statement. Service and target group are each one lookup in the list's primary key (enterprise_id,
 * service) for the enterprise at hand, so a list walked in an index's order stops after the
 * page's rows instead of building the set of every match. */
#define REST_FILTERS                                                                 \
	" AND (CAST(:service AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM enterprise_services es" \
	"   WHERE es.enterprise_id = e.id AND es.service = :service))"                   \
	" AND (CAST(:target AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM enterprise_targets et" \
	"   WHERE et.enterprise_id = e.id AND et.target = :target))"                     \
	" AND (CAST(:kind AS TEXT) IS NULL OR e.kind = :kind)"                          \
	" AND (CAST(:source_not AS TEXT) IS NULL OR e.source <> :source_not)"           \
	" AND (CAST(:status AS TEXT) IS NULL OR " STATUS_SQL " = :status)"              \
	" AND (:registered < 0 OR (CASE WHEN e.rsv_registered <= :day THEN 1 ELSE 0 END) = :registered)"
/* A municipality selects the enterprises whose home it is and those that work with it (Bilag
 * 1); the EXISTS is one lookup in enterprise_kommuner's primary key (enterprise_id, kommune). */
#define LIST_FILTERS                                                                 \
	" AND (CAST(:kommune AS TEXT) IS NULL OR e.kommune = :kommune OR EXISTS (SELECT 1" \
	"   FROM enterprise_kommuner ek WHERE ek.enterprise_id = e.id"                   \
	"   AND ek.kommune = :kommune))"                                                  \
	REST_FILTERS
/* Two forms, chosen by whether there is a search: "x IS NULL OR e.id IN (search)" would make
 * SQLite scan every enterprise instead of starting from the search's matches. */
#define WHERE_SEARCH                                                                 \
	" WHERE e.id IN (SELECT -rowid FROM enterprise_search WHERE enterprise_search MATCH :match)" \
	LIST_FILTERS
#define WHERE_SEARCH_PG                                                              \
	" WHERE e.id IN (SELECT -rowid FROM enterprise_search WHERE" PG_MATCH ")" LIST_FILTERS
#define WHERE_ALL " WHERE true" LIST_FILTERS
/* SQLite: each enterprise looked up in the set of the search's matches, gathered once ("+e.id"
 * keeps the set from driving the plan, so the order's index does) */
#define WHERE_MEMBER                                                                 \
	" WHERE +e.id IN (SELECT -rowid FROM enterprise_search WHERE enterprise_search MATCH :match)" \
	LIST_FILTERS
/* the search asked about one enterprise (its row under -id, migration 0027) */
#define WHERE_PROBE                                                                  \
	" WHERE EXISTS (SELECT 1 FROM enterprise_search WHERE enterprise_search MATCH :match" \
	" AND rowid = -e.id)" LIST_FILTERS
#define WHERE_PROBE_PG                                                               \
	" WHERE EXISTS (SELECT 1 FROM enterprise_search WHERE" PG_MATCH " AND rowid = -e.id)" \
	LIST_FILTERS

static int bind_query(struct db_stmt *s, const struct registry_query *q)
{
	return (q->match ? db_bind_text(s, ":match", q->match) : 0) | db_bind_text(s, ":kommune", q->kommune) |
	       db_bind_text(s, ":service", q->service) | db_bind_text(s, ":target", q->target) |
	       db_bind_text(s, ":kind", q->kind) | db_bind_text(s, ":source_not", q->source_not) |
	       db_bind_text(s, ":status", q->status) |
	       db_bind_int(s, ":registered", q->registered) | db_bind_text(s, ":day", q->day);
}

/* ---------------------------------------------------------------- the total of a list */

/* Counting every match of a filter costs a walk over all of them (100,000 at a national
 * registry), so a count stops after TOTAL_BOUND rows past the page and the total is then
 * "over" that; and each thread remembers its last TOTAL_CACHE totals with the database version
 * they were counted at (the registry's version: any change of an enterprise, by any connection,
 * forgets them; writes elsewhere, a session's or the audit log's, do not). */
#define TOTAL_BOUND 10000
/* a search counts to 1,000: past that, "over 1,000" says as much as an exact number would, and
 * a common word's doclist is not walked to the end for it */
#define SEARCH_BOUND 1000
#define TOTAL_CACHE 32
#define TOTAL_KEY 1024

struct total_entry {
	int64_t db_id;   /* the database (registry_store_version) */
	int64_t version; /* 0: the entry is empty (the registry's version starts at 1) */
	char key[TOTAL_KEY];
	int total;
	bool exact;
};
static _Thread_local struct total_entry total_cache[TOTAL_CACHE];
static _Thread_local int total_next;

bool registry_store_filters_key(const struct registry_query *q, char *key, size_t size)
{
	/* fields apart by 0x1F, an absent one as 0x1E; a text that holds either is not keyed
	 * (service=a%1Fb could otherwise read as two fields) */
	const char *texts[] = {q->match, q->match_whole, q->match_last, q->kommune, q->service,
	                       q->target, q->kind, q->source_not, q->status, q->day};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if (texts[i] && strpbrk(texts[i], "\x1E\x1F"))
			return false;
#define K(x) ((x) ? (x) : "\x1E")
	int n = snprintf(key, size, "%d\x1F%s\x1F%s\x1F%s\x1F%s\x1F%s\x1F%s\x1F%s\x1F%s\x1F%s\x1F%s",
	                 q->registered, K(q->match), K(q->match_whole), K(q->match_last),
	                 K(q->kommune), K(q->service), K(q->target), K(q->kind), K(q->source_not),
	                 K(q->status), K(q->day));
#undef K
	return n > 0 && (size_t)n < size;
}

/* total_key: q's filters and the count's bound as one string into key (size TOTAL_KEY);
 * false when they do not fit (then nothing is remembered) */
static bool total_key(char *key, const struct registry_query *q, int bound)
{
	int n = snprintf(key, TOTAL_KEY, "%d\x1F%s\x1F", bound, q->sort == REGISTRY_SORT_RELEVANCE ? "r" : "");
	return n > 0 && n < TOTAL_KEY && registry_store_filters_key(q, key + n, TOTAL_KEY - (size_t)n);
}

/* count_search: how many enterprises match, counting at most bound */
static int count_search(struct db *db, const char *match, int bound, int64_t *count)
{
	struct db_stmt *c = db_prepare2(db, "SELECT count(*) FROM (SELECT 1 FROM enterprise_search"
	                                    " WHERE enterprise_search MATCH :match LIMIT :bound)",
	                                "SELECT count(*) FROM (SELECT 1 FROM enterprise_search"
	                                    " WHERE" PG_MATCH " LIMIT :bound) s");
	if (!c)
		return ERR_DB;
	if (db_bind_text(c, ":match", match) | db_bind_int(c, ":bound", bound) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*count = db_col_int(c, 0);
	db_done(c);
	return 0;
}

/* count_matches: how many enterprises q selects, counting at most bound + 1 of them; *exact
 * false (and *total bound) when there are more. A search without other filters counts in the
 * search index alone (every enterprise has one row there, under -id); no filter but the
 * kind counts in an index of the kind, exactly. */
static int count_matches(struct db *db, const struct registry_query *q, int bound, int *total,
                         bool *exact)
{
	bool filtered = q->kommune || q->service || q->target || q->source_not || q->status ||
	                q->registered >= 0;
	struct db_stmt *c;
	bool whole = false;
	if (q->match && !filtered && !q->kind) {
		/* the words whole first: when they alone pass the bound, the prefix is not expanded */
		if (q->match_whole && strcmp(q->match_whole, q->match) != 0) {
			int64_t n_whole;
			int rc = count_search(db, q->match_whole, bound + 1, &n_whole);
			if (rc)
				return rc;
			if (n_whole > bound) {
				*exact = false;
				*total = bound;
				return 0;
			}
		}
		int64_t count;
		int rc = count_search(db, q->match, bound + 1, &count);
		if (rc)
			return rc;
		*exact = count <= bound;
		*total = (int)(*exact ? count : bound);
		return 0;
	}
	if (q->match)
		c = db_prepare2(db, "SELECT count(*) FROM (SELECT 1 FROM enterprises e" WHERE_SEARCH
		                    " LIMIT :bound)",
		                "SELECT count(*) FROM (SELECT 1 FROM enterprises e" WHERE_SEARCH_PG
		                    " LIMIT :bound) s");
	else if (!filtered) {
		whole = true;
		c = db_prepare(db, "SELECT count(*) FROM enterprises WHERE CAST(:kind AS TEXT) IS NULL OR kind = :kind");
	} else if (q->kommune) /* its own from (kommune, ...), then those that work with it */
		c = db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM enterprises e"
		                   " WHERE e.kommune = :kommune" REST_FILTERS
		                   " UNION ALL SELECT 1 FROM enterprise_kommuner ek JOIN enterprises e"
		                   " ON e.id = ek.enterprise_id WHERE ek.kommune = :kommune"
		                   " AND e.kommune <> :kommune" REST_FILTERS " LIMIT :bound) c");
	else if (q->service) /* from the service's index, not a walk of every enterprise */
		c = db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM enterprise_services s0"
		                   " JOIN enterprises e ON e.id = s0.enterprise_id"
		                   " WHERE s0.service = :service" LIST_FILTERS " LIMIT :bound) c");
	else if (q->target)
		c = db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM enterprise_targets t0"
		                   " JOIN enterprises e ON e.id = t0.enterprise_id"
		                   " WHERE t0.target = :target" LIST_FILTERS " LIMIT :bound) c");
	else
		c = db_prepare(db, "SELECT count(*) FROM (SELECT 1 FROM enterprises e" WHERE_ALL
		                   " LIMIT :bound) c");
	if (!c)
		return ERR_DB;
	int brc = whole ? db_bind_text(c, ":kind", q->kind) : bind_query(c, q);
	if (!whole)
		brc |= db_bind_int(c, ":bound", bound + 1);
	if (brc || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	int64_t count = db_col_int(c, 0);
	db_done(c);
	*exact = whole || count <= bound;
	*total = (int)(*exact ? count : bound);
	return 0;
}

/* count_matches, from this thread's memory when the database has not changed since */
static int kept_count(struct db *db, const struct registry_query *q, int bound, int *total,
                      bool *exact)
{
	char key[TOTAL_KEY];
	int64_t v, db_id;
	bool keyed = total_key(key, q, bound) && registry_store_version(db, &db_id, &v) == 0;
	for (int i = 0; keyed && i < TOTAL_CACHE; i++) {
		struct total_entry *t = &total_cache[i];
		if (t->version == v && t->db_id == db_id && !strcmp(t->key, key)) {
			*total = t->total;
			*exact = t->exact;
			return 0;
		}
	}
	int rc = count_matches(db, q, bound, total, exact);
	if (rc == 0 && keyed) {
		struct total_entry *t = &total_cache[total_next];
		total_next = (total_next + 1) % TOTAL_CACHE;
		t->version = v;
		t->db_id = db_id;
		memcpy(t->key, key, sizeof(t->key));
		t->total = *total;
		t->exact = *exact;
	}
	return rc;
}

/* the total of q: 10,000, or the next multiple of it past the page deep in a long list */
static int list_total(struct db *db, const struct registry_query *q, int *total, bool *exact)
{
	int step = q->match ? SEARCH_BOUND : TOTAL_BOUND;
	return kept_count(db, q, step * (1 + (q->offset + q->limit - 1) / step), total, exact);
}

/* ---------------------------------------------------------------- the page of a list */

/* 1 when the enterprise's home is the municipality asked about, or none was */
#define HOME_SQL "CASE WHEN CAST(:kommune AS TEXT) IS NULL OR e.kommune = :kommune THEN 1 ELSE 0 END"
/* the columns of a list item; the 11th, the sort key, is for the ORDER BY of a UNION */
#define LIST_COLS_OF(id, name_key)                                                   \
	"SELECT " id ", e.name, e.cvr, e.kommune, k.navn, " STATUS_SQL ", e.established,"  \
	" e.rsv_registered, " HOME_SQL ", e.kind, " name_key
#define LIST_COLS LIST_COLS_OF("e.id", "e.name_key")
#define LIST_SELECT LIST_COLS " FROM enterprises e JOIN kommuner k ON k.kode = e.kommune"
#define PAGE " LIMIT :limit OFFSET :offset"
#define BY_ESTABLISHED " ORDER BY e.established IS NULL, e.established DESC, e.name_key, e.id"
#define BY_KOMMUNE " ORDER BY k.sort_da, e.name_key, e.id"
#define BY_NAME " ORDER BY e.name_key, e.id"

/* read_item: a list item from a row of LIST_COLS */
static void read_item(struct arena *a, struct db_stmt *s, struct registry_item *it)
{
	it->id = db_col_int(s, 0);
	it->name = db_col_dup(a, s, 1);
	it->cvr = db_col_dup(a, s, 2);
	it->kommune = db_col_dup(a, s, 3);
	it->kommune_navn = db_col_dup(a, s, 4);
	it->status = db_col_dup(a, s, 5);
	it->established = db_col_dup(a, s, 6);
	it->rsv_registered = db_col_dup(a, s, 7);
	it->home = db_col_int(s, 8) != 0;
	it->kind = db_col_dup(a, s, 9);
}

/* list_statement: the one fixed text that serves q best, each walking an index in the list's
 * order (migration 0009) and stopping after the page:
 *  - a search by relevance: the search index's best matches by RANK (FTS5's rank), only as
 *    many as the page needs when there is no other filter, and then among its RANK_MAX newest
 *    matches (see rank_cut);
 *  - a municipality in name order: its own enterprises from (kommune, name_key, id) merged with
 *    those that work with it from enterprise_kommuner's (kommune, name_key, enterprise_id), the
 *    merge taking the first rows;
 *  - a service or a target group in name order: its list's rows from (service, name_key,
 *    enterprise_id) or (target, name_key, enterprise_id) (migration 0028);
 *  - otherwise the walk of the order's index with each filter tested per row. */
/* how a search in an order of the registry's own finds its page (list_statement) */
enum walk {
	WALK_NONE,   /* few matches: gathered and sorted */
	WALK_MEMBER, /* the order's index walked, each enterprise looked up in the set of matches */
	WALK_PROBE,  /* the order's index walked, the search asked about each enterprise */
};
/* Measured on 100,000 enterprises (SQLite): asking the search about an enterprise costs about
 * 80 µs, and the walk asks 20 × 100,000 / matches of them for a page; gathering the set costs
 * about 0.45 µs a match. They cost the same near 20,000 matches: "flaskebakke" (5,700) 28 ms
 * asking, 2 ms with the set; "haj*" (55,000) 0.6 ms asking, 26 ms with the set. */
#define WALK_PROBE_FROM 20000

static struct db_stmt *list_statement(struct db *db, const struct registry_query *q, enum walk walk)
{
	bool filtered = q->kommune || q->service || q->target || q->kind || q->source_not ||
	                q->status || q->registered >= 0;
	/* a search by relevance with filters ranks every match that passes them (without filters,
	 * search_page) */
	if (q->match && q->sort == REGISTRY_SORT_RELEVANCE)
		return db_prepare2(db,
			LIST_COLS " FROM (SELECT -rowid AS mid, rank AS mrank FROM enterprise_search"
			" WHERE enterprise_search MATCH :match AND rank MATCH '" RANK "') m"
			" JOIN enterprises e ON e.id = m.mid JOIN kommuner k ON k.kode = e.kommune"
			" WHERE 1" LIST_FILTERS " ORDER BY m.mrank, e.name_key, e.id" PAGE,
			LIST_COLS " FROM (SELECT -rowid AS mid, " PG_RANK " AS mrank FROM enterprise_search"
			" WHERE" PG_MATCH ") m"
			" JOIN enterprises e ON e.id = m.mid JOIN kommuner k ON k.kode = e.kommune"
			" WHERE true" LIST_FILTERS " ORDER BY m.mrank, e.name_key, e.id" PAGE);
	/* a search in another order with many matches (more than a search counts) walks the
	 * order's index and tests each enterprise against the search: the page fills within a
	 * few hundred rows, where sorting every match first cost tens of milliseconds for a
	 * common word. With few matches, the walk would read most of the registry: they are
	 * gathered and sorted. PostgreSQL always asks (its planner tests the tsvector per row). */
	/* where (SQLite) and pg_where (PostgreSQL) in q's order */
#define IN_ORDER(where, pg_where)                                                          \
	(q->sort == REGISTRY_SORT_ESTABLISHED                                               \
	         ? db_prepare2(db, LIST_SELECT where BY_ESTABLISHED PAGE,                    \
	                       LIST_SELECT pg_where BY_ESTABLISHED PAGE)                     \
	 : q->sort == REGISTRY_SORT_KOMMUNE                                                 \
	         ? db_prepare2(db, LIST_SELECT where BY_KOMMUNE PAGE,                        \
	                       LIST_SELECT pg_where BY_KOMMUNE PAGE)                         \
	         : db_prepare2(db, LIST_SELECT where BY_NAME PAGE, LIST_SELECT pg_where BY_NAME PAGE))
	if (q->match && walk == WALK_PROBE)
		return IN_ORDER(WHERE_PROBE, WHERE_PROBE_PG);
	if (q->match && walk == WALK_MEMBER)
		return IN_ORDER(WHERE_MEMBER, WHERE_PROBE_PG);
	if (q->match)
		return IN_ORDER(WHERE_SEARCH, WHERE_SEARCH_PG);
#undef IN_ORDER
	/* no filter but the kind, in name order: the offset is walked in the index alone and only
	 * the page's rows are read from the table */
	if (!filtered && q->sort == REGISTRY_SORT_NAME)
		return db_prepare(db, LIST_SELECT " JOIN (SELECT id AS pid FROM enterprises"
		                      " ORDER BY name_key, id" PAGE ") p ON p.pid = e.id"
		                      " WHERE CAST(:kommune AS TEXT) IS NULL" REST_FILTERS BY_NAME);
	if (!q->kommune && !q->service && !q->target && !q->source_not && !q->status &&
	    q->registered < 0 && q->sort == REGISTRY_SORT_NAME)
		return db_prepare(db, LIST_SELECT " JOIN (SELECT id AS pid FROM enterprises"
		                      " WHERE kind = :kind ORDER BY name_key, id" PAGE ") p ON p.pid = e.id"
		                      " WHERE CAST(:kommune AS TEXT) IS NULL" REST_FILTERS BY_NAME);
	/* a municipality in name order: its own enterprises (walked in (kommune, name_key, id))
	 * and those that work with it (walked in enterprise_kommuner's (kommune, name_key,
	 * enterprise_id), migration 0028: the name's key and the id are the row's own there, so the
	 * index gives the order). SQLite merges the two parts of the union as they come.
	 * PostgreSQL sorted every enterprise of the municipality for each page (7 ms for Aarhus's
	 * 3,400): there each part is cut at the page's end first. */
#define OWN_PART LIST_SELECT " WHERE e.kommune = :kommune" REST_FILTERS
#define OTHERS_PART                                                                        \
	LIST_COLS_OF("ek.enterprise_id", "ek.name_key")                                          \
	" FROM enterprise_kommuner ek JOIN enterprises e ON e.id = ek.enterprise_id"            \
	" JOIN kommuner k ON k.kode = e.kommune"                                               \
	" WHERE ek.kommune = :kommune AND e.kommune <> :kommune" REST_FILTERS
	/* a service or a target group (and no municipality) in name order: its rows of the list
	 * walked in (service, name_key, enterprise_id), migration 0028, the other filters tested per
	 * row, instead of the whole name order with each enterprise looked up in the list */
#define ONE_LIST(table, key)                                                               \
	LIST_COLS_OF("l0.enterprise_id", "l0.name_key") " FROM " table " l0"                       \
	" JOIN enterprises e ON e.id = l0.enterprise_id JOIN kommuner k ON k.kode = e.kommune"   \
	" WHERE l0." key " = :" key LIST_FILTERS " ORDER BY l0.name_key, l0.enterprise_id" PAGE
	if (!q->kommune && q->service && q->sort == REGISTRY_SORT_NAME)
		return db_prepare(db, ONE_LIST("enterprise_services", "service"));
	if (!q->kommune && !q->service && q->target && q->sort == REGISTRY_SORT_NAME)
		return db_prepare(db, ONE_LIST("enterprise_targets", "target"));
#undef ONE_LIST
	if (q->kommune && q->sort == REGISTRY_SORT_NAME)
		return db_prepare2(db,
			OWN_PART " UNION ALL " OTHERS_PART " ORDER BY 11, 1" PAGE,
			"SELECT * FROM (SELECT * FROM (" OWN_PART BY_NAME " LIMIT :limit + :offset) h"
			" UNION ALL SELECT * FROM (" OTHERS_PART " ORDER BY ek.name_key, ek.enterprise_id"
			" LIMIT :limit + :offset) o) u ORDER BY 11, 1" PAGE);
#undef OWN_PART
#undef OTHERS_PART
	return q->sort == REGISTRY_SORT_ESTABLISHED ? db_prepare(db, LIST_SELECT WHERE_ALL BY_ESTABLISHED PAGE)
	       : q->sort == REGISTRY_SORT_KOMMUNE ? db_prepare(db, LIST_SELECT WHERE_ALL BY_KOMMUNE PAGE)
	                                          : db_prepare(db, LIST_SELECT WHERE_ALL BY_NAME PAGE);
}

/* ---------------------------------------------------------------- a search by relevance */

/* A search by relevance with no other filter goes in tiers, each read only until the page is
 * full: the name's matches before the description's (search_page). Within a tier, its RANK_MAX newest matches come first, ordered by RANK (the name weighing 10
 * and the description 1), then the tier's older matches, newest first. Ranking costs a few
 * microseconds a row and a common word matches most of the registry, so it is bounded; reading
 * a doclist newest first costs little. */
#define RANK_MAX 100

struct page_fill {
	int skip;     /* rows still to pass over (the offset) */
	int want;     /* rows still to keep */
	int64_t *ids; /* the page's ids */
	int n;
	bool few;     /* the search's count was exact: it has at most a few thousand matches */
};

/* fill_from: passes s's rows (an id in column 0) to the page until it is full */
static int fill_from(struct db_stmt *s, struct page_fill *f)
{
	int rc = DB_DONE;
	while (f->want > 0 && (rc = db_step(s)) == DB_ROW) {
		if (f->skip > 0) {
			f->skip--;
			continue;
		}
		f->ids[f->n++] = db_col_int(s, 0);
		f->want--;
	}
	db_done(s);
	return f->want > 0 && rc != DB_DONE ? rc : 0;
}

struct ranked {
	int64_t id;
	int64_t score; /* RANK × 1,000,000 as a whole number: lower is better */
};

/* best first, and the newer of two equals */
static int ranked_cmp(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

/* fill_tier: a tier's rows for the page: its RANK_MAX newest matches, read with their rank in
 * one walk of the doclist and ordered by it, then the older ones newest first. A tier with
 * fewer matches than that (the usual case for the name's tiers) is read once and whole. */
static int fill_tier(struct db *db, const char *match, struct page_fill *f)
{
	if (f->want <= 0)
		return 0;
	/* On PostgreSQL the tier's rows first, then their rank; trunc as SQLite's CAST, where
	 * PostgreSQL's would round. A GIN index gives its matches in no order: the planner walks
	 * the primary key newest first and tests each row when it expects many matches, and
	 * gathers every match from the index and sorts them when it expects few. Its guess for a
	 * rare word can be off enough to walk the whole table, so when the search's count says
	 * the matches are few, the tier gathers them ("rowid + 0" is no order of an index). */
#define TIER_SQL                                                                         \
	"SELECT -rowid, CAST(rank * 1000000 AS INTEGER) FROM enterprise_search"             \
	" WHERE enterprise_search MATCH :match AND rank MATCH '" RANK "' ORDER BY rowid LIMIT :n"
#define TIER_PG(order)                                                                   \
	"SELECT -rowid, CAST(trunc(" PG_RANK " * 1000000) AS bigint)"                       \
	" FROM (SELECT rowid, name, body, name_len, body_len FROM enterprise_search"         \
	" WHERE" PG_MATCH " ORDER BY " order " LIMIT :n) s ORDER BY rowid"
	struct db_stmt *s = f->few ? db_prepare2(db, TIER_SQL, TIER_PG("rowid + 0"))
	                           : db_prepare2(db, TIER_SQL, TIER_PG("rowid"));
#undef TIER_SQL
#undef TIER_PG
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":match", match) | db_bind_int(s, ":n", RANK_MAX)) {
		db_done(s);
		return ERR_DB;
	}
	struct ranked top[RANK_MAX];
	int n = 0, rc;
	while (n < RANK_MAX && (rc = db_step(s)) == DB_ROW) {
		top[n].id = db_col_int(s, 0);
		top[n].score = db_col_int(s, 1);
		n++;
	}
	if (n < RANK_MAX && rc != DB_DONE) {
		db_done(s);
		return rc;
	}
	db_done(s);
	int64_t cut = n == RANK_MAX ? top[n - 1].id : 0; /* 0: the tier has no older matches */
	qsort(top, (size_t)n, sizeof(top[0]), ranked_cmp);
	for (int i = 0; i < n && f->want > 0; i++) {
		if (f->skip > 0) {
			f->skip--;
			continue;
		}
		f->ids[f->n++] = top[i].id;
		f->want--;
	}
	if (f->want <= 0 || cut == 0)
		return 0;
	s = db_prepare2(db, "SELECT -rowid FROM enterprise_search WHERE enterprise_search MATCH :match"
	                    " AND rowid > -:cut ORDER BY rowid LIMIT :n",
	                "SELECT -rowid FROM enterprise_search WHERE" PG_MATCH
	                    " AND rowid > -:cut ORDER BY rowid LIMIT :n");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":match", match) | db_bind_int(s, ":cut", cut) |
	    db_bind_int(s, ":n", (int64_t)f->skip + f->want)) {
		db_done(s);
		return ERR_DB;
	}
	return fill_from(s, f);
}

/* search_page: the ids of q's page of a search by relevance with no other filter, in four
 * tiers: the name holds every word whole (or by its stem); the name holds them with the last
 * as a prefix; the words are found elsewhere whole; the rest, with the prefix. A tier that
 * needs the prefix is asked only when the ones before leave the page short. few: the count of
 * q's matches was exact (see fill_tier). */
static int search_page(struct db *db, struct arena *a, const struct registry_query *q,
                       bool few, int64_t *ids, int *n)
{
	struct page_fill f = {.skip = q->offset, .want = q->limit, .ids = ids, .few = few};
	const char *p = q->match, *w = q->match_whole ? q->match_whole : q->match;
	bool prefix = strcmp(p, w) != 0;
	int rc = fill_tier(db, arena_printf(a, "{name} : (%s)", w), &f);
	if (rc == 0 && prefix)
		rc = fill_tier(db, arena_printf(a, "{name} : (%s) NOT {name} : (%s)", p, w), &f);
	if (rc == 0)
		rc = fill_tier(db, arena_printf(a, "(%s) NOT {name} : (%s)", w, p), &f);
	if (rc == 0 && prefix)
		rc = fill_tier(db, arena_printf(a, "(%s) NOT ((%s) OR {name} : (%s))", p, w, p), &f);
	*n = f.n;
	return rc;
}

/* search_items_pg: search_items in one statement, the ids as a list in one parameter: on
 * PostgreSQL each statement is a round trip to the server, and a page of 20 one at a time took
 * as long as the search itself */
static int search_items_pg(struct db *db, struct arena *a, const struct registry_query *q,
                           const int64_t *ids, int n, struct registry_item *out)
{
	struct buf list;
	buf_init(&list, 0);
	for (int i = 0; i < n; i++)
		buf_printf(&list, "%s%lld", i ? "," : "", (long long)ids[i]);
	struct db_stmt *s = list.failed ? NULL
	                                : db_prepare(db, LIST_SELECT " WHERE e.id = ANY(CAST("
	                                                 "string_to_array(:ids, ',') AS bigint[]))");
	int rc = s ? 0 : ERR_DB;
	if (s && (db_bind_text(s, ":ids", buf_str(&list)) | db_bind_null(s, ":kommune") |
	          db_bind_text(s, ":day", q->day)))
		rc = ERR_DB;
	buf_free(&list);
	int found = 0;
	while (rc == 0 && (rc = db_step(s)) == DB_ROW) {
		int64_t id = db_col_int(s, 0);
		for (int i = 0; i < n; i++)
			if (ids[i] == id) {
				read_item(a, s, &out[i]);
				found++;
				break;
			}
		rc = 0;
	}
	db_done(s);
	if (rc != DB_DONE)
		return rc ? rc : ERR_DB;
	return found == n ? 0 : ERR_DB;
}

/* search_items: the list items of ids, in their order */
static int search_items(struct db *db, struct arena *a, const struct registry_query *q,
                        const int64_t *ids, int n, struct registry_item *out)
{
	if (db_postgres(db))
		return search_items_pg(db, a, q, ids, n, out);
	for (int i = 0; i < n; i++) {
		struct db_stmt *s = db_prepare(db, LIST_SELECT " WHERE e.id = :id");
		if (!s)
			return ERR_DB;
		if (db_bind_int(s, ":id", ids[i]) | db_bind_null(s, ":kommune") |
		    db_bind_text(s, ":day", q->day)) {
			db_done(s);
			return ERR_DB;
		}
		int rc = db_step(s);
		if (rc == DB_ROW)
			read_item(a, s, &out[i]);
		db_done(s);
		if (rc != DB_ROW)
			return rc == DB_DONE ? ERR_DB : rc;
	}
	return 0;
}

int registry_store_list(struct db *db, struct arena *a, const struct registry_query *query,
                        struct registry_item **items, int *n, int *total, bool *exact)
{
	/* A last word beyond the prefix index that matches more than a search counts was typed in
	 * full: expanding it as a prefix would merge the doclists of every term it begins (a
	 * common word's tens of thousands of rows) to add nothing the page could show. */
	struct registry_query qq = *query;
	const struct registry_query *q = &qq;
	if (qq.match_last && qq.match_whole) {
		int64_t common;
		int rc = count_search(db, qq.match_last, SEARCH_BOUND + 1, &common);
		if (rc)
			return rc;
		if (common > SEARCH_BOUND)
			qq.match = qq.match_whole;
	}
	int rc = list_total(db, q, total, exact);
	if (rc)
		return rc;
	struct registry_item *out = arena_alloc(a, sizeof(*out) * (size_t)(q->limit > 0 ? q->limit : 1));
	int count = 0;
	bool filtered = q->kommune || q->service || q->target || q->kind || q->source_not ||
	                q->status || q->registered >= 0;
	if (q->match && q->sort == REGISTRY_SORT_RELEVANCE && !filtered) {
		int64_t *ids = arena_alloc(a, sizeof(*ids) * (size_t)(q->limit > 0 ? q->limit : 1));
		if ((rc = search_page(db, a, q, *exact, ids, &count)) != 0 ||
		    (rc = search_items(db, a, q, ids, count, out)) != 0)
			return rc;
		*items = out;
		*n = count;
		return 0;
	}
	enum walk walk = WALK_NONE;
	if (q->match && !*exact) {
		/* what q selects, counted to the turn and kept as its total is */
		int m = 0;
		bool below = false;
		if (!db_postgres(db) && (rc = kept_count(db, q, WALK_PROBE_FROM - 1, &m, &below)) != 0)
			return rc;
		walk = below ? WALK_MEMBER : WALK_PROBE;
	}
	struct db_stmt *s = list_statement(db, q, walk);
	if (!s)
		return ERR_DB;
	if (bind_query(s, q) | db_bind_int(s, ":limit", q->limit) | db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	while ((rc = db_step(s)) == DB_ROW && count < q->limit)
		read_item(a, s, &out[count++]);
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = count;
	return 0;
}
#undef LIST_COLS
#undef LIST_SELECT
#undef PAGE
#undef BY_ESTABLISHED
#undef BY_KOMMUNE
#undef BY_NAME

int registry_store_ids(struct db *db, struct arena *a, const struct registry_query *q,
                       int64_t **ids, bool **home, int *n)
{
	/* the list's six statements without the paging: search or not, times three sort orders */
#define IDS_SELECT "SELECT e.id, " HOME_SQL \
	" FROM enterprises e JOIN kommuner k ON k.kode = e.kommune"
#define BY_ESTABLISHED " ORDER BY e.established IS NULL, e.established DESC, e.name_key, e.id"
#define BY_KOMMUNE " ORDER BY k.sort_da, e.name_key, e.id"
#define BY_NAME " ORDER BY e.name_key, e.id"
	struct db_stmt *s;
	if (q->match && q->sort == REGISTRY_SORT_RELEVANCE)
		s = db_prepare2(db,
			"SELECT e.id, CASE WHEN e.kommune <> :kommune THEN 0 ELSE 1 END FROM (SELECT -rowid"
			" AS mid, rank AS mrank FROM enterprise_search WHERE enterprise_search"
			" MATCH :match AND rank MATCH '" RANK "') m JOIN enterprises e ON e.id = m.mid"
			" WHERE 1" LIST_FILTERS " ORDER BY m.mrank, e.name_key, e.id",
			"SELECT e.id, CASE WHEN e.kommune <> :kommune THEN 0 ELSE 1 END FROM (SELECT -rowid"
			" AS mid, " PG_RANK " AS mrank FROM enterprise_search WHERE" PG_MATCH ") m"
			" JOIN enterprises e ON e.id = m.mid"
			" WHERE true" LIST_FILTERS " ORDER BY m.mrank, e.name_key, e.id");
	else if (q->match)
		s = q->sort == 1 ? db_prepare2(db, IDS_SELECT WHERE_SEARCH BY_ESTABLISHED,
		                               IDS_SELECT WHERE_SEARCH_PG BY_ESTABLISHED)
		    : q->sort == 2 ? db_prepare2(db, IDS_SELECT WHERE_SEARCH BY_KOMMUNE,
		                                 IDS_SELECT WHERE_SEARCH_PG BY_KOMMUNE)
		                   : db_prepare2(db, IDS_SELECT WHERE_SEARCH BY_NAME,
		                                 IDS_SELECT WHERE_SEARCH_PG BY_NAME);
	else
		s = q->sort == 1 ? db_prepare(db, IDS_SELECT WHERE_ALL BY_ESTABLISHED)
		    : q->sort == 2 ? db_prepare(db, IDS_SELECT WHERE_ALL BY_KOMMUNE)
		                   : db_prepare(db, IDS_SELECT WHERE_ALL BY_NAME);
#undef IDS_SELECT
#undef BY_ESTABLISHED
#undef BY_KOMMUNE
#undef BY_NAME
	if (!s)
		return ERR_DB;
	if (bind_query(s, q)) {
		db_done(s);
		return ERR_DB;
	}
	int64_t *out = NULL;
	bool *flags = NULL;
	size_t count = 0, cap = 0, fcount = 0, fcap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		*ARENA_PUSH(a, out, count, cap) = db_col_int(s, 0);
		*ARENA_PUSH(a, flags, fcount, fcap) = db_col_int(s, 1) != 0;
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*ids = out;
	*home = flags;
	*n = (int)count;
	return 0;
}

int registry_store_bilag1(struct db *db, struct arena *a, const char *kommune, const char *day,
                          struct bilag1_row **rows, int *n)
{
	/* each enterprise once under its home, and once under each other municipality that is not
	 * its home; with a municipality both halves start from an index on kommune. Bilag 1 lists
	 * social-economy enterprises: companies are left out. */
	struct db_stmt *s = db_prepare(db,
		"SELECT x.kode, k.navn, e.id, e.name, x.home, e.kommune, hk.navn FROM ("
		"   SELECT id AS eid, kommune AS kode, 1 AS home FROM enterprises"
		"   WHERE CAST(:kommune AS TEXT) IS NULL OR kommune = :kommune"
		" UNION ALL"
		"   SELECT ek.enterprise_id, ek.kommune, 0 FROM enterprise_kommuner ek"
		"   JOIN enterprises h ON h.id = ek.enterprise_id"
		"   WHERE (CAST(:kommune AS TEXT) IS NULL OR ek.kommune = :kommune) AND ek.kommune <> h.kommune) x"
		" JOIN enterprises e ON e.id = x.eid"
		" JOIN kommuner k ON k.kode = x.kode"
		" JOIN kommuner hk ON hk.kode = e.kommune"
		" WHERE (e.closed IS NULL OR e.closed > :day) AND e.kind = 'soev'"
		" ORDER BY k.navn COLLATE da, e.name_key, e.id");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":kommune", kommune) | db_bind_text(s, ":day", day)) {
		db_done(s);
		return ERR_DB;
	}
	struct bilag1_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct bilag1_row *r = ARENA_PUSH(a, out, count, cap);
		r->kommune = db_col_dup(a, s, 0);
		r->navn = db_col_dup(a, s, 1);
		r->id = db_col_int(s, 2);
		r->name = db_col_dup(a, s, 3);
		r->home = db_col_int(s, 4) != 0;
		r->home_kommune = db_col_dup(a, s, 5);
		r->home_navn = db_col_dup(a, s, 6);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

/* The counts get names of their own (n_*) and are filtered outside the grouping: in a HAVING
 * clause a bare "established" names the column e.established, not the count, and a municipality
 * whose only figures are established-in-the-year or pipeline fell out of the table. Companies
 * are left out in the join, so a municipality with only companies has no row. */
int registry_store_tabel1(struct db *db, struct arena *a, const char *from, const char *cut,
                          const char *kommuner_json, struct tabel1_row **rows, int *n)
{
	struct db_stmt *s = db_prepare2(db,
		"SELECT kode, navn, n_total, n_registered, n_established, n_pipeline FROM ("
		" SELECT k.kode AS kode, k.navn AS navn,"
		" count(CASE WHEN e.established <= :cut AND (e.closed IS NULL OR e.closed > :cut)"
		"   THEN 1 END) AS n_total,"
		" count(CASE WHEN e.established <= :cut AND (e.closed IS NULL OR e.closed > :cut)"
		"   AND e.rsv_registered <= :cut THEN 1 END) AS n_registered,"
		" count(CASE WHEN e.established BETWEEN :from AND :cut THEN 1 END) AS n_established,"
		" count(CASE WHEN (e.closed IS NULL OR e.closed > :cut)"
		"   AND (e.established IS NULL OR e.established > :cut)"
		"   AND e.pipeline_since <= :cut THEN 1 END) AS n_pipeline"
		" FROM kommuner k LEFT JOIN enterprises e ON e.kommune = k.kode AND e.kind = 'soev'"
		" WHERE :list IS NULL OR k.kode IN (SELECT value FROM json_each(:list))"
		" GROUP BY k.kode, k.navn) t"
		" WHERE :list IS NOT NULL OR n_total + n_registered + n_established + n_pipeline > 0"
		" ORDER BY n_total DESC, navn COLLATE da",
		"SELECT kode, navn, n_total, n_registered, n_established, n_pipeline FROM ("
		" SELECT k.kode AS kode, k.navn AS navn,"
		" count(CASE WHEN e.established <= :cut AND (e.closed IS NULL OR e.closed > :cut)"
		"   THEN 1 END) AS n_total,"
		" count(CASE WHEN e.established <= :cut AND (e.closed IS NULL OR e.closed > :cut)"
		"   AND e.rsv_registered <= :cut THEN 1 END) AS n_registered,"
		" count(CASE WHEN e.established BETWEEN :from AND :cut THEN 1 END) AS n_established,"
		" count(CASE WHEN (e.closed IS NULL OR e.closed > :cut)"
		"   AND (e.established IS NULL OR e.established > :cut)"
		"   AND e.pipeline_since <= :cut THEN 1 END) AS n_pipeline"
		" FROM kommuner k LEFT JOIN enterprises e ON e.kommune = k.kode AND e.kind = 'soev'"
		" WHERE CAST(:list AS jsonb) IS NULL OR k.kode IN (SELECT j.value"
		" FROM jsonb_array_elements_text(CAST(:list AS jsonb)) AS j(value))"
		" GROUP BY k.kode, k.navn) t"
		" WHERE :list IS NOT NULL OR n_total + n_registered + n_established + n_pipeline > 0"
		" ORDER BY n_total DESC, navn COLLATE da");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":from", from) | db_bind_text(s, ":cut", cut) |
	    db_bind_text(s, ":list", kommuner_json)) {
		db_done(s);
		return ERR_DB;
	}
	struct tabel1_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct tabel1_row *r = ARENA_PUSH(a, out, count, cap);
		r->kommune = db_col_dup(a, s, 0);
		r->navn = db_col_dup(a, s, 1);
		r->total = (int)db_col_int(s, 2);
		r->registered = (int)db_col_int(s, 3);
		r->established = (int)db_col_int(s, 4);
		r->pipeline = (int)db_col_int(s, 5);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int registry_store_tabel2(struct db *db, struct arena *a, const char *cut,
                          const char *kommuner_json, struct tabel2_row **rows, int *n)
{
	struct db_stmt *s = db_prepare2(db,
		"SELECT e.origin, count(*) FROM enterprises e"
		" WHERE e.kind = 'soev' AND e.established <= :cut"
		" AND (e.closed IS NULL OR e.closed > :cut)"
		" AND (:list IS NULL OR e.kommune IN (SELECT value FROM json_each(:list)))"
		" GROUP BY e.origin",
		"SELECT e.origin, count(*) FROM enterprises e"
		" WHERE e.kind = 'soev' AND e.established <= :cut"
		" AND (e.closed IS NULL OR e.closed > :cut)"
		" AND (CAST(:list AS jsonb) IS NULL OR e.kommune IN (SELECT j.value"
		" FROM jsonb_array_elements_text(CAST(:list AS jsonb)) AS j(value)))"
		" GROUP BY e.origin");
	if (!s)
		return ERR_DB;
	if (db_bind_text(s, ":cut", cut) | db_bind_text(s, ":list", kommuner_json)) {
		db_done(s);
		return ERR_DB;
	}
	struct tabel2_row *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct tabel2_row *r = ARENA_PUSH(a, out, count, cap);
		r->origin = db_col_dup(a, s, 0);
		r->count = (int)db_col_int(s, 1);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*rows = out;
	*n = (int)count;
	return 0;
}

int registry_store_options(struct db *db, struct arena *a, int targets, struct option_kv **opts,
                           int *n)
{
	struct db_stmt *s = targets ? db_prepare(db, "SELECT key, label FROM target_groups ORDER BY position")
	                            : db_prepare(db, "SELECT key, label FROM services ORDER BY position");
	if (!s)
		return ERR_DB;
	struct option_kv *out = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		struct option_kv *o = ARENA_PUSH(a, out, count, cap);
		o->key = db_col_dup(a, s, 0);
		o->label = db_col_dup(a, s, 1);
	}
	db_done(s);
	if (rc < 0)
		return rc;
	*opts = out;
	*n = (int)count;
	return 0;
}

int registry_store_option_add(struct db *db, int targets, const char *key, const char *label)
{
	struct db_stmt *s = targets
		? db_prepare(db, "INSERT INTO target_groups (key, label, position)"
		                 " SELECT :key, :label, coalesce(max(position), 0) + 1 FROM target_groups")
		: db_prepare(db, "INSERT INTO services (key, label, position)"
		                 " SELECT :key, :label, coalesce(max(position), 0) + 1 FROM services");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":key", key) | db_bind_text(s, ":label", label) ? ERR_DB : db_step(s);
	db_done(s);
	return rc == DB_DONE ? 0 : rc == DB_ROW ? ERR_DB : rc;
}
