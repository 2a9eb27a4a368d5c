/*
 * surveys_io.c — answers in and out in the wide format survey tools export: one row per
 * municipality. Layer: capability domain (surveys).
 */
#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../kommune/kommune.h"
#include "../store/db.h"
#include "surveys.h"
#include "surveys_store.h"

/* what one column of the file holds */
struct column {
	const struct question *q;
	const char *sub; /* matrix item or multi option key; NULL otherwise */
};

static int read_columns(struct arena *a, const struct survey *s, const struct csv_record *rec,
                        struct column *cols, struct import_report *rep)
{
	if (rec->n < 1 || strcmp(rec->f[0], "kommune")) {
		problems_add(a, rep, rec->line, 1, "den første kolonne skal hedde \"kommune\".");
		return ERR_INVALID;
	}
	for (int i = 1; i < rec->n; i++) {
		const char *name = rec->f[i];
		const char *dot = strchr(name, '.');
		char *code = dot ? arena_strndup(a, name, (size_t)(dot - name)) : arena_strdup(a, name);
		const struct question *q = surveys_question(s, code);
		cols[i] = (struct column){q, dot ? dot + 1 : NULL};
		if (!q) {
			problems_add(a, rep, rec->line, i + 1,
			             arena_printf(a, "ukendt kolonne \"%s\": intet spørgsmål med koden \"%s\".", name, code));
			continue;
		}
		if (q->type == Q_MATRIX && (!dot || surveys_choice_index(q->items, q->nitems, dot + 1) < 0))
			problems_add(a, rep, rec->line, i + 1,
			             arena_printf(a, "ukendt kolonne \"%s\": %s er en matrix; brug %s.DELSPØRGSMÅL.", name, code, code));
		else if (q->type == Q_MULTI && (!dot || surveys_choice_index(q->options, q->noptions, dot + 1) < 0))
			problems_add(a, rep, rec->line, i + 1,
			             arena_printf(a, "ukendt kolonne \"%s\": %s har flere svar; brug %s.SVARMULIGHED.", name, code, code));
		else if (q->type != Q_MATRIX && q->type != Q_MULTI && dot)
			problems_add(a, rep, rec->line, i + 1, arena_printf(a, "ukendt kolonne \"%s\".", name));
		for (int k = 1; k < i; k++)
			if (!strcmp(rec->f[k], name))
				problems_add(a, rep, rec->line, i + 1, arena_printf(a, "kolonnen \"%s\" står to gange.", name));
	}
	return rep->nproblems ? ERR_INVALID : 0;
}

/* one row into a response; problems reported with line and column */
static bool read_answer(struct db *db, struct arena *a, struct arena *row,
                        const struct column *cols, int ncols, const struct csv_record *rec,
                        struct import_report *rep, struct response *r)
{
	bool ok = true;
	memset(r, 0, sizeof(*r));
	struct kommune k;
	const char *kode = rec->f[0];
	if (!text_is_digits(kode, 3) || kommune_get(db, row, kode, &k) != 0) {
		problems_add(a, rep, rec->line, 1, arena_printf(a, "ukendt kommunekode \"%s\".", kode));
		ok = false;
	}
	r->kommune = kode;
	for (int i = 1; i < rec->n; i++) {
		const char *v = text_trim(row, rec->f[i]);
		if (i >= ncols) {
			if (*v) {
				problems_add(a, rep, rec->line, i + 1, "en værdi uden kolonnenavn i første linje.");
				ok = false;
			}
			continue;
		}
		if (!*v)
			continue;
		if (!csv_field_ok(v)) {
			problems_add(a, rep, rec->line, i + 1, "teksten er ikke gyldig UTF-8 (gem filen som UTF-8).");
			ok = false;
			continue;
		}
		const struct question *q = cols[i].q;
		struct cell c = {.q = q, .item = "", .option = ""};
		long long num;
		switch (q->type) {
		case Q_SINGLE:
		case Q_MATRIX:
			if (surveys_choice_index(q->options, q->noptions, v) < 0) {
				problems_add(a, rep, rec->line, i + 1,
				             arena_printf(a, "ukendt svarmulighed \"%s\" til %s.", v, q->code));
				ok = false;
				continue;
			}
			c.option = v;
			if (q->type == Q_MATRIX)
				c.item = cols[i].sub;
			break;
		case Q_MULTI:
			if (!strcmp(v, "0"))
				continue;
			if (strcmp(v, "1")) {
				problems_add(a, rep, rec->line, i + 1, "skriv 1 for valgt og 0 eller ingenting for ikke valgt.");
				ok = false;
				continue;
			}
			c.option = cols[i].sub;
			break;
		case Q_NUMBER:
			if (text_parse_int(v, -1000000000000LL, 1000000000000LL, &num) != 0) {
				problems_add(a, rep, rec->line, i + 1, arena_printf(a, "\"%s\" er ikke et helt tal.", v));
				ok = false;
				continue;
			}
			if ((q->has_min && num < q->min) || (q->has_max && num > q->max)) {
				problems_add(a, rep, rec->line, i + 1,
				             arena_printf(a, "%lld ligger uden for %s's interval.", num, q->code));
				ok = false;
				continue;
			}
			c.has_number = true;
			c.number = num;
			break;
		case Q_TEXT:
			c.text = v;
			break;
		}
		surveys_cell_add(row, r, &c);
	}
	return ok;
}

