/*
 * registry_store.c — the SQL of the registry. Layer: store of the registry capability.
 * Lists of municipality codes are bound as one JSON array and read with json_each, so no SQL
 * text is ever built from input.
 */
#include "registry_store.h"

#include <string.h>

#include "../base/arena.h"
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
		s = db_prepare(db, "INSERT OR IGNORE INTO enterprise_kommuner (enterprise_id, kommune)"
		                   " VALUES (:id, :k)");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) | db_bind_text(s, ":k", e->others[i]) : 0);
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM enterprise_services WHERE enterprise_id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) : 0);
	}
	for (int i = 0; rc == 0 && i < e->nservices; i++) {
		s = db_prepare(db, "INSERT OR IGNORE INTO enterprise_services (enterprise_id, service)"
		                   " VALUES (:id, :k)");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) | db_bind_text(s, ":k", e->services[i]) : 0);
	}
	if (rc == 0) {
		s = db_prepare(db, "DELETE FROM enterprise_targets WHERE enterprise_id = :id");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) : 0);
	}
	for (int i = 0; rc == 0 && i < e->ntargets; i++) {
		s = db_prepare(db, "INSERT OR IGNORE INTO enterprise_targets (enterprise_id, target)"
		                   " VALUES (:id, :k)");
		rc = db_run(s, s ? db_bind_int(s, ":id", e->id) | db_bind_text(s, ":k", e->targets[i]) : 0);
	}
	return rc;
}

