/*
 * registry_io.c — export of enterprises as CSV, JSON and XLSX, and the files' columns (the
 * import is registry_import.c).
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
#include "../kommune/kommune.h"
#include "../store/db.h"
#include "../view/json.h"
#include "../view/xlsx.h"
#include "registry.h"
#include "registry_io_columns.h"
#include "registry_store.h"

const char *const registry_io_columns[C_COUNT] = {
	"name", "cvr", "kommune", "kind", "pipeline_since", "established", "rsv_registered", "closed",
	"entrepreneur", "legal_form", "origin", "purposes", "criteria", "services", "target_groups",
	"other_kommuner", "contact_name", "contact_email", "contact_phone", "address", "website",
	"description", "source",
};

const char *const registry_io_criteria[5] = {"purpose", "sells", "reinvests", "independent", "cvr"};

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
			crit[nc++] = registry_io_criteria[k];
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
	const char *const *heads = st->people ? people_heads : registry_io_columns;
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
	const char *const *heads = st->people ? people_heads : registry_io_columns;
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
			json_str(&w, registry_io_columns[c], *v[c] ? v[c] : NULL);
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
