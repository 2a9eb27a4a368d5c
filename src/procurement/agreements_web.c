/*
 * agreements_web.c — the pages of voluntary purchase agreements: the list with its filters, a
 * new agreement, one agreement, its edit form and ending it with a confirmation.
 * Layer: handlers of the procurement capability. The rules are agreements_save()'s; these
 * pages read the form, show it again with the errors at the fields (422) and redirect (303).
 */
#include <string.h>

#include "../auth/access.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "agreements.h"
#include "agreements_web.h"
#include "orders.h"
#include "purchases.h"
#include "purchases_web.h"

#define LIST_PAGE 50

static const struct form_option status_options[] = {
	{"draft", "Kladde"}, {"active", "Aktiv"}, {"ended", "Afsluttet"},
};

/* the status as the pages show it: an active agreement past its end is "Udløbet" */
static const char *status_text(struct req *r, const struct agreement *g)
{
	if (!strcmp(g->status, "active") && strcmp(g->end, page_today(r)) < 0)
		return "Udløbet";
	return agreements_status_label(g->status);
}

/* GET /indkoeb/aftaler — the municipality's purchasing, or an enterprise's own account (its
 * agreements). ?status, enterprise, expiring (days), offset. */
int agreements_page_list(struct req *r)
{
	struct agreements_query q = {.limit = page_limit(r, LIST_PAGE, 500), .offset = page_offset(r),
	                             .today = page_today(r)};
	const char *status = req_query(r, "status");
	q.status = status && agreements_status_valid(status) ? status : NULL;
	const char *enterprise = req_query(r, "enterprise");
	q.enterprise_id = purchases_web_id(enterprise);
	long long days = 0;
	const char *expiring = req_query(r, "expiring");
	if (expiring && *expiring && text_parse_int(expiring, 1, 3650, &days) != 0)
		expiring = NULL;
	q.expiring_days = (int)days;
	const char *sort = req_query(r, "sort");
	q.by_title = sort && !strcmp(sort, "title");
	struct agreement *items;
	int n, total;
	int rc = agreements_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *scope;
	bool staff = access_procurement_scope(r->user, &scope) == 0;
	/* the filter's enterprises, read before the page begins */
	struct form_option *ents = NULL;
	int ne = 0;
	if (staff && (rc = purchases_web_enterprises(r, &ents, &ne)) != 0)
		return page_fail(r, rc, NULL);
	page_begin(r, "Indkøbsaftaler");
	struct buf *o = &r->out;
	if (staff)
		purchases_web_nav(r, "/indkoeb/aftaler");
	html(o, "<p class=\"lead\">Frivillige indkøbsaftaler mellem kommunen og socialøkonomiske "
	        "virksomheder. Før en aftale udløber, får kontaktpersonen og den, der oprettede den, en "
	        "påmindelse.</p>\n");
	if (purchases_may_record(r->user))
		html(o, "<p><a href=\"/indkoeb/aftaler/ny\">Ny indkøbsaftale</a></p>\n");
	html(o, "<form method=\"get\" action=\"/indkoeb/aftaler\" class=\"filter\" role=\"search\">\n");
	struct form_option so[4] = {{"", "Alle"}, status_options[0], status_options[1], status_options[2]};
	form_select(o, &(struct form_field){.name = "status", .label = "Status", .value = q.status ? q.status : ""},
	            so, 4);
	if (ents) {
		ents[0].label = "Alle virksomheder";
		form_select(o, &(struct form_field){.name = "enterprise", .label = "Virksomhed",
		                                    .value = q.enterprise_id ? enterprise : ""}, ents, ne);
	}
	static const struct form_option eo[] = {{"", "Uanset"}, {"30", "Inden for 30 dage"},
	                                        {"60", "Inden for 60 dage"}, {"90", "Inden for 90 dage"}};
	form_select(o, &(struct form_field){.name = "expiring", .label = "Udløber",
	                                    .value = expiring ? expiring : ""}, eo, 4);
	static const struct form_option sorts[] = {{"end", "Udløber først"}, {"title", "Titel"}};
	form_select(o, &(struct form_field){.name = "sort", .label = "Sortering",
	                                    .value = q.by_title ? "title" : "end"}, sorts, 2);
	html(o, "<button type=\"submit\">Vis</button>\n</form>\n");
	if (n == 0) {
		html(o, "<p class=\"empty\">Der er ingen indkøbsaftaler, der passer til filtrene.</p>\n");
		return page_end(r, 200);
	}
	table_begin(o, "Indkøbsaftaler", NULL);
	html(o, "<caption class=\"visually-hidden\">Indkøbsaftaler</caption>\n<thead><tr>"
	        "<th scope=\"col\">Aftale</th><th scope=\"col\">Virksomhed</th><th scope=\"col\">Kommune</th>"
	        "<th scope=\"col\">Periode</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct agreement *g = &items[i];
		htmlf(o, "<tr><td><a href=\"/indkoeb/aftaler/%lld\">%s</a></td><td>%s</td><td>%s</td>"
		         "<td>%s–%s</td><td>%s</td></tr>\n",
		      (long long)g->id, g->title, g->enterprise_name, g->kommune_navn,
		      text_date_dk(&r->a, g->start), text_date_dk(&r->a, g->end), status_text(r, g));
	}
	html(o, "</tbody>\n");
	table_end(o);
	const char *extra = arena_printf(&r->a, "%s%s%s%s%s%s%s", q.status ? "&status=" : "", q.status ? q.status : "",
	                                 expiring ? "&expiring=" : "", expiring ? expiring : "",
	                                 q.enterprise_id ? "&enterprise=" : "",
	                                 q.enterprise_id ? arena_printf(&r->a, "%lld", (long long)q.enterprise_id) : "",
	                                 q.by_title ? "&sort=title" : "");
	form_pagination(o, "/indkoeb/aftaler", extra, q.offset, q.limit, total);
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- the form */

struct typed {
	const char *kommune, *enterprise_id;
};

static int edit_form(struct req *r, int status, const struct agreement *g, const struct typed *t)
{
	struct form_option *ents = NULL, *ks = NULL;
	struct order_product *products = NULL;
	int ne = 0, nk = 0, np = 0;
	int rc = 0;
	if (!g->id)
		rc = purchases_web_enterprises(r, &ents, &ne);
	else
		rc = orders_products(r->db, &r->a, g->enterprise_id, &products, &np);
	if (rc == 0 && !g->id && access_national(r->user))
		rc = purchases_web_kommuner(r, &ks, &nk);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, g->id ? arena_printf(&r->a, "Ret aftalen: %s", g->title) : "Ny indkøbsaftale");
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	form_error_summary(o, er);
	if (g->id)
		htmlf(o, "<form method=\"post\" action=\"/indkoeb/aftaler/%lld\" class=\"stack\" novalidate>\n",
		      (long long)g->id);
	else
		html(o, "<form method=\"post\" action=\"/indkoeb/aftaler\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	if (ks)
		form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune", .value = t->kommune,
		                                    .required = true, .error = errs_get(er, "kommune")}, ks, nk);
	if (ents)
		form_select(o, &(struct form_field){.name = "enterprise_id", .label = "Virksomhed",
		                                    .value = t->enterprise_id, .required = true,
		                                    .error = errs_get(er, "enterprise_id")}, ents, ne);
	else
		htmlf(o, "<p>Virksomhed: <strong>%s</strong></p>\n", g->enterprise_name);
	form_input(o, &(struct form_field){.name = "title", .label = "Titel", .value = g->title,
	                                   .required = true, .maxlength = 200, .error = errs_get(er, "title")});
	form_textarea(o, &(struct form_field){.name = "scope", .label = "Hvad aftalen omfatter",
	                                      .value = g->scope, .error = errs_get(er, "scope")}, 3);
	form_textarea(o, &(struct form_field){.name = "terms", .label = "Vilkår", .value = g->terms,
	                                      .error = errs_get(er, "terms")}, 3);
	html(o, "<fieldset><legend>Periode</legend>\n");
	form_input(o, &(struct form_field){.name = "start", .label = "Start", .type = "date",
	                                   .value = g->start, .required = true, .error = errs_get(er, "start")});
	form_input(o, &(struct form_field){.name = "end", .label = "Slut", .type = "date", .value = g->end,
	                                   .required = true, .error = errs_get(er, "end")});
	html(o, "</fieldset>\n<fieldset><legend>Kontaktperson hos virksomheden</legend>\n");
	form_input(o, &(struct form_field){.name = "contact_name", .label = "Navn", .value = g->contact_name,
	                                   .autocomplete = "off", .error = errs_get(er, "contact_name")});
	form_input(o, &(struct form_field){.name = "contact_email", .label = "E-mail", .type = "email",
	                                   .value = g->contact_email, .autocomplete = "off",
	                                   .hint = "Påmindelsen før aftalen udløber sendes hertil.",
	                                   .error = errs_get(er, "contact_email")});
	form_input(o, &(struct form_field){.name = "contact_phone", .label = "Telefon", .type = "tel",
	                                   .value = g->contact_phone, .autocomplete = "off",
	                                   .error = errs_get(er, "contact_phone")});
	html(o, "</fieldset>\n");
	form_select(o, &(struct form_field){.name = "status", .label = "Status",
	                                    .value = g->status ? g->status : "active",
	                                    .error = errs_get(er, "status")}, status_options, 3);
	if (np > 0) {
		/* the catalogue's products of the enterprise; none chosen: the agreement covers them all */
		struct form_option *po = arena_alloc(&r->a, sizeof(*po) * (size_t)np);
		const char **chosen = arena_alloc(&r->a, sizeof(*chosen) * (size_t)(g->nproducts + 1));
		for (int i = 0; i < np; i++)
			po[i] = (struct form_option){arena_printf(&r->a, "%lld", (long long)products[i].id), products[i].title};
		for (int i = 0; i < g->nproducts; i++)
			chosen[i] = arena_printf(&r->a, "%lld", (long long)g->products[i]);
		form_checkboxes(o, &(struct form_field){.name = "products",
		                                        .label = "Produkter, aftalen omfatter (ingen valgt: alle virksomhedens)",
		                                        .error = errs_get(er, "products")},
		                po, np, chosen, g->nproducts);
	}
	html(o, "<div class=\"actions\"><button type=\"submit\">Gem aftalen</button> ");
	if (g->id)
		htmlf(o, "<a href=\"/indkoeb/aftaler/%lld\">Fortryd</a></div>\n</form>\n", (long long)g->id);
	else
		html(o, "<a href=\"/indkoeb/aftaler\">Fortryd</a></div>\n</form>\n");
	return page_end(r, status);
}

