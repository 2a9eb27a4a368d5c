/*
 * pools_web.c — the pages of the national grant pool: the list (/puljer), a new pool
 * (/puljer/ny, the administrator), and one pool (/puljer/{id}): for the administrator the
 * applications, grants with the remainder shown, and payments; for a municipality's staff
 * their own application, the form to apply and the report of spend and activities. The final
 * report is pools_report_web.c. Layer: handlers of the collab capability; what a caller may
 * see and do is asked of pools.h.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "networks.h"
#include "pools.h"
#include "pools_web.h"

#define LIST_PAGE 50
#define NOT_FOUND "Puljen findes ikke."
#define FORM_LINES 5

static const char *kr(struct req *r, int64_t ore)
{
	char t[MONEY_TEXT];
	return arena_strdup(&r->a, money_da(t, ore));
}

/* a typed amount into *ore; a field error on field when it is no amount (empty: 0) */
static void form_amount(struct req *r, const char *name, const char *field, int64_t *ore)
{
	const char *s = req_form(r, name);
	*ore = 0;
	if (!s || !*text_trim(&r->a, s))
		return;
	if (money_parse(text_trim(&r->a, s), 0, ore) != 0) {
		*ore = -1;
		errs_add(&r->errs, field, "Skriv et beløb i kroner, fx 500.000 eller 1234,50.");
	}
}

/* the domain's field names given the prefix of the form they came from (fields unique on
 * the page) */
static void prefix_errors(struct req *r, const char *prefix)
{
	for (int i = 0; i < r->errs.n; i++)
		if (r->errs.e[i].field)
			r->errs.e[i].field = arena_printf(&r->a, "%s%s", prefix, r->errs.e[i].field);
}

static const char *status_da(const char *s)
{
	return s ? s : "Ikke søgt";
}

/* ---------------------------------------------------------------- the list */

