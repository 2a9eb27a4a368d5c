/*
 * strategies_report.c — a strategy and its goals written out: Danish texts, charts, the
 * committee's report as HTML and XLSX, and JSON. Layer: capability domain (collab) writing
 * through view/; the values come from goals_status (strategies.c).
 */
#include "strategies_report.h"

#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../view/chart.h"
#include "../view/html.h"
#include "../view/json.h"
#include "../view/table.h"
#include "../view/xlsx.h"

#define CHART_POINTS 24

/* ---------------------------------------------------------------- texts */

const char *strategies_value_text(struct arena *a, const struct goal *g, int64_t v, bool masked)
{
	if (goal_metric_is_money(g->metric)) {
		char m[MONEY_TEXT];
		return arena_strdup(a, money_da(m, v));
	}
	return goals_count_text(a, v, masked);
}

bool strategies_progress_shown(const struct goal_status *st)
{
	return !(st->masked && st->current >= 1 && st->current <= 2);
}

const char *strategies_progress_text(struct arena *a, const struct goal_status *st)
{
	if (!strategies_progress_shown(st))
		return "Under 3 (vises ikke nøjagtigt)";
	return arena_printf(a, "%d %% af målet", (int)(st->progress * 100.0 + 0.5));
}

const char *strategies_track_text(struct arena *a, const struct goal_status *st, const char *today)
{
	if (st->current >= st->goal.target)
		return "Nået";
	if (strcmp(today, st->goal.deadline) > 0)
		return arena_printf(a, "Ikke nået ved fristen %s", text_date_dk(a, st->goal.deadline));
	if (st->on_track)
		return "På sporet";
	return arena_printf(a, "Bagud: forventet %s nu",
	                    strategies_value_text(a, &st->goal, st->expected, false));
}

const char *strategies_period_text(struct arena *a, const struct strategy *s)
{
	return arena_printf(a, "%s–%s", text_date_dk(a, s->period_start), text_date_dk(a, s->period_end));
}

/* ---------------------------------------------------------------- the chart */

static int clamp_int(int64_t v)
{
	return v > 2000000000 ? 2000000000 : v < 0 ? 0 : (int)v;
}

void strategies_chart(struct buf *o, struct arena *a, const struct goal_status *st)
{
	if (st->nseries == 0)
		return;
	for (int i = 0; st->masked && i < st->nseries; i++)
		if (st->series[i].value >= 1 && st->series[i].value <= 2) {
			html(o, "<p class=\"hint\">Diagrammet vises ikke, fordi tal under 3 om personer ikke"
			        " vises nøjagtigt.</p>\n");
			return;
		}
	int step = (st->nseries + CHART_POINTS - 1) / CHART_POINTS;
	int n = 0;
	const char **cats = arena_alloc(a, sizeof(*cats) * CHART_POINTS);
	int *vals = arena_alloc(a, sizeof(int) * CHART_POINTS);
	int *line = arena_alloc(a, sizeof(int) * CHART_POINTS);
	bool money = goal_metric_is_money(st->goal.metric);
	/* counted back from the latest month, so today's value is always shown */
	for (int i = (st->nseries - 1) % step; i < st->nseries && n < CHART_POINTS; i += step) {
		const struct goal_point *p = &st->series[i];
		cats[n] = text_month_dk(a, p->month);
		vals[n] = clamp_int(money ? p->value / 100 : p->value);
		line[n] = clamp_int(money ? p->line / 100 : p->line);
		n++;
	}
	const struct chart_series series[] = {
		{"Opnået", vals, "#0b5394"},
		{"Lige linje mod målet", line, "#8a5a00"},
	};
	chart_bars(o, arena_printf(a, "maal-diagram-%lld", (long long)st->goal.id),
	           arena_printf(a, "%s pr. måned%s", st->goal.title, money ? " (kroner)" : ""), cats, n,
	           series, 2);
}

/* ---------------------------------------------------------------- the report */

