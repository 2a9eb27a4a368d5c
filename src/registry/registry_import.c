/*
 * registry_import.c — the CSV import of enterprises: every row checked and staged (a TEMP table,
 * registry_import_store.c) before anything is written, then written set-wise in chunks of short
 * transactions. Layer: capability domain (registry); its SQL is in registry_import_store.c.
 */
#include "registry_io.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/log.h"
#include "../store/collate.h"
#include "../store/db.h"
#include "../view/json.h"
#include "registry.h"
#include "registry_import_store.h"
#include "registry_io_columns.h"
#include "registry_search.h"
#include "registry_store.h"

/* split "a|b|c" into arr (trimmed, empty parts skipped); false if more than fit */
static bool split_list(struct arena *a, const char *s, const char **arr, int *n)
{
	*n = 0;
	char *copy = arena_strdup(a, s);
	for (char *part = copy, *next; part; part = next) {
		next = strchr(part, '|');
		if (next)
			*next++ = '\0';
		while (*part == ' ')
			part++;
		size_t len = strlen(part);
		while (len && part[len - 1] == ' ')
			part[--len] = '\0';
		if (!*part)
			continue;
		if (*n >= REGISTRY_MAX_LIST)
			return false;
		arr[(*n)++] = part;
	}
	return true;
}

/* apply the file's value of column c to e; returns a message for a bad value, or NULL */
static const char *apply(struct arena *a, struct enterprise *e, enum col c, const char *v)
{
	const char *list[REGISTRY_MAX_LIST];
	int n;
	switch (c) {
	case C_NAME: e->name = v; break;
	case C_CVR: e->cvr = v; break;
	case C_KOMMUNE: e->kommune = v; break;
	case C_KIND: e->kind = *v ? v : REGISTRY_KIND_SOEV; break; /* empty: the default */
	case C_PIPELINE: e->pipeline_since = v; break;
	case C_ESTABLISHED: e->established = v; break;
	case C_RSV: e->rsv_registered = v; break;
	case C_CLOSED: e->closed = v; break;
	case C_LEGAL_FORM: e->legal_form = v; break;
	case C_ORIGIN: e->origin = v; break;
	case C_CONTACT_NAME: e->contact_name = v; break;
	case C_CONTACT_EMAIL: e->contact_email = v; break;
	case C_CONTACT_PHONE: e->contact_phone = v; break;
	case C_ADDRESS: e->address = v; break;
	case C_WEBSITE: e->website = v; break;
	case C_DESCRIPTION: e->description = v; break;
	case C_SOURCE: e->source = v; break;
	case C_ENTREPRENEUR:
		if (!*v || !strcmp(v, "0") || !strcasecmp(v, "nej"))
			e->entrepreneur = false;
		else if (!strcmp(v, "1") || !strcasecmp(v, "ja"))
			e->entrepreneur = true;
		else
			return "entrepreneur skal være 1 eller 0 (ja eller nej).";
		break;
	case C_PURPOSES:
		if (!split_list(a, v, list, &n))
			return "for mange formål.";
		e->purpose_social = e->purpose_health = e->purpose_environment = false;
		for (int i = 0; i < n; i++) {
			if (!strcmp(list[i], "social"))
				e->purpose_social = true;
			else if (!strcmp(list[i], "health"))
				e->purpose_health = true;
			else if (!strcmp(list[i], "environment"))
				e->purpose_environment = true;
			else
				return "ukendt formål: brug social, health og environment adskilt af |.";
		}
		break;
	case C_CRITERIA:
		if (!split_list(a, v, list, &n))
			return "for mange kriterier.";
		e->criteria = 0;
		for (int i = 0; i < n; i++) {
			int bit = -1;
			for (int k = 0; k < 5; k++)
				if (!strcmp(list[i], registry_io_criteria[k]))
					bit = k;
			if (bit < 0)
				return "ukendt kriterium: brug purpose, sells, reinvests, independent og cvr adskilt af |.";
			e->criteria |= 1 << bit;
		}
		break;
	case C_SERVICES:
		if (!split_list(a, v, e->services, &e->nservices))
			return "for mange ydelser.";
		break;
	case C_TARGETS:
		if (!split_list(a, v, e->targets, &e->ntargets))
			return "for mange målgrupper.";
		break;
	case C_OTHERS:
		if (!split_list(a, v, e->others, &e->nothers))
			return "for mange kommuner.";
		break;
	case C_COUNT:
		break;
	}
	return NULL;
}

/* the header's columns */
struct header {
	int colof[CSV_MAX_FIELDS]; /* file column -> enum col */
	int fileof[C_COUNT];       /* enum col -> file column, or -1 */
	int ncols;
};

