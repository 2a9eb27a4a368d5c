/*
 * surveys_report_html.h — the survey report as HTML (see surveys_report_html.c).
 */
#ifndef INDGANG_SURVEYS_REPORT_HTML_H
#define INDGANG_SURVEYS_REPORT_HTML_H

#include "../base/buf.h"
#include "surveys.h"

/* surveys_report_html: the report's sections into o; compare, when not NULL, is a second round
 * of the same survey shown side by side (like Tabel 12). */
void surveys_report_html(struct buf *o, struct arena *a, const struct report *r,
                         const struct report *compare);

#endif
