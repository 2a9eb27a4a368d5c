/*
 * registry_report.c — Tabel 1 and 2 as JSON, CSV and XLSX. Layer: capability (registry).
 */
#include "registry_report.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../view/json.h"
#include "../view/xlsx.h"

static void row_json(struct json *w, const char *key, const struct tabel1_row *r, bool named)
{
	json_obj_open(w, key);
	if (named) {
		json_str(w, "kommune", r->kommune);
		json_str(w, "name", r->navn);
	}
	json_int(w, "total", r->total);
	json_int(w, "registered", r->registered);
	json_int(w, "established", r->established);
	json_int(w, "pipeline", r->pipeline);
	json_obj_close(w);
}

void registry_tabel1_json(struct buf *o, int year, const struct tabel1_row *rows, int n,
                          const struct tabel1_row *sum)
{
	struct json w;
	json_init(&w, o);
	json_obj_open(&w, NULL);
	json_int(&w, "year", year);
	json_arr_open(&w, "rows");
	for (int i = 0; i < n; i++)
		row_json(&w, NULL, &rows[i], true);
	json_arr_close(&w);
	row_json(&w, "total", sum, false);
	json_obj_close(&w);
}

void registry_tabel1_csv(struct csv_out *w, int year, const struct tabel1_row *rows, int n,
                         const struct tabel1_row *sum, bool people)
{
	if (people) {
		csv_out_field(w, "Kommune");
		csv_out_field(w, "Kode");
		csv_out_field(w, "Antal i alt");
		csv_out_field(w, "Heraf registrerede");
		char est[40];
		snprintf(est, sizeof(est), "Etableret i %d", year);
		csv_out_field(w, est);
		csv_out_field(w, "Vurderes på vej");
	} else {
		static const char *const heads[] = {"kommune", "name", "total", "registered", "established",
		                                    "pipeline"};
		for (int c = 0; c < 6; c++)
			csv_out_field(w, heads[c]);
	}
	csv_out_end(w);
	for (int i = 0; i <= n; i++) {
		const struct tabel1_row *r = i < n ? &rows[i] : sum;
		const char *kode = i < n ? r->kommune : "", *navn = i < n ? r->navn : "I alt";
		csv_out_field(w, people ? navn : kode);
		csv_out_field(w, people ? kode : navn);
		csv_out_int(w, r->total);
		csv_out_int(w, r->registered);
		csv_out_int(w, r->established);
		csv_out_int(w, r->pipeline);
		csv_out_end(w);
	}
}

void registry_tabel2_json(struct buf *o, int year, const struct tabel2_row *rows, int n, int total)
{
	struct json w;
	json_init(&w, o);
	json_obj_open(&w, NULL);
	json_int(&w, "year", year);
	json_arr_open(&w, "rows");
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_str(&w, "origin", rows[i].origin);
		json_str(&w, "label", rows[i].label);
		json_int(&w, "count", rows[i].count);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_int(&w, "total", total);
	json_obj_close(&w);
}

void registry_tabel2_csv(struct csv_out *w, const struct tabel2_row *rows, int n, int total,
                         bool people)
{
	if (!people)
		csv_out_field(w, "origin");
	csv_out_field(w, people ? "Oprindelse" : "label");
	csv_out_field(w, people ? "Antal" : "count");
	csv_out_end(w);
	for (int i = 0; i <= n; i++) {
		if (!people)
			csv_out_field(w, i < n ? rows[i].origin : "");
		csv_out_field(w, i < n ? rows[i].label : "I alt");
		csv_out_int(w, i < n ? rows[i].count : total);
		csv_out_end(w);
	}
}

int registry_tables_xlsx(struct buf *o, int year, const struct tabel1_row *rows, int n,
                         const struct tabel1_row *sum, const struct tabel2_row *t2, int n2,
                         int t2_total)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_workbook *wb = x.wb;
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Tabel 1");
	char title[80];
	snprintf(title, sizeof(title), "Tabel 1. Socialøkonomiske virksomheder pr. 31.12.%d", year);
	worksheet_write_string(ws, 0, 0, title, bold);
	static const char *heads[] = {"Kommune", "Kode", "Antal i alt", "Heraf registrerede",
	                              "Etableret i året", "Vurderes på vej"};
	for (int c = 0; c < 6; c++)
		worksheet_write_string(ws, 2, (lxw_col_t)c, heads[c], bold);
	for (int i = 0; i <= n; i++) {
		const struct tabel1_row *r = i < n ? &rows[i] : sum;
		lxw_row_t row = (lxw_row_t)(3 + i);
		lxw_format *fmt = i < n ? NULL : bold;
		worksheet_write_string(ws, row, 0, i < n ? r->navn : "I alt", fmt);
		if (i < n)
			worksheet_write_string(ws, row, 1, r->kommune, NULL);
		worksheet_write_number(ws, row, 2, r->total, fmt);
		worksheet_write_number(ws, row, 3, r->registered, fmt);
		worksheet_write_number(ws, row, 4, r->established, fmt);
		worksheet_write_number(ws, row, 5, r->pipeline, fmt);
	}
	worksheet_set_column(ws, 0, 0, 20, NULL);
	worksheet_set_column(ws, 2, 5, 18, NULL);
	if (t2) {
		lxw_worksheet *w2 = workbook_add_worksheet(wb, "Tabel 2");
		snprintf(title, sizeof(title), "Tabel 2. Virksomheder efter oprindelse pr. 31.12.%d", year);
		worksheet_write_string(w2, 0, 0, title, bold);
		worksheet_write_string(w2, 2, 0, "Oprindelse", bold);
		worksheet_write_string(w2, 2, 1, "Antal", bold);
		for (int i = 0; i < n2; i++) {
			worksheet_write_string(w2, (lxw_row_t)(3 + i), 0, t2[i].label, NULL);
			worksheet_write_number(w2, (lxw_row_t)(3 + i), 1, t2[i].count, NULL);
		}
		worksheet_write_string(w2, (lxw_row_t)(3 + n2), 0, "I alt", bold);
		worksheet_write_number(w2, (lxw_row_t)(3 + n2), 1, t2_total, bold);
		worksheet_set_column(w2, 0, 0, 60, NULL);
	}
	return xlsx_close(&x, o, false);
}