void strategies_report_html(struct buf *o, struct arena *a, const struct strategy *s,
                            const struct goal_status *gs, int n, const char *today)
{
	htmlf(o, "<p class=\"lead\">%s Kommune · periode %s · opgjort %s på Indgangs data.</p>\n",
	      s->kommune_navn, strategies_period_text(a, s), text_date_dk(a, today));
	if (*s->adopted_by || s->adopted_on)
		htmlf(o, "<p>Vedtaget %s%s%s.</p>\n", *s->adopted_by ? "af " : "", s->adopted_by,
		      s->adopted_on ? arena_printf(a, " den %s", text_date_dk(a, s->adopted_on)) : "");
	if (n == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Strategien har ingen mål endnu.</p>\n");
		return;
	}
	table_begin(o, "Målene", NULL);
	html(o, "<caption>Målene i dag</caption>\n<thead><tr><th scope=\"col\">Mål</th>"
	        "<th scope=\"col\">Måling</th><th scope=\"col\">Udgangspunkt</th><th scope=\"col\">Nu</th>"
	        "<th scope=\"col\">Mål</th><th scope=\"col\">Frist</th><th scope=\"col\">Fremdrift</th>"
	        "<th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct goal *g = &gs[i].goal;
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%s</td><td>%s</td></tr>\n",
		      g->title, goal_metric_label(g->metric),
		      strategies_value_text(a, g, gs[i].baseline, gs[i].masked),
		      strategies_value_text(a, g, gs[i].current, gs[i].masked),
		      strategies_value_text(a, g, g->target, false), text_date_dk(a, g->deadline),
		      strategies_progress_text(a, &gs[i]), strategies_track_text(a, &gs[i], today));
	}
	html(o, "</tbody>\n");
	table_end(o);
	for (int i = 0; i < n; i++) {
		htmlf(o, "<h2>%s</h2>\n", gs[i].goal.title);
		strategies_chart(o, a, &gs[i]);
	}
}

/* a value as a cell: a number (kroner for soev_spend), or the text "<3" when masked */
static void value_cell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const struct goal *g,
                       int64_t v, bool masked, lxw_format *money)
{
	if (masked && v >= 1 && v <= 2)
		worksheet_write_string(ws, row, col, "<3", NULL);
	else if (goal_metric_is_money(g->metric))
		worksheet_write_number(ws, row, col, (double)v / 100.0, money);
	else
		worksheet_write_number(ws, row, col, (double)v, NULL);
}

int strategies_report_xlsx(struct buf *out, struct arena *a, const struct strategy *s,
                           const struct goal_status *gs, int n, const char *today)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_format *bold = workbook_add_format(x.wb);
	format_set_bold(bold);
	lxw_format *money = workbook_add_format(x.wb);
	format_set_num_format(money, "#,##0.00");
	lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Mål");
	worksheet_write_string(ws, 0, 0, s->title, bold);
	worksheet_write_string(ws, 1, 0, arena_printf(a, "%s Kommune, periode %s, opgjort %s",
	                                              s->kommune_navn, strategies_period_text(a, s),
	                                              text_date_dk(a, today)), NULL);
	static const char *const head[] = {"Mål", "Måling", "Startdato", "Udgangspunkt", "Nu", "Mål",
	                                   "Frist", "Fremdrift (%)", "Status"};
	for (int c = 0; c < 9; c++)
		worksheet_write_string(ws, 3, (lxw_col_t)c, head[c], bold);
	for (int i = 0; i < n; i++) {
		lxw_row_t row = (lxw_row_t)(4 + i);
		const struct goal *g = &gs[i].goal;
		worksheet_write_string(ws, row, 0, g->title, NULL);
		worksheet_write_string(ws, row, 1, goal_metric_label(g->metric), NULL);
		worksheet_write_string(ws, row, 2, g->baseline_date, NULL);
		value_cell(ws, row, 3, g, gs[i].baseline, gs[i].masked, money);
		value_cell(ws, row, 4, g, gs[i].current, gs[i].masked, money);
		value_cell(ws, row, 5, g, g->target, false, money);
		worksheet_write_string(ws, row, 6, g->deadline, NULL);
		if (!strategies_progress_shown(&gs[i]))
			worksheet_write_string(ws, row, 7, "–", NULL);
		else
			worksheet_write_number(ws, row, 7, (double)(int)(gs[i].progress * 100.0 + 0.5), NULL);
		worksheet_write_string(ws, row, 8, strategies_track_text(a, &gs[i], today), NULL);
	}
	lxw_worksheet *ms = workbook_add_worksheet(x.wb, "Måneder");
	static const char *const mhead[] = {"Mål", "Måned", "Værdi", "Lige linje mod målet"};
	for (int c = 0; c < 4; c++)
		worksheet_write_string(ms, 0, (lxw_col_t)c, mhead[c], bold);
	lxw_row_t row = 1;
	for (int i = 0; i < n; i++)
		for (int k = 0; k < gs[i].nseries; k++, row++) {
			worksheet_write_string(ms, row, 0, gs[i].goal.title, NULL);
			worksheet_write_string(ms, row, 1, gs[i].series[k].month, NULL);
			value_cell(ms, row, 2, &gs[i].goal, gs[i].series[k].value, gs[i].masked, money);
			value_cell(ms, row, 3, &gs[i].goal, gs[i].series[k].line, false, money);
		}
	return xlsx_close(&x, out, false);
}

