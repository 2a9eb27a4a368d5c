/*
 * strategies_show_web.c — one strategy's page (/strategier/{id}): its facts, the PDF, and each
 * goal with its current value, progress, on track or behind in words, a monthly chart with the
 * straight target line, and for a manual goal its values with their form and history; for who
 * may write it the forms to change the strategy, add and delete goals, upload the PDF and
 * delete the strategy (each deletion confirmed first). Layer: handlers of the collab
 * capability; the rules are strategies.h's.
 */
#include <string.h>

#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "strategies.h"
#include "strategies_report.h"
#include "strategies_web.h"
#include "strategies_web_common.h"

#define NOT_FOUND "Strategien findes ikke."

/* the field errors of r renamed prefix + field, for a form whose fields carry the prefix so
 * that their ids are unique on the page */
static void prefix_errs(struct req *r, const char *prefix)
{
	for (int i = 0; i < r->errs.n; i++)
		if (r->errs.e[i].field)
			r->errs.e[i].field = arena_printf(&r->a, "%s%s", prefix, r->errs.e[i].field);
}

/* ---------------------------------------------------------------- the page */

static const char *notice_of(const char *ok)
{
	static const struct {
		const char *key, *text;
	} notices[] = {
		{"oprettet", "Strategien er oprettet. Tilføj dens mål nedenfor."},
		{"gemt", "Strategien er gemt."},
		{"maal", "Målet er tilføjet."},
		{"maal-slettet", "Målet er slettet."},
		{"vaerdi", "Værdien er registreret."},
		{"dokument", "Strategiens PDF er gemt."},
	};
	for (size_t i = 0; ok && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(notices[i].key, ok))
			return notices[i].text;
	return NULL;
}

/* what the forms of the page were sent with, to show them again */
struct sent {
	const char *action;
	int64_t goal;               /* the goal a value or a deletion is for */
	const char *title, *metric, *baseline_date, *target, *deadline; /* a new goal */
	const char *date, *value;   /* a manual value */
	bool confirm_delete;        /* the strategy's deletion to confirm */
	int64_t confirm_goal;       /* a goal's deletion to confirm */
	const struct strategy *edited; /* the strategy's form as sent */
};

static bool sent_is(const struct sent *s, const char *action)
{
	return s->action && !strcmp(s->action, action);
}

static void values_section(struct req *r, const struct strategy *s, const struct goal_status *st,
                           bool writer, const struct sent *sn)
{
	struct buf *o = &r->out;
	struct goal_value *vs;
	int nv;
	if (goals_values(r->db, &r->a, r->user, st->goal.id, &vs, &nv) != 0)
		nv = 0;
	htmlf(o, "<h4>Registrerede værdier</h4>\n");
	if (nv == 0)
		html(o, "<p class=\"empty\">Ingen værdier endnu.</p>\n");
	else {
		table_begin(o, arena_printf(&r->a, "Værdier for %s", st->goal.title), NULL);
		html(o, "<thead><tr><th scope=\"col\">Dato</th><th scope=\"col\">Værdi</th>"
		        "<th scope=\"col\">Registreret af</th><th scope=\"col\">Registreret</th></tr></thead>\n<tbody>\n");
		for (int i = 0; i < nv; i++)
			htmlf(o, "<tr><td>%s</td><td>%lld</td><td>%s</td><td>%s</td></tr>\n",
			      text_date_dk(&r->a, vs[i].date), (long long)vs[i].value, vs[i].by_name,
			      text_date_dk(&r->a, vs[i].created_at));
		html(o, "</tbody>\n");
		table_end(o);
	}
	if (!writer)
		return;
	bool mine = sent_is(sn, "value_add") && sn->goal == st->goal.id;
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	htmlf(o, "<form method=\"post\" action=\"/strategier/%lld#maal-%lld\" class=\"stack\" novalidate>\n",
	      (long long)s->id, (long long)st->goal.id);
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"value_add\">"
	         "<input type=\"hidden\" name=\"goal\" value=\"%lld\">\n"
	         "<fieldset><legend>Registrér en værdi for %s</legend>\n",
	      (long long)st->goal.id, st->goal.title);
	const char *date_name = arena_printf(&r->a, "g%lld_date", (long long)st->goal.id);
	const char *value_name = arena_printf(&r->a, "g%lld_value", (long long)st->goal.id);
	form_input(o, &(struct form_field){.name = date_name, .label = "Dato", .type = "date",
	                                   .value = mine ? sn->date : page_today(r), .required = true,
	                                   .error = errs_get(er, date_name)});
	form_input(o, &(struct form_field){.name = value_name, .label = "Værdi", .type = "number",
	                                   .value = mine ? sn->value : "", .required = true,
	                                   .error = errs_get(er, value_name)});
	html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Registrér værdi</button></div>\n"
	        "</form>\n");
}

