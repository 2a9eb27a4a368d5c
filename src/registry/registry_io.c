/*
 * registry_io.c — CSV import and CSV/JSON/XLSX export of enterprises.
 * Layer: capability domain (registry).
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
#include "../kommune/kommune.h"
#include "../store/collate.h"
#include "../store/db.h"
#include "../view/json.h"
#include "../view/xlsx.h"
#include "registry.h"
#include "registry_import_store.h"
#include "registry_search.h"
#include "registry_store.h"

enum col {
	C_NAME, C_CVR, C_KOMMUNE, C_KIND, C_PIPELINE, C_ESTABLISHED, C_RSV, C_CLOSED, C_ENTREPRENEUR,
	C_LEGAL_FORM, C_ORIGIN, C_PURPOSES, C_CRITERIA, C_SERVICES, C_TARGETS, C_OTHERS,
	C_CONTACT_NAME, C_CONTACT_EMAIL, C_CONTACT_PHONE, C_ADDRESS, C_WEBSITE, C_DESCRIPTION,
	C_SOURCE, C_COUNT
};

/* header names; the validation's field names are the same */
static const char *const columns[C_COUNT] = {
	"name", "cvr", "kommune", "kind", "pipeline_since", "established", "rsv_registered", "closed",
	"entrepreneur", "legal_form", "origin", "purposes", "criteria", "services", "target_groups",
	"other_kommuner", "contact_name", "contact_email", "contact_phone", "address", "website",
	"description", "source",
};

/* the export's extra column when it is for one municipality: 1 when that is the enterprise's
 * home, 0 when the enterprise works with it from another (other_kommuner); derived, so the
 * import skips it and an export imports as it was */
#define HOME_COLUMN "home"

