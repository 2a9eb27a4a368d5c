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

/* ---------------------------------------------------------------- counting in one pass */

/* what the pass keeps of one question besides its qreport */
struct qpass {
	unsigned char *seen;      /* (matrix: per item, else one) × respondents: bit set once answered */
	long long *numbers;       /* number: the values, sorted at the end */
	size_t nnumbers, cap_numbers;
	struct text_row { int rank; size_t seq; struct text_answer t; } *texts; /* text: by rank at the end */
	size_t ntexts, cap_texts;
};

/* an id with the place it stands for, sorted by id for bsearch */
struct id_place {
	int64_t id;
	int place;
};

struct pass {
	struct report *r;
	struct arena *a;
	struct qpass *qp;
	struct id_place *questions, *responses; /* question id → index; response id → rank */
	const struct report_respondent *resp;   /* by rank: the Danish order of name */
	int nresp;
	size_t seq;
};

static int id_place_cmp(const void *x, const void *y)
{
	int64_t a = ((const struct id_place *)x)->id, b = ((const struct id_place *)y)->id;
	return a < b ? -1 : a > b;
}

static int place_of(const struct id_place *v, int n, int64_t id)
{
	const struct id_place key = {id, 0};
	const struct id_place *hit = bsearch(&key, v, (size_t)n, sizeof(*v), id_place_cmp);
	return hit ? hit->place : -1;
}

/* mark: sets the bit of respondent rank in slot's row of seen; true if it was not set */
static bool mark(unsigned char *seen, int slot, int nresp, int rank)
{
	size_t bit = (size_t)slot * (size_t)nresp + (size_t)rank;
	unsigned char m = (unsigned char)(1u << (bit % 8));
	if (seen[bit / 8] & m)
		return false;
	seen[bit / 8] |= m;
	return true;
}

/* on_cell: one cell of a submitted answer, counted as the former GROUP BY statements did: a
 * chosen option per (question, item, option); the respondents who gave any cell per (question,
 * matrix item); the numbers and the non-empty texts of number and text questions */
static void on_cell(void *ctx, const struct report_cell *c)
{
	struct pass *p = ctx;
	int i = place_of(p->questions, p->r->s->nquestions, c->question_id);
	int rank = place_of(p->responses, p->nresp, c->response_id);
	if (i < 0 || rank < 0)
		return;
	struct qreport *qr = &p->r->q[i];
	struct qpass *qp = &p->qp[i];
	const struct question *q = qr->q;
	const char *item = c->item ? c->item : "", *option = c->option ? c->option : "";
	switch (q->type) {
	case Q_SINGLE:
	case Q_MULTI: {
		if (mark(qp->seen, 0, p->nresp, rank))
			qr->answered++;
		int o = *option ? surveys_choice_index(q->options, q->noptions, option) : -1;
		if (o >= 0)
			qr->counts[o]++;
		break;
	}
	case Q_MATRIX: {
		int it = surveys_choice_index(q->items, q->nitems, item);
		if (it < 0)
			break;
		if (mark(qp->seen, it, p->nresp, rank))
			qr->item_answered[it]++;
		int o = *option ? surveys_choice_index(q->options, q->noptions, option) : -1;
		if (o >= 0)
			qr->item_counts[it * q->noptions + o]++;
		break;
	}
	case Q_NUMBER:
		if (c->has_number)
			*ARENA_PUSH(p->a, qp->numbers, qp->nnumbers, qp->cap_numbers) = c->number;
		break;
	case Q_TEXT:
		/* the answers of a municipality missing from kommuner are not shown, as before */
		if (c->text && *c->text && p->resp[rank].navn) {
			struct text_row *t = ARENA_PUSH(p->a, qp->texts, qp->ntexts, qp->cap_texts);
			t->rank = rank;
			t->seq = p->seq++;
			t->t = (struct text_answer){p->resp[rank].kommune, p->resp[rank].navn,
			                            arena_strdup(p->a, c->text)};
		}
		break;
	}
}

static int number_cmp(const void *x, const void *y)
{
	long long a = *(const long long *)x, b = *(const long long *)y;
	return a < b ? -1 : a > b;
}

static int text_row_cmp(const void *x, const void *y)
{
	const struct text_row *a = x, *b = y;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* finish: the numbers' count, sum, min, median and max, and the texts in Danish order */
static void finish(struct arena *a, struct qreport *qr, struct qpass *qp)
{
	if (qr->q->type == Q_NUMBER) {
		long long *v = qp->numbers;
		qr->n = (int)qp->nnumbers;
		if (qr->n) {
			qsort(v, qp->nnumbers, sizeof(*v), number_cmp);
			qr->min = v[0];
			qr->max = v[qr->n - 1];
			for (int k = 0; k < qr->n; k++)
				qr->sum += v[k];
			qr->median = qr->n % 2 ? (double)v[qr->n / 2]
			                       : ((double)v[qr->n / 2 - 1] + (double)v[qr->n / 2]) / 2.0;
		}
		qr->answered = qr->n;
	} else if (qr->q->type == Q_TEXT) {
		qr->ntexts = (int)qp->ntexts;
		qr->texts = arena_alloc(a, sizeof(*qr->texts) * (qp->ntexts + 1));
		if (qp->ntexts)
			qsort(qp->texts, qp->ntexts, sizeof(*qp->texts), text_row_cmp);
		for (size_t k = 0; k < qp->ntexts; k++)
			qr->texts[k] = qp->texts[k].t;
		qr->answered = qr->ntexts;
	}
}

int surveys_report(struct db *db, struct arena *a, const struct survey *s, const struct round *rd,
                   struct report *out)
{
	memset(out, 0, sizeof(*out));
	out->s = s;
	out->rd = rd;
	out->q = arena_alloc(a, sizeof(*out->q) * (size_t)(s->nquestions + 1));
	struct report_respondent *resp = NULL;
	int nresp = 0;
	int rc = surveys_store_report_respondents(db, a, rd->id, &resp, &nresp);
	if (rc)
		return rc;
	out->respondents = nresp;
	struct pass p = {.r = out, .a = a, .resp = resp, .nresp = nresp};
	p.qp = arena_alloc(a, sizeof(*p.qp) * (size_t)(s->nquestions + 1));
	p.questions = arena_alloc(a, sizeof(*p.questions) * (size_t)(s->nquestions + 1));
	p.responses = arena_alloc(a, sizeof(*p.responses) * (size_t)(p.nresp + 1));
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
		size_t slots = q->type == Q_MATRIX ? (size_t)q->nitems : 1;
		p.qp[i].seen = arena_alloc(a, (slots * (size_t)p.nresp + 7) / 8 + 1);
		p.questions[i] = (struct id_place){q->id, i};
	}
	for (int k = 0; k < p.nresp; k++)
		p.responses[k] = (struct id_place){p.resp[k].response_id, k};
	qsort(p.questions, (size_t)s->nquestions, sizeof(*p.questions), id_place_cmp);
	qsort(p.responses, (size_t)p.nresp, sizeof(*p.responses), id_place_cmp);
	rc = surveys_store_report_cells(db, rd->id, on_cell, &p);
	for (int i = 0; rc == 0 && i < s->nquestions; i++)
		finish(a, &out->q[i], &p.qp[i]);
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