static void goal_section(struct req *r, const struct strategy *s, const struct goal_status *st,
                         bool writer, const struct sent *sn)
{
	struct buf *o = &r->out;
	const struct goal *g = &st->goal;
	htmlf(o, "<section class=\"goal\" aria-labelledby=\"maal-%lld\">\n<h3 id=\"maal-%lld\">%s</h3>\n",
	      (long long)g->id, (long long)g->id, g->title);
	htmlf(o, "<p>Måles som: %s, fra %s til fristen %s.</p>\n", goal_metric_label(g->metric),
	      text_date_dk(&r->a, g->baseline_date), text_date_dk(&r->a, g->deadline));
	htmlf(o, "<dl class=\"facts\"><dt>Udgangspunkt</dt><dd>%s</dd><dt>Nu</dt><dd>%s</dd>"
	         "<dt>Mål</dt><dd>%s</dd><dt>Status</dt><dd><strong>%s</strong></dd></dl>\n",
	      strategies_value_text(&r->a, g, st->baseline, st->masked),
	      strategies_value_text(&r->a, g, st->current, st->masked),
	      strategies_value_text(&r->a, g, g->target, false), strategies_track_text(&r->a, st, page_today(r)));
	int pct = strategies_progress_shown(st) ? (int)(st->progress * 100.0 + 0.5) : 0;
	htmlf(o, "<p><label for=\"fremdrift-%lld\">Fremdrift: %s</label><br>"
	         "<progress id=\"fremdrift-%lld\" max=\"100\" value=\"%d\">%s</progress></p>\n",
	      (long long)g->id, strategies_progress_text(&r->a, st), (long long)g->id,
	      pct > 100 ? 100 : pct, strategies_progress_text(&r->a, st));
	strategies_chart(&r->out, &r->a, st);
	if (g->metric == GOAL_MANUAL)
		values_section(r, s, st, writer, sn);
	if (writer) {
		if (sn->confirm_goal == g->id) {
			const struct form_hidden hidden[] = {
				{"action", "goal_delete"},
				{"goal", arena_printf(&r->a, "%lld", (long long)g->id)},
				{"confirm", "1"},
			};
			form_confirm(o, &(struct form_confirm){
				.before = "Vil du slette målet ", .name = g->title,
				.after = " og dets registrerede værdier? Det kan ikke fortrydes.",
				.action = arena_printf(&r->a, "/strategier/%lld", (long long)s->id),
				.csrf = r->csrf, .hidden = hidden, .nhidden = 3, .yes = "Ja, slet målet",
				.back = arena_printf(&r->a, "/strategier/%lld#maal-%lld", (long long)s->id,
				                     (long long)g->id)});
		}
		else {
			htmlf(o, "<form method=\"post\" action=\"/strategier/%lld\">", (long long)s->id);
			form_csrf(o, r->csrf);
			htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"goal_delete\">"
			         "<input type=\"hidden\" name=\"goal\" value=\"%lld\">"
			         "<button type=\"submit\" class=\"link\">Slet målet %s</button></form>\n",
			      (long long)g->id, g->title);
		}
	}
	html(o, "</section>\n");
}

