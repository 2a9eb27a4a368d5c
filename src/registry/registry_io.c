/*
 * registry_io.c — CSV import and CSV/JSON/XLSX export of enterprises.
 * Layer: capability domain (registry).
 */
#include "registry_io.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/log.h"
#include "../store/db.h"
#include "../view/json.h"
#include "../view/xlsx.h"
#include "registry.h"
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

/* a small set of seen keys, to find the same enterprise twice in one file */
struct seen {
	char **keys;
	int *lines;
	size_t cap, n;
};

static int seen_add(struct arena *a, struct seen *s, const char *key, int line)
{
	if (s->n * 2 >= s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 1024;
		char **keys = arena_alloc(a, sizeof(char *) * cap);
		int *lines = arena_alloc(a, sizeof(int) * cap);
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->keys[i])
				continue;
			size_t h = 5381;
			for (const char *p = s->keys[i]; *p; p++)
				h = h * 33 + (unsigned char)*p;
			size_t k = h % cap;
			while (keys[k])
				k = (k + 1) % cap;
			keys[k] = s->keys[i];
			lines[k] = s->lines[i];
		}
		s->keys = keys;
		s->lines = lines;
		s->cap = cap;
	}
	size_t h = 5381;
	for (const char *p = key; *p; p++)
		h = h * 33 + (unsigned char)*p;
	size_t k = h % s->cap;
	while (s->keys[k]) {
		if (strcmp(s->keys[k], key) == 0)
			return s->lines[k];
		k = (k + 1) % s->cap;
	}
	s->keys[k] = arena_strdup(a, key);
	s->lines[k] = line;
	s->n++;
	return 0;
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
 * enterprise lives in row, the record's own arena. */