int surveys_import_csv(struct db *db, struct arena *a, const struct principal *by,
                       const struct survey *s, const char *round, const char *data, size_t len,
                       struct import_report *rep)
{
	memset(rep, 0, sizeof(*rep));
	if (access_allowed(by, ACC_NATIONAL, NULL) != 0)
		return ERR_FORBIDDEN;
	struct csv c;
	struct csv_record head, rec;
	csv_open(&c, data, len);
	int rc = csv_next(&c, a, &head);
	if (rc <= 0) {
		problems_add(a, rep, rc < 0 ? c.error_line : 1, rc < 0 ? c.error_col : 1,
		             rc < 0 ? c.error : "filen er tom: den første linje skal være kolonnenavnene.");
		return ERR_INVALID;
	}
	struct column *cols = arena_alloc(a, sizeof(*cols) * (size_t)head.n);
	if (read_columns(a, s, &head, cols, rep) != 0)
		return ERR_INVALID;
	/* every row is read and checked before anything is written; the rows are few (one per
	 * municipality), so they are kept */
	struct response *rows = arena_alloc(a, sizeof(*rows) * 128);
	int n = 0;
	while ((rc = csv_next(&c, a, &rec)) > 0) {
		rep->rows++;
		if (n >= 128) {
			problems_add(a, rep, rec.line, 1, "højst én række pr. kommune (98 i alt).");
			break;
		}
		struct response *r = &rows[n];
		if (!read_answer(db, a, a, cols, head.n, &rec, rep, r))
			continue;
		struct errs errs = {0};
		if (surveys_check(a, s, r, false, &errs) != 0) {
			for (int k = 0; k < errs.n; k++)
				problems_add(a, rep, rec.line, 1, arena_printf(a, "%s: %s", errs.e[k].field, errs.e[k].message));
			continue;
		}
		for (int k = 0; k < n; k++)
			if (!strcmp(rows[k].kommune, r->kommune))
				problems_add(a, rep, rec.line, 1, arena_printf(a, "kommune %s står allerede i en tidligere række.", r->kommune));
		n++;
	}
	if (rc < 0)
		problems_add(a, rep, c.error_line, c.error_col, c.error);
	if (rep->nproblems)
		return ERR_INVALID;
	int begin_rc = db_write_begin(db);
	if (begin_rc != 0)
		return begin_rc;
	struct round rd;
	rc = surveys_round_ensure(db, a, s, round, &rd);
	for (int i = 0; rc == 0 && i < n; i++) {
		struct response old;
		rc = surveys_store_response_get(db, a, rd.id, rows[i].kommune, &old);
		if (rc == 0)
			rc = surveys_write(db, a, by, s, &rd, &rows[i], true);
		if (rc == 0)
			old.id ? rep->updated++ : rep->created++;
	}
	if (rc)
		rep->created = rep->updated = 0;
	return db_write_end(db, rc);
}

int surveys_export_csv(struct db *db, struct arena *a, const struct survey *s,
                       const struct round *rd, struct buf *out)
{
	buf_puts(out, "kommune");
	for (int i = 0; i < s->nquestions; i++) {
		const struct question *q = &s->questions[i];
		if (q->type == Q_MATRIX)
			for (int k = 0; k < q->nitems; k++)
				buf_printf(out, ",%s.%s", q->code, q->items[k].key);
		else if (q->type == Q_MULTI)
			for (int k = 0; k < q->noptions; k++)
				buf_printf(out, ",%s.%s", q->code, q->options[k].key);
		else
			buf_printf(out, ",%s", q->code);
	}
	buf_puts(out, "\r\n");
	struct response *answers;
	int n;
	int rc = surveys_submitted(db, a, s, rd, &answers, &n);
	for (int r = 0; rc == 0 && r < n; r++) {
		const struct response resp = answers[r];
		buf_puts(out, resp.kommune);
		for (int i = 0; i < s->nquestions; i++) {
			const struct question *q = &s->questions[i];
			int subs = q->type == Q_MATRIX ? q->nitems : q->type == Q_MULTI ? q->noptions : 1;
			for (int k = 0; k < subs; k++) {
				const char *v = q->type == Q_MULTI ? "0" : "";
				for (int j = 0; j < resp.ncells; j++) {
					const struct cell *c = &resp.cells[j];
					if (c->q != q)
						continue;
					if (q->type == Q_MATRIX && !strcmp(c->item, q->items[k].key))
						v = c->option;
					else if (q->type == Q_MULTI && !strcmp(c->option, q->options[k].key))
						v = "1";
					else if (q->type == Q_SINGLE)
						v = c->option;
					else if (q->type == Q_NUMBER && c->has_number)
						v = arena_printf(a, "%lld", c->number);
					else if (q->type == Q_TEXT && c->text)
						v = c->text;
				}
				buf_putc(out, ',');
				csv_write_field(out, v, ',');
			}
		}
		buf_puts(out, "\r\n");
	}
	return rc ? rc : out->failed ? ERR_TOOBIG : 0;
}
