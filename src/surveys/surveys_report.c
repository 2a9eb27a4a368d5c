/*
 * surveys_report.c — the report: counts over a round's submitted answers, and the report
 * written as JSON, CSV and XLSX. Layer: capability (surveys), between the domain and the
 * writers of view/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../view/json.h"
#include "../view/xlsx.h"
#include "surveys.h"
#include "surveys_store.h"

static struct qreport *find(struct report *r, int64_t qid)
{
	for (int i = 0; i < r->s->nquestions; i++)
		if (r->s->questions[i].id == qid)
			return &r->q[i];
	return NULL;
}

static void on_count(void *ctx, int64_t qid, const char *item, const char *option, int count)
{
	struct qreport *qr = find(ctx, qid);
	if (!qr)
		return;
	const struct question *q = qr->q;
	int o = surveys_choice_index(q->options, q->noptions, option);
	if (o < 0)
		return;
	if (q->type == Q_MATRIX) {
		int it = surveys_choice_index(q->items, q->nitems, item);
		if (it >= 0)
			qr->item_counts[it * q->noptions + o] += count;
	} else if (qr->counts) {
		qr->counts[o] += count;
	}
}

static void on_answered(void *ctx, int64_t qid, const char *item, int count)
{
	struct qreport *qr = find(ctx, qid);
	if (!qr)
		return;
	if (qr->q->type == Q_MATRIX) {
		int it = surveys_choice_index(qr->q->items, qr->q->nitems, item);
		if (it >= 0)
			qr->item_answered[it] = count;
	} else {
		qr->answered = count;
	}
}

int surveys_report(struct db *db, struct arena *a, const struct survey *s, const struct round *rd,
                   struct report *out)
{
	memset(out, 0, sizeof(*out));
	out->s = s;
	out->rd = rd;
	out->q = arena_alloc(a, sizeof(*out->q) * (size_t)(s->nquestions + 1));
	for (int i = 0; i < s->nquestions; i++) {
		const struct question *q = &s->questions[i];
		struct qreport *qr = &out->q[i];
		qr->q = q;
		if (q->type == Q_SINGLE || q->type == Q_MULTI)
			qr->counts = arena_alloc(a, sizeof(int) * (size_t)(q->noptions + 1));
		if (q->type == Q_MATRIX) {
			qr->item_answered = arena_alloc(a, sizeof(int) * (size_t)(q->nitems + 1));
			qr->item_counts = arena_alloc(a, sizeof(int) * (size_t)(q->nitems * q->noptions + 1));
		}
	}
	int rc = surveys_store_respondents(db, rd->id, &out->respondents);
	if (rc == 0)
		rc = surveys_store_counts(db, rd->id, on_count, out);
	if (rc == 0)
		rc = surveys_store_answered(db, rd->id, on_answered, out);
	for (int i = 0; rc == 0 && i < s->nquestions; i++) {
		struct qreport *qr = &out->q[i];
		if (qr->q->type == Q_NUMBER) {
			long long *v;
			rc = surveys_store_numbers(db, a, rd->id, qr->q->id, &v, &qr->n);
			if (rc == 0 && qr->n) {
				qr->min = v[0];
				qr->max = v[qr->n - 1];
				for (int k = 0; k < qr->n; k++)
					qr->sum += v[k];
				qr->median = qr->n % 2 ? (double)v[qr->n / 2]
				                       : ((double)v[qr->n / 2 - 1] + (double)v[qr->n / 2]) / 2.0;
			}
			qr->answered = qr->n;
		} else if (qr->q->type == Q_TEXT) {
			rc = surveys_store_texts(db, a, rd->id, qr->q->id, &qr->texts, &qr->ntexts);
			qr->answered = qr->ntexts;
		}
	}
	return rc;
}

static void options_json(struct json *w, const struct question *q, const int *counts)
{
	json_arr_open(w, "options");
	for (int k = 0; k < q->noptions; k++) {
		json_obj_open(w, NULL);
		json_str(w, "key", q->options[k].key);
		json_str(w, "label", q->options[k].label);
		json_int(w, "count", counts[k]);
		json_obj_close(w);
	}
	json_arr_close(w);
}

/* question_json: the counts of one question (the members after code, type and text) */
static void question_json(struct json *w, const struct qreport *qr)
{
	const struct question *q = qr->q;
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTI:
		json_int(w, "answered", qr->answered);
		options_json(w, q, qr->counts);
		break;
	case Q_MATRIX:
		json_arr_open(w, "items");
		for (int it = 0; it < q->nitems; it++) {
			json_obj_open(w, NULL);
			json_str(w, "key", q->items[it].key);
			json_str(w, "label", q->items[it].label);
			json_int(w, "answered", qr->item_answered[it]);
			options_json(w, q, qr->item_counts + it * q->noptions);
			json_obj_close(w);
		}
		json_arr_close(w);
		break;
	case Q_NUMBER:
		json_int(w, "answered", qr->n);
		json_int(w, "sum", qr->sum);
		if (qr->n) {
			json_int(w, "min", qr->min);
			json_int(w, "max", qr->max);
			/* a median of an even count may fall between two whole numbers */
			json_double(w, "median", qr->median);
		} else {
			json_null_at(w, "min");
			json_null_at(w, "max");
			json_null_at(w, "median");
		}
		break;
	case Q_TEXT:
		json_int(w, "answered", qr->ntexts);
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

void surveys_report_json(struct buf *o, const struct report *r, const struct report *cmp)
{
	struct json w;
	json_init(&w, o);
	json_obj_open(&w, NULL);
	json_str(&w, "survey", r->s->code);
	json_str(&w, "round", r->rd->code);
	json_int(&w, "respondents", r->respondents);
	if (cmp) {
		json_obj_open(&w, "compare");
		json_str(&w, "round", cmp->rd->code);
		json_int(&w, "respondents", cmp->respondents);
		json_obj_close(&w);
	}
	json_arr_open(&w, "questions");
	for (int i = 0; i < r->s->nquestions; i++) {
		const struct qreport *qr = &r->q[i];
		const struct question *q = qr->q;
		json_obj_open(&w, NULL);
		json_str(&w, "code", q->code);
		json_str(&w, "type", surveys_type_name(q->type));
		json_str(&w, "text", q->text);
		question_json(&w, qr);
		if (cmp) {
			json_obj_open(&w, "compare");
			json_str(&w, "round", cmp->rd->code);
			question_json(&w, &cmp->q[i]);
			json_obj_close(&w);
		}
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_obj_close(&w);
}

void surveys_table_name(const struct survey *s, int i, char *out, size_t cap)
{
	const char *code = s->questions[i].code;
	size_t n = code ? strlen(code) : 0;
	bool tabel = n >= 2 && n <= 4 && code[0] == 't' && code[1] != '0';
	for (size_t k = 1; tabel && k < n; k++)
		tabel = code[k] >= '0' && code[k] <= '9';
	if (tabel)
		snprintf(out, cap, "Tabel %s", code + 1);
	else
		snprintf(out, cap, "Spørgsmål %d", i + 1);
}

/* the round as a reader knows it: its title, else its code */
static const char *round_name(const struct report *r)
{
	return r->rd->title && *r->rd->title ? r->rd->title : r->rd->code;
}

/* csv_lead: the first four fields of a row of question i: its table, its text, the matrix
 * item's label and the municipality (for free text) */
static void csv_lead(struct csv_out *w, const struct report *r, int i, const char *item,
                     const char *kommune)
{
	char name[48];
	surveys_table_name(r->s, i, name, sizeof(name));
	csv_out_field(w, name);
	csv_out_field(w, r->s->questions[i].text);
	csv_out_field(w, item);
	csv_out_field(w, kommune);
}

/* csv_count: a row of question i with an answer's label and its count, and the second round's
 * when there is one */
static void csv_count(struct csv_out *w, const struct report *r, int i, const char *item,
                      const char *label, long long count, bool cmp, long long cmp_count)
{
	csv_lead(w, r, i, item, "");
	csv_out_field(w, label);
	csv_out_int(w, count);
	if (cmp)
		csv_out_int(w, cmp_count);
	csv_out_end(w);
}

void surveys_report_csv(struct csv_out *w, const struct report *r, const struct report *cmp)
{
	bool c = cmp != NULL;
	static const char *const heads[] = {"Tabel", "Spørgsmål", "Delspørgsmål", "Kommune", "Svar"};
	for (size_t k = 0; k < sizeof(heads) / sizeof(heads[0]); k++)
		csv_out_field(w, heads[k]);
	char head[300];
	snprintf(head, sizeof(head), "Antal (%s)", round_name(r));
	csv_out_field(w, c ? head : "Antal");
	if (c) {
		snprintf(head, sizeof(head), "Antal (%s)", round_name(cmp));
		csv_out_field(w, head);
	}
	csv_out_end(w);
	for (int i = 0; i < r->s->nquestions; i++) {
		const struct qreport *qr = &r->q[i], *cq = c ? &cmp->q[i] : qr;
		const struct question *q = qr->q;
		if (q->type == Q_SINGLE || q->type == Q_MULTI) {
			for (int k = 0; k < q->noptions; k++)
				csv_count(w, r, i, "", q->options[k].label, qr->counts[k], c, cq->counts[k]);
			csv_count(w, r, i, "", q->type == Q_MULTI ? "Antal besvarelser i alt" : "I alt",
			          qr->answered, c, cq->answered);
		} else if (q->type == Q_MATRIX) {
			for (int it = 0; it < q->nitems; it++) {
				const char *item = q->items[it].label;
				for (int k = 0; k < q->noptions; k++)
					csv_count(w, r, i, item, q->options[k].label, qr->item_counts[it * q->noptions + k],
					          c, cq->item_counts[it * q->noptions + k]);
				csv_count(w, r, i, item, "I alt", qr->item_answered[it], c, cq->item_answered[it]);
			}
		} else if (q->type == Q_NUMBER) {
			csv_count(w, r, i, "", "Antal svar", qr->n, c, cq->n);
			csv_count(w, r, i, "", "Sum", qr->sum, c, cq->sum);
			/* an empty cell where a round has no answers */
			const struct qreport *both[2] = {qr, cq};
			const char *names[3] = {"Mindste", "Median", "Største"};
			for (int k = 0; k < 3 && (qr->n || (c && cq->n)); k++) {
				csv_lead(w, r, i, "", "");
				csv_out_field(w, names[k]);
				for (int b = 0; b < (c ? 2 : 1); b++) {
					if (!both[b]->n)
						csv_out_field(w, "");
					else if (k == 0)
						csv_out_int(w, both[b]->min);
					else if (k == 1)
						csv_out_decimal(w, both[b]->median);
					else
						csv_out_int(w, both[b]->max);
				}
				csv_out_end(w);
			}
		} else {
			/* free text: the round's answers by municipality, with no count (and none of a
			 * second round's texts) */
			for (int k = 0; k < qr->ntexts; k++) {
				csv_lead(w, r, i, "", qr->texts[k].navn);
				csv_out_field(w, qr->texts[k].text);
				csv_out_field(w, "");
				if (c)
					csv_out_field(w, "");
				csv_out_end(w);
			}
		}
	}
}

int surveys_report_xlsx(struct buf *o, struct arena *a, const struct report *r, const struct report *cmp)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_workbook *wb = x.wb;
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	for (int i = 0; i < r->s->nquestions; i++) {
		const struct qreport *qr = &r->q[i], *cq = cmp ? &cmp->q[i] : NULL;
		const struct question *q = qr->q;
		/* one sheet per table, named as the report names it ("Tabel 2", unique and short) */
		char name[48];
		surveys_table_name(r->s, i, name, sizeof(name));
		lxw_worksheet *ws = workbook_add_worksheet(wb, name);
		if (!ws)
			continue;
		worksheet_set_column(ws, 0, 0, 70, wrap);
		worksheet_write_string(ws, 0, 0, arena_printf(a, "%s: %s", name, q->text), bold);
		lxw_row_t row = 2;
		if (q->type == Q_SINGLE || q->type == Q_MULTI) {
			/* with a second round: its counts in the next column */
			worksheet_write_string(ws, row, 1, cq ? arena_printf(a, "Antal, %s", round_name(r)) : "Antal", bold);
			if (cq)
				worksheet_write_string(ws, row, 2, arena_printf(a, "Antal, %s", round_name(cmp)), bold);
			for (int k = 0; k < q->noptions; k++) {
				row++;
				worksheet_write_string(ws, row, 0, q->options[k].label, wrap);
				worksheet_write_number(ws, row, 1, qr->counts[k], NULL);
				if (cq)
					worksheet_write_number(ws, row, 2, cq->counts[k], NULL);
			}
			row++;
			worksheet_write_string(ws, row, 0, q->type == Q_MULTI ? "Antal besvarelser i alt" : "I alt", bold);
			worksheet_write_number(ws, row, 1, qr->answered, bold);
			if (cq)
				worksheet_write_number(ws, row, 2, cq->answered, bold);
		} else if (q->type == Q_MATRIX) {
			/* with a second round: its options and I alt in the columns after the first's */
			const struct qreport *both[2] = {qr, cq};
			const struct report *rounds[2] = {r, cmp};
			for (int b = 0; b < (cq ? 2 : 1); b++) {
				lxw_col_t c0 = (lxw_col_t)(1 + b * (q->noptions + 1));
				for (int k = 0; k < q->noptions; k++)
					worksheet_write_string(ws, row, (lxw_col_t)(c0 + (lxw_col_t)k),
					                       cq ? arena_printf(a, "%s, %s", q->options[k].label, round_name(rounds[b]))
					                          : q->options[k].label, bold);
				worksheet_write_string(ws, row, (lxw_col_t)(c0 + (lxw_col_t)q->noptions),
				                       cq ? arena_printf(a, "I alt, %s", round_name(rounds[b])) : "I alt", bold);
				for (int it = 0; it < q->nitems; it++) {
					lxw_row_t ir = (lxw_row_t)(row + 1 + (lxw_row_t)it);
					if (b == 0)
						worksheet_write_string(ws, ir, 0, q->items[it].label, wrap);
					for (int k = 0; k < q->noptions; k++)
						worksheet_write_number(ws, ir, (lxw_col_t)(c0 + (lxw_col_t)k),
						                       both[b]->item_counts[it * q->noptions + k], NULL);
					worksheet_write_number(ws, ir, (lxw_col_t)(c0 + (lxw_col_t)q->noptions),
					                       both[b]->item_answered[it], bold);
				}
			}
		} else if (q->type == Q_NUMBER) {
			const char *names[] = {"Antal svar", "Sum", "Mindste", "Median", "Største"};
			const struct qreport *both[2] = {qr, cq};
			if (cq) {
				worksheet_write_string(ws, row, 1, round_name(r), bold);
				worksheet_write_string(ws, row, 2, round_name(cmp), bold);
				row++;
			}
			for (int k = 0; k < 5; k++, row++) {
				worksheet_write_string(ws, row, 0, names[k], NULL);
				for (int b = 0; b < (cq ? 2 : 1); b++) {
					const struct qreport *v = both[b];
					double vals[] = {v->n, (double)v->sum, (double)v->min, v->median, (double)v->max};
					if (k < 2 || v->n) /* no minimum, median or maximum of no answers */
						worksheet_write_number(ws, row, (lxw_col_t)(1 + b), vals[k], NULL);
				}
			}
		} else {
			/* free text: the round's answers (those of a second round are not counts) */
			worksheet_set_column(ws, 1, 1, 100, wrap);
			worksheet_write_string(ws, row, 0, "Kommune", bold);
			worksheet_write_string(ws, row, 1, "Svar", bold);
			for (int k = 0; k < qr->ntexts; k++) {
				row++;
				worksheet_write_string(ws, row, 0, qr->texts[k].navn, NULL);
				worksheet_write_string(ws, row, 1, qr->texts[k].text, wrap);
			}
		}
	}
	return xlsx_close(&x, o, false);
}
