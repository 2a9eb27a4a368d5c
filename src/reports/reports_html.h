/*
 * reports_html.h — the yearly report as HTML (see reports_html.c), for the report page and
 * `indgang report --format html`.
 * Layer: capability (reports), writing through view/.
 */
#ifndef INDGANG_REPORTS_HTML_H
#define INDGANG_REPORTS_HTML_H

#include <stdbool.h>

#include "reports.h"

/* reports_yearly_html: the report's body into o (no page shell, no h1): a lead paragraph, then
 * one <section class="report-section"> per table in the report's order, each with an h2
 * "Tabel N. ...", the table (a second round in the column before the first, as Tabel 12 of the
 * 2015 report), the figures counted from data beside Tabel 1 (its growth), Tabel 2 and
 * Tabel 12, and bar charts where rounds or years are compared. links true makes each figure of
 * Tabel 1 a link to the list of enterprises behind it (/statistik/tabel1), for the page; false
 * for a file that stands alone. Scratch memory from a. */
void reports_yearly_html(struct buf *o, struct arena *a, const struct yearly *y, bool links);

#endif
