/*
 * reports_write.c — the yearly report as JSON and XLSX, and the overview and the national view
 * as XLSX: the same bytes for the command line and the pages' downloads.
 * Layer: capability (reports), between the domain and the writers of view/.
 */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../view/json.h"
#include "../view/xlsx.h"
#include "reports.h"
#include "reports_text_da.h"

/* ---------------------------------------------------------------- JSON */

static void json_ints(struct json *w, const char *key, const int *v, int n)
{
	json_arr_open(w, key);
	for (int i = 0; i < n; i++)
		json_int(w, NULL, v[i]);
	json_arr_close(w);
}

/* counts_json: a question's counts; labels false leaves out the item labels and the free-text
 * answers (a second round beside the first) */
static void counts_json(struct json *w, const struct qreport *qr, bool labels)
{
	const struct question *q = qr->q;
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTI:
		json_ints(w, "counts", qr->counts, q->noptions);
		json_int(w, "answered", qr->answered);
		break;
	case Q_MATRIX:
		json_arr_open(w, "items");
		for (int it = 0; it < q->nitems; it++) {
			json_obj_open(w, NULL);
			json_str(w, "key", q->items[it].key);
			if (labels)
				json_str(w, "label", q->items[it].label);
			json_ints(w, "counts", &qr->item_counts[it * q->noptions], q->noptions);
			json_int(w, "answered", qr->item_answered[it]);
			json_obj_close(w);
		}
		json_arr_close(w);
		break;
	case Q_NUMBER:
		json_int(w, "answered", qr->n);
		json_int(w, "sum", qr->sum);
		if (qr->n) {
			json_int(w, "min", qr->min);
			json_double(w, "median", qr->median);
			json_int(w, "max", qr->max);
		} else {
			json_null_at(w, "min");
			json_null_at(w, "median");
			json_null_at(w, "max");
		}
		break;
	case Q_TEXT:
		json_int(w, "answered", qr->ntexts);
		if (!labels)
			break;
		json_arr_open(w, "answers");
		for (int k = 0; k < qr->ntexts; k++) {
			json_obj_open(w, NULL);
			json_str(w, "kommune", qr->texts[k].kommune);
			json_str(w, "name", qr->texts[k].navn);
			json_str(w, "text", qr->texts[k].text);
			json_obj_close(w);
		}
		json_arr_close(w);
		break;
	}
}

/* t12_members: month, counts and municipalities of Tabel 12 from data */
static void t12_members(struct json *w, const struct yearly_t12 *t)
{
	json_str(w, "month", t->month);
	json_ints(w, "counts", t->counts, REPORTS_T12_BUCKETS);
	json_int(w, "municipalities", t->municipalities);
}

/* tabel1_counts_json: total, registered, established and pipeline of r */
static void tabel1_counts_json(struct json *w, const struct tabel1_row *r)
{
	json_int(w, "total", r->total);
	json_int(w, "registered", r->registered);
	json_int(w, "established", r->established);
	json_int(w, "pipeline", r->pipeline);
}

/* tabel1_json: Tabel 1 as reports_yearly_json describes it */
static void tabel1_json(struct json *w, const struct yearly *y)
{
	json_obj_open(w, NULL);
	json_str(w, "table", "Tabel 1");
	json_str(w, "source", "registry");
	json_str(w, "title", REP_T1_TITLE);
	json_int(w, "year", y->year);
	json_arr_open(w, "rows");
	for (int i = 0; i < y->nt1; i++) {
		json_obj_open(w, NULL);
		json_str(w, "kommune", y->t1[i].kommune);
		json_str(w, "name", y->t1[i].navn);
		tabel1_counts_json(w, &y->t1[i]);
		json_obj_close(w);
	}
	json_arr_close(w);
	json_obj_open(w, "total");
	tabel1_counts_json(w, &y->t1_sum);
	json_obj_close(w);
	json_obj_open(w, "growth");
	json_int(w, "from_year", y->year - 1);
	json_int(w, "from", y->t1_total_before);
	json_int(w, "to", y->t1_sum.total);
	json_obj_close(w);
	json_obj_close(w);
}

/* cell_json: a count of people as a JSON number, or its mark ("<3", "..") as a string */
static void cell_json(struct json *w, const char *key, const struct employment_cell *c)
{
	char text[16];
	if (c->mark == EMP_EXACT)
		json_int(w, key, c->value);
	else
		json_str(w, key, employment_cell_text(c, text));
}