static int read_header(struct csv *c, struct arena *a, struct header *h, struct import_report *rep)
{
	struct csv_record rec;
	int rc = csv_next(c, a, &rec);
	if (rc <= 0) {
		problems_add(a, rep, rc < 0 ? c->error_line : 1, rc < 0 ? c->error_col : 1,
		        rc < 0 ? c->error : "filen er tom: den første linje skal være kolonnenavnene.");
		return ERR_INVALID;
	}
	h->ncols = rec.n;
	for (int i = 0; i < C_COUNT; i++)
		h->fileof[i] = -1;
	for (int i = 0; i < rec.n; i++) {
		h->colof[i] = -1;
		for (int k = 0; k < C_COUNT; k++)
			if (strcmp(rec.f[i], registry_io_columns[k]) == 0)
				h->colof[i] = k;
		if (h->colof[i] < 0 && !strcmp(rec.f[i], HOME_COLUMN))
			continue;
		if (h->colof[i] < 0)
			problems_add(a, rep, rec.line, i + 1,
			        arena_printf(a, "ukendt kolonne \"%s\" (se docs/registry.md for kolonnerne).", rec.f[i]));
		else if (h->fileof[h->colof[i]] >= 0)
			problems_add(a, rep, rec.line, i + 1, arena_printf(a, "kolonnen \"%s\" står to gange.", rec.f[i]));
		else
			h->fileof[h->colof[i]] = i;
	}
	if (h->fileof[C_NAME] < 0)
		problems_add(a, rep, rec.line, 1, "kolonnen \"name\" mangler.");
	if (h->fileof[C_KOMMUNE] < 0)
		problems_add(a, rep, rec.line, 1, "kolonnen \"kommune\" mangler.");
	return rep->nproblems ? ERR_INVALID : 0;
}

enum row_kind { ROW_BAD, ROW_NEW, ROW_UPDATE, ROW_SAME };

/* one record to an enterprise: the stored one with the file's columns over it, validated.
 * Problems are reported with their line and column (strings in a, the import's arena); the
 * enterprise lives in row, the record's own arena. *old_kommune gets the stored enterprise's
 * municipality (NULL for a new one). */
static int read_row(struct db *db, struct arena *a, struct arena *row, const struct header *h,
                    const struct registry_refs *refs, const struct csv_record *rec,
                    struct import_report *rep, struct enterprise *e, const char **old_kommune)
{
	memset(e, 0, sizeof(*e));
	*old_kommune = NULL;
	const char *cvr = h->fileof[C_CVR] >= 0 && h->fileof[C_CVR] < rec->n ? rec->f[h->fileof[C_CVR]] : "";
	const char *name = h->fileof[C_NAME] < rec->n ? rec->f[h->fileof[C_NAME]] : "";
	const char *kom = h->fileof[C_KOMMUNE] < rec->n ? rec->f[h->fileof[C_KOMMUNE]] : "";
	int64_t id = 0;
	bool exists = false;
	/* a key that is not UTF-8 matches no enterprise (and PostgreSQL refuses to compare it):
	 * the loop below refuses the row */
	bool keys_ok = csv_field_ok(cvr) && csv_field_ok(name) && csv_field_ok(kom);
	int rc = keys_ok ? registry_store_find(db, *cvr ? cvr : NULL, name, kom, &id) : ERR_NOTFOUND;
	if (rc == 0) {
		if (registry_store_get(db, row, id, e) != 0)
			return ERR_DB;
		exists = true;
		*old_kommune = e->kommune;
	} else if (rc != ERR_NOTFOUND) {
		return ERR_DB;
	}
	struct enterprise before = *e;
	bool bad = false;
	for (int i = 0; i < rec->n; i++) {
		if (i >= h->ncols) {
			if (rec->f[i][0]) {
				problems_add(a, rep, rec->line, i + 1, "en værdi uden kolonnenavn i første linje.");
				bad = true;
			}
			continue;
		}
		if (!csv_field_ok(rec->f[i])) {
			problems_add(a, rep, rec->line, i + 1, "teksten er ikke gyldig UTF-8 (gem filen som UTF-8).");
			bad = true;
			continue;
		}
		if (h->colof[i] < 0) /* the export's home column */
			continue;
		const char *msg = apply(row, e, (enum col)h->colof[i], rec->f[i]);
		if (msg) {
			problems_add(a, rep, rec->line, i + 1, msg);
			bad = true;
		}
	}
	if (bad)
		return ROW_BAD;
	struct errs errs = {0};
	if (registry_validate_refs(db, row, refs, e, &errs) != 0) {
		for (int k = 0; k < errs.n; k++) {
			int col = 1;
			for (int j = 0; j < C_COUNT; j++)
				if (errs.e[k].field && !strcmp(errs.e[k].field, registry_io_columns[j]) && h->fileof[j] >= 0)
					col = h->fileof[j] + 1;
			problems_add(a, rep, rec->line, col, errs.e[k].message);
		}
		return ROW_BAD;
	}
	if (!exists)
		return ROW_NEW;
	return registry_equal(&before, e) ? ROW_SAME : ROW_UPDATE;
}