static const char *const criteria_keys[5] = {"purpose", "sells", "reinvests", "independent", "cvr"};

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
				if (!strcmp(list[i], criteria_keys[k]))
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
			if (strcmp(rec.f[i], columns[k]) == 0)
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
                    const struct csv_record *rec, struct import_report *rep, struct enterprise *e,
                    const char **old_kommune)
{
	memset(e, 0, sizeof(*e));
	*old_kommune = NULL;
	const char *cvr = h->fileof[C_CVR] >= 0 && h->fileof[C_CVR] < rec->n ? rec->f[h->fileof[C_CVR]] : "";
	const char *name = h->fileof[C_NAME] < rec->n ? rec->f[h->fileof[C_NAME]] : "";
	const char *kom = h->fileof[C_KOMMUNE] < rec->n ? rec->f[h->fileof[C_KOMMUNE]] : "";
	int64_t id = 0;
	bool exists = false;
	int rc = registry_store_find(db, *cvr ? cvr : NULL, name, kom, &id);
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
	if (registry_validate(db, row, e, &errs) != 0) {
		for (int k = 0; k < errs.n; k++) {
			int col = 1;
			for (int j = 0; j < C_COUNT; j++)
				if (errs.e[k].field && !strcmp(errs.e[k].field, columns[j]) && h->fileof[j] >= 0)
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
	int rc = registry_import_store_batch_begin(db), more = 0, staged = 0, news = 0;
	while (rc == 0 && (more = csv_next(c, &row, &rec)) > 0) {
		rep->rows++;
		struct enterprise e;
		const char *old_kommune;
		int kind = read_row(db, a, &row, h, &rec, rep, &e, &old_kommune);
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

/* ---------------------------------------------------------------- export */

static const char *join(struct arena *a, const char *const *arr, int n)
{
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; i < n; i++) {
		if (i)
			buf_putc(&b, '|');
		buf_puts(&b, arr[i]);
	}
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* the column values of e, as the import reads them */
static void row_values(struct arena *a, const struct enterprise *e, const char *v[C_COUNT])
{
	const char *purposes[3];
	int np = 0;
	if (e->purpose_social)
		purposes[np++] = "social";
	if (e->purpose_health)
		purposes[np++] = "health";
	if (e->purpose_environment)
		purposes[np++] = "environment";
	const char *crit[5];
	int nc = 0;
	for (int k = 0; k < 5; k++)
		if (e->criteria & (1 << k))
			crit[nc++] = criteria_keys[k];
	v[C_NAME] = e->name;
	v[C_CVR] = e->cvr;
	v[C_KOMMUNE] = e->kommune;
	v[C_KIND] = e->kind;
	v[C_PIPELINE] = e->pipeline_since;
	v[C_ESTABLISHED] = e->established;
	v[C_RSV] = e->rsv_registered;
	v[C_CLOSED] = e->closed;
	v[C_ENTREPRENEUR] = e->entrepreneur ? "1" : "0";
	v[C_LEGAL_FORM] = e->legal_form;
	v[C_ORIGIN] = e->origin;
	v[C_PURPOSES] = join(a, purposes, np);
	v[C_CRITERIA] = join(a, crit, nc);
	v[C_SERVICES] = join(a, e->services, e->nservices);
	v[C_TARGETS] = join(a, e->targets, e->ntargets);
	v[C_OTHERS] = join(a, e->others, e->nothers);
	v[C_CONTACT_NAME] = e->contact_name;
	v[C_CONTACT_EMAIL] = e->contact_email;
	v[C_CONTACT_PHONE] = e->contact_phone;
	v[C_ADDRESS] = e->address;
	v[C_WEBSITE] = e->website;
	v[C_DESCRIPTION] = e->description;
	v[C_SOURCE] = e->source;
	for (int i = 0; i < C_COUNT; i++)
		if (!v[i])
			v[i] = "";
}

/* ---- for people: Danish headings and labels */

enum pcol {
	P_NAME, P_CVR, P_KOMMUNE, P_KODE, P_KIND, P_STATUS, P_PIPELINE, P_ESTABLISHED, P_RSV, P_CLOSED,
	P_ENTREPRENEUR, P_LEGAL_FORM, P_ORIGIN, P_PURPOSES, P_CRITERIA, P_SERVICES, P_TARGETS, P_OTHERS,
	P_CONTACT_NAME, P_CONTACT_EMAIL, P_CONTACT_PHONE, P_ADDRESS, P_WEBSITE, P_DESCRIPTION, P_COUNT
};

static const char *const people_heads[P_COUNT] = {
	"Navn", "CVR-nummer", "Kommune", "Kommunekode", "Type", "Status", "På vej siden", "Etableret",
	"RSV-registreret", "Lukket", "Social iværksætter", "Selskabsform", "Oprindelse", "Formål",
	"Kriterier opfyldt", "Ydelser", "Målgrupper", "Samarbejder også med", "Kontaktperson", "E-mail",
	"Telefon", "Adresse", "Hjemmeside", "Beskrivelse",
};

/* the people's last column, with a municipality: whether it is the enterprise's home */
#define PEOPLE_HOME "Hjemme i kommunen"

/* the purposes and the definition's criteria as the enterprise form words them */
static const char *const purpose_labels[3] = {"Socialt", "Sundhed", "Miljø"};
static const char *const criteria_labels[5] = {
	"Har et socialt, sundheds- eller miljømæssigt formål", "Sælger ydelser og/eller produkter",
	"Geninvesterer et eventuelt overskud i virksomheden og formålet",
	"Er organisatorisk uafhængig af den offentlige sektor", "Har et CVR-nummer",
};

/* what the people's columns look up: the managed lists and the municipalities' names */
struct labels {
	struct option_kv *services, *targets;
	int nservices, ntargets;
	struct kommune *ks;
	int nk;
};

static int labels_load(struct db *db, struct arena *a, struct labels *l)
{
	int rc = registry_options(db, a, false, &l->services, &l->nservices);
	if (rc == 0)
		rc = registry_options(db, a, true, &l->targets, &l->ntargets);
	if (rc == 0)
		rc = kommune_list(db, a, &l->ks, &l->nk);
	return rc;
}

/* items joined with "; " (NULL items skipped): a label may hold a comma */
static const char *join_labels(struct arena *a, const char *const *items, int n)
{
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; i < n; i++) {
		if (!items[i])
			continue;
		if (b.len)
			buf_puts(&b, "; ");
		buf_puts(&b, items[i]);
	}
	const char *s = arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* the name of municipality kode, or the code itself */
static const char *kommune_name(const struct labels *l, const char *kode)
{
	for (int i = 0; i < l->nk; i++)
		if (!strcmp(l->ks[i].kode, kode))
			return l->ks[i].navn;
	return kode;
}

/* the people's column values of e on day (every one a string, "" for none) */
static void people_values(struct arena *a, const struct labels *l, const struct enterprise *e,
                          const char *day, const char *v[P_COUNT])
{
	const char *list[REGISTRY_MAX_LIST];
	v[P_NAME] = e->name;
	v[P_CVR] = e->cvr;
	v[P_KOMMUNE] = e->kommune_navn;
	v[P_KODE] = e->kommune;
	v[P_KIND] = registry_label(registry_kinds, registry_kinds_count, e->kind ? e->kind : REGISTRY_KIND_SOEV);
	v[P_STATUS] = registry_status_label(registry_status_on(e, day));
	v[P_PIPELINE] = e->pipeline_since;
	v[P_ESTABLISHED] = e->established;
	v[P_RSV] = e->rsv_registered;
	v[P_CLOSED] = e->closed;
	v[P_ENTREPRENEUR] = e->entrepreneur ? "Ja" : "Nej";
	v[P_LEGAL_FORM] = e->legal_form && *e->legal_form
	                      ? registry_label(registry_legal_forms, registry_legal_forms_count, e->legal_form) : "";
	v[P_ORIGIN] = e->origin && *e->origin ? registry_label(registry_origins, registry_origins_count, e->origin) : "";
	const char *purposes[3] = {e->purpose_social ? purpose_labels[0] : NULL,
	                           e->purpose_health ? purpose_labels[1] : NULL,
	                           e->purpose_environment ? purpose_labels[2] : NULL};
	v[P_PURPOSES] = join_labels(a, purposes, 3);
	const char *crit[5];
	for (int k = 0; k < 5; k++)
		crit[k] = e->criteria & (1 << k) ? criteria_labels[k] : NULL;
	v[P_CRITERIA] = join_labels(a, crit, 5);
	for (int i = 0; i < e->nservices; i++)
		list[i] = registry_label(l->services, l->nservices, e->services[i]);
	v[P_SERVICES] = join_labels(a, list, e->nservices);
	for (int i = 0; i < e->ntargets; i++)
		list[i] = registry_label(l->targets, l->ntargets, e->targets[i]);
	v[P_TARGETS] = join_labels(a, list, e->ntargets);
	for (int i = 0; i < e->nothers; i++)
		list[i] = kommune_name(l, e->others[i]);
	v[P_OTHERS] = join_labels(a, list, e->nothers);
	v[P_CONTACT_NAME] = e->contact_name;
	v[P_CONTACT_EMAIL] = e->contact_email;
	v[P_CONTACT_PHONE] = e->contact_phone;
	v[P_ADDRESS] = e->address;
	v[P_WEBSITE] = e->website;
	v[P_DESCRIPTION] = e->description;
	for (int i = 0; i < P_COUNT; i++)
		if (!v[i])
			v[i] = "";
}

/* a date column of the people's files */
static bool people_date(int c)
{
	return c == P_PIPELINE || c == P_ESTABLISHED || c == P_RSV || c == P_CLOSED;
}

/* s, a valid YYYY-MM-DD, as a spreadsheet's date */
static lxw_datetime xlsx_date(const char *s)
{
	lxw_datetime d = {0};
	d.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	d.month = (s[5] - '0') * 10 + (s[6] - '0');
	d.day = (s[8] - '0') * 10 + (s[9] - '0');
	return d;
}

/* ---- writers */

/* one enterprise's row: the import's columns (people false) or the people's, and the home
 * column when home is given */
#define ROW_MAX 32
_Static_assert((int)C_COUNT <= ROW_MAX && (int)P_COUNT <= ROW_MAX, "a row's columns fit ROW_MAX");
struct export_row {
	const char *v[ROW_MAX];
	int n;
};

static void export_row(struct arena *a, const struct labels *l, const struct export_style *st,
                       const struct enterprise *e, struct export_row *row)
{
	if (st->people) {
		people_values(a, l, e, st->day, row->v);
		row->n = P_COUNT;
	} else {
		row_values(a, e, row->v);
		row->n = C_COUNT;
	}
}

static int export_xlsx(struct db *db, const struct labels *l,
                       const struct export_style *st, const int64_t *ids, const bool *home, int n,
                       struct buf *out)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_workbook *wb = x.wb;
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Virksomheder");
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "dd-mm-yyyy");
	int ncols = st->people ? P_COUNT : C_COUNT;
	const char *const *heads = st->people ? people_heads : columns;
	for (int c = 0; c < ncols; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, heads[c], bold);
	if (home)
		worksheet_write_string(ws, 0, (lxw_col_t)ncols, st->people ? PEOPLE_HOME : HOME_COLUMN, bold);
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++) {
		struct arena ra;
		arena_init(&ra, 0);
		struct enterprise e;
		rc = registry_store_get(db, &ra, ids[i], &e);
		struct export_row row;
		if (rc == 0)
			export_row(&ra, l, st, &e, &row);
		lxw_row_t r = (lxw_row_t)(i + 1);
		for (int c = 0; rc == 0 && c < ncols; c++) {
			if (!*row.v[c])
				continue;
			/* the people's dates as dates; everything else as text: a CVR number or a code
			 * keeps its digits, and nothing is ever a formula */
			if (st->people && people_date(c) && registry_date_valid(row.v[c])) {
				lxw_datetime d = xlsx_date(row.v[c]);
				worksheet_write_datetime(ws, r, (lxw_col_t)c, &d, date);
			} else {
				worksheet_write_string(ws, r, (lxw_col_t)c, row.v[c], NULL);
			}
		}
		if (rc == 0 && home)
			worksheet_write_string(ws, r, (lxw_col_t)ncols,
			                       st->people ? (home[i] ? "Ja" : "Nej") : (home[i] ? "1" : "0"), NULL);
		arena_free(&ra);
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (st->people) {
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, (lxw_col_t)(home ? ncols : ncols - 1));
		worksheet_set_column(ws, P_NAME, P_NAME, 36, NULL);
		worksheet_set_column(ws, P_CVR, P_CLOSED, 14, NULL);
		worksheet_set_column(ws, P_ENTREPRENEUR, P_DESCRIPTION, 24, NULL);
	}
	int closed = xlsx_close(&x, out, rc != 0);
	return rc ? rc : closed;
}

static int export_csv(struct db *db, const struct labels *l, const struct export_style *st,
                      const int64_t *ids, const bool *home, int n, struct buf *out)
{
	struct csv_out w;
	csv_out_begin(&w, out, st->delim, false);
	int ncols = st->people ? P_COUNT : C_COUNT;
	const char *const *heads = st->people ? people_heads : columns;
	for (int c = 0; c < ncols; c++)
		csv_out_field(&w, heads[c]);
	if (home)
		csv_out_field(&w, st->people ? PEOPLE_HOME : HOME_COLUMN);
	csv_out_end(&w);
	for (int i = 0; i < n; i++) {
		struct arena ra;
		arena_init(&ra, 0);
		struct enterprise e;
		int rc = registry_store_get(db, &ra, ids[i], &e);
		if (rc) {
			arena_free(&ra);
			return rc;
		}
		struct export_row row;
		export_row(&ra, l, st, &e, &row);
		for (int c = 0; c < row.n; c++)
			csv_out_field(&w, row.v[c]);
		if (home)
			csv_out_field(&w, st->people ? (home[i] ? "Ja" : "Nej") : (home[i] ? "1" : "0"));
		csv_out_end(&w);
		arena_free(&ra);
	}
	return out->failed ? ERR_TOOBIG : 0;
}

static int export_json(struct db *db, const int64_t *ids, const bool *home, int n, struct buf *out)
{
	struct json w;
	json_init(&w, out);
	json_obj_open(&w, NULL);
	json_arr_open(&w, "items");
	for (int i = 0; i < n; i++) {
		struct arena ra;
		arena_init(&ra, 0);
		struct enterprise e;
		int rc = registry_store_get(db, &ra, ids[i], &e);
		if (rc) {
			arena_free(&ra);
			return rc;
		}
		const char *v[C_COUNT];
		row_values(&ra, &e, v);
		json_obj_open(&w, NULL);
		json_int(&w, "id", e.id);
		for (int c = 0; c < C_COUNT; c++)
			json_str(&w, columns[c], *v[c] ? v[c] : NULL);
		if (home)
			json_bool(&w, HOME_COLUMN, home[i]);
		json_obj_close(&w);
		arena_free(&ra);
	}
	json_arr_close(&w);
	json_int(&w, "total", n);
	json_obj_close(&w);
	return out->failed ? ERR_TOOBIG : 0;
}

int registry_export_query(struct db *db, struct arena *a, const struct registry_query *q,
                          const struct export_style *st, struct buf *out)
{
	int64_t *ids;
	bool *home;
	int n;
	int rc = registry_store_ids(db, a, q, &ids, &home, &n);
	if (rc)
		return rc;
	if (!q->kommune)
		home = NULL; /* every row is at home: no column */
	struct labels l = {0};
	if (st->people && st->format != EXPORT_JSON && (rc = labels_load(db, a, &l)) != 0)
		return rc;
	if (st->format == EXPORT_XLSX)
		return export_xlsx(db, &l, st, ids, home, n, out);
	if (st->format == EXPORT_JSON)
		return export_json(db, ids, home, n, out);
	return export_csv(db, &l, st, ids, home, n, out);
}

int registry_export(struct db *db, struct arena *a, const char *kommune, const char *kind,
                    enum export_format f, struct buf *out)
{
	struct registry_query q = {.kommune = kommune, .kind = kind, .registered = -1};
	struct export_style st = {.format = f, .delim = ','};
	return registry_export_query(db, a, &q, &st, out);
}