/* from_data_json: the figures counted from Indgang's data beside the survey's question q */
static void from_data_json(struct json *w, const struct yearly *y, const struct question *q)
{
	if (!strcmp(q->code, "t4") && y->has_t4) {
		json_obj_open(w, "from_data");
		json_str(w, "source", "placements");
		json_int(w, "year", y->year);
		json_obj_open(w, "counts");
		for (int c = 0; c < EMP_COLUMNS; c++)
			cell_json(w, employment_columns[c].key, &y->t4.cells[c]);
		json_obj_close(w);
		json_obj_close(w);
	} else if (!strcmp(q->code, "t2")) {
		json_obj_open(w, "from_data");
		json_str(w, "source", "registry");
		json_str(w, "title", REP_T2_DATA_TITLE);
		json_arr_open(w, "rows");
		for (int i = 0; i < y->nt2; i++) {
			json_obj_open(w, NULL);
			json_str(w, "origin", y->t2[i].origin);
			json_str(w, "label", y->t2[i].label);
			json_int(w, "count", y->t2[i].count);
			json_obj_close(w);
		}
		json_arr_close(w);
		json_int(w, "total", y->t2_total);
		json_obj_close(w);
	} else if (!strcmp(q->code, "t12") && y->has_t12) {
		json_obj_open(w, "from_data");
		json_str(w, "source", "advisory");
		t12_members(w, &y->t12);
		if (y->has_compare) {
			json_obj_open(w, "compare");
			t12_members(w, &y->t12_cmp);
			json_obj_close(w);
		}
		json_obj_close(w);
	}
}

/* survey_table_json: survey question i as a table, as reports_yearly_json describes it */
static void survey_table_json(struct json *w, const struct yearly *y, int i)
{
	const struct qreport *qr = &y->rep.q[i];
	const struct question *q = qr->q;
	char table[16];
	snprintf(table, sizeof(table), "Tabel %d", reports_table_number(&y->s, i) % 1000);
	json_obj_open(w, NULL);
	json_str(w, "table", table);
	json_str(w, "source", "survey");
	json_str(w, "question", q->code);
	json_str(w, "type", surveys_type_name(q->type));
	json_str(w, "text", q->text);
	json_int(w, "respondents", y->rep.respondents);
	if (q->type != Q_NUMBER && q->type != Q_TEXT) {
		json_arr_open(w, "options");
		for (int k = 0; k < q->noptions; k++)
			json_str(w, NULL, q->options[k].label);
		json_arr_close(w);
	}
	counts_json(w, qr, true);
	if (y->has_compare) {
		json_obj_open(w, "compare");
		json_str(w, "round", y->cmp_rd.code);
		json_int(w, "respondents", y->cmp.respondents);
		counts_json(w, &y->cmp.q[i], false);
		json_obj_close(w);
	}
	from_data_json(w, y, q);
	json_obj_close(w);
}

void reports_yearly_json(struct buf *o, const struct yearly *y)
{
	struct json w;
	json_init(&w, o);
	json_obj_open(&w, NULL);
	json_int(&w, "year", y->year);
	json_str(&w, "survey", y->s.code);
	json_str(&w, "survey_title", y->s.title);
	json_str(&w, "round", y->rd.code);
	json_str(&w, "round_title", reports_round_name(&y->rd));
	json_str(&w, "compare", y->has_compare ? y->cmp_rd.code : NULL);
	json_int(&w, "respondents", y->rep.respondents);
	json_arr_open(&w, "kommuner");
	for (int i = 0; i < y->nkommuner; i++)
		json_str(&w, NULL, y->kommuner[i]);
	json_arr_close(&w);
	json_arr_open(&w, "tables");
	tabel1_json(&w, y);
	for (int i = 0; i < y->s.nquestions; i++)
		survey_table_json(&w, y, i);
	json_arr_close(&w);
	json_obj_close(&w);
}

/* ---------------------------------------------------------------- XLSX */

struct sheet {
	lxw_worksheet *ws;
	lxw_format *bold, *wrap;
	lxw_row_t row;
};

/* put_str: text s (NULL as "") in column col of the sheet's current row */
static void put_str(struct sheet *sh, lxw_col_t col, const char *s, lxw_format *f)
{
	worksheet_write_string(sh->ws, sh->row, col, s ? s : "", f);
}

/* put_num: the number v in column col of the sheet's current row */
static void put_num(struct sheet *sh, lxw_col_t col, double v, lxw_format *f)
{
	worksheet_write_number(sh->ws, sh->row, col, v, f);
}