/* GET /puljer — the administrator and every municipality's staff: the pools, newest first. */
int pools_page_list(struct req *r)
{
	int limit = page_limit(r, LIST_PAGE, 500), offset = page_offset(r);
	struct pool *items;
	int n, total;
	int rc = pools_list(r->db, &r->a, r->user, limit, offset, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Puljer");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Landsdækkende puljer, som kommunerne kan søge: bevillinger,"
	        " udbetalinger, forbrug og forpligtelser som deltagelse i netværksmøder.</p>\n");
	if (pools_may_admin(r->user))
		html(o, "<p><a class=\"button\" href=\"/puljer/ny\">Ny pulje</a></p>\n");
	if (n == 0) {
		html(o, "<p class=\"empty\" role=\"status\">Der er ingen puljer endnu.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Puljer", "numbers");
	html(o, "<caption class=\"visually-hidden\">Puljer</caption>\n<thead><tr>"
	        "<th scope=\"col\">Pulje</th><th scope=\"col\">Periode</th><th scope=\"col\">Puljens beløb</th>"
	        "<th scope=\"col\">Bevilget</th><th scope=\"col\">Tilbage</th>"
	        "<th scope=\"col\">Ansøgninger</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<tr><td><a href=\"/puljer/%lld\">%s</a></td><td>%s–%s</td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%d</td></tr>\n",
		      (long long)items[i].id, items[i].title, text_date_dk(&r->a, items[i].period_start),
		      text_date_dk(&r->a, items[i].period_end), kr(r, items[i].total_ore),
		      kr(r, items[i].granted_ore), kr(r, items[i].total_ore - items[i].granted_ore),
		      items[i].napplications);
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, "/puljer", "", offset, limit, total);
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- a new pool */

static int new_form(struct req *r, int status)
{
	struct network *nets;
	int nn, total;
	int rc = networks_list(r->db, &r->a, r->user, NULL, 500, 0, &nets, &nn, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	struct form_option *no = arena_alloc(&r->a, sizeof(*no) * (size_t)(nn + 1));
	int nno = 0;
	no[nno++] = (struct form_option){"", "Intet netværk"};
	for (int i = 0; i < nn; i++)
		if (!nets[i].kommune)
			no[nno++] = (struct form_option){arena_printf(&r->a, "%lld", (long long)nets[i].id),
			                                 nets[i].name};
	page_begin(r, "Ny pulje");
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/puljer\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	const char *v;
	form_input(o, &(struct form_field){.name = "title", .label = "Titel",
	                                   .value = (v = req_form(r, "title")) ? v : "",
	                                   .error = errs_get(&r->errs, "title"), .required = true,
	                                   .maxlength = 200});
	form_input(o, &(struct form_field){.name = "total", .label = "Puljens samlede beløb (kr.)",
	                                   .value = (v = req_form(r, "total")) ? v : "",
	                                   .hint = "Fx 7.000.000", .error = errs_get(&r->errs, "total"),
	                                   .required = true});
	form_input(o, &(struct form_field){.name = "max_per_kommune", .label = "Højst pr. kommune (kr.)",
	                                   .value = (v = req_form(r, "max_per_kommune")) ? v : "",
	                                   .hint = "Fx 500.000", .error = errs_get(&r->errs, "max_per_kommune"),
	                                   .required = true});
	form_input(o, &(struct form_field){.name = "period_start", .label = "Periodens start", .type = "date",
	                                   .value = (v = req_form(r, "period_start")) ? v : "",
	                                   .error = errs_get(&r->errs, "period_start"), .required = true});
	form_input(o, &(struct form_field){.name = "period_end", .label = "Periodens slut", .type = "date",
	                                   .value = (v = req_form(r, "period_end")) ? v : "",
	                                   .error = errs_get(&r->errs, "period_end"), .required = true});
	form_textarea(o, &(struct form_field){.name = "obligations", .label = "Forpligtelser",
	                                      .value = (v = req_form(r, "obligations")) ? v : "",
	                                      .hint = "Fx deltagelse i fire netværksmøder og en evaluering.",
	                                      .error = errs_get(&r->errs, "obligations")}, 4);
	form_select(o, &(struct form_field){.name = "network_id", .label = "Puljens netværk",
	                                    .value = (v = req_form(r, "network_id")) ? v : "",
	                                    .error = errs_get(&r->errs, "network_id")}, no, nno);
	form_input(o, &(struct form_field){.name = "meetings_required", .label = "Netværksmøder, hver kommune skal deltage i",
	                                   .type = "number", .value = (v = req_form(r, "meetings_required")) ? v : "0",
	                                   .error = errs_get(&r->errs, "meetings_required")});
	form_input(o, &(struct form_field){.name = "rounds", .label = "Undersøgelsesrunder",
	                                   .value = (v = req_form(r, "rounds")) ? v : "",
	                                   .hint = "Undersøgelse/runde, fx soev-2015/november-2015; flere adskilt af mellemrum.",
	                                   .error = errs_get(&r->errs, "rounds")});
	html(o, "<div class=\"actions\"><button type=\"submit\">Opret pulje</button> "
	        "<a href=\"/puljer\">Annullér</a></div>\n</form>\n");
	return page_end(r, status);
}

/* GET /puljer/ny — the administrator. */
int pools_page_new(struct req *r)
{
	if (!pools_may_admin(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	return new_form(r, 200);
}

/* a typed whole number: 0 when empty, -1 when not one */
static int64_t number_of(struct req *r, const char *s)
{
	long long v;
	const char *t = s ? text_trim(&r->a, s) : "";
	if (!*t)
		return 0;
	return text_parse_int(t, 0, 1000000000, &v) == 0 ? (int64_t)v : -1;
}

/* "survey/round survey/round" into p's rounds; a field error on rounds when malformed */
static void form_rounds(struct req *r, struct pool *p)
{
	const char *s = req_form(r, "rounds");
	char *t = s ? arena_strdup(&r->a, s) : NULL;
	while (t && *t) {
		t += strspn(t, " \t\r\n,");
		if (!*t)
			break;
		char *w = t;
		t += strcspn(t, " \t\r\n,");
		if (*t)
			*t++ = '\0';
		char *slash = strchr(w, '/');
		if (!slash || slash == w || !slash[1] || p->nrounds >= POOLS_MAX_ROUNDS) {
			errs_add(&r->errs, "rounds", "Skriv runderne som undersøgelse/runde, fx soev-2015/november-2015.");
			return;
		}
		*slash = '\0';
		p->rounds[p->nrounds++] = (struct pool_round){w, slash + 1, NULL};
	}
}

/* POST /puljer — the administrator, CSRF. 303 to the pool; 422 with the form. */
int pools_page_create(struct req *r)
{
	if (!pools_may_admin(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct pool p = {0};
	p.title = req_form(r, "title");
	p.period_start = req_form(r, "period_start");
	p.period_end = req_form(r, "period_end");
	p.obligations = req_form(r, "obligations");
	form_amount(r, "total", "total", &p.total_ore);
	form_amount(r, "max_per_kommune", "max_per_kommune", &p.max_ore);
	p.meetings_required = (int)number_of(r, req_form(r, "meetings_required"));
	p.network_id = number_of(r, req_form(r, "network_id"));
	form_rounds(r, &p);
	int rc = pools_create(r->db, &r->a, r->user, &p, &r->errs);
	if (rc == ERR_INVALID)
		return new_form(r, 422);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/puljer/%lld?ok=oprettet", (long long)p.id));
}

/* ---------------------------------------------------------------- one pool */

static const char *notice_of(const char *ok)
{
	static const struct {
		const char *key, *text;
	} notices[] = {
		{"oprettet", "Puljen er oprettet."},
		{"ansoegt", "Ansøgningen er sendt."},
		{"bevilget", "Bevillingen er registreret."},
		{"udbetalt", "Udbetalingen er registreret."},
		{"forbrug", "Forbruget og aktiviteterne er indberettet."},
		{"afslaaet", "Ansøgningen er afslået."},
	};
	for (size_t i = 0; ok && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(notices[i].key, ok))
			return notices[i].text;
	return NULL;
}

/* what one pool's page shows */
struct view {
	struct pool p;
	struct pool_application *apps;
	struct pool_status *st;
	struct pool_entry *e[3];
	int napps, nst, ne[3];
	bool admin, actor;     /* keeps the pool; applies and reports for r->user's municipality */
	const char *action;    /* the form that was sent, when shown again */
};

static int load_view(struct req *r, int64_t id, struct view *v)
{
	memset(v, 0, sizeof(*v));
	int rc = pools_get(r->db, &r->a, r->user, id, &v->p);
	if (rc == 0)
		rc = pools_applications(r->db, &r->a, r->user, id, &v->apps, &v->napps);
	if (rc == 0)
		rc = pools_status(r->db, &r->a, r->user, id, &v->st, &v->nst);
	for (int k = 0; rc == 0 && k < 3; k++)
		rc = pools_entries(r->db, &r->a, r->user, id, (enum pools_entry_kind)k, &v->e[k], &v->ne[k]);
	v->admin = pools_may_admin(r->user);
	v->actor = !v->admin && r->user && pools_may_act(r->user, r->user->kommune);
	return rc;
}

static void summary(struct req *r, const struct view *v)
{
	struct buf *o = &r->out;
	const struct pool *p = &v->p;
	htmlf(o, "<dl class=\"facts\"><dt>Periode</dt><dd>%s–%s</dd>"
	         "<dt>Puljens beløb</dt><dd>%s</dd><dt>Højst pr. kommune</dt><dd>%s</dd>"
	         "<dt>Bevilget</dt><dd>%s</dd><dt>Tilbage i puljen</dt><dd>%s</dd>"
	         "<dt>Udbetalt</dt><dd>%s</dd>",
	      text_date_dk(&r->a, p->period_start), text_date_dk(&r->a, p->period_end),
	      kr(r, p->total_ore), kr(r, p->max_ore), kr(r, p->granted_ore),
	      kr(r, p->total_ore - p->granted_ore), kr(r, p->paid_ore));
	if (p->network_id)
		htmlf(o, "<dt>Netværk</dt><dd><a href=\"/netvaerk/%lld\">%s</a> (%d møder skal deltages i)</dd>",
		      (long long)p->network_id, p->network_name ? p->network_name : "", p->meetings_required);
	html(o, "</dl>\n");
	if (*p->obligations)
		htmlf(o, "<h2>Forpligtelser</h2>\n<p class=\"pre\">%s</p>\n", p->obligations);
	htmlf(o, "<p><a href=\"/puljer/%lld/rapport\">Slutrapport</a></p>\n", (long long)p->id);
}

static void status_table(struct req *r, const struct view *v)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"kommuner\">Kommuner</h2>\n");
	if (v->nst == 0) {
		html(o, "<p class=\"empty\">Ingen kommuner har søgt eller fået bevilget endnu.</p>\n");
		return;
	}
	table_begin(o, "Kommuner i puljen", "numbers");
	html(o, "<caption class=\"visually-hidden\">Kommuner i puljen</caption>\n<thead><tr>"
	        "<th scope=\"col\">Kommune</th><th scope=\"col\">Ansøgning</th><th scope=\"col\">Søgt</th>"
	        "<th scope=\"col\">Bevilget</th><th scope=\"col\">Udbetalt</th><th scope=\"col\">Forbrug</th>"
	        "<th scope=\"col\">Netværksmøder</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < v->nst; i++) {
		const struct pool_status *s = &v->st[i];
		htmlf(o, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
		         "<td>%d af %d%s</td></tr>\n",
		      s->kommune_navn, status_da(s->application_status), kr(r, s->applied_ore),
		      kr(r, s->granted_ore), kr(r, s->paid_ore), kr(r, s->spent_ore), s->meetings_attended,
		      s->meetings_required, s->meetings_attended >= s->meetings_required ? " (opfyldt)" : "");
	}
	html(o, "</tbody>\n");
	table_end(o);
}

static void applications_section(struct req *r, const struct view *v)
{
	struct buf *o = &r->out;
	html(o, "<h2 id=\"ansoegninger\">Ansøgninger</h2>\n");
	if (v->napps == 0) {
		html(o, "<p class=\"empty\">Ingen ansøgninger endnu.</p>\n");
		return;
	}
	for (int i = 0; i < v->napps; i++) {
		const struct pool_application *x = &v->apps[i];
		htmlf(o, "<section class=\"card\"><h3>%s: %s (%s)</h3>\n", x->kommune_navn,
		      kr(r, x->amount_ore), x->status);
		if (*x->activities)
			htmlf(o, "<p class=\"pre\">%s</p>\n", x->activities);
		if (x->nlines > 0) {
			const char *label = arena_printf(&r->a, "Budget, %s", x->kommune_navn);
			table_begin(o, label, "numbers");
			htmlf(o, "<caption>%s</caption>\n<thead><tr><th scope=\"col\">Post</th>"
			         "<th scope=\"col\">Beløb</th></tr></thead>\n<tbody>\n", label);
			for (int k = 0; k < x->nlines; k++)
				htmlf(o, "<tr><td>%s</td><td>%s</td></tr>\n", x->lines[k].label,
				      kr(r, x->lines[k].amount_ore));
			html(o, "</tbody>\n");
			table_end(o);
		}
		if (v->admin && !strcmp(x->status, POOLS_APPLIED)) {
			htmlf(o, "<form method=\"post\" action=\"/puljer/%lld\" class=\"actions\">\n",
			      (long long)v->p.id);
			form_csrf(o, r->csrf);
			htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"reject\">"
			         "<input type=\"hidden\" name=\"kommune\" value=\"%s\">"
			         "<button type=\"submit\" class=\"link\" aria-label=\"Afslå ansøgningen fra %s\">"
			         "Afslå</button></form>\n",
			      x->kommune, x->kommune_navn);
		}
		html(o, "</section>\n");
	}
}

static void entries_table(struct req *r, const char *label, const struct pool_entry *e, int n,
                          bool with_text)
{
	struct buf *o = &r->out;
	htmlf(o, "<h2>%s</h2>\n", label);
	if (n == 0) {
		html(o, "<p class=\"empty\">Ingen endnu.</p>\n");
		return;
	}
	table_begin(o, label, "numbers");
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr><th scope=\"col\">Dato</th>"
	         "<th scope=\"col\">Kommune</th><th scope=\"col\">Beløb</th>", label);
	if (with_text)
		html(o, "<th scope=\"col\">Aktiviteter</th>");
	html(o, "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		htmlf(o, "<tr><td>%s</td><td>%s</td><td>%s</td>", text_date_dk(&r->a, e[i].day),
		      e[i].kommune_navn, kr(r, e[i].amount_ore));
		if (with_text)
			htmlf(o, "<td>%s</td>", e[i].text);
		html(o, "</tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
}

/* a form's field with the value sent again when this form was the one sent */
static const char *sent(struct req *r, const struct view *v, const char *action, const char *name,
                        const char *def)
{
	const char *s = v->action && !strcmp(v->action, action) ? req_form(r, name) : NULL;
	return s ? s : def;
}

static void kommune_select(struct req *r, const struct view *v, const char *action,
                           const char *name, const struct kommune *ks, int nk)
{
	struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk + 1));
	ko[0] = (struct form_option){"", "Vælg kommune"};
	for (int i = 0; i < nk; i++)
		ko[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	form_select(&r->out, &(struct form_field){.name = name, .label = "Kommune",
	                                          .value = sent(r, v, action, name, ""),
	                                          .error = errs_get(&r->errs, name)}, ko, nk + 1);
}

static int admin_forms(struct req *r, const struct view *v)
{
	struct kommune *ks;
	int nk;
	int rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return rc;
	struct buf *o = &r->out;
	html(o, "<h2 id=\"bevil\">Bevil</h2>\n");
	htmlf(o, "<p>Der er <strong>%s</strong> tilbage i puljen. En kommune kan højst få %s.</p>\n",
	      kr(r, v->p.total_ore - v->p.granted_ore), kr(r, v->p.max_ore));
	htmlf(o, "<form method=\"post\" action=\"/puljer/%lld#bevil\" class=\"stack\" novalidate>\n",
	      (long long)v->p.id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"grant\">\n");
	kommune_select(r, v, "grant", "g_kommune", ks, nk);
	form_input(o, &(struct form_field){.name = "g_amount", .label = "Beløb (kr.)",
	                                   .value = sent(r, v, "grant", "g_amount", ""),
	                                   .error = errs_get(&r->errs, "g_amount"), .required = true});
	form_input(o, &(struct form_field){.name = "g_date", .label = "Bevilget den", .type = "date",
	                                   .value = sent(r, v, "grant", "g_date", page_today(r)),
	                                   .error = errs_get(&r->errs, "g_date")});
	html(o, "<div class=\"actions\"><button type=\"submit\">Bevil</button></div>\n</form>\n");
	html(o, "<h2 id=\"udbetal\">Registrér udbetaling</h2>\n");
	htmlf(o, "<form method=\"post\" action=\"/puljer/%lld#udbetal\" class=\"stack\" novalidate>\n",
	      (long long)v->p.id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"pay\">\n");
	kommune_select(r, v, "pay", "p_kommune", ks, nk);
	form_input(o, &(struct form_field){.name = "p_date", .label = "Dato", .type = "date",
	                                   .value = sent(r, v, "pay", "p_date", page_today(r)),
	                                   .error = errs_get(&r->errs, "p_date"), .required = true});
	form_input(o, &(struct form_field){.name = "p_amount", .label = "Beløb (kr.)",
	                                   .value = sent(r, v, "pay", "p_amount", ""),
	                                   .error = errs_get(&r->errs, "p_amount"), .required = true});
	html(o, "<div class=\"actions\"><button type=\"submit\">Registrér udbetaling</button></div>\n</form>\n");
	return 0;
}

static void actor_forms(struct req *r, const struct view *v)
{
	struct buf *o = &r->out;
	bool applied = false;
	for (int i = 0; i < v->napps; i++)
		applied |= !strcmp(v->apps[i].kommune, r->user->kommune);
	if (!applied) {
		html(o, "<h2 id=\"soeg\">Søg puljen</h2>\n");
		htmlf(o, "<form method=\"post\" action=\"/puljer/%lld#soeg\" class=\"stack\" novalidate>\n",
		      (long long)v->p.id);
		form_csrf(o, r->csrf);
		html(o, "<input type=\"hidden\" name=\"action\" value=\"apply\">\n");
		form_input(o, &(struct form_field){.name = "a_amount", .label = "Beløb, I søger (kr.)",
		                                   .value = sent(r, v, "apply", "a_amount", ""),
		                                   .hint = arena_printf(&r->a, "Højst %s.", kr(r, v->p.max_ore)),
		                                   .error = errs_get(&r->errs, "a_amount"), .required = true});
		form_textarea(o, &(struct form_field){.name = "a_activities", .label = "Aktiviteter",
		                                      .value = sent(r, v, "apply", "a_activities", ""),
		                                      .error = errs_get(&r->errs, "a_activities")}, 5);
		htmlf(o, "<fieldset id=\"f-a_budget\"><legend>Budget</legend>\n");
		if (errs_get(&r->errs, "a_budget"))
			htmlf(o, "<p class=\"error\">%s</p>\n", errs_get(&r->errs, "a_budget"));
		for (int i = 1; i <= FORM_LINES; i++) {
			const char *ln = arena_printf(&r->a, "line_%d", i), *la = arena_printf(&r->a, "line_amount_%d", i);
			form_input(o, &(struct form_field){.name = ln, .label = arena_printf(&r->a, "Post %d", i),
			                                   .value = sent(r, v, "apply", ln, ""), .maxlength = 200});
			form_input(o, &(struct form_field){.name = la, .label = arena_printf(&r->a, "Beløb, post %d (kr.)", i),
			                                   .value = sent(r, v, "apply", la, "")});
		}
		html(o, "</fieldset>\n<div class=\"actions\"><button type=\"submit\">Send ansøgning</button></div>\n</form>\n");
	}
	html(o, "<h2 id=\"forbrug\">Indberet forbrug og aktiviteter</h2>\n");
	htmlf(o, "<form method=\"post\" action=\"/puljer/%lld#forbrug\" class=\"stack\" novalidate>\n",
	      (long long)v->p.id);
	form_csrf(o, r->csrf);
	html(o, "<input type=\"hidden\" name=\"action\" value=\"spend\">\n");
	form_input(o, &(struct form_field){.name = "s_date", .label = "Dato", .type = "date",
	                                   .value = sent(r, v, "spend", "s_date", page_today(r)),
	                                   .error = errs_get(&r->errs, "s_date"), .required = true});
	form_input(o, &(struct form_field){.name = "s_amount", .label = "Forbrug (kr.)",
	                                   .value = sent(r, v, "spend", "s_amount", ""),
	                                   .error = errs_get(&r->errs, "s_amount")});
	form_textarea(o, &(struct form_field){.name = "s_text", .label = "Hvad er pengene brugt til",
	                                      .value = sent(r, v, "spend", "s_text", ""),
	                                      .error = errs_get(&r->errs, "s_text"), .required = true}, 4);
	html(o, "<div class=\"actions\"><button type=\"submit\">Indberet</button></div>\n</form>\n");
}

static int show(struct req *r, int status, struct view *v)
{
	page_begin(r, v->p.title);
	struct buf *o = &r->out;
	const char *notice = status == 200 ? notice_of(req_query(r, "ok")) : NULL;
	if (notice)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", notice);
	form_error_summary(o, &r->errs);
	summary(r, v);
	status_table(r, v);
	applications_section(r, v);
	entries_table(r, "Bevillinger", v->e[POOLS_GRANTS], v->ne[POOLS_GRANTS], false);
	entries_table(r, "Udbetalinger", v->e[POOLS_PAYMENTS], v->ne[POOLS_PAYMENTS], false);
	entries_table(r, "Indberettet forbrug og aktiviteter", v->e[POOLS_SPEND], v->ne[POOLS_SPEND], true);
	if (v->admin) {
		int rc = admin_forms(r, v);
		if (rc)
			return page_fail(r, rc, NULL);
	}
	else if (v->actor)
		actor_forms(r, v);
	return page_end(r, status);
}

/* GET /puljer/{id} — the administrator and every municipality's staff (their own rows). */
int pools_page_show(struct req *r)
{
	struct view v;
	int rc = load_view(r, req_param_int(r, "id"), &v);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return show(r, 200, &v);
}

static int do_post(struct req *r, int64_t id, const char *action, const char **ok)
{
	const char *own = r->user ? r->user->kommune : NULL;
	int rc = ERR_INVALID;
	if (!strcmp(action, "grant")) {
		struct pool_entry g = {.kommune = req_form(r, "g_kommune"), .day = req_form(r, "g_date")};
		form_amount(r, "g_amount", "amount", &g.amount_ore);
		rc = pools_grant(r->db, &r->a, r->user, id, &g, &r->errs);
		prefix_errors(r, "g_");
		*ok = "bevilget";
	}
	else if (!strcmp(action, "pay")) {
		struct pool_entry p = {.kommune = req_form(r, "p_kommune"), .day = req_form(r, "p_date")};
		form_amount(r, "p_amount", "amount", &p.amount_ore);
		rc = pools_pay(r->db, &r->a, r->user, id, &p, &r->errs);
		prefix_errors(r, "p_");
		*ok = "udbetalt";
	}
	else if (!strcmp(action, "apply")) {
		struct pool_application x = {.kommune = own, .activities = req_form(r, "a_activities")};
		form_amount(r, "a_amount", "amount", &x.amount_ore);
		for (int i = 1; i <= FORM_LINES; i++) {
			const char *l = req_form(r, arena_printf(&r->a, "line_%d", i));
			if (!l || !*text_trim(&r->a, l))
				continue;
			x.lines[x.nlines].label = l;
			form_amount(r, arena_printf(&r->a, "line_amount_%d", i), "budget",
			            &x.lines[x.nlines].amount_ore);
			x.nlines++;
		}
		rc = pools_apply(r->db, &r->a, r->user, id, &x, &r->errs);
		prefix_errors(r, "a_");
		*ok = "ansoegt";
	}
	else if (!strcmp(action, "spend")) {
		struct pool_entry s = {.kommune = own, .day = req_form(r, "s_date"), .text = req_form(r, "s_text")};
		form_amount(r, "s_amount", "amount", &s.amount_ore);
		rc = pools_report_spend(r->db, &r->a, r->user, id, &s, &r->errs);
		prefix_errors(r, "s_");
		*ok = "forbrug";
	}
	else if (!strcmp(action, "reject")) {
		rc = pools_reject(r->db, &r->a, r->user, id, req_form(r, "kommune"));
		*ok = "afslaaet";
	}
	else
		errs_add(&r->errs, NULL, "Ukendt handling.");
	return rc;
}

/* POST /puljer/{id} — CSRF. action grant or pay (the administrator), apply or spend (a
 * municipality's konsulent or jobkonsulent), reject (the administrator). 303 back with a
 * notice; 422 with the page and the sent form kept. */
int pools_page_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct view v;
	int rc = load_view(r, id, &v);
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	const char *action = req_form(r, "action");
	const char *ok = NULL;
	rc = do_post(r, id, action ? action : "", &ok);
	if (rc == ERR_INVALID) {
		struct errs kept = r->errs;
		if ((rc = load_view(r, id, &v)) != 0)
			return page_fail(r, rc, NOT_FOUND);
		r->errs = kept;
		v.action = action;
		return show(r, 422, &v);
	}
	if (rc)
		return page_fail(r, rc, NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/puljer/%lld?ok=%s", (long long)id, ok));
}
