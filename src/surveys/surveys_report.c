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

void surveys_report_json(struct buf *o, const struct report *r)
{
	struct json w;
	json_init(&w, o);
	json_obj_open(&w, NULL);
	json_str(&w, "survey", r->s->code);
	json_str(&w, "round", r->rd->code);
	json_int(&w, "respondents", r->respondents);
	json_arr_open(&w, "questions");
	for (int i = 0; i < r->s->nquestions; i++) {
		const struct qreport *qr = &r->q[i];
		const struct question *q = qr->q;
		json_obj_open(&w, NULL);
		json_str(&w, "code", q->code);
		json_str(&w, "type", surveys_type_name(q->type));
		json_str(&w, "text", q->text);
		switch (q->type) {
		case Q_SINGLE:
		case Q_MULTI:
			json_int(&w, "answered", qr->answered);
			options_json(&w, q, qr->counts);
			break;
		case Q_MATRIX:
			json_arr_open(&w, "items");
			for (int it = 0; it < q->nitems; it++) {
				json_obj_open(&w, NULL);
				json_str(&w, "key", q->items[it].key);
				json_str(&w, "label", q->items[it].label);
				json_int(&w, "answered", qr->item_answered[it]);
				options_json(&w, q, qr->item_counts + it * q->noptions);
				json_obj_close(&w);
			}
			json_arr_close(&w);
			break;
		case Q_NUMBER: {
			json_int(&w, "answered", qr->n);
			json_int(&w, "sum", qr->sum);
			if (qr->n) {
				json_int(&w, "min", qr->min);
				json_int(&w, "max", qr->max);
				/* a median of an even count may fall between two whole numbers */
				json_double(&w, "median", qr->median);
			} else {
				json_null_at(&w, "min");
				json_null_at(&w, "max");
				json_null_at(&w, "median");
			}
			break;
		}
		case Q_TEXT:
			json_int(&w, "answered", qr->ntexts);
			json_arr_open(&w, "answers");
			for (int k = 0; k < qr->ntexts; k++) {
				json_obj_open(&w, NULL);
				json_str(&w, "kommune", qr->texts[k].kommune);
				json_str(&w, "name", qr->texts[k].navn);
				json_str(&w, "text", qr->texts[k].text);
				json_obj_close(&w);
			}
			json_arr_close(&w);
			break;
		}
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_obj_close(&w);
}

static void csv_row(struct buf *o, const char *q, const char *item, const char *option,
                    const char *label, long long count)
{
	csv_write_field(o, q, ',');
	buf_putc(o, ',');
	csv_write_field(o, item, ',');
	buf_putc(o, ',');
	csv_write_field(o, option, ',');
	buf_putc(o, ',');
	csv_write_field(o, label, ',');
	buf_printf(o, ",%lld\r\n", count);
}

void surveys_report_csv(struct buf *o, const struct report *r)
{
	buf_puts(o, "question,item,option,label,count\r\n");
	for (int i = 0; i < r->s->nquestions; i++) {
		const struct qreport *qr = &r->q[i];
		const struct question *q = qr->q;
		if (q->type == Q_SINGLE || q->type == Q_MULTI) {
			for (int k = 0; k < q->noptions; k++)
				csv_row(o, q->code, "", q->options[k].key, q->options[k].label, qr->counts[k]);
			csv_row(o, q->code, "", "", q->type == Q_MULTI ? "Antal besvarelser i alt" : "I alt",
			        qr->answered);
		} else if (q->type == Q_MATRIX) {
			for (int it = 0; it < q->nitems; it++) {
				for (int k = 0; k < q->noptions; k++)
					csv_row(o, q->code, q->items[it].key, q->options[k].key, q->options[k].label,
					        qr->item_counts[it * q->noptions + k]);
				csv_row(o, q->code, q->items[it].key, "", "I alt", qr->item_answered[it]);
			}
		} else if (q->type == Q_NUMBER) {
			csv_row(o, q->code, "", "answered", "Antal svar", qr->n);
			csv_row(o, q->code, "", "sum", "Sum", qr->sum);
			if (qr->n) {
				csv_row(o, q->code, "", "min", "Mindste", qr->min);
				csv_row(o, q->code, "", "max", "Største", qr->max);
				char med[32];
				snprintf(med, sizeof(med), "%.15g", qr->median);
				csv_write_field(o, q->code, ',');
				buf_printf(o, ",,median,Median,%s\r\n", med);
			}
		} else {
			for (int k = 0; k < qr->ntexts; k++) {
				csv_write_field(o, q->code, ',');
				buf_putc(o, ',');
				csv_write_field(o, qr->texts[k].kommune, ',');
				buf_putc(o, ',');
				csv_write_field(o, qr->texts[k].navn, ',');
				buf_putc(o, ',');
				csv_write_field(o, qr->texts[k].text, ',');
				buf_puts(o, "\r\n");
			}
		}
	}
}

int surveys_report_xlsx(struct buf *o, const struct report *r)
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
		const struct qreport *qr = &r->q[i];
		const struct question *q = qr->q;
		/* one sheet per table, named by the question's code (unique, at most 32 characters) */
		lxw_worksheet *ws = workbook_add_worksheet(wb, q->code);
		if (!ws)
			continue;
		worksheet_set_column(ws, 0, 0, 70, wrap);
		worksheet_write_string(ws, 0, 0, q->text, bold);
		lxw_row_t row = 2;
		if (q->type == Q_SINGLE || q->type == Q_MULTI) {
			worksheet_write_string(ws, row, 1, "Antal", bold);
			for (int k = 0; k < q->noptions; k++) {
				row++;
				worksheet_write_string(ws, row, 0, q->options[k].label, wrap);
				worksheet_write_number(ws, row, 1, qr->counts[k], NULL);
			}
			row++;
			worksheet_write_string(ws, row, 0, q->type == Q_MULTI ? "Antal besvarelser i alt" : "I alt", bold);
			worksheet_write_number(ws, row, 1, qr->answered, bold);
		} else if (q->type == Q_MATRIX) {
			for (int k = 0; k < q->noptions; k++)
				worksheet_write_string(ws, row, (lxw_col_t)(1 + k), q->options[k].label, bold);
			worksheet_write_string(ws, row, (lxw_col_t)(1 + q->noptions), "I alt", bold);
			for (int it = 0; it < q->nitems; it++) {
				row++;
				worksheet_write_string(ws, row, 0, q->items[it].label, wrap);
				for (int k = 0; k < q->noptions; k++)
					worksheet_write_number(ws, row, (lxw_col_t)(1 + k), qr->item_counts[it * q->noptions + k], NULL);
				worksheet_write_number(ws, row, (lxw_col_t)(1 + q->noptions), qr->item_answered[it], bold);
			}
		} else if (q->type == Q_NUMBER) {
			const char *names[] = {"Antal svar", "Sum", "Mindste", "Median", "Største"};
			double vals[] = {qr->n, (double)qr->sum, (double)qr->min, qr->median, (double)qr->max};
			for (int k = 0; k < (qr->n ? 5 : 2); k++, row++) {
				worksheet_write_string(ws, row, 0, names[k], NULL);
				worksheet_write_number(ws, row, 1, vals[k], NULL);
			}
		} else {
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