/* keys as a JSON array for the staging table's json_each, or NULL for none */
static const char *keys_json(struct arena *a, const char *const *keys, int n)
{
	if (n == 0)
		return NULL;
	struct buf b;
	buf_init(&b, 0);
	struct json w;
	json_init(&w, &b);
	json_arr_open(&w, NULL);
	for (int i = 0; i < n; i++)
		json_str(&w, NULL, keys[i]);
	json_arr_close(&w);
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* whether by may write what a line changes: the municipality the enterprise has and the one it
 * gets. An enterprise's own user (a virksomhed) imports nothing. */
static bool may_write(const struct principal *by, const struct enterprise *e, const char *old_kommune)
{
	bool own_only = false;
	if (old_kommune && (access_enterprise_profile(by, e->id, old_kommune, &own_only) != 0 || own_only))
		return false;
	return access_allowed(by, ACC_WRITE, e->kommune) == 0;
}

/* the import's mapping of the file, when it reads a file (registry_import_file): the pages the
 * first pass has read are given back as it goes, so the resident memory does not grow with the
 * file */
struct mapped {
	const char *base;
	size_t len, released; /* bytes from base given back so far */
};

enum { RELEASE_STEP = 8 * 1024 * 1024 };

static void release_read(struct mapped *m, const char *upto)
{
	if (!m || !m->base)
		return;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t done = (size_t)(upto - m->base) / page * page;
	if (done < m->released + RELEASE_STEP)
		return;
	madvise((void *)(uintptr_t)(m->base + m->released), done - m->released, MADV_DONTNEED);
	m->released = done;
}

/* The first pass: every record read, checked and staged (one line of the staging table each,
 * registry_import_store.h), in transactions of STAGE_BATCH lines on the TEMP table only. counts
 * by enum row_kind. Problems in rep; 0, ERR_INVALID, ERR_FORBIDDEN or ERR_DB. */
enum { STAGE_BATCH = 20000 };
static int stage_file(struct db *db, struct arena *a, const struct principal *by, struct csv *c,
                      const struct header *h, bool dry_run, struct mapped *m,
                      struct import_report *rep, int counts[4])
{
	struct csv_record rec;
	struct arena row;
	arena_init(&row, 0);
	/* the municipalities, services and target groups every line is checked against, read once */
	struct registry_refs refs;
	int rc = registry_refs_load(db, a, &refs);
	if (rc)
		return rc;
	rc = registry_import_store_batch_begin(db);
	int more = 0, staged = 0, news = 0;
	while (rc == 0 && (more = csv_next(c, &row, &rec)) > 0) {
		rep->rows++;
		struct enterprise e;
		const char *old_kommune;
		int kind = read_row(db, a, &row, h, &refs, &rec, rep, &e, &old_kommune);
		if (kind < 0) {
			rc = kind;
			break;
		}
		if (kind != ROW_BAD && kind != ROW_SAME && !may_write(by, &e, old_kommune)) {
			rc = ERR_FORBIDDEN;
			break;
		}
		if (kind != ROW_BAD) {
			struct import_staged st = {
				.line = rec.line, .e = &e,
				.key = e.cvr ? arena_printf(&row, "cvr:%s", e.cvr)
				             : arena_printf(&row, "name:%s\x1f%s", e.name, e.kommune),
				/* a dry run and an unchanged line stage only their key, for the duplicates */
				.op = dry_run || kind == ROW_SAME ? IMPORT_SAME
				      : kind == ROW_NEW ? IMPORT_NEW : IMPORT_UPDATE,
			};
			if (st.op == IMPORT_NEW)
				st.seq = news + 1;
			if (st.op != IMPORT_SAME) {
				e.name_key = collate_sort_key(&row, e.name, &e.name_key_len);
				st.others = keys_json(&row, e.others, e.nothers);
				st.services = keys_json(&row, e.services, e.nservices);
				st.targets = keys_json(&row, e.targets, e.ntargets);
				st.terms_name = registry_search_terms(&row, e.name, NULL);
				st.terms_body = registry_search_terms(&row, NULL, e.description);
			}
			int first = 0;
			rc = registry_import_store_stage(db, &st, &first);
			if (rc == ERR_CONFLICT) {
				problems_add(a, rep, rec.line, e.cvr ? h->fileof[C_CVR] + 1 : h->fileof[C_NAME] + 1,
				             arena_printf(a, "samme virksomhed som i linje %d.", first));
				rc = 0;
			} else if (rc == 0) {
				counts[kind]++;
				news += st.op == IMPORT_NEW;
			}
		}
		arena_free(&row);
		release_read(m, c->p);
		if (rc == 0 && ++staged % STAGE_BATCH == 0) {
			rc = registry_import_store_batch_end(db, 0);
			if (rc == 0)
				rc = registry_import_store_batch_begin(db);
			else
				return rc; /* no transaction open */
		}
	}
	arena_free(&row);
	if (more < 0)
		problems_add(a, rep, c->error_line, c->error_col, c->error);
	int end = registry_import_store_batch_end(db, rc);
	return rc ? rc : end;
}

/* the audit lines of the enterprises lines from..to wrote, one each, in the chunk's
 * transaction (docs/security.md: every change writes a line in the same transaction) */
static int audit_chunk(struct db *db, const struct principal *by, int from, int to, int64_t base)
{
	struct arena ca;
	arena_init(&ca, 0);
	struct import_written *w;
	int n;
	int rc = registry_import_store_written(db, &ca, from, to, base, &w, &n);
	for (int i = 0; rc == 0 && i < n; i++)
		rc = audit_record(db, by, w[i].op == IMPORT_NEW ? "create" : "update", "enterprise",
		                  arena_printf(&ca, "%lld", (long long)w[i].id), w[i].kommune,
		                  AUDIT_DETAIL(AUDIT_TEXT("name", w[i].name), AUDIT_TEXT("cvr", w[i].cvr),
		                               AUDIT_TEXT("kommune", w[i].kommune),
		                               AUDIT_TEXT("kind", w[i].kind),
		                               AUDIT_TEXT("pipeline_since", w[i].pipeline_since),
		                               AUDIT_TEXT("established", w[i].established),
		                               AUDIT_TEXT("rsv_registered", w[i].rsv_registered),
		                               AUDIT_TEXT("closed", w[i].closed),
		                               AUDIT_TEXT("legal_form", w[i].legal_form),
		                               AUDIT_TEXT("origin", w[i].origin)));
	arena_free(&ca);
	return rc;
}

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void pause_ms(int ms)
{
	struct timespec t = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};
	while (nanosleep(&t, &t) != 0)
		;
}