/* new_sheet: a sheet called name with title in its first row; the next row to write is the
 * third */
static int new_sheet(lxw_workbook *wb, struct sheet *sh, const char *name, const char *title,
                     double first_width)
{
	sh->ws = workbook_add_worksheet(wb, name);
	if (!sh->ws)
		return ERR_IO;
	worksheet_set_column(sh->ws, 0, 0, first_width, sh->wrap);
	worksheet_set_column(sh->ws, 1, 12, 14, NULL);
	sh->row = 0;
	put_str(sh, 0, title, sh->bold);
	sh->row = 2;
	return 0;
}

/* put_cell: a count of people: the number, or its mark ("<3", "..") as text */
static void put_cell(struct sheet *sh, lxw_col_t col, const struct employment_cell *c, lxw_format *f)
{
	char text[16];
	if (c->mark == EMP_EXACT)
		put_num(sh, col, c->value, f);
	else
		put_str(sh, col, employment_cell_text(c, text), f);
}

/* tabel1_xlsx_row: a row of Tabel 1 in format f; moves to the next row */
static void tabel1_xlsx_row(struct sheet *sh, const struct tabel1_row *r, lxw_format *f)
{
	put_str(sh, 0, r->navn, f);
	put_num(sh, 1, r->total, f);
	put_num(sh, 2, r->registered, f);
	put_num(sh, 3, r->established, f);
	put_num(sh, 4, r->pipeline, f);
	sh->row++;
}

/* tabel1_xlsx: the sheet "Tabel 1": the table, then the totals of the year before and the year */
static int tabel1_xlsx(lxw_workbook *wb, struct sheet *sh, struct arena *a, const struct yearly *y)
{
	if (new_sheet(wb, sh, "Tabel 1", arena_printf(a, "Tabel 1. %s – %d", REP_T1_TITLE, y->year), 30))
		return ERR_IO;
	put_str(sh, 0, "Kommune", sh->bold);
	put_str(sh, 1, "Antal i alt", sh->bold);
	put_str(sh, 2, "Antal registrerede", sh->bold);
	put_str(sh, 3, arena_printf(a, "Etableret i %d", y->year), sh->bold);
	put_str(sh, 4, "Vurderes på vej", sh->bold);
	sh->row++;
	for (int i = 0; i < y->nt1; i++)
		tabel1_xlsx_row(sh, &y->t1[i], NULL);
	tabel1_xlsx_row(sh, &y->t1_sum, sh->bold);
	sh->row++;
	put_str(sh, 0, arena_printf(a, "Antal i alt pr. 31.12.%d (de samme kommuner)", y->year - 1), NULL);
	put_num(sh, 1, y->t1_total_before, NULL);
	sh->row++;
	put_str(sh, 0, arena_printf(a, "Antal i alt pr. 31.12.%d", y->year), NULL);
	put_num(sh, 1, y->t1_sum.total, NULL);
	return 0;
}

/* choices_xlsx: a single or multi question's options with the counts of each round */
static void choices_xlsx(struct sheet *sh, struct arena *a, const struct yearly *y, int i)
{
	const struct qreport *qr = &y->rep.q[i], *cq = reports_compared(y, i);
	const struct question *q = qr->q;
	put_str(sh, 1, cq ? arena_printf(a, "Antal, %s", reports_round_name(&y->rd)) : "Antal", sh->bold);
	if (cq)
		put_str(sh, 2, arena_printf(a, "Antal, %s", reports_round_name(&y->cmp_rd)), sh->bold);
	sh->row++;
	for (int k = 0; k < q->noptions; k++, sh->row++) {
		put_str(sh, 0, q->options[k].label, sh->wrap);
		put_num(sh, 1, qr->counts[k], NULL);
		if (cq)
			put_num(sh, 2, cq->counts[k], NULL);
	}
	put_str(sh, 0, q->type == Q_MULTI ? "Antal besvarelser i alt" : "I alt", sh->bold);
	put_num(sh, 1, qr->answered, sh->bold);
	if (cq)
		put_num(sh, 2, cq->answered, sh->bold);
	sh->row++;
}