static void read_form(struct req *r, struct agreement *g, struct typed *t)
{
	if (!g->id) {
		t->kommune = req_form(r, "kommune");
		t->enterprise_id = req_form(r, "enterprise_id");
		g->kommune = t->kommune;
		g->enterprise_id = purchases_web_id(t->enterprise_id);
	}
	g->title = req_form(r, "title");
	g->scope = req_form(r, "scope");
	g->terms = req_form(r, "terms");
	g->start = req_form(r, "start");
	g->end = req_form(r, "end");
	g->contact_name = req_form(r, "contact_name");
	g->contact_email = req_form(r, "contact_email");
	g->contact_phone = req_form(r, "contact_phone");
	g->status = req_form(r, "status");
	if (g->id) {
		const char *ids[AGREEMENTS_MAX_PRODUCTS];
		int n = kv_all(r->form, "products", ids, AGREEMENTS_MAX_PRODUCTS);
		if (n > AGREEMENTS_MAX_PRODUCTS)
			n = AGREEMENTS_MAX_PRODUCTS + 1; /* the rules refuse more */
		g->products = arena_alloc(&r->a, sizeof(*g->products) * (size_t)(n + 1));
		g->nproducts = n;
		for (int i = 0; i < n; i++)
			g->products[i] = i < AGREEMENTS_MAX_PRODUCTS ? purchases_web_id(ids[i]) : 1;
	}
}