static void goal_form(struct req *r, const struct strategy *s, const struct sent *sn)
{
	struct buf *o = &r->out;
	bool mine = sent_is(sn, "goal_add");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	struct form_option opts[GOAL_NMETRICS + 1];
	opts[0] = (struct form_option){"", "Vælg måling"};
	for (int i = 0; i < GOAL_NMETRICS; i++)
		opts[i + 1] = (struct form_option){goal_metric_key((enum goal_metric)i),
		                                   goal_metric_label((enum goal_metric)i)};
	htmlf(o, "<h2 id=\"nyt-maal\">Tilføj et mål</h2>\n"
	         "<form method=\"post\" action=\"/strategier/%lld#nyt-maal\" class=\"stack\" novalidate>\n",
	      (long long)s->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"goal_add\">\n");
	form_input(o, &(struct form_field){.name = "goal_title", .label = "Målets titel",
	                                   .value = mine ? sn->title : "", .required = true,
	                                   .error = errs_get(er, "goal_title"), .maxlength = 300});
	form_select(o, &(struct form_field){.name = "goal_metric", .label = "Måling", .required = true,
	                                    .value = mine ? sn->metric : "",
	                                    .hint = "Alle målinger undtagen den manuelle tælles af Indgang"
	                                            " i kommunens egne data.",
	                                    .error = errs_get(er, "goal_metric")},
	            opts, GOAL_NMETRICS + 1);
	form_input(o, &(struct form_field){.name = "goal_baseline_date", .label = "Mål fra (startdato)",
	                                   .type = "date", .required = true,
	                                   .value = mine ? sn->baseline_date : s->period_start,
	                                   .error = errs_get(er, "goal_baseline_date")});
	form_input(o, &(struct form_field){.name = "goal_target", .label = "Mål (antal, eller kroner for køb)",
	                                   .value = mine ? sn->target : "", .required = true,
	                                   .error = errs_get(er, "goal_target")});
	form_input(o, &(struct form_field){.name = "goal_deadline", .label = "Frist", .type = "date",
	                                   .required = true, .value = mine ? sn->deadline : s->period_end,
	                                   .error = errs_get(er, "goal_deadline")});
	html(o, "<div class=\"actions\"><button type=\"submit\">Tilføj mål</button></div>\n</form>\n");
}

static void writer_sections(struct req *r, const struct strategy *s, const struct sent *sn)
{
	struct buf *o = &r->out;
	goal_form(r, s, sn);
	bool mine = sent_is(sn, "update");
	const struct errs *er = mine ? &r->errs : &(struct errs){0};
	const struct strategy *shown = mine && sn->edited ? sn->edited : s;
	htmlf(o, "<h2 id=\"ret\">Ret strategien</h2>\n"
	         "<form method=\"post\" action=\"/strategier/%lld#ret\" class=\"stack\" novalidate>\n",
	      (long long)s->id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"update\">\n");
	strategies_form_fields(r, shown, false, er);
	html(o, "<div class=\"actions\"><button type=\"submit\">Gem strategien</button></div>\n</form>\n");
	bool doc = sent_is(sn, "document");
	htmlf(o, "<h2 id=\"pdf\">Strategien som PDF</h2>\n"
	         "<form method=\"post\" action=\"/strategier/%lld/dokument\" enctype=\"multipart/form-data\""
	         " class=\"stack\" novalidate>\n", (long long)s->id);
	form_csrf(o, r->csrf);
	form_input(o, &(struct form_field){.name = "document", .label = "PDF-fil", .type = "file",
	                                   .hint = "Højst 10 MB. Filen kontrolleres ved indholdet.",
	                                   .error = doc ? errs_get(&r->errs, "document") : NULL});
	html(o, "<div class=\"actions\"><button type=\"submit\">Gem PDF</button></div>\n</form>\n");
	html(o, "<h2 id=\"slet\">Slet strategien</h2>\n");
	if (sn->confirm_delete) {
		const struct form_hidden hidden[] = {{"action", "delete"}, {"confirm", "1"}};
		form_confirm(o, &(struct form_confirm){
			.before = "Vil du slette ", .name = s->title,
			.after = " med alle dens mål og værdier? Det kan ikke fortrydes.",
			.action = arena_printf(&r->a, "/strategier/%lld#slet", (long long)s->id),
			.csrf = r->csrf, .hidden = hidden, .nhidden = 2, .yes = "Ja, slet strategien",
			.back = arena_printf(&r->a, "/strategier/%lld", (long long)s->id)});
	}
	else {
		htmlf(o, "<form method=\"post\" action=\"/strategier/%lld#slet\">", (long long)s->id);
		form_csrf(o, r->csrf);
		html(o, "<input type=\"hidden\" name=\"action\" value=\"delete\">"
		        "<button type=\"submit\" class=\"danger\">Slet strategien</button></form>\n");
	}
}