/* matrix_xlsx: items × options of one round, after a line naming the round */
static void matrix_xlsx(struct sheet *sh, const struct qreport *qr, const char *round)
{
	const struct question *q = qr->q;
	put_str(sh, 0, round, sh->bold);
	for (int k = 0; k < q->noptions; k++)
		put_str(sh, (lxw_col_t)(1 + k), q->options[k].label, sh->bold);
	put_str(sh, (lxw_col_t)(1 + q->noptions), "I alt", sh->bold);
	sh->row++;
	for (int it = 0; it < q->nitems; it++, sh->row++) {
		put_str(sh, 0, q->items[it].label, sh->wrap);
		for (int k = 0; k < q->noptions; k++)
			put_num(sh, (lxw_col_t)(1 + k), qr->item_counts[it * q->noptions + k], NULL);
		put_num(sh, (lxw_col_t)(1 + q->noptions), qr->item_answered[it], sh->bold);
	}
}

/* number_xlsx: a number question's five figures, one a row */
static void number_xlsx(struct sheet *sh, const struct qreport *qr)
{
	const char *names[] = {"Antal svar", "Sum", "Mindste", "Median", "Største"};
	double vals[] = {qr->n, (double)qr->sum, (double)qr->min, qr->median, (double)qr->max};
	for (int k = 0; k < 5; k++, sh->row++) {
		put_str(sh, 0, names[k], NULL);
		if (k < 2 || qr->n)
			put_num(sh, 1, vals[k], NULL);
	}
}

/* texts_xlsx: the free-text answers, municipality and text a row */
static void texts_xlsx(struct sheet *sh, const struct qreport *qr)
{
	worksheet_set_column(sh->ws, 1, 1, 100, sh->wrap);
	put_str(sh, 0, "Kommune", sh->bold);
	put_str(sh, 1, "Svar", sh->bold);
	sh->row++;
	for (int k = 0; k < qr->ntexts; k++, sh->row++) {
		put_str(sh, 0, qr->texts[k].navn, NULL);
		put_str(sh, 1, qr->texts[k].text, sh->wrap);
	}
}

/* t12_xlsx: Tabel 12 counted from the advisory sessions, under the survey's */
static void t12_xlsx(struct sheet *sh, struct arena *a, const struct yearly *y, const struct question *q)
{
	sh->row++;
	put_str(sh, 0, REP_T12_DATA_TITLE, sh->bold);
	sh->row++;
	put_str(sh, 1, arena_printf(a, "Kommuner, %s", y->t12.month), sh->bold);
	if (y->has_compare)
		put_str(sh, 2, arena_printf(a, "Kommuner, %s", y->t12_cmp.month), sh->bold);
	sh->row++;
	for (int k = 0; k < REPORTS_T12_BUCKETS; k++, sh->row++) {
		put_str(sh, 0, q->options[k].label, NULL);
		put_num(sh, 1, y->t12.counts[k], NULL);
		if (y->has_compare)
			put_num(sh, 2, y->t12_cmp.counts[k], NULL);
	}
	put_str(sh, 0, "I alt", sh->bold);
	put_num(sh, 1, y->t12.municipalities, sh->bold);
	if (y->has_compare)
		put_num(sh, 2, y->t12_cmp.municipalities, sh->bold);
}

/* t4_xlsx: under Tabel 4, Tabel 4 from data: each column's label and count */
static void t4_xlsx(struct sheet *sh, struct arena *a, const struct yearly *y)
{
	sh->row++;
	put_str(sh, 0, arena_printf(a, "%s %d", REP_T4_DATA_TITLE, y->year), sh->bold);
	put_str(sh, 1, "Antal", sh->bold);
	sh->row++;
	for (int c = 0; c < EMP_COLUMNS; c++, sh->row++) {
		put_str(sh, 0, employment_columns[c].label, NULL);
		put_cell(sh, 1, &y->t4.cells[c], NULL);
	}
}

/* t2_xlsx: under Tabel 2, the registry's enterprises by origin */
static void t2_xlsx(struct sheet *sh, const struct yearly *y)
{
	sh->row++;
	put_str(sh, 0, REP_T2_DATA_TITLE, sh->bold);
	put_str(sh, 1, "Antal", sh->bold);
	sh->row++;
	for (int k = 0; k < y->nt2; k++, sh->row++) {
		put_str(sh, 0, y->t2[k].label, NULL);
		put_num(sh, 1, y->t2[k].count, NULL);
	}
	put_str(sh, 0, "I alt", sh->bold);
	put_num(sh, 1, y->t2_total, sh->bold);
}