/* GET /indkoeb/aftaler/ny — who may write some municipality's purchasing. ?enterprise=ID
 * chooses the enterprise in advance. */
int agreements_page_new(struct req *r)
{
	if (!purchases_may_record(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct agreement g = {.status = "active", .start = page_today(r)};
	struct typed t = {.enterprise_id = req_query(r, "enterprise")};
	return edit_form(r, 200, &g, &t);
}

/* POST /indkoeb/aftaler — as above, CSRF. 303 to the agreement; 422 with the form. */
int agreements_page_create(struct req *r)
{
	struct agreement g = {0};
	struct typed t = {0};
	read_form(r, &g, &t);
	int rc = agreements_save(r->db, &r->a, r->user, &g, &r->errs);
	if (rc == ERR_INVALID)
		return edit_form(r, 422, &g, &t);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/indkoeb/aftaler/%lld?ok=oprettet", (long long)g.id));
}

/* the agreement of the path that the caller may write, or the error page already answered */
static bool writable_or_reply(struct req *r, struct agreement *g)
{
	int rc = agreements_get(r->db, &r->a, r->user, req_param_int(r, "id"), g);
	if (rc == 0 && !agreements_may_write(r->user, g))
		rc = ERR_FORBIDDEN;
	if (rc)
		page_fail(r, rc, "Aftalen findes ikke.");
	return rc == 0;
}

/* GET /indkoeb/aftaler/{id} — who may read it (the municipality's purchasing, the enterprise's
 * own account). */
int agreements_page_show(struct req *r)
{
	struct agreement g;
	int rc = agreements_get(r->db, &r->a, r->user, req_param_int(r, "id"), &g);
	if (rc)
		return page_fail(r, rc, "Aftalen findes ikke.");
	page_begin(r, g.title);
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "oprettet"))
		html(o, "<p class=\"notice\" role=\"status\">Aftalen er oprettet.</p>\n");
	else if (ok && !strcmp(ok, "gemt"))
		html(o, "<p class=\"notice\" role=\"status\">Aftalen er gemt.</p>\n");
	else if (ok && !strcmp(ok, "afsluttet"))
		html(o, "<p class=\"notice\" role=\"status\">Aftalen er afsluttet.</p>\n");
	htmlf(o, "<dl>\n<dt>Virksomhed</dt><dd><a href=\"/virksomheder/%lld\">%s</a></dd>\n"
	         "<dt>Kommune</dt><dd>%s</dd>\n<dt>Periode</dt><dd>%s–%s</dd>\n<dt>Status</dt><dd>%s</dd>\n",
	      (long long)g.enterprise_id, g.enterprise_name, g.kommune_navn, text_date_dk(&r->a, g.start),
	      text_date_dk(&r->a, g.end), status_text(r, &g));
	if (*g.scope)
		htmlf(o, "<dt>Omfatter</dt><dd>%s</dd>\n", g.scope);
	if (*g.terms)
		htmlf(o, "<dt>Vilkår</dt><dd>%s</dd>\n", g.terms);
	htmlf(o, "<dt>Produkter</dt><dd>%s</dd>\n",
	      g.nproducts ? arena_printf(&r->a, "%d udvalgte produkter fra kataloget", g.nproducts)
	                  : "Alle virksomhedens produkter");
	if (*g.contact_name || *g.contact_email || *g.contact_phone)
		htmlf(o, "<dt>Kontaktperson</dt><dd>%s %s %s</dd>\n", g.contact_name, g.contact_email, g.contact_phone);
	if (g.reminded_at)
		htmlf(o, "<dt>Påmindelse sendt</dt><dd>%s</dd>\n", text_date_dk(&r->a, g.reminded_at));
	html(o, "</dl>\n");
	if (agreements_may_write(r->user, &g)) {
		htmlf(o, "<p class=\"actions\"><a href=\"/indkoeb/aftaler/%lld/rediger\">Ret aftalen</a>",
		      (long long)g.id);
		if (strcmp(g.status, "ended"))
			htmlf(o, " <a href=\"/indkoeb/aftaler/%lld/afslut\">Afslut aftalen</a>", (long long)g.id);
		html(o, "</p>\n");
	}
	html(o, "<p><a href=\"/indkoeb/aftaler\">Alle indkøbsaftaler</a></p>\n");
	return page_end(r, 200);
}