static int show(struct req *r, int64_t id, int status, const struct sent *sn)
{
	struct strategy s;
	enum strategies_view view;
	int rc = strategies_get(r->db, &r->a, r->user, id, &s, &view);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	struct goal_status *gs;
	int ng;
	if ((rc = goals_status(r->db, &r->a, r->user, id, page_today(r), &gs, &ng)) != 0)
		return page_fail(r, rc, NOT_FOUND);
	bool writer = view == STRATEGIES_WRITE;
	page_begin(r, s.title);
	struct buf *o = &r->out;
	const char *notice = notice_of(req_query(r, "ok"));
	if (notice && status == 200)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", notice);
	form_error_summary(o, &r->errs);
	htmlf(o, "<dl class=\"facts\"><dt>Kommune</dt><dd>%s</dd><dt>Periode</dt><dd>%s</dd>",
	      s.kommune_navn, strategies_period_text(&r->a, &s));
	if (*s.adopted_by || s.adopted_on)
		htmlf(o, "<dt>Vedtaget</dt><dd>%s%s%s</dd>", s.adopted_by,
		      *s.adopted_by && s.adopted_on ? " den " : "",
		      s.adopted_on ? text_date_dk(&r->a, s.adopted_on) : "");
	if (*s.link)
		htmlf(o, "<dt>Link</dt><dd><a href=\"%s\" rel=\"noopener noreferrer\">%s</a></dd>", s.link, s.link);
	if (s.document_size > 0)
		htmlf(o, "<dt>Dokument</dt><dd><a href=\"/strategier/%lld/dokument.pdf\">%s (PDF)</a></dd>",
		      (long long)s.id, s.document_name);
	htmlf(o, "<dt>Offentlig</dt><dd>%s</dd></dl>\n", s.public ? "Ja, alle kan se den" : "Nej, kun kommunens medarbejdere");
	htmlf(o, "<p>Rapport til udvalget: <a href=\"/strategier/%lld/rapport\">til udskrift</a> · "
	         "<a href=\"/strategier/%lld/rapport.xlsx\">Excel (XLSX)</a></p>\n",
	      (long long)s.id, (long long)s.id);
	htmlf(o, "<h2>Mål (%d)</h2>\n<p class=\"hint\">Værdierne tælles i dag, %s, i Indgangs data for"
	         " %s Kommune. På sporet betyder, at værdien mindst er på den lige linje fra"
	         " udgangspunktet til målet ved fristen.</p>\n",
	      ng, text_date_dk(&r->a, page_today(r)), s.kommune_navn);
	if (ng == 0)
		html(o, "<p class=\"empty\" role=\"status\">Strategien har ingen mål endnu.</p>\n");
	for (int i = 0; i < ng; i++)
		goal_section(r, &s, &gs[i], writer, sn);
	if (writer)
		writer_sections(r, &s, sn);
	return page_end(r, status);
}