/* survey_table_xlsx: the sheet "Tabel N" of survey question i */
static int survey_table_xlsx(lxw_workbook *wb, struct sheet *sh, struct arena *a,
                             const struct yearly *y, int i)
{
	const struct qreport *qr = &y->rep.q[i];
	const struct question *q = qr->q;
	int number = reports_table_number(&y->s, i);
	if (new_sheet(wb, sh, arena_printf(a, "Tabel %d", number),
	              arena_printf(a, "Tabel %d. %s", number, q->text), 70))
		return ERR_IO;
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTI:
		choices_xlsx(sh, a, y, i);
		break;
	case Q_MATRIX:
		matrix_xlsx(sh, qr, reports_round_name(&y->rd));
		if (reports_compared(y, i)) {
			sh->row++;
			matrix_xlsx(sh, &y->cmp.q[i], reports_round_name(&y->cmp_rd));
		}
		break;
	case Q_NUMBER:
		number_xlsx(sh, qr);
		break;
	case Q_TEXT:
		texts_xlsx(sh, qr);
		break;
	}
	if (!strcmp(q->code, "t2"))
		t2_xlsx(sh, y);
	else if (!strcmp(q->code, "t4") && y->has_t4)
		t4_xlsx(sh, a, y);
	else if (!strcmp(q->code, "t12") && y->has_t12)
		t12_xlsx(sh, a, y, q);
	return 0;
}

/* formats: the bold and wrapping cell formats of a workbook */
static void formats(lxw_workbook *wb, struct sheet *sh)
{
	sh->bold = workbook_add_format(wb);
	format_set_bold(sh->bold);
	sh->wrap = workbook_add_format(wb);
	format_set_text_wrap(sh->wrap);
}

int reports_yearly_xlsx(struct buf *o, struct arena *a, const struct yearly *y)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	struct sheet sh;
	formats(x.wb, &sh);
	bool failed = tabel1_xlsx(x.wb, &sh, a, y) != 0;
	for (int i = 0; !failed && i < y->s.nquestions; i++)
		failed = survey_table_xlsx(x.wb, &sh, a, y, i) != 0;
	int rc = xlsx_close(&x, o, failed);
	return failed ? ERR_IO : rc;
}

int reports_overview_xlsx(struct buf *o, const struct overview *ov)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	struct sheet sh;
	formats(x.wb, &sh);
	char title[160];
	bool failed = false;
	/* the enterprises: Tabel 1 per year, and the closed beside */
	snprintf(title, sizeof(title), "%s: %s", ov->k.navn, REP_OV_REGISTRY);
	if (!(failed = new_sheet(x.wb, &sh, "Virksomheder", title, 12) != 0)) {
		static const char *const heads[] = {"År", "Antal i alt", "Heraf registrerede",
		                                    "Etableret i året", "Vurderes på vej", "Lukket i året"};
		for (int c = 0; c < 6; c++)
			put_str(&sh, (lxw_col_t)c, heads[c], sh.bold);
		sh.row++;
		for (int i = 0; i < REPORTS_YEARS; i++, sh.row++) {
			const struct overview_year *y = &ov->years[i];
			double v[] = {y->year, y->t1.total, y->t1.registered, y->t1.established, y->t1.pipeline,
			              y->closed};
			for (int c = 0; c < 6; c++)
				put_num(&sh, (lxw_col_t)c, v[c], NULL);
		}
	}
	snprintf(title, sizeof(title), "%s: %s (svarfrist %d arbejdsdage)", ov->k.navn, REP_OV_INQUIRIES,
	         ov->answer_days);
	if (!failed && !(failed = new_sheet(x.wb, &sh, "Henvendelser", title, 12) != 0)) {
		static const char *const heads[] = {"År", "Modtaget", "Lukket", "Lukket inden for fristen",
		                                    "Åbne", "Åbne over fristen", "Median arbejdsdage til lukning"};
		for (int c = 0; c < 7; c++)
			put_str(&sh, (lxw_col_t)c, heads[c], sh.bold);
		sh.row++;
		for (int i = 0; i < REPORTS_YEARS; i++, sh.row++) {
			const struct inquiry_year *q = &ov->years[i].inq;
			double v[] = {q->year, q->received, q->closed, q->in_time, q->open, q->overdue};
			for (int c = 0; c < 6; c++)
				put_num(&sh, (lxw_col_t)c, v[c], NULL);
			if (q->median_workdays >= 0)
				put_num(&sh, 6, q->median_workdays, NULL);
		}
	}
	snprintf(title, sizeof(title), "%s: %s %d", ov->k.navn, REP_OV_ADVISORY, ov->year);
	if (!failed && !(failed = new_sheet(x.wb, &sh, "Rådgivning", title, 12) != 0)) {
		static const char *const heads[] = {"Måned", "Rådgivne", "Samtaler", "Tabel 12-interval"};
		for (int c = 0; c < 4; c++)
			put_str(&sh, (lxw_col_t)c, heads[c], sh.bold);
		sh.row++;
		for (int m = 0; m < 12; m++, sh.row++) {
			put_str(&sh, 0, ov->months[m].month, NULL);
			put_num(&sh, 1, ov->months[m].advised, NULL);
			put_num(&sh, 2, ov->months[m].sessions, NULL);
			put_str(&sh, 3, advisory_bucket(ov->months[m].advised), NULL);
		}
		put_str(&sh, 0, "Samtaler pr. år", sh.bold);
		sh.row++;
		for (int i = 0; i < REPORTS_YEARS; i++, sh.row++) {
			put_num(&sh, 0, ov->years[i].year, NULL);
			put_num(&sh, 2, ov->years[i].sessions, NULL);
		}
	}
	snprintf(title, sizeof(title), "%s: %s", ov->k.navn, REP_OV_PLACEMENTS);
	if (!failed && !(failed = new_sheet(x.wb, &sh, "Forløb og ansættelser", title, 12) != 0)) {
		put_str(&sh, 0, "År", sh.bold);
		for (int c = 0; c < EMP_COLUMNS; c++)
			put_str(&sh, (lxw_col_t)(1 + c), employment_columns[c].label, sh.bold);
		sh.row++;
		for (int i = 0; i < REPORTS_YEARS; i++, sh.row++) {
			put_num(&sh, 0, ov->years[i].year, NULL);
			for (int c = 0; c < EMP_COLUMNS; c++)
				put_cell(&sh, (lxw_col_t)(1 + c), &ov->years[i].emp.cells[c], NULL);
		}
	}
	int rc = xlsx_close(&x, o, failed);
	return failed ? ERR_IO : rc;
}