/* The second pass: the staged lines into the registry in chunks, each its own short write
 * transaction (registry_import_store_write, then the audit lines), with a pause of DB_PAUSE_MS
 * before the next so another process's writer (the server) gets the lock in between. With
 * chunk_rows 0 a chunk's size follows how long the last one held the lock, aiming at
 * DB_SLICE_MS. rep's counts grow as chunks commit; rep->committed is the lines of the file the
 * committed chunks hold. 0, or the error of the chunk that failed (rolled back). */
enum { CHUNK_FIRST = 250, CHUNK_MIN = 50, CHUNK_MAX = 50000 };
/* an import that wrote this many rows merges the search index after */
enum { COMPACT_AFTER = 1000 };
static int write_staged(struct db *db, const struct principal *by, int chunk_rows,
                        struct import_report *rep)
{
	int after = 0, rows = chunk_rows > 0 ? chunk_rows : CHUNK_FIRST, rc = 0;
	for (bool wrote = false;;) {
		int to, k[3];
		rc = registry_import_store_chunk(db, after, rows, &to, k);
		if (rc == ERR_NOTFOUND)
			return 0;
		if (rc)
			return rc;
		int64_t t0 = now_ms();
		if (k[IMPORT_NEW] + k[IMPORT_UPDATE] > 0) { /* else only unchanged lines: nothing to write */
			if (wrote)
				pause_ms(DB_PAUSE_MS);
			if ((rc = db_write_begin(db)) != 0)
				return rc;
			t0 = now_ms();
			int64_t base = 0;
			rc = registry_import_store_write(db, after + 1, to, k[IMPORT_UPDATE], &base);
			if (rc == 0)
				rc = audit_chunk(db, by, after + 1, to, base);
			if ((rc = db_write_end(db, rc)) != 0)
				return rc;
			wrote = true;
		}
		rep->created += k[IMPORT_NEW];
		rep->updated += k[IMPORT_UPDATE];
		rep->unchanged += k[IMPORT_SAME];
		rep->committed = rep->created + rep->updated + rep->unchanged;
		after = to;
		if (chunk_rows == 0) {
			int64_t took = now_ms() - t0;
			int64_t next = took > 0 ? (int64_t)rows * DB_SLICE_MS / took : (int64_t)rows * 2;
			if (next > (int64_t)rows * 2)
				next = (int64_t)rows * 2; /* grow gently: the next chunk may cost more */
			rows = next < CHUNK_MIN ? CHUNK_MIN : next > CHUNK_MAX ? CHUNK_MAX : (int)next;
		}
	}
}