/* GET /strategier/{id} — who may read it (a public one: everybody). ?ok= a notice. */
int strategies_page_show(struct req *r)
{
	struct sent sn = {0};
	return show(r, req_param_int(r, "id"), 200, &sn);
}

static int64_t form_id(struct req *r, const char *name)
{
	long long v;
	return text_parse_int(req_form(r, name), 1, INT64_MAX, &v) == 0 ? (int64_t)v : 0;
}

/* the target typed: a whole number, or an amount for soev_spend; -1 when neither */
static int64_t target_of(const char *s, enum goal_metric metric)
{
	if (goal_metric_is_money(metric)) {
		int64_t ore;
		return s && money_parse(s, 0, &ore) == 0 ? ore : -1;
	}
	long long v;
	return s && text_parse_int(s, 1, INT64_MAX, &v) == 0 ? (int64_t)v : -1;
}

static int post_goal_add(struct req *r, int64_t id, struct sent *sn)
{
	sn->title = req_form(r, "goal_title");
	sn->metric = req_form(r, "goal_metric");
	sn->baseline_date = req_form(r, "goal_baseline_date");
	sn->target = req_form(r, "goal_target");
	sn->deadline = req_form(r, "goal_deadline");
	struct goal g = {.strategy_id = id, .title = sn->title, .baseline_date = sn->baseline_date,
	                 .deadline = sn->deadline, .metric = GOAL_MANUAL};
	if (goal_metric_parse(sn->metric, &g.metric) != 0)
		errs_add(&r->errs, "metric", "Vælg, hvad målet måles på.");
	g.target = target_of(sn->target ? text_trim(&r->a, sn->target) : NULL, g.metric);
	int rc = goals_save(r->db, &r->a, r->user, &g, &r->errs);
	if (rc == 0)
		return reply_redirect(r, arena_printf(&r->a, "/strategier/%lld?ok=maal#maal-%lld",
		                                      (long long)id, (long long)g.id));
	prefix_errs(r, "goal_");
	return rc;
}

static int post_value_add(struct req *r, int64_t id, struct sent *sn)
{
	sn->goal = form_id(r, "goal");
	const char *prefix = arena_printf(&r->a, "g%lld_", (long long)sn->goal);
	sn->date = req_form(r, arena_printf(&r->a, "%sdate", prefix));
	sn->value = req_form(r, arena_printf(&r->a, "%svalue", prefix));
	struct goal g;
	struct strategy s;
	int rc = goals_get(r->db, &r->a, r->user, sn->goal, &g, &s, NULL);
	if (rc == 0 && s.id != id)
		rc = ERR_NOTFOUND;
	if (rc)
		return rc;
	long long v;
	struct goal_value gv = {.date = sn->date, .value = -1};
	if (text_parse_int(sn->value ? text_trim(&r->a, sn->value) : "", 0, INT64_MAX, &v) == 0)
		gv.value = (int64_t)v;
	rc = goals_value_add(r->db, &r->a, r->user, g.id, &gv, &r->errs);
	if (rc == 0)
		return reply_redirect(r, arena_printf(&r->a, "/strategier/%lld?ok=vaerdi#maal-%lld",
		                                      (long long)id, (long long)g.id));
	prefix_errs(r, prefix);
	return rc;
}

/* POST /strategier/{id} — who may write it, CSRF. action: update (the strategy's fields),
 * goal_add (title, metric, baseline_date, target, deadline), goal_delete (goal, confirm=1),
 * value_add (goal, date, value), delete (confirm=1). 303; 422 the page with the form's
 * errors at their fields and what was typed; a deletion without confirm shows its
 * confirmation. */