int registry_store_set_terms(struct db *db, int64_t id, const char *terms)
{
	struct db_stmt *s = db_prepare(db, "DELETE FROM enterprise_search WHERE rowid = :id");
	int rc = db_run(s, s ? db_bind_int(s, ":id", id) : 0);
	if (rc == 0) {
		s = db_prepare(db, "INSERT INTO enterprise_search (rowid, terms) VALUES (:id, :terms)");
		rc = db_run(s, s ? db_bind_int(s, ":id", id) | db_bind_text(s, ":terms", terms) : 0);
	}
	return rc;
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

#define STATUS_SQL                                                                  \
	"CASE WHEN e.closed <= :day THEN 'closed'"                                      \
	" WHEN e.established <= :day THEN 'established'"                                \
	" WHEN e.pipeline_since <= :day THEN 'pipeline' ELSE 'idea' END"
/* the filters after the search: a parameter left NULL (or -1) leaves its filter out. A
 * municipality selects the enterprises whose home it is and those that work with it (Bilag 1);
 * the EXISTS is one lookup in enterprise_kommuner's primary key (enterprise_id, kommune). */
#define LIST_FILTERS                                                                 \
	" AND (:kommune IS NULL OR e.kommune = :kommune OR EXISTS (SELECT 1"             \
	"   FROM enterprise_kommuner ek WHERE ek.enterprise_id = e.id"                   \
	"   AND ek.kommune = :kommune))"                                                  \
	" AND (:service IS NULL OR e.id IN (SELECT enterprise_id FROM enterprise_services" \
	"   WHERE service = :service))"                                                  \
	" AND (:target IS NULL OR e.id IN (SELECT enterprise_id FROM enterprise_targets"  \
	"   WHERE target = :target))"                                                    \
	" AND (:kind IS NULL OR e.kind = :kind)"                                          \
	" AND (:status IS NULL OR " STATUS_SQL " = :status)"                             \
	" AND (:registered < 0 OR (coalesce(e.rsv_registered <= :day, 0)) = :registered)"
/* Two forms, chosen by whether there is a search: "x IS NULL OR e.id IN (search)" would make
 * SQLite scan every enterprise instead of starting from the search's matches. */
#define WHERE_SEARCH                                                                 \
	" WHERE e.id IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH :match)" \
	LIST_FILTERS
#define WHERE_ALL " WHERE 1" LIST_FILTERS

static int bind_query(struct db_stmt *s, const struct registry_query *q)
{
	return (q->match ? db_bind_text(s, ":match", q->match) : 0) | db_bind_text(s, ":kommune", q->kommune) |
	       db_bind_text(s, ":service", q->service) | db_bind_text(s, ":target", q->target) |
	       db_bind_text(s, ":kind", q->kind) | db_bind_text(s, ":status", q->status) |
	       db_bind_int(s, ":registered", q->registered) | db_bind_text(s, ":day", q->day);
}

int registry_store_list(struct db *db, struct arena *a, const struct registry_query *q,
                        struct registry_item **items, int *n, int *total)
{
	/* a search without other filters counts in the search index alone: every enterprise has
	 * one row there, under its own id */
	bool plain = q->match && !q->kommune && !q->service && !q->target && !q->kind && !q->status &&
	             q->registered < 0;
	struct db_stmt *c = plain ? db_prepare(db, "SELECT count(*) FROM enterprise_search"
	                                           " WHERE enterprise_search MATCH :match")
	                    : q->match ? db_prepare(db, "SELECT count(*) FROM enterprises e" WHERE_SEARCH)
	                               : db_prepare(db, "SELECT count(*) FROM enterprises e" WHERE_ALL);
	if (!c)
		return ERR_DB;
	if ((plain ? db_bind_text(c, ":match", q->match) : bind_query(c, q)) || db_step(c) != DB_ROW) {
		db_done(c);
		return ERR_DB;
	}
	*total = (int)db_col_int(c, 0);
	db_done(c);
	/* the statement is one of six fixed texts: search or not, times three sort orders */
#define LIST_SELECT                                                                  \
	"SELECT e.id, e.name, e.cvr, e.kommune, k.navn, " STATUS_SQL ", e.established,"   \
	" e.rsv_registered, coalesce(e.kommune = :kommune, 1), e.kind"                    \
	" FROM enterprises e JOIN kommuner k ON k.kode = e.kommune"
#define BY_ESTABLISHED " ORDER BY e.established IS NULL, e.established DESC, e.name_key, e.id" \
	" LIMIT :limit OFFSET :offset"
#define BY_KOMMUNE " ORDER BY k.navn COLLATE da, e.name_key, e.id LIMIT :limit OFFSET :offset"
#define BY_NAME " ORDER BY e.name_key, e.id LIMIT :limit OFFSET :offset"
	struct db_stmt *s;
	if (q->match)
		s = q->sort == 1 ? db_prepare(db, LIST_SELECT WHERE_SEARCH BY_ESTABLISHED)
		    : q->sort == 2 ? db_prepare(db, LIST_SELECT WHERE_SEARCH BY_KOMMUNE)
		                   : db_prepare(db, LIST_SELECT WHERE_SEARCH BY_NAME);
	else
		s = q->sort == 1 ? db_prepare(db, LIST_SELECT WHERE_ALL BY_ESTABLISHED)
		    : q->sort == 2 ? db_prepare(db, LIST_SELECT WHERE_ALL BY_KOMMUNE)
		                   : db_prepare(db, LIST_SELECT WHERE_ALL BY_NAME);
#undef LIST_SELECT
#undef BY_ESTABLISHED
#undef BY_KOMMUNE
#undef BY_NAME
	if (!s)
		return ERR_DB;
	if (bind_query(s, q) | db_bind_int(s, ":limit", q->limit) | db_bind_int(s, ":offset", q->offset)) {
		db_done(s);
		return ERR_DB;
	}
	struct registry_item *out = arena_alloc(a, sizeof(*out) * (size_t)(q->limit > 0 ? q->limit : 1));
	int count = 0, rc;
	while ((rc = db_step(s)) == DB_ROW && count < q->limit) {
		struct registry_item *it = &out[count++];
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
	db_done(s);
	if (rc < 0)
		return rc;
	*items = out;
	*n = count;
	return 0;
}

int registry_store_ids(struct db *db, struct arena *a, const struct registry_query *q,
                       int64_t **ids, bool **home, int *n)
{
	/* the list's six statements without the paging: search or not, times three sort orders */
#define IDS_SELECT "SELECT e.id, coalesce(e.kommune = :kommune, 1)" \
	" FROM enterprises e JOIN kommuner k ON k.kode = e.kommune"
#define BY_ESTABLISHED " ORDER BY e.established IS NULL, e.established DESC, e.name_key, e.id"
#define BY_KOMMUNE " ORDER BY k.navn COLLATE da, e.name_key, e.id"
#define BY_NAME " ORDER BY e.name_key, e.id"
	struct db_stmt *s;
	if (q->match)
		s = q->sort == 1 ? db_prepare(db, IDS_SELECT WHERE_SEARCH BY_ESTABLISHED)
		    : q->sort == 2 ? db_prepare(db, IDS_SELECT WHERE_SEARCH BY_KOMMUNE)
		                   : db_prepare(db, IDS_SELECT WHERE_SEARCH BY_NAME);
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
		"   WHERE :kommune IS NULL OR kommune = :kommune"
		" UNION ALL"
		"   SELECT ek.enterprise_id, ek.kommune, 0 FROM enterprise_kommuner ek"
		"   JOIN enterprises h ON h.id = ek.enterprise_id"
		"   WHERE (:kommune IS NULL OR ek.kommune = :kommune) AND ek.kommune <> h.kommune) x"
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
	struct db_stmt *s = db_prepare(db,
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
		" GROUP BY k.kode, k.navn)"
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
	struct db_stmt *s = db_prepare(db,
		"SELECT e.origin, count(*) FROM enterprises e"
		" WHERE e.kind = 'soev' AND e.established <= :cut"
		" AND (e.closed IS NULL OR e.closed > :cut)"
		" AND (:list IS NULL OR e.kommune IN (SELECT value FROM json_each(:list)))"
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