/* ---------------------------------------------------------------- JSON */

void strategies_json(struct json *w, const struct strategy *s)
{
	json_int(w, "id", s->id);
	json_str(w, "kommune", s->kommune);
	json_str(w, "kommune_navn", s->kommune_navn);
	json_str(w, "title", s->title);
	json_str(w, "adopted_by", s->adopted_by);
	json_str(w, "adopted_on", s->adopted_on);
	json_str(w, "period_start", s->period_start);
	json_str(w, "period_end", s->period_end);
	json_str(w, "link", s->link);
	json_bool(w, "public", s->public);
	if (s->document_size > 0) {
		char path[64];
		snprintf(path, sizeof path, "/strategier/%lld/dokument.pdf", (long long)s->id);
		json_str(w, "document_url", path);
	}
	else
		json_null_at(w, "document_url");
	json_int(w, "goals_count", s->ngoals);
	json_str(w, "created_at", s->created_at);
	json_str(w, "updated_at", s->updated_at);
}

/* a value of goal g: an amount for soev_spend, "<3" when masked, else a number */
static void value_json(struct json *w, struct arena *a, const char *key, const struct goal *g,
                       int64_t v, bool masked)
{
	if (goal_metric_is_money(g->metric)) {
		char m[MONEY_TEXT];
		json_str(w, key, money_api(m, v));
	}
	else if (masked && v >= 1 && v <= 2)
		json_str(w, key, goals_count_text(a, v, true));
	else
		json_int(w, key, v);
}

void strategies_goal_json(struct json *w, struct arena *a, const struct goal_status *st)
{
	const struct goal *g = &st->goal;
	json_obj_open(w, NULL);
	json_int(w, "id", g->id);
	json_str(w, "title", g->title);
	json_str(w, "metric", goal_metric_key(g->metric));
	json_str(w, "metric_label", goal_metric_label(g->metric));
	json_str(w, "baseline_date", g->baseline_date);
	value_json(w, a, "baseline", g, st->baseline, st->masked);
	value_json(w, a, "current", g, st->current, st->masked);
	value_json(w, a, "target", g, g->target, false);
	if (strategies_progress_shown(st))
		json_double(w, "progress", st->progress);
	else
		json_null_at(w, "progress");
	json_bool(w, "on_track", st->on_track);
	value_json(w, a, "expected", g, st->expected, false);
	json_str(w, "deadline", g->deadline);
	json_arr_open(w, "series");
	for (int i = 0; i < st->nseries; i++) {
		json_obj_open(w, NULL);
		json_str(w, "month", st->series[i].month);
		value_json(w, a, "value", g, st->series[i].value, st->masked);
		value_json(w, a, "target_line", g, st->series[i].line, false);
		json_obj_close(w);
	}
	json_arr_close(w);
	json_obj_close(w);
}

void strategies_report_json(struct buf *o, struct arena *a, const struct strategy *s,
                            const struct goal_status *gs, int n, const char *today)
{
	struct json w;
	json_init(&w, o);
	json_obj_open(&w, NULL);
	strategies_json(&w, s);
	json_str(&w, "today", today);
	json_arr_open(&w, "goals");
	for (int i = 0; i < n; i++)
		strategies_goal_json(&w, a, &gs[i]);
	json_arr_close(&w);
	json_obj_close(&w);
}
