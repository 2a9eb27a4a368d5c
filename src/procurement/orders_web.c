/*
 * orders_web.c — the pages of orders: a buyer's list and new order (from a catalogue product
 * with ?produkt=, or by choosing the enterprise), one order with the enterprise's answer and
 * delivery or the buyer's cancelling (after a confirmation), and the enterprise's own list.
 * Layer: handlers of the procurement capability; orders.c holds the rules.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "orders.h"
#include "orders_web.h"
#include "purchases.h"
#include "purchases_web.h"

#define LIST_PAGE 50
#define PRODUCT_LINES 3 /* catalogue lines the form offers */
#define FREE_LINES 2    /* free lines the form offers */

/* the table of orders; link_base "/indkoeb/ordrer" */
static void orders_table(struct req *r, const struct order *items, int n)
{
	struct buf *o = &r->out;
	char total[MONEY_TEXT];
	table_begin(o, "Ordrer", NULL);
	html(o, "<caption class=\"visually-hidden\">Ordrer</caption>\n<thead><tr><th scope=\"col\">Ordre</th>"
	        "<th scope=\"col\">Sendt</th><th scope=\"col\">Kommune</th><th scope=\"col\">Virksomhed</th>"
	        "<th scope=\"col\">Reference</th><th scope=\"col\">Status</th><th scope=\"col\">I alt ekskl. moms</th>"
	        "</tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct order *it = &items[i];
		htmlf(o, "<tr><td><a href=\"/indkoeb/ordrer/%lld\">Nr. %lld</a></td><td>%s</td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%s</td><td>%s&nbsp;kr.</td></tr>\n",
		      (long long)it->id, (long long)it->id, text_date_dk(&r->a, it->created_at), it->kommune_navn,
		      it->enterprise_name, it->reference, orders_status_label(it->status),
		      money_da_plain(total, it->total_ore));
	}
	html(o, "</tbody>\n");
	table_end(o);
}

static int list_page(struct req *r, const char *title, const char *base, bool buyer_nav)
{
	int limit = page_limit(r, LIST_PAGE, 500), offset = page_offset(r);
	struct order *items;
	int n, total;
	int rc = orders_list(r->db, &r->a, r->user, NULL, limit, offset, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, title);
	struct buf *o = &r->out;
	if (buyer_nav)
		purchases_web_nav(r, "/indkoeb/ordrer");
	if (buyer_nav && purchases_may_record(r->user))
		html(o, "<p><a href=\"/indkoeb/ordrer/ny\">Ny ordre</a></p>\n");
	if (!buyer_nav)
		html(o, "<p>Ordrer fra kommunerne til virksomheden. Se også <a href=\"/indkoeb/aftaler\">"
		        "virksomhedens indkøbsaftaler</a>.</p>\n");
	if (n == 0)
		html(o, "<p class=\"empty\">Der er ingen ordrer endnu.</p>\n");
	else
		orders_table(r, items, n);
	form_pagination(o, base, "", offset, limit, total);
	return page_end(r, 200);
}

/* GET /indkoeb/ordrer — the municipality's purchasing: its orders (all for the administrator). */
int orders_page_list(struct req *r)
{
	return list_page(r, "Ordrer", "/indkoeb/ordrer", true);
}