/* Bilag 1's headings for people, in the CSV and the XLSX */
static const char *const bilag1_heads[6] = {"Kommune", "Kode", "Virksomhed", "Hjemme i kommunen",
                                            "Hjemkommune", "Hjemkommunens kode"};

void registry_bilag1_csv(struct csv_out *w, const struct bilag1_row *rows, int n, bool people)
{
	static const char *const machine[] = {"kommune", "kommune_name", "enterprise_id", "name", "home",
	                                      "home_kommune", "home_kommune_name"};
	for (int c = 0; c < (people ? 6 : 7); c++)
		csv_out_field(w, people ? bilag1_heads[c] : machine[c]);
	csv_out_end(w);
	for (int i = 0; i < n; i++) {
		const struct bilag1_row *r = &rows[i];
		if (people) {
			/* the columns of the XLSX */
			csv_out_field(w, r->navn);
			csv_out_field(w, r->kommune);
			csv_out_field(w, r->name);
			csv_out_field(w, r->home ? "Ja" : "Nej");
			csv_out_field(w, r->home_navn);
			csv_out_field(w, r->home_kommune);
		} else {
			csv_out_field(w, r->kommune);
			csv_out_field(w, r->navn);
			csv_out_int(w, r->id);
			csv_out_field(w, r->name);
			csv_out_int(w, r->home);
			csv_out_field(w, r->home_kommune);
			csv_out_field(w, r->home_navn);
		}
		csv_out_end(w);
	}
}

void registry_bilag1_json(struct buf *o, const struct bilag1_row *rows, int n)
{
	struct json w;
	json_init(&w, o);
	json_obj_open(&w, NULL);
	json_arr_open(&w, "rows");
	for (int i = 0; i < n; i++) {
		json_obj_open(&w, NULL);
		json_str(&w, "kommune", rows[i].kommune);
		json_str(&w, "kommune_name", rows[i].navn);
		json_int(&w, "id", rows[i].id);
		json_str(&w, "name", rows[i].name);
		json_bool(&w, "home", rows[i].home);
		json_str(&w, "home_kommune", rows[i].home_kommune);
		json_str(&w, "home_kommune_name", rows[i].home_navn);
		json_obj_close(&w);
	}
	json_arr_close(&w);
	json_int(&w, "total", n);
	json_obj_close(&w);
}

int registry_bilag1_xlsx(struct buf *o, const struct bilag1_row *rows, int n)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_workbook *wb = x.wb;
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Bilag 1");
	worksheet_write_string(ws, 0, 0, "Bilag 1. Socialøkonomiske virksomheder som kommunerne "
	                                 "samarbejder med", bold);
	for (int c = 0; c < 6; c++)
		worksheet_write_string(ws, 2, (lxw_col_t)c, bilag1_heads[c], bold);
	for (int i = 0; i < n; i++) {
		/* every cell as text: codes keep their digits, nothing is a formula */
		lxw_row_t row = (lxw_row_t)(3 + i);
		worksheet_write_string(ws, row, 0, rows[i].navn, NULL);
		worksheet_write_string(ws, row, 1, rows[i].kommune, NULL);
		worksheet_write_string(ws, row, 2, rows[i].name, NULL);
		worksheet_write_string(ws, row, 3, rows[i].home ? "Ja" : "Nej", NULL);
		worksheet_write_string(ws, row, 4, rows[i].home_navn, NULL);
		worksheet_write_string(ws, row, 5, rows[i].home_kommune, NULL);
	}
	worksheet_set_column(ws, 0, 0, 20, NULL);
	worksheet_set_column(ws, 2, 2, 40, NULL);
	worksheet_set_column(ws, 3, 5, 18, NULL);
	worksheet_freeze_panes(ws, 3, 0);
	return xlsx_close(&x, o, false);
}

const char **registry_parse_kommuner(struct arena *a, const char *s, const char **bad)
{
	*bad = NULL;
	if (!s || !*s)
		return NULL;
	size_t n = 1;
	for (const char *p = s; *p; p++)
		n += *p == ',';
	const char **list = arena_alloc(a, sizeof(*list) * (n + 1));
	size_t k = 0;
	char *copy = arena_strdup(a, s);
	for (char *part = copy, *next; part; part = next) {
		next = strchr(part, ',');
		if (next)
			*next++ = '\0';
		char *t = text_trim(a, part);
		if (!*t)
			continue;
		if (!text_is_digits(t, 3)) {
			*bad = t;
			return NULL;
		}
		list[k++] = t;
	}
	list[k] = NULL;
	return list;
}