static int read_row(struct db *db, struct arena *a, struct arena *row, const struct header *h,
                    const struct csv_record *rec, struct import_report *rep, struct enterprise *e)
{
	memset(e, 0, sizeof(*e));
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

/*
 * Two passes over the file, each record in an arena of its own, so memory stays flat however
 * long the file is: the first checks everything and counts, the second (only when the whole
 * file is valid and this is no dry run) writes.
 *
 * The second pass writes in slices of about DB_SLICE_MS (db_write_slice), not in one
 * transaction: an import of 100,000 rows takes seconds, and a server beside it must get the
 * write lock in between (its requests wait at most DB_WAIT_WEB_MS). The promise that nothing is
 * written unless the whole file is valid rests on the first pass. If the second pass stops part
 * way (a disk error, the lock not had within DB_WAIT_PATIENT_MS, or a row that became invalid
 * since the first pass), the slices committed before stay and rep->committed says how many rows
 * of the file they hold; the import matches rows by key (CVR, else name and municipality), so running the
 * same file again updates what is there and creates the rest.
 */
int registry_import_csv(struct db *db, struct arena *a, const struct principal *by,
                        const char *data, size_t len, bool dry_run, struct import_report *rep)
{
	memset(rep, 0, sizeof(*rep));
	struct csv c;
	struct csv_record rec;
	struct header h;
	csv_open(&c, data, len);
	if (read_header(&c, a, &h, rep) != 0)
		return ERR_INVALID;
	struct seen seen = {0};
	struct arena row;
	int rc;
	int counts[4] = {0};
	for (;;) {
		arena_init(&row, 0);
		rc = csv_next(&c, &row, &rec);
		if (rc <= 0)
			break;
		rep->rows++;
		struct enterprise e;
		int kind = read_row(db, a, &row, &h, &rec, rep, &e);
		if (kind < 0) {
			arena_free(&row);
			return kind;
		}
		if (kind != ROW_BAD) {
			const char *key = e.cvr ? arena_printf(&row, "cvr:%s", e.cvr)
			                        : arena_printf(&row, "name:%s\x1f%s", e.name, e.kommune);
			int first = seen_add(a, &seen, key, rec.line);
			if (first)
				problems_add(a, rep, rec.line, e.cvr ? h.fileof[C_CVR] + 1 : h.fileof[C_NAME] + 1,
				        arena_printf(a, "samme virksomhed som i linje %d.", first));
			else
				counts[kind]++;
		}
		arena_free(&row);
	}
	arena_free(&row);
	if (rc < 0)
		problems_add(a, rep, c.error_line, c.error_col, c.error);
	if (rep->nproblems)
		return ERR_INVALID;
	if (dry_run) {
		rep->created = counts[ROW_NEW];
		rep->updated = counts[ROW_UPDATE];
		rep->unchanged = counts[ROW_SAME];
		return 0;
	}

	if ((rc = db_write_begin(db)) != 0)
		return rc;
	csv_open(&c, data, len);
	struct arena head;
	arena_init(&head, 0);
	csv_next(&c, &head, &rec); /* the header, read and checked above */
	arena_free(&head);
	rc = 0;
	while (rc == 0) {
		arena_init(&row, 0);
		int more = csv_next(&c, &row, &rec);
		if (more <= 0) {
			arena_free(&row);
			break;
		}
		struct enterprise e;
		int kind = read_row(db, a, &row, &h, &rec, rep, &e);
		if (kind == ROW_NEW || kind == ROW_UPDATE) {
			struct errs errs = {0};
			rc = registry_write(db, &row, by, &e, &errs);
			if (rc && errs.n)
				problems_add(a, rep, rec.line, 1, errs.e[0].message);
			else if (rc == 0)
				kind == ROW_NEW ? rep->created++ : rep->updated++;
		} else if (kind == ROW_SAME) {
			rep->unchanged++;
		} else {
			rc = kind < 0 ? kind : ERR_INVALID; /* the data changed between the passes */
		}
		arena_free(&row);
		/* on an error here no transaction is open, and db_rollback below does nothing */
		bool committed = false;
		if (rc == 0)
			rc = db_write_slice(db, &committed);
		if (committed)
			rep->committed = rep->created + rep->updated + rep->unchanged;
	}
	if (rc == 0)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc == 0)
		rep->committed = rep->created + rep->updated + rep->unchanged;
	if (rc)
		rep->created = rep->updated = rep->unchanged = 0;
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

static int export_xlsx(struct db *db, struct arena *a, const int64_t *ids, const bool *home,
                       int n, struct buf *out)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_workbook *wb = x.wb;
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Virksomheder");
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	for (int c = 0; c < C_COUNT; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, columns[c], bold);
	if (home)
		worksheet_write_string(ws, 0, C_COUNT, HOME_COLUMN, bold);
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++) {
		struct enterprise e;
		rc = registry_store_get(db, a, ids[i], &e);
		if (rc)
			break;
		const char *v[C_COUNT];
		row_values(a, &e, v);
		for (int c = 0; c < C_COUNT; c++)
			if (*v[c]) /* always as text: a CVR or code keeps its digits, nothing is a formula */
				worksheet_write_string(ws, (lxw_row_t)(i + 1), (lxw_col_t)c, v[c], NULL);
		if (home)
			worksheet_write_string(ws, (lxw_row_t)(i + 1), C_COUNT, home[i] ? "1" : "0", NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	int closed = xlsx_close(&x, out, rc != 0);
	return rc ? rc : closed;
}

int registry_export(struct db *db, struct arena *a, const char *kommune, const char *kind,
                    enum export_format f, struct buf *out)
{
	int64_t *ids;
	bool *home;
	int n;
	int rc = registry_store_ids(db, a, kommune, kind, &ids, &home, &n);
	if (rc)
		return rc;
	if (!kommune)
		home = NULL; /* every row is at home: no column */
	if (f == EXPORT_XLSX)
		return export_xlsx(db, a, ids, home, n, out);
	struct json w;
	if (f == EXPORT_CSV) {
		for (int c = 0; c < C_COUNT; c++) {
			if (c)
				buf_putc(out, ',');
			buf_puts(out, columns[c]);
		}
		if (home)
			buf_puts(out, "," HOME_COLUMN);
		buf_puts(out, "\r\n");
	} else {
		json_init(&w, out);
		json_obj_open(&w, NULL);
		json_arr_open(&w, "items");
	}
	for (int i = 0; i < n; i++) {
		struct arena row;
		arena_init(&row, 0);
		struct enterprise e;
		rc = registry_store_get(db, &row, ids[i], &e);
		if (rc) {
			arena_free(&row);
			return rc;
		}
		const char *v[C_COUNT];
		row_values(&row, &e, v);
		if (f == EXPORT_CSV) {
			for (int c = 0; c < C_COUNT; c++) {
				if (c)
					buf_putc(out, ',');
				csv_write_field(out, v[c], ',');
			}
			if (home)
				buf_puts(out, home[i] ? ",1" : ",0");
			buf_puts(out, "\r\n");
		} else {
			json_obj_open(&w, NULL);
			json_int(&w, "id", e.id);
			for (int c = 0; c < C_COUNT; c++)
				json_str(&w, columns[c], *v[c] ? v[c] : NULL);
			if (home)
				json_bool(&w, HOME_COLUMN, home[i]);
			json_obj_close(&w);
		}
		arena_free(&row);
	}
	if (f == EXPORT_JSON) {
		json_arr_close(&w);
		json_int(&w, "total", n);
		json_obj_close(&w);
	}
	return out->failed ? ERR_TOOBIG : 0;
}