/* GET /virksomheder/{id}/ordrer — the enterprise's own account: the orders it has received. */
int orders_page_enterprise(struct req *r)
{
	if (access_supplier(r->user, req_param_int(r, "id")) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	return list_page(r, "Ordrer til virksomheden", arena_printf(&r->a, "/virksomheder/%lld/ordrer",
	                                                             (long long)req_param_int(r, "id")), false);
}

/* ---------------------------------------------------------------- a new order */

/* what the user typed, kept on errors */
struct typed {
	const char *enterprise_id;
	const char *product[PRODUCT_LINES], *pquantity[PRODUCT_LINES];
	const char *title[FREE_LINES], *fquantity[FREE_LINES], *unit[FREE_LINES], *price[FREE_LINES];
	const char *reference, *address, *wanted_by, *note;
};

/* the first step: choose the enterprise (a GET form) */
static int choose_enterprise(struct req *r)
{
	struct form_option *ents;
	int ne;
	int rc = purchases_web_enterprises(r, &ents, &ne);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Ny ordre");
	struct buf *o = &r->out;
	purchases_web_nav(r, "/indkoeb/ordrer");
	html(o, "<p>Vælg den virksomhed, du vil bestille hos. Du kan også bestille direkte fra et produkt "
	        "i kataloget.</p>\n<form method=\"get\" action=\"/indkoeb/ordrer/ny\" class=\"stack\">\n");
	form_select(o, &(struct form_field){.name = "enterprise", .label = "Virksomhed", .value = "", .required = true},
	            ents, ne);
	html(o, "<div class=\"actions\"><button type=\"submit\">Fortsæt</button></div>\n</form>\n");
	return page_end(r, 200);
}

static int order_form(struct req *r, int status, int64_t enterprise_id, const struct typed *t)
{
	struct order_product *products;
	int np;
	int rc = orders_products(r->db, &r->a, enterprise_id, &products, &np);
	struct form_option *ents;
	int ne;
	if (rc == 0)
		rc = purchases_web_enterprises(r, &ents, &ne);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *name = "";
	const char *want = arena_printf(&r->a, "%lld", (long long)enterprise_id);
	for (int i = 1; i < ne; i++)
		if (!strcmp(ents[i].value, want))
			name = ents[i].label;
	page_begin(r, "Ny ordre");
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	purchases_web_nav(r, "/indkoeb/ordrer");
	form_error_summary(o, er);
	htmlf(o, "<p>Ordren sendes til <strong>%s</strong> <a href=\"/indkoeb/ordrer/ny\">(vælg en anden)</a>.</p>\n", name);
	html(o, "<form method=\"post\" action=\"/indkoeb/ordrer\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"enterprise_id\" value=\"%lld\">\n", (long long)enterprise_id);
	const char *err = errs_get(er, "lines");
	if (err)
		htmlf(o, "<p class=\"error\" id=\"f-lines\">%s</p>\n", err);
	char price[MONEY_TEXT];
	if (np > 0) {
		struct form_option *po = arena_alloc(&r->a, sizeof(*po) * (size_t)(np + 1));
		po[0] = (struct form_option){"", "Intet produkt"};
		for (int i = 0; i < np; i++)
			po[i + 1] = (struct form_option){arena_printf(&r->a, "%lld", (long long)products[i].id),
			                                 arena_printf(&r->a, "%s — %s pr. %s ekskl. moms (mindst %d)",
			                                              products[i].title, money_da(price, products[i].price_ore),
			                                              products[i].unit, products[i].min_order)};
		for (int i = 0; i < PRODUCT_LINES; i++) {
			htmlf(o, "<fieldset><legend>Produkt fra kataloget %d</legend>\n", i + 1);
			form_select(o, &(struct form_field){.name = arena_printf(&r->a, "p%d", i), .label = "Produkt",
			                                    .value = t->product[i] ? t->product[i] : ""}, po, np + 1);
			form_input(o, &(struct form_field){.name = arena_printf(&r->a, "pq%d", i), .label = "Antal",
			                                   .type = "number", .value = t->pquantity[i] ? t->pquantity[i] : ""});
			html(o, "</fieldset>\n");
		}
	} else {
		html(o, "<p>Virksomheden har ingen produkter i kataloget endnu; skriv ordren som frie linjer.</p>\n");
	}
	for (int i = 0; i < FREE_LINES; i++) {
		htmlf(o, "<fieldset><legend>Fri linje %d</legend>\n", i + 1);
		form_input(o, &(struct form_field){.name = arena_printf(&r->a, "ft%d", i), .label = "Hvad bestilles",
		                                   .value = t->title[i] ? t->title[i] : ""});
		form_input(o, &(struct form_field){.name = arena_printf(&r->a, "fq%d", i), .label = "Antal",
		                                   .type = "number", .value = t->fquantity[i] ? t->fquantity[i] : ""});
		form_input(o, &(struct form_field){.name = arena_printf(&r->a, "fu%d", i), .label = "Enhed",
		                                   .value = t->unit[i] ? t->unit[i] : "", .hint = "Fx stk. eller timer"});
		form_input(o, &(struct form_field){.name = arena_printf(&r->a, "fp%d", i),
		                                   .label = "Pris pr. enhed i kroner ekskl. moms",
		                                   .value = t->price[i] ? t->price[i] : "", .autocomplete = "off"});
		html(o, "</fieldset>\n");
	}
	form_input(o, &(struct form_field){.name = "reference", .label = "Reference", .value = t->reference,
	                                   .hint = "Fx EAN-nummer eller sagsnummer", .error = errs_get(er, "reference")});
	form_textarea(o, &(struct form_field){.name = "delivery_address", .label = "Leveringsadresse",
	                                      .value = t->address, .error = errs_get(er, "delivery_address")}, 2);
	form_input(o, &(struct form_field){.name = "wanted_by", .label = "Ønskes leveret senest", .type = "date",
	                                   .value = t->wanted_by, .error = errs_get(er, "wanted_by")});
	form_textarea(o, &(struct form_field){.name = "note", .label = "Bemærkning", .value = t->note,
	                                      .error = errs_get(er, "note")}, 3);
	html(o, "<div class=\"actions\"><button type=\"submit\">Send ordren</button> "
	        "<a href=\"/indkoeb/ordrer\">Fortryd</a></div>\n</form>\n");
	return page_end(r, status);
}

/* GET /indkoeb/ordrer/ny — who may write some municipality's purchasing. ?produkt=ID (from the
 * catalogue) chooses the enterprise and the first line; ?enterprise=ID the enterprise. */
int orders_page_new(struct req *r)
{
	if (!purchases_may_record(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	struct typed t = {0};
	int64_t enterprise_id = purchases_web_id(req_query(r, "enterprise"));
	int64_t product = purchases_web_id(req_query(r, "produkt"));
	if (product) {
		int rc = orders_product_enterprise(r->db, product, &enterprise_id);
		if (rc)
			return page_fail(r, rc, "Produktet findes ikke.");
		struct order_product *ps;
		int np;
		if ((rc = orders_products(r->db, &r->a, enterprise_id, &ps, &np)) != 0)
			return page_fail(r, rc, NULL);
		for (int i = 0; i < np; i++)
			if (ps[i].id == product) {
				t.product[0] = arena_printf(&r->a, "%lld", (long long)product);
				t.pquantity[0] = arena_printf(&r->a, "%d", ps[i].min_order);
			}
	}
	if (!enterprise_id)
		return choose_enterprise(r);
	return order_form(r, 200, enterprise_id, &t);
}

/* a typed quantity: 0 when empty, -1 when not a whole number */
static int quantity_of(struct req *r, const char *s)
{
	const char *v = s ? text_trim(&r->a, s) : "";
	long long q;
	if (!*v)
		return 0;
	return text_parse_int(v, 1, 1000000, &q) == 0 ? (int)q : -1;
}

/* POST /indkoeb/ordrer — as above, CSRF. 303 to the order; 422 with the form kept. */
int orders_page_create(struct req *r)
{
	struct typed t = {.enterprise_id = req_form(r, "enterprise_id"), .reference = req_form(r, "reference"),
	                  .address = req_form(r, "delivery_address"), .wanted_by = req_form(r, "wanted_by"),
	                  .note = req_form(r, "note")};
	struct order o = {.enterprise_id = purchases_web_id(t.enterprise_id), .reference = t.reference,
	                  .delivery_address = t.address, .wanted_by = t.wanted_by, .note = t.note};
	o.lines = arena_alloc(&r->a, sizeof(*o.lines) * (PRODUCT_LINES + FREE_LINES));
	for (int i = 0; i < PRODUCT_LINES; i++) {
		t.product[i] = req_form(r, arena_printf(&r->a, "p%d", i));
		t.pquantity[i] = req_form(r, arena_printf(&r->a, "pq%d", i));
		int64_t pid = purchases_web_id(t.product[i]);
		if (!pid)
			continue;
		o.lines[o.nlines++] = (struct order_line){.product_id = pid, .quantity = quantity_of(r, t.pquantity[i])};
	}
	for (int i = 0; i < FREE_LINES; i++) {
		t.title[i] = req_form(r, arena_printf(&r->a, "ft%d", i));
		t.fquantity[i] = req_form(r, arena_printf(&r->a, "fq%d", i));
		t.unit[i] = req_form(r, arena_printf(&r->a, "fu%d", i));
		t.price[i] = req_form(r, arena_printf(&r->a, "fp%d", i));
		const char *title = t.title[i] ? text_trim(&r->a, t.title[i]) : "";
		const char *price = t.price[i] ? text_trim(&r->a, t.price[i]) : "";
		if (!*title && !*price)
			continue;
		o.lines[o.nlines++] = (struct order_line){.title = title, .unit = t.unit[i],
		                                          .quantity = quantity_of(r, t.fquantity[i]),
		                                          .price_text = price};
	}
	int rc = orders_create(r->db, &r->a, r->user, &o, &r->errs);
	if (rc == ERR_INVALID && o.enterprise_id > 0 && !errs_get(&r->errs, "enterprise_id"))
		return order_form(r, 422, o.enterprise_id, &t);
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/indkoeb/ordrer/%lld?ok=sendt", (long long)o.id));
}

/* ---------------------------------------------------------------- one order */

/* GET /indkoeb/ordrer/{id} — the municipality's purchasing or the enterprise's own account:
 * the order, and the forms of the moves the caller may make (?annuller=1 asks to confirm a
 * cancellation). */
int orders_page_show(struct req *r)
{
	struct order ord;
	int rc = orders_get(r->db, &r->a, r->user, req_param_int(r, "id"), &ord);
	if (rc)
		return page_fail(r, rc, "Ordren findes ikke.");
	page_begin(r, arena_printf(&r->a, "Ordre nr. %lld", (long long)ord.id));
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "sendt"))
		html(o, "<p class=\"notice\" role=\"status\">Ordren er sendt til virksomheden.</p>\n");
	else if (ok && !strcmp(ok, "status"))
		html(o, "<p class=\"notice\" role=\"status\">Ordren er opdateret.</p>\n");
	htmlf(o, "<dl>\n<dt>Virksomhed</dt><dd><a href=\"/virksomheder/%lld\">%s</a></dd>\n<dt>Kommune</dt><dd>%s</dd>\n"
	         "<dt>Status</dt><dd>%s</dd>\n<dt>Sendt</dt><dd>%s</dd>\n",
	      (long long)ord.enterprise_id, ord.enterprise_name, ord.kommune_navn, orders_status_label(ord.status),
	      text_date_dk(&r->a, ord.created_at));
	if (*ord.reference)
		htmlf(o, "<dt>Reference</dt><dd>%s</dd>\n", ord.reference);
	if (*ord.delivery_address)
		htmlf(o, "<dt>Leveringsadresse</dt><dd>%s</dd>\n", ord.delivery_address);
	if (ord.wanted_by)
		htmlf(o, "<dt>Ønskes leveret</dt><dd>%s</dd>\n", text_date_dk(&r->a, ord.wanted_by));
	if (*ord.note)
		htmlf(o, "<dt>Bemærkning</dt><dd>%s</dd>\n", ord.note);
	if (ord.agreement_id)
		htmlf(o, "<dt>Indkøbsaftale</dt><dd>Nr. %lld</dd>\n", (long long)ord.agreement_id);
	if (*ord.answer)
		htmlf(o, "<dt>Virksomhedens svar</dt><dd>%s</dd>\n", ord.answer);
	html(o, "</dl>\n");
	char a1[MONEY_TEXT], a2[MONEY_TEXT];
	table_begin(o, "Ordrelinjer", NULL);
	html(o, "<caption>Ordrelinjer</caption>\n<thead><tr><th scope=\"col\">Vare</th><th scope=\"col\">Antal</th>"
	        "<th scope=\"col\">Pris pr. enhed</th><th scope=\"col\">Beløb ekskl. moms</th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < ord.nlines; i++) {
		const struct order_line *l = &ord.lines[i];
		htmlf(o, "<tr><td>%s</td><td>%d %s</td><td>%s&nbsp;kr.</td><td>%s&nbsp;kr.</td></tr>\n", l->title,
		      l->quantity, l->unit, money_da_plain(a1, l->price_ore),
		      money_da_plain(a2, l->price_ore * l->quantity));
	}
	htmlf(o, "</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"3\">I alt ekskl. moms</th><td>%s&nbsp;kr.</td></tr></tfoot>\n",
	      money_da_plain(a1, ord.total_ore));
	table_end(o);
	const char *action = arena_printf(&r->a, "/indkoeb/ordrer/%lld/status", (long long)ord.id);
	if (orders_may_answer(r->user, &ord)) {
		htmlf(o, "<h2>Svar på ordren</h2>\n<form method=\"post\" action=\"%s\" class=\"stack\">\n", action);
		form_csrf(o, r->csrf);
		if (!strcmp(ord.status, "sent")) {
			form_textarea(o, &(struct form_field){.name = "answer", .label = "Svar til kommunen",
			                                      .hint = "Fx forventet leveringsdato, eller hvorfor ordren afvises."}, 3);
			html(o, "<div class=\"actions\"><button type=\"submit\" name=\"status\" value=\"accepted\">Acceptér ordren</button> "
			        "<button type=\"submit\" name=\"status\" value=\"declined\">Afvis ordren</button></div>\n");
		} else {
			html(o, "<div class=\"actions\"><button type=\"submit\" name=\"status\" value=\"delivered\">Markér som leveret</button></div>\n");
		}
		html(o, "</form>\n");
	}
	if (orders_may_cancel(r->user, &ord)) {
		const char *ask = req_query(r, "annuller");
		if (ask && !strcmp(ask, "1")) {
			html(o, "<h2>Annullér ordren</h2>\n");
			const struct form_hidden hidden[] = {{"status", "cancelled"}};
			form_confirm(o, &(struct form_confirm){
				.before = "Vil du annullere ordren? Virksomheden får besked.",
				.action = action, .csrf = r->csrf, .hidden = hidden, .nhidden = 1,
				.yes = "Ja, annullér ordren",
				.back = arena_printf(&r->a, "/indkoeb/ordrer/%lld", (long long)ord.id)});
		} else {
			htmlf(o, "<p><a href=\"/indkoeb/ordrer/%lld?annuller=1\">Annullér ordren</a></p>\n", (long long)ord.id);
		}
	}
	return page_end(r, 200);
}

/* POST /indkoeb/ordrer/{id}/status — status (accepted, declined, delivered by the enterprise's
 * own account; cancelled by the buyer's municipality) and answer, CSRF. 303 to the order; 409
 * for a move its status does not allow; 403. */
int orders_page_status(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = orders_set_status(r->db, &r->a, r->user, id, req_form(r, "status"), req_form(r, "answer"), &r->errs);
	if (rc)
		return page_fail(r, rc, "Ordren findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/indkoeb/ordrer/%lld?ok=status", (long long)id));
}
