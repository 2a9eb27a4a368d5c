/*
 * employment_stats.c — Tabel 4 from data with statistical discretion, its JSON, CSV and XLSX,
 * and the survey's Tabel 4 beside it. Layer: capability domain (employment); SQL only through
 * employment_stats_store.h, the survey only through surveys.h.
 */
#include "employment_stats.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../kommune/kommune.h"
#include "../surveys/surveys.h"
#include "../view/json.h"
#include "../view/xlsx.h"
#include "employment_stats_store.h"

const struct employment_column_def employment_columns[EMP_COLUMNS] = {
	{"ordinary_jobs", "Ordinære ansættelser"},
	{"fleksjob_soev", "Fleksjob i socialøkonomiske virksomheder"},
	{"fleksjob_company", "Fleksjob i almindelige virksomheder"},
	{"forloeb_soev", "Forløb i socialøkonomiske virksomheder"},
	{"inhouse_companies", "Virksomheder med Inhouse-grupper"},
};

struct employment_cell employment_cell_from(int count, bool exact)
{
	if (!exact && count >= 1 && count <= 2)
		return (struct employment_cell){0, EMP_BELOW3};
	return (struct employment_cell){count, EMP_EXACT};
}

const char *employment_cell_text(const struct employment_cell *c, char out[16])
{
	if (c->mark == EMP_BELOW3)
		snprintf(out, 16, "<3");
	else if (c->mark == EMP_WITHHELD)
		snprintf(out, 16, "..");
	else
		snprintf(out, 16, "%d", c->value);
	return out;
}

/* the discretion of one column: the rows' cells below 3 hidden, and the total (exact in *total)
 * hidden when below 3, or withheld when the shown cells and the total tell the hidden ones */
static void protect_column(struct employment_row *rows, int n, struct employment_cell *total, int c)
{
	int hidden = 0;
	long shown = 0;
	for (int i = 0; i < n; i++) {
		rows[i].cells[c] = employment_cell_from(rows[i].cells[c].value, false);
		if (rows[i].cells[c].mark == EMP_BELOW3)
			hidden++;
		else
			shown += rows[i].cells[c].value;
	}
	int exact_total = total->value;
	*total = employment_cell_from(exact_total, false);
	if (total->mark != EMP_EXACT || hidden == 0)
		return;
	/* the hidden cells sum to rest, each 1 or 2: rest == hidden means all are 1, rest ==
	 * 2 * hidden all are 2, and one hidden cell is rest itself */
	long rest = exact_total - shown;
	if (rest == hidden || rest == 2L * hidden)
		*total = (struct employment_cell){0, EMP_WITHHELD};
}

int employment_stats(struct db *db, struct arena *a, int year, const char *kommune, bool exact,
                     struct employment_row **rows, int *n, struct employment_row *total)
{
	char from[11], to[11];
	snprintf(from, sizeof(from), "%04d-01-01", year);
	snprintf(to, sizeof(to), "%04d-12-31", year);
	struct kommune k;
	int rc = kommune ? kommune_get(db, a, kommune, &k) : 0;
	struct employment_row *out = NULL;
	int count = 0, inhouse = 0;
	if (rc == 0)
		rc = employment_stats_store_rows(db, a, from, to, kommune, &out, &count);
	if (rc == 0)
		rc = employment_stats_store_inhouse(db, from, to, kommune, &inhouse);
	if (rc)
		return rc;
	if (kommune && count == 0) {
		/* the municipality asked for, with nothing in the year */
		out = arena_alloc(a, sizeof(*out));
		out->kommune = k.kode;
		out->navn = k.navn;
		count = 1;
	}
	memset(total, 0, sizeof(*total));
	total->navn = "I alt";
	for (int c = 0; c < EMP_COLUMNS; c++) {
		for (int i = 0; i < count && c != EMP_INHOUSE_COMPANIES; i++)
			total->cells[c].value += out[i].cells[c].value;
		if (c == EMP_INHOUSE_COMPANIES)
			total->cells[c].value = inhouse;
		if (!exact)
			protect_column(out, count, &total->cells[c], c);
	}
	*rows = out;
	*n = count;
	return 0;
}

/* ---- writers */

/* a count as a JSON number, or its mark ("<3", "..") as a string */
static void cell_json(struct json *w, const char *key, const struct employment_cell *c)
{
	char t[16];
	if (c->mark == EMP_EXACT)
		json_int(w, key, c->value);
	else
		json_str(w, key, employment_cell_text(c, t));
}

/* the five counts of a row as members named by employment_columns */
static void cells_json(struct json *w, const struct employment_row *r)
{
	for (int c = 0; c < EMP_COLUMNS; c++)
		cell_json(w, employment_columns[c].key, &r->cells[c]);
}

void employment_stats_json(struct buf *o, int year, const char *kommune, bool exact,
                           const struct employment_row *rows, int n,
                           const struct employment_row *total)
{
	struct json w;
	json_init(&w, o);
	json_obj_open(&w, NULL);
	json_int(&w, "year", year);
	json_str(&w, "kommune", kommune);
	json_bool(&w, "exact", exact);
	json_arr_open(&w, "rows");
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_str(&w, "kommune", rows[i].kommune);
		json_str(&w, "name", rows[i].navn);
		cells_json(&w, &rows[i]);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_obj_open(&w, "total");
	cells_json(&w, total);
	json_obj_close(&w);
	json_obj_close(&w);
}