/* national_xlsx_row: a row of the national view: name, then each figure of now and last */
static void national_xlsx_row(struct sheet *sh, const char *name, const struct national_figures *now,
                              const struct national_figures *last, lxw_format *f)
{
	put_str(sh, 0, name, f);
	const int v[] = {now->soev, last->soev, now->registered, last->registered, now->established,
	                 last->established, now->inquiries, last->inquiries, now->sessions, last->sessions};
	for (int c = 0; c < 10; c++)
		put_num(sh, (lxw_col_t)(1 + c), v[c], f);
	put_cell(sh, 11, &now->placements, f);
	put_cell(sh, 12, &last->placements, f);
	sh->row++;
}

int reports_national_xlsx(struct buf *o, const struct national *nat)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	struct sheet sh;
	formats(x.wb, &sh);
	char title[120];
	snprintf(title, sizeof(title), "%s %d (og %d)", REP_NAT_TITLE, nat->year, nat->year - 1);
	bool failed = new_sheet(x.wb, &sh, "Kommuner", title, 24) != 0;
	if (!failed) {
		static const char *const heads[] = {"SØV i alt", "Registrerede", "Nye i året", "Henvendelser",
		                                    "Rådgivningssamtaler", "Job og forløb"};
		put_str(&sh, 0, "Kommune", sh.bold);
		for (int c = 0; c < 6; c++) {
			char h[80];
			snprintf(h, sizeof(h), "%s %d", heads[c], nat->year);
			put_str(&sh, (lxw_col_t)(1 + 2 * c), h, sh.bold);
			snprintf(h, sizeof(h), "%s %d", heads[c], nat->year - 1);
			put_str(&sh, (lxw_col_t)(2 + 2 * c), h, sh.bold);
		}
		sh.row++;
		for (int g = 0; g < nat->nregions; g++) {
			const struct national_region *reg = &nat->regions[g];
			for (int i = reg->first; i < reg->first + reg->n; i++)
				national_xlsx_row(&sh, nat->rows[i].navn, &nat->rows[i].now, &nat->rows[i].last, NULL);
			snprintf(title, sizeof(title), "Region %s i alt", reg->name);
			national_xlsx_row(&sh, title, &reg->now, &reg->last, sh.bold);
		}
		national_xlsx_row(&sh, "Hele landet", &nat->now, &nat->last, sh.bold);
	}
	int rc = xlsx_close(&x, o, failed);
	return failed ? ERR_IO : rc;
}
