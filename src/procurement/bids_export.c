/*
 * bids_export.c — the award decision as a workbook: one sheet with the ranking and the score
 * per criterion. Layer: capability domain (procurement), written through view/xlsx.h; the
 * caller has the result from bids_result(), which already hid what the caller may not see.
 */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/money.h"
#include "../view/xlsx.h"
#include "bids.h"

int bids_result_xlsx(struct arena *a, const struct tender_result *res, struct buf *out)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	const struct tender *t = &res->tender;
	lxw_workbook *wb = x.wb;
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *num = workbook_add_format(wb);
	format_set_num_format(num, "0.00");
	lxw_format *kr = workbook_add_format(wb);
	format_set_num_format(kr, "#,##0.00");
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Tildeling");
	worksheet_write_string(ws, 0, 0, t->title, bold);
	worksheet_write_string(ws, 1, 0, arena_printf(a, "%s Kommune. Prismodel: laveste pris / buddets pris x 10. "
	                                                 "Point i alt = sum af vægt x point / 10.", t->kommune_navn), NULL);
	lxw_row_t row = 3;
	worksheet_write_string(ws, row, 0, "Placering", bold);
	worksheet_write_string(ws, row, 1, "Virksomhed", bold);
	worksheet_write_string(ws, row, 2, "Pris (kr. ekskl. moms)", bold);
	worksheet_write_string(ws, row, 3, "Point i alt", bold);
	for (int k = 0; k < t->ncriteria; k++)
		worksheet_write_string(ws, row, (lxw_col_t)(4 + k),
		                       arena_printf(a, "%s (%d %%)", t->criteria[k].name, t->criteria[k].weight), bold);
	for (int i = 0; i < res->n; i++) {
		const struct bid_rank *b = &res->rows[i];
		row++;
		worksheet_write_number(ws, row, 0, b->rank, NULL);
		worksheet_write_string(ws, row, 1, b->named ? b->bid.enterprise_name : arena_printf(a, "Bud %d", b->rank),
		                       NULL);
		if (b->named)
			worksheet_write_number(ws, row, 2, (double)b->bid.price_ore / 100.0, kr);
		worksheet_write_number(ws, row, 3, (double)b->total / 100.0, num);
		for (int k = 0; k < t->ncriteria; k++)
			if (b->score[k] >= 0)
				worksheet_write_number(ws, row, (lxw_col_t)(4 + k), (double)b->score[k] / 100.0, num);
	}
	if (res->reasons) {
		row += 2;
		worksheet_write_string(ws, row, 0, "Begrundelse pr. kriterium", bold);
		for (int k = 0; k < t->ncriteria; k++) {
			row++;
			worksheet_write_string(ws, row, 0, t->criteria[k].name, NULL);
			worksheet_write_string(ws, row, 1, res->reasons[k], NULL);
		}
	}
	worksheet_set_column(ws, 1, 1, 36, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)(3 + t->ncriteria), 16, NULL);
	return xlsx_close(&x, out, false);
}