void employment_stats_csv(struct csv_out *w, bool people, const struct employment_row *rows,
                          int n, const struct employment_row *total)
{
	csv_out_field(w, people ? "Kommune" : "kommune");
	csv_out_field(w, people ? "Kode" : "name");
	for (int c = 0; c < EMP_COLUMNS; c++)
		csv_out_field(w, people ? employment_columns[c].label : employment_columns[c].key);
	csv_out_end(w);
	for (int i = 0; i <= n; i++) {
		const struct employment_row *r = i < n ? &rows[i] : total;
		/* for people the name comes first, as on the page */
		const char *kode = i < n ? r->kommune : "", *navn = i < n ? r->navn : "I alt";
		csv_out_field(w, people ? navn : kode);
		csv_out_field(w, people ? kode : navn);
		for (int c = 0; c < EMP_COLUMNS; c++) {
			char t[16];
			csv_out_field(w, employment_cell_text(&r->cells[c], t));
		}
		csv_out_end(w);
	}
}

int employment_stats_xlsx(struct buf *o, int year, bool exact, const struct employment_row *rows,
                          int n, const struct employment_row *total)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_workbook *wb = x.wb;
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Tabel 4");
	char title[96];
	snprintf(title, sizeof(title), "Tabel 4. Forløb og ansættelser, der begyndte i %d", year);
	worksheet_write_string(ws, 0, 0, title, bold);
	worksheet_write_string(ws, 2, 0, "Kommune", bold);
	worksheet_write_string(ws, 2, 1, "Kode", bold);
	for (int c = 0; c < EMP_COLUMNS; c++)
		worksheet_write_string(ws, 2, (lxw_col_t)(2 + c), employment_columns[c].label, bold);
	for (int i = 0; i <= n; i++) {
		const struct employment_row *r = i < n ? &rows[i] : total;
		lxw_row_t row = (lxw_row_t)(3 + i);
		lxw_format *fmt = i < n ? NULL : bold;
		worksheet_write_string(ws, row, 0, i < n ? r->navn : "I alt", fmt);
		if (i < n)
			worksheet_write_string(ws, row, 1, r->kommune, NULL);
		for (int c = 0; c < EMP_COLUMNS; c++) {
			char t[16];
			lxw_col_t col = (lxw_col_t)(2 + c);
			if (r->cells[c].mark == EMP_EXACT)
				worksheet_write_number(ws, row, col, r->cells[c].value, fmt);
			else
				worksheet_write_string(ws, row, col, employment_cell_text(&r->cells[c], t), fmt);
		}
	}
	if (!exact)
		worksheet_write_string(ws, (lxw_row_t)(5 + n), 0,
		                       "<3: 1 eller 2 personer (diskretion). ..: udeladt, så et skjult "
		                       "tal ikke kan regnes ud.", NULL);
	worksheet_set_column(ws, 0, 0, 20, NULL);
	worksheet_set_column(ws, 2, 6, 22, NULL);
	return xlsx_close(&x, o, false);
}

/* ---- the survey's Tabel 4 */

int employment_survey_tabel4(struct db *db, struct arena *a, int year,
                             struct employment_survey *out, bool *found)
{
	memset(out, 0, sizeof(*out));
	*found = false;
	const char *code = arena_printf(a, "soev-%d", year), *round_code;
	int rc = employment_stats_store_round(db, a, code, &round_code);
	struct survey s;
	struct round rd;
	if (rc == 0)
		rc = surveys_load(db, a, code, &s);
	if (rc == 0)
		rc = surveys_round(db, a, &s, round_code, &rd);
	if (rc)
		return rc == ERR_NOTFOUND ? 0 : rc;
	const struct question *q = surveys_question(&s, "t4");
	if (!q || q->type != Q_MATRIX || q->noptions > EMP_SURVEY_OPTIONS || q->nitems < 1)
		return 0;
	struct report rep;
	if ((rc = surveys_report(db, a, &s, &rd, &rep)) != 0)
		return rc;
	const struct qreport *qr = NULL;
	for (int i = 0; i < s.nquestions; i++)
		if (rep.q[i].q == q)
			qr = &rep.q[i];
	if (!qr || rep.respondents == 0)
		return 0;
	out->survey_code = s.code;
	out->survey_title = s.title;
	out->round_code = rd.code;
	out->round_title = rd.title && *rd.title ? rd.title : rd.code;
	out->respondents = rep.respondents;
	out->noptions = q->noptions;
	for (int o = 0; o < q->noptions; o++)
		out->options[o] = q->options[o].label;
	out->nitems = q->nitems < EMP_SURVEY_ITEMS ? q->nitems : EMP_SURVEY_ITEMS;
	for (int i = 0; i < out->nitems; i++) {
		out->items[i].label = q->items[i].label;
		out->items[i].answered = qr->item_answered[i];
		for (int o = 0; o < q->noptions; o++)
			out->items[i].counts[o] = qr->item_counts[i * q->noptions + o];
	}
	*found = true;
	return 0;
}
