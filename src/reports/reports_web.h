/*
 * reports_web.h — the pages of the reports capability: the municipality's overview and the
 * lists behind its figures (reports_web.c), the national view and the yearly report
 * (reports_national_web.c). Layer: handlers of the reports capability.
 */
#ifndef INDGANG_REPORTS_WEB_H
#define INDGANG_REPORTS_WEB_H

#include <stdbool.h>

struct req;

int reports_page_overview(struct req *r);
int reports_page_overview_inquiries(struct req *r);
int reports_page_overview_advisory(struct req *r);
int reports_page_tabel1(struct req *r);
int reports_page_national(struct req *r);
int reports_page_yearly(struct req *r);

/* reports_web_year: ?year as *year (1901-2200), dflt when absent or empty. false after
 * answering 400 with a Danish message when it is there but no such year. */
bool reports_web_year(struct req *r, int dflt, int *year);
/* reports_web_this_year: the current year. */
int reports_web_this_year(void);

#endif
