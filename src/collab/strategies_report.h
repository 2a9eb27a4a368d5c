/*
 * strategies_report.h — a strategy with its goals written out for people and machines: the
 * Danish texts of values, progress and on track, a goal's monthly chart, the report for the
 * committee as HTML and as an XLSX workbook, and the strategy with its goals as JSON. Shared by
 * the pages, the API and `indgang strategies report`.
 * Layer: capability domain (collab) writing through view/ (the escaping HTML writer, the JSON
 * writer, charts, XLSX); no SQL, no HTTP.
 */
#ifndef INDGANG_STRATEGIES_REPORT_H
#define INDGANG_STRATEGIES_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/buf.h"
#include "strategies.h"

struct json;

/* a goal's value: "1.234,50 kr." for soev_spend, "<3" for a masked count of 1 or 2, else the
 * number; in a */
const char *strategies_value_text(struct arena *a, const struct goal *g, int64_t v, bool masked);
/* "45 % af målet", or that a masked count is not shown exactly */
const char *strategies_progress_text(struct arena *a, const struct goal_status *st);
/* "Nået", "Ikke nået ved fristen D" (today past the deadline), "På sporet" or
 * "Bagud: forventet N nu" */
const char *strategies_track_text(struct arena *a, const struct goal_status *st, const char *today);
/* "01.01.2016–31.12.2020" */
const char *strategies_period_text(struct arena *a, const struct strategy *s);
/* strategies_progress_shown: false for a masked count of 1 or 2, whose progress would tell it */
bool strategies_progress_shown(const struct goal_status *st);

/* strategies_chart: the goal's monthly series as bars with the straight target line as a second
 * series (at most 24 points: every k-th month, the latest always) into o; a sentence instead
 * when a masked series holds counts of 1 or 2, nothing without a series. */
void strategies_chart(struct buf *o, struct arena *a, const struct goal_status *st);

/* strategies_report_html: the report's body (no page shell): the strategy's facts, a table of
 * the goals counted on today and each goal's chart. */
void strategies_report_html(struct buf *o, struct arena *a, const struct strategy *s,
                            const struct goal_status *gs, int n, const char *today);

/* strategies_report_xlsx: the report as a workbook appended to out: sheet "Mål" (a row per
 * goal) and sheet "Måneder" (each goal's months with the straight line). 0 or ERR_IO. */
int strategies_report_xlsx(struct buf *out, struct arena *a, const struct strategy *s,
                           const struct goal_status *gs, int n, const char *today);

/* strategies_json: the strategy's members (inside an object the caller opened) */
void strategies_json(struct json *w, const struct strategy *s);
/* strategies_goal_json: one goal as an object with its values and series: counts as numbers,
 * soev_spend as amounts "1234.50", masked counts of 1 or 2 as "<3" (progress null) */
void strategies_goal_json(struct json *w, struct arena *a, const struct goal_status *st);
/* strategies_report_json: {strategy..., "today", "goals": [...]} into o */
void strategies_report_json(struct buf *o, struct arena *a, const struct strategy *s,
                            const struct goal_status *gs, int n, const char *today);

#endif