int strategies_page_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct strategy s;
	enum strategies_view view;
	int rc = strategies_get(r->db, &r->a, r->user, id, &s, &view);
	if (rc == 0 && view != STRATEGIES_WRITE)
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	struct sent sn = {.action = req_form(r, "action")};
	const char *confirm = req_form(r, "confirm");
	bool confirmed = confirm && !strcmp(confirm, "1");
	if (sent_is(&sn, "update")) {
		struct strategy *e = arena_alloc(&r->a, sizeof(*e));
		*e = s;
		strategies_form_read(r, e);
		sn.edited = e;
		rc = strategies_save(r->db, &r->a, r->user, e, &r->errs);
		if (rc == 0)
			return reply_redirect(r, arena_printf(&r->a, "/strategier/%lld?ok=gemt", (long long)id));
	}
	else if (sent_is(&sn, "goal_add"))
		rc = post_goal_add(r, id, &sn);
	else if (sent_is(&sn, "value_add"))
		rc = post_value_add(r, id, &sn);
	else if (sent_is(&sn, "goal_delete")) {
		int64_t gid = form_id(r, "goal");
		struct goal g;
		struct strategy gs;
		rc = goals_get(r->db, &r->a, r->user, gid, &g, &gs, NULL);
		if (rc == 0 && gs.id != id)
			rc = ERR_NOTFOUND;
		if (rc == 0 && !confirmed) {
			sn.confirm_goal = gid;
			return show(r, id, 200, &sn);
		}
		if (rc == 0 && (rc = goals_delete(r->db, &r->a, r->user, gid)) == 0)
			return reply_redirect(r, arena_printf(&r->a, "/strategier/%lld?ok=maal-slettet", (long long)id));
		if (rc == ERR_NOTFOUND)
			return page_fail(r, rc, "Målet findes ikke.");
	}
	else if (sent_is(&sn, "delete")) {
		if (!confirmed) {
			sn.confirm_delete = true;
			return show(r, id, 200, &sn);
		}
		if ((rc = strategies_delete(r->db, &r->a, r->user, id)) == 0)
			return reply_redirect(r, "/strategier?ok=slettet");
	}
	else
		rc = errs_add(&r->errs, "action", "Ukendt handling.");
	if (rc == 0)
		return 0; /* answered: redirected */
	if (rc == ERR_INVALID)
		return show(r, id, 422, &sn);
	return page_fail(r, rc, NOT_FOUND);
}

/* POST /strategier/{id}/dokument — who may write it, CSRF, multipart (RF_UPLOAD): document, a
 * PDF judged by its bytes. 303; 422 the page with the message at the field; 413 over 10 MB. */
int strategies_page_document_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const struct req_file *f = req_file(r, "document");
	struct sent sn = {.action = "document"};
	int rc = strategies_set_document(r->db, &r->a, r->user, id, f ? f->data : NULL,
	                                 f ? f->len : 0, f ? f->filename : NULL, &r->errs);
	if (rc == 0)
		return reply_redirect(r, arena_printf(&r->a, "/strategier/%lld?ok=dokument#pdf", (long long)id));
	if (rc == ERR_INVALID)
		return show(r, id, 422, &sn);
	if (rc == ERR_TOOBIG) {
		errs_add(&r->errs, "document", "Filen er for stor: højst 10 MB.");
		return show(r, id, 413, &sn);
	}
	return page_fail(r, rc, NOT_FOUND);
}

/* GET /strategier/{id}/dokument.pdf — who may read the strategy: its PDF as a download. */
int strategies_page_document(struct req *r)
{
	const unsigned char *data;
	size_t len;
	const char *name;
	int rc = strategies_document(r->db, &r->a, r->user, req_param_int(r, "id"), &data, &len, &name);
	if (rc)
		return page_fail(r, rc, "Strategien har ingen PDF.");
	buf_reset(&r->out);
	buf_append(&r->out, data, len);
	return reply_download(r, "application/pdf",
	                      arena_printf(&r->a, "strategi-%lld.pdf", (long long)req_param_int(r, "id")));
}