/* GET /indkoeb/aftaler/{id}/rediger — who may write it: 404, 403. */
int agreements_page_edit(struct req *r)
{
	struct agreement g;
	if (!writable_or_reply(r, &g))
		return 0;
	struct typed t = {0};
	return edit_form(r, 200, &g, &t);
}

/* POST /indkoeb/aftaler/{id} — as above, CSRF. 303 to the agreement; 422 with the form. */
int agreements_page_update(struct req *r)
{
	struct agreement g;
	if (!writable_or_reply(r, &g))
		return 0;
	struct typed t = {0};
	read_form(r, &g, &t);
	int rc = agreements_save(r->db, &r->a, r->user, &g, &r->errs);
	if (rc == ERR_INVALID)
		return edit_form(r, 422, &g, &t);
	if (rc)
		return page_fail(r, rc, "Aftalen findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/indkoeb/aftaler/%lld?ok=gemt", (long long)g.id));
}

/* GET and POST /indkoeb/aftaler/{id}/afslut — who may write it: GET asks for confirmation,
 * POST (CSRF) sets the status ended (audited) and redirects to the agreement. */
int agreements_page_end(struct req *r)
{
	struct agreement g;
	if (!writable_or_reply(r, &g))
		return 0;
	if (r->method == M_POST) {
		g.status = "ended";
		int rc = agreements_save(r->db, &r->a, r->user, &g, &r->errs);
		if (rc)
			return page_fail(r, rc, "Aftalen findes ikke.");
		return reply_redirect(r, arena_printf(&r->a, "/indkoeb/aftaler/%lld?ok=afsluttet", (long long)g.id));
	}
	page_begin(r, "Afslut indkøbsaftalen");
	form_confirm(&r->out, &(struct form_confirm){
		.before = "Vil du afslutte aftalen ", .name = g.title,
		.after = arena_printf(&r->a, " med %s nu? Den gælder så ikke længere, og der sendes ingen "
		                      "påmindelse om den.", g.enterprise_name),
		.action = arena_printf(&r->a, "/indkoeb/aftaler/%lld/afslut", (long long)g.id),
		.csrf = r->csrf, .yes = "Ja, afslut aftalen",
		.back = arena_printf(&r->a, "/indkoeb/aftaler/%lld", (long long)g.id)});
	return page_end(r, 200);
}