/*
 * One pass over the file and one over the staging table. The first reads every record (each in
 * an arena of its own, so memory stays flat however long the file is), checks it against the
 * registry as it is (new, changed or the same; the caller's right to write it) and stages it
 * in a TEMP table of the connection, whose UNIQUE key finds the same enterprise twice in the
 * file. Only when the whole file is valid and this is no dry run does the second pass write:
 * from the staging table, set-wise, in chunks of short transactions (write_staged), not in one:
 * an import of 100,000 rows takes seconds, and a server beside it must get the write lock in
 * between (its requests wait at most DB_WAIT_WEB_MS). The promise that nothing is written unless
 * the whole file is valid rests on the first pass. If the second pass stops part way (a disk
 * error, the lock not had within DB_WAIT_PATIENT_MS, or the registry changed since the first
 * pass so that a line no longer fits: a CVR taken, an enterprise gone), the chunks committed
 * before stay and rep->committed says how many rows of the file they hold; the import matches
 * rows by key (CVR, else name and municipality), so running the same file again updates what is
 * there and creates the rest.
 */
static int import_csv(struct db *db, struct arena *a, const struct principal *by,
                      const char *data, size_t len, struct mapped *m, bool dry_run,
                      int chunk_rows, struct import_report *rep)
{
	memset(rep, 0, sizeof(*rep));
	struct csv c;
	struct header h;
	csv_open(&c, data, len);
	if (read_header(&c, a, &h, rep) != 0)
		return ERR_INVALID;
	int rc = registry_import_store_open(db);
	if (rc)
		return rc;
	int counts[4] = {0};
	rc = stage_file(db, a, by, &c, &h, dry_run, m, rep, counts);
	if (rc == 0 && rep->nproblems)
		rc = ERR_INVALID;
	if (rc == 0 && dry_run) {
		rep->created = counts[ROW_NEW];
		rep->updated = counts[ROW_UPDATE];
		rep->unchanged = counts[ROW_SAME];
	} else if (rc == 0) {
		rc = write_staged(db, by, chunk_rows, rep);
		if (rc)
			rep->created = rep->updated = rep->unchanged = 0;
		/* chunks leave the search index in many parts; merged, a search costs a fraction
		 * (registry_search_compact). The import is committed either way. */
		else if (rep->created + rep->updated >= COMPACT_AFTER && registry_search_compact(db) != 0)
			log_warn("registry import: the search index's parts were not merged; searches are "
			         "slower until they are (indgang registry reindex merges them)");
		if (rc == 0 && rep->created + rep->updated >= COMPACT_AFTER &&
		    registry_import_store_analyze(db) != 0)
			log_warn("registry import: the database's figures of the registry were not made "
			         "anew; its server makes them in a while");
	}
	registry_import_store_close(db);
	return rc;
}

int registry_import_csv(struct db *db, struct arena *a, const struct principal *by,
                        const char *data, size_t len, bool dry_run, struct import_report *rep)
{
	return import_csv(db, a, by, data, len, NULL, dry_run, 0, rep);
}

int registry_import_csv_chunked(struct db *db, struct arena *a, const struct principal *by,
                                const char *data, size_t len, int chunk_rows,
                                struct import_report *rep)
{
	return import_csv(db, a, by, data, len, NULL, false, chunk_rows, rep);
}

int registry_import_file(struct db *db, struct arena *a, const struct principal *by,
                         const char *path, bool dry_run, struct import_report *rep)
{
	memset(rep, 0, sizeof(*rep));
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return ERR_IO;
	struct stat sb;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return ERR_IO;
	}
	struct mapped m = {.len = (size_t)sb.st_size};
	if (m.len) {
		void *p = mmap(NULL, m.len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED) {
			close(fd);
			return ERR_IO;
		}
		m.base = p;
		madvise(p, m.len, MADV_SEQUENTIAL);
	}
	close(fd);
	int rc = import_csv(db, a, by, m.base ? m.base : "", m.len, &m, dry_run, 0, rep);
	if (m.base)
		munmap((void *)(uintptr_t)m.base, m.len);
	return rc;
}
