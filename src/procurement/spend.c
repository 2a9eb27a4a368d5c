/*
 * spend.c — spend with social-economy enterprises: who may see which breakdown, and the JSON,
 * CSV and XLSX of the table. Layer: capability domain (procurement); SQL in spend_store.c.
 */
#include "spend.h"

#include <stdio.h>
#include <string.h>

#include "../auth/access.h"
#include "../base/buf.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../view/json.h"
#include "../view/xlsx.h"
#include "spend_store.h"

bool spend_by_parse(const char *s, enum spend_by *out)
{
	if (!s || !*s || !strcmp(s, "kommune"))
		*out = SPEND_KOMMUNE;
	else if (!strcmp(s, "enterprise"))
		*out = SPEND_ENTERPRISE;
	else if (!strcmp(s, "service"))
		*out = SPEND_SERVICE;
	else
		return false;
	return true;
}

int spend_rows(struct db *db, struct arena *a, const struct principal *by, bool trusted, int year,
               const char *kommune, enum spend_by what, struct spend_row **rows, int *n,
               struct spend_row *total)
{
	if (kommune && !text_is_digits(kommune, 3))
		return ERR_INVALID;
	if (!trusted && what != SPEND_KOMMUNE) {
		int ok = kommune ? access_figures(by, kommune) : access_national_figures(by);
		if (ok != 0)
			return ERR_FORBIDDEN;
	}
	return spend_store_rows(db, a, year, kommune, what, rows, n, total);
}

static const char *const key_names[] = {"kommune", "enterprise_id", "service"};
static const char *const label_names[] = {"navn", "name", "label"};
static const char *const by_names[] = {"kommune", "enterprise", "service"};

static void row_json(struct json *w, enum spend_by what, const struct spend_row *r)
{
	char amount[MONEY_TEXT];
	json_obj_open(w, NULL);
	if (what == SPEND_ENTERPRISE) {
		long long id = 0;
		text_parse_int(r->key, 1, 999999999999999LL, &id);
		json_int(w, "enterprise_id", id);
	} else {
		json_str(w, key_names[what], r->key);
	}
	json_str(w, label_names[what], r->label);
	json_str(w, "amount", money_api(amount, r->amount_ore));
	json_int(w, "purchases", r->purchases);
	json_int(w, "enterprises", r->enterprises);
	json_obj_close(w);
}

void spend_json(struct buf *o, int year, const char *kommune, enum spend_by what,
                const struct spend_row *rows, int n, const struct spend_row *total)
{
	struct json w;
	char amount[MONEY_TEXT];
	json_init(&w, o);
	json_obj_open(&w, NULL);
	json_int(&w, "year", year);
	if (kommune)
		json_str(&w, "kommune", kommune);
	json_str(&w, "by", by_names[what]);
	json_arr_open(&w, "rows");
	for (int i = 0; i < n; i++)
		row_json(&w, what, &rows[i]);
	json_arr_close(&w);
	json_str(&w, "total", money_api(amount, total->amount_ore));
	json_int(&w, "purchases", total->purchases);
	json_int(&w, "enterprises", total->enterprises);
	json_obj_close(&w);
}

static const char *const heads[] = {"Kommune", "Virksomhed", "Ydelse"};

void spend_csv(struct csv_out *w, bool machine, enum spend_by what, const struct spend_row *rows,
               int n, const struct spend_row *total)
{
	char amount[MONEY_TEXT];
	csv_out_field(w, what == SPEND_KOMMUNE ? "Kode" : what == SPEND_ENTERPRISE ? "Id" : "Nøgle");
	csv_out_field(w, heads[what]);
	csv_out_field(w, "Beløb (kr. ekskl. moms)");
	csv_out_field(w, "Køb");
	csv_out_field(w, "Virksomheder");
	csv_out_end(w);
	for (int i = 0; i <= n; i++) {
		const struct spend_row *r = i < n ? &rows[i] : total;
		csv_out_field(w, r->key);
		csv_out_field(w, r->label);
		csv_out_field(w, machine ? money_api(amount, r->amount_ore) : money_da_plain(amount, r->amount_ore));
		csv_out_int(w, r->purchases);
		csv_out_int(w, r->enterprises);
		csv_out_end(w);
	}
}

int spend_xlsx(struct buf *o, int year, enum spend_by what, const struct spend_row *rows, int n,
               const struct spend_row *total)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_workbook *wb = x.wb;
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *kr = workbook_add_format(wb);
	format_set_num_format(kr, "#,##0.00");
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Indkøb");
	char title[96];
	snprintf(title, sizeof(title), "Indkøb hos socialøkonomiske virksomheder %d", year);
	worksheet_write_string(ws, 0, 0, title, bold);
	worksheet_write_string(ws, 2, 0, heads[what], bold);
	worksheet_write_string(ws, 2, 1, "Beløb (kr. ekskl. moms)", bold);
	worksheet_write_string(ws, 2, 2, "Køb", bold);
	worksheet_write_string(ws, 2, 3, "Virksomheder", bold);
	for (int i = 0; i <= n; i++) {
		const struct spend_row *r = i < n ? &rows[i] : total;
		lxw_row_t row = (lxw_row_t)(3 + i);
		worksheet_write_string(ws, row, 0, r->label ? r->label : "", i < n ? NULL : bold);
		/* øre to kroner: exact for every amount below 2^53 øre */
		worksheet_write_number(ws, row, 1, (double)r->amount_ore / 100.0, kr);
		worksheet_write_number(ws, row, 2, r->purchases, NULL);
		worksheet_write_number(ws, row, 3, r->enterprises, NULL);
	}
	worksheet_set_column(ws, 0, 0, 40, NULL);
	worksheet_set_column(ws, 1, 3, 18, NULL);
	return xlsx_close(&x, o, false) ? ERR_IO : 0;
}
