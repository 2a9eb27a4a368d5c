/*
 * purchases_web.c — the purchasing start page (/indkoeb), the page of purchases (record one,
 * list them with filters and pagination, export CSV/XLSX keeping the filters, delete with
 * confirmation), and what the purchasing pages share. Layer: handlers of the procurement
 * capability. What a caller may see and do is asked of purchases.h (which asks
 * auth/access.h); these pages only read the request and render.
 */
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../registry/registry.h"
#include "../view/xlsx.h"
#include "purchases.h"
#include "purchases_web.h"

#define LIST_PAGE 50
#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---------------------------------------------------------------- shared */

void purchases_web_nav(struct req *r, const char *current)
{
	static const struct {
		const char *path, *label;
	} items[] = {
		{"/indkoeb/aftaler", "Indkøbsaftaler"},
		{"/indkoeb/ordrer", "Ordrer"},
		{"/indkoeb/koeb", "Køb"},
		{"/indkoeb/kontrakter", "Kontrakter og forpagtninger"},
		{"/statistik/indkoeb", "Indkøb i tal"},
	};
	struct buf *o = &r->out;
	html(o, "<nav aria-label=\"Indkøb\"><p class=\"actions\">\n");
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		if (current && !strcmp(current, items[i].path))
			htmlf(o, "<a href=\"%s\" aria-current=\"page\">%s</a>\n", items[i].path, items[i].label);
		else
			htmlf(o, "<a href=\"%s\">%s</a>\n", items[i].path, items[i].label);
	}
	html(o, "</p></nav>\n");
}

int purchases_web_enterprises(struct req *r, struct form_option **opts, int *n)
{
	struct registry_query q = {.registered = -1, .day = page_today(r), .sort = 0, .limit = 5000};
	struct registry_item *items;
	int count, total;
	int rc = registry_list(r->db, &r->a, &q, &items, &count, &total);
	if (rc)
		return rc;
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(count + 1));
	fo[0] = (struct form_option){"", "Vælg virksomhed"};
	for (int i = 0; i < count; i++)
		fo[i + 1] = (struct form_option){arena_printf(&r->a, "%lld", (long long)items[i].id),
		                                 arena_printf(&r->a, "%s (%s)", items[i].name, items[i].kommune_navn)};
	*opts = fo;
	*n = count + 1;
	return 0;
}

int purchases_web_kommuner(struct req *r, struct form_option **opts, int *n)
{
	struct kommune *ks;
	int nk;
	int rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return rc;
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(nk + 1));
	fo[0] = (struct form_option){"", "Vælg kommune"};
	for (int i = 0; i < nk; i++)
		fo[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	*opts = fo;
	*n = nk + 1;
	return 0;
}

/* GET /indkoeb — the municipality's purchasing (access_procurement_scope): links to its
 * agreements, purchases, contracts and spend. */
int purchases_page_home(struct req *r)
{
	const char *scope;
	if (access_procurement_scope(r->user, &scope) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	page_begin(r, "Indkøb");
	struct buf *o = &r->out;
	html(o, "<p class=\"lead\">Kommunen som kunde hos de socialøkonomiske virksomheder: frivillige "
	        "indkøbsaftaler, ordrer, køb, kontrakter og forpagtninger med sociale forpligtelser, og hvad der "
	        "er købt.</p>\n<ul>\n"
	        "<li><a href=\"/indkoeb/aftaler\">Indkøbsaftaler</a> — frivillige aftaler med virksomheder, "
	        "med påmindelse før de udløber</li>\n"
	        "<li><a href=\"/indkoeb/ordrer\">Ordrer</a> — bestil hos en virksomhed, fra kataloget eller "
	        "som frie linjer</li>\n"
	        "<li><a href=\"/indkoeb/koeb\">Køb</a> — registrér et køb og se kommunens køb</li>\n"
	        "<li><a href=\"/indkoeb/kontrakter\">Kontrakter og forpagtninger</a> — med opfølgning på "
	        "sociale forpligtelser</li>\n"
	        "<li><a href=\"/statistik/indkoeb\">Indkøb i tal</a> — forbruget hos socialøkonomiske "
	        "virksomheder pr. kommune, virksomhed og ydelse</li>\n</ul>\n");
	return page_end(r, 200);
}

/* ---------------------------------------------------------------- the list's filters */

struct filters {
	struct purchases_query q;
	const char *year, *enterprise, *service, *kommune, *sort; /* as given, for links and the form */
};

/* the query parameter trimmed, NULL when blank */
static const char *nonblank(struct req *r, const char *name)
{
	const char *v = text_trim(&r->a, req_query(r, name));
	return v && *v ? v : NULL;
}

/* the filters of the URL; a malformed one is left out */
static void filters_from(struct req *r, struct filters *f)
{
	memset(f, 0, sizeof(*f));
	long long y;
	if ((f->year = nonblank(r, "year")) && text_parse_int(f->year, 1900, 2200, &y) == 0)
		f->q.year = (int)y;
	else
		f->year = NULL;
	if ((f->enterprise = nonblank(r, "enterprise")) && (f->q.enterprise_id = purchases_web_id(f->enterprise)) == 0)
		f->enterprise = NULL;
	f->service = f->q.service = nonblank(r, "service");
	if ((f->kommune = nonblank(r, "kommune")) && text_is_digits(f->kommune, 3))
		f->q.kommune = f->kommune;
	else
		f->kommune = NULL;
	if ((f->sort = nonblank(r, "sort")) && !strcmp(f->sort, "amount"))
		f->q.sort = PURCHASES_AMOUNT;
	else
		f->sort = NULL;
}

/* the filters as "&k=v" pairs, encoded, for links */
static const char *filters_args(struct req *r, const struct filters *f)
{
	return arena_printf(&r->a, "%s%s%s%s%s%s%s%s%s", f->year ? "&year=" : "", f->year ? f->year : "",
	                    f->enterprise ? "&enterprise=" : "", f->enterprise ? f->enterprise : "",
	                    f->service ? "&service=" : "", f->service ? html_url(&r->a, f->service) : "",
	                    f->kommune ? "&kommune=" : "", f->kommune ? f->kommune : "",
	                    f->sort ? "&sort=amount" : "");
}

/* ---------------------------------------------------------------- the page */

/* what the form of a new purchase offers */
struct choices {
	struct form_option *enterprises, *services, *kommuner;
	int nenterprises, nservices, nkommuner;
};

static int choices_load(struct req *r, struct choices *c)
{
	memset(c, 0, sizeof(*c));
	int rc = purchases_web_enterprises(r, &c->enterprises, &c->nenterprises);
	struct option_kv *svc;
	int ns;
	if (rc == 0)
		rc = registry_options(r->db, &r->a, false, &svc, &ns);
	if (rc)
		return rc;
	c->services = arena_alloc(&r->a, sizeof(*c->services) * (size_t)(ns + 1));
	c->services[0] = (struct form_option){"", "Ingen ydelse angivet"};
	for (int i = 0; i < ns; i++)
		c->services[i + 1] = (struct form_option){svc[i].key, svc[i].label};
	c->nservices = ns + 1;
	if (access_national(r->user))
		rc = purchases_web_kommuner(r, &c->kommuner, &c->nkommuner);
	return rc;
}

/* the form values of a purchase being recorded (kept on errors) */
struct typed {
	const char *kommune, *enterprise_id, *date, *amount, *service, *description;
};

static void record_form(struct req *r, const struct choices *c, const struct typed *t)
{
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	html(o, "<h2 id=\"registrer\">Registrér et køb</h2>\n");
	form_error_summary(o, er);
	html(o, "<form method=\"post\" action=\"/indkoeb/koeb\" class=\"stack\" novalidate>\n");
	form_csrf(o, r->csrf);
	if (c->kommuner)
		form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune", .value = t->kommune,
		                                    .error = errs_get(er, "kommune"), .required = true},
		            c->kommuner, c->nkommuner);
	form_select(o, &(struct form_field){.name = "enterprise_id", .label = "Virksomhed",
	                                    .value = t->enterprise_id, .required = true,
	                                    .error = errs_get(er, "enterprise_id")},
	            c->enterprises, c->nenterprises);
	form_input(o, &(struct form_field){.name = "date", .label = "Dato", .type = "date",
	                                   .value = t->date, .required = true,
	                                   .error = errs_get(er, "date")});
	form_input(o, &(struct form_field){.name = "amount", .label = "Beløb i kroner ekskl. moms",
	                                   .value = t->amount, .required = true, .hint = "Fx 1.234,50",
	                                   .error = errs_get(er, "amount"), .autocomplete = "off"});
	/* named apart from the filter's service below, so each control has an id of its own */
	form_select(o, &(struct form_field){.name = "purchase_service", .label = "Ydelse",
	                                    .value = t->service, .error = errs_get(er, "purchase_service")},
	            c->services, c->nservices);
	form_textarea(o, &(struct form_field){.name = "description", .label = "Beskrivelse",
	                                      .value = t->description, .maxlength = 1000,
	                                      .error = errs_get(er, "description")}, 3);
	html(o, "<div class=\"actions\"><button type=\"submit\">Registrér købet</button></div>\n</form>\n");
}

static void filter_form(struct req *r, const struct filters *f, const struct choices *c)
{
	struct buf *o = &r->out;
	html(o, "<h2>Kommunens køb</h2>\n<form method=\"get\" action=\"/indkoeb/koeb\" class=\"filter\" role=\"search\">\n");
	form_input(o, &(struct form_field){.name = "year", .label = "År", .type = "number",
	                                   .value = f->year ? f->year : ""});
	struct form_option *ents = arena_alloc(&r->a, sizeof(*ents) * (size_t)c->nenterprises);
	memcpy(ents, c->enterprises, sizeof(*ents) * (size_t)c->nenterprises);
	ents[0].label = "Alle virksomheder";
	form_select(o, &(struct form_field){.name = "enterprise", .label = "Virksomhed",
	                                    .value = f->enterprise ? f->enterprise : ""},
	            ents, c->nenterprises);
	struct form_option *svc = arena_alloc(&r->a, sizeof(*svc) * (size_t)c->nservices);
	memcpy(svc, c->services, sizeof(*svc) * (size_t)c->nservices);
	svc[0].label = "Alle ydelser";
	form_select(o, &(struct form_field){.name = "service", .label = "Ydelse",
	                                    .value = f->service ? f->service : ""}, svc, c->nservices);
	static const struct form_option sorts[] = {{"date", "Nyeste først"}, {"amount", "Største beløb først"}};
	form_select(o, &(struct form_field){.name = "sort", .label = "Sortering",
	                                    .value = f->sort ? "amount" : "date"}, sorts, 2);
	html(o, "<button type=\"submit\">Vis</button>\n</form>\n");
}

static void list_table(struct req *r, const struct purchase *items, int n, bool national,
                       bool may_delete)
{
	struct buf *o = &r->out;
	char amount[MONEY_TEXT];
	table_begin(o, "Køb", NULL);
	html(o, "<caption class=\"visually-hidden\">Køb</caption>\n<thead><tr><th scope=\"col\">Dato</th>");
	if (national)
		html(o, "<th scope=\"col\">Kommune</th>");
	html(o, "<th scope=\"col\">Virksomhed</th><th scope=\"col\">Beskrivelse</th>"
	        "<th scope=\"col\">Ydelse</th><th scope=\"col\">Beløb</th>"
	        "<th scope=\"col\"><span class=\"visually-hidden\">Handlinger</span></th></tr></thead>\n<tbody>\n");
	for (int i = 0; i < n; i++) {
		const struct purchase *p = &items[i];
		htmlf(o, "<tr><td>%s</td>", text_date_dk(&r->a, p->date));
		if (national)
			htmlf(o, "<td>%s</td>", p->kommune_navn);
		htmlf(o, "<td><a href=\"/virksomheder/%lld\">%s</a>%s</td><td>%s%s</td><td>%s</td>"
		         "<td>%s&nbsp;kr.</td><td>",
		      (long long)p->enterprise_id, p->enterprise_name,
		      p->enterprise_kind && !strcmp(p->enterprise_kind, "company") ? " (almindelig virksomhed)" : "",
		      p->description, p->order_id ? " (fra ordre)" : "",
		      p->service_label ? p->service_label : "", money_da_plain(amount, p->amount_ore));
		if (may_delete)
			htmlf(o, "<a href=\"/indkoeb/koeb/%lld/slet\">Slet<span class=\"visually-hidden\"> købet "
			         "fra %s</span></a>", (long long)p->id, text_date_dk(&r->a, p->date));
		html(o, "</td></tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
}

/* the page: the form (with t and r->errs), the filters and the list */
static int list_page(struct req *r, int status, const struct typed *t)
{
	struct filters f;
	filters_from(r, &f);
	f.q.limit = page_limit(r, LIST_PAGE, 500);
	f.q.offset = page_offset(r);
	struct choices c;
	struct purchase *items;
	int n, total;
	int64_t sum;
	int rc = purchases_list(r->db, &r->a, r->user, &f.q, &items, &n, &total, &sum);
	if (rc == 0)
		rc = choices_load(r, &c);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, "Køb");
	struct buf *o = &r->out;
	purchases_web_nav(r, "/indkoeb/koeb");
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "registreret"))
		html(o, "<p class=\"notice\" role=\"status\">Købet er registreret.</p>\n");
	else if (ok && !strcmp(ok, "slettet"))
		html(o, "<p class=\"notice\" role=\"status\">Købet er slettet.</p>\n");
	if (purchases_may_record(r->user))
		record_form(r, &c, t);
	filter_form(r, &f, &c);
	const char *args = filters_args(r, &f);
	char amount[MONEY_TEXT];
	if (total == 0) {
		html(o, "<p class=\"empty\">Ingen køb passer til filtrene.</p>\n");
	} else {
		htmlf(o, "<p>%d køb for i alt <strong>%s</strong> ekskl. moms.</p>\n", total, money_da(amount, sum));
		list_table(r, items, n, access_national(r->user), purchases_may_record(r->user));
		form_pagination(o, "/indkoeb/koeb", args, f.q.offset, f.q.limit, total);
	}
	htmlf(o, "<p>Hent listen med de valgte filtre: <a href=\"/indkoeb/koeb/eksport?format=csv%s\">CSV</a> · "
	         "<a href=\"/indkoeb/koeb/eksport?format=xlsx%s\">Excel (XLSX)</a></p>\n", args, args);
	return page_end(r, status);
}

/* GET /indkoeb/koeb — the municipality's purchasing (access_procurement_scope). ?year,
 * enterprise, service, kommune (administrator), sort (date|amount), offset, limit. With the form to record one for
 * who may (konsulent, indkøber, administrator). */
int purchases_page_list(struct req *r)
{
	char today[11];
	text_today(today);
	struct typed t = {.date = arena_strdup(&r->a, today)};
	return list_page(r, 200, &t);
}

/* POST /indkoeb/koeb — who may record purchases, CSRF. kommune (administrator), enterprise_id,
 * date, amount, service, description. 303 to the list; 422 with the form kept. */
int purchases_page_create(struct req *r)
{
	struct typed t = {req_form(r, "kommune"), req_form(r, "enterprise_id"), req_form(r, "date"),
	                  req_form(r, "amount"), req_form(r, "purchase_service"), req_form(r, "description")};
	struct purchase p = {.kommune = t.kommune, .enterprise_id = purchases_web_id(t.enterprise_id),
	                     .date = t.date, .service = t.service, .description = t.description};
	int rc = purchases_create(r->db, &r->a, r->user, &p, t.amount ? t.amount : "", &r->errs);
	if (rc == ERR_INVALID) {
		/* the form's name of the service field */
		for (int i = 0; i < r->errs.n; i++)
			if (r->errs.e[i].field && !strcmp(r->errs.e[i].field, "service"))
				r->errs.e[i].field = "purchase_service";
		return list_page(r, 422, &t);
	}
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, "/indkoeb/koeb?ok=registreret");
}

/* GET /indkoeb/koeb/{id}/slet — who may write the purchase's municipality: the confirmation. */
int purchases_page_delete_confirm(struct req *r)
{
	struct purchase p;
	int rc = purchases_get(r->db, &r->a, r->user, req_param_int(r, "id"), &p);
	if (rc == 0 && access_procurement(r->user, ACC_WRITE, p.kommune) != 0)
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, "Købet findes ikke.");
	page_begin(r, "Slet køb");
	char amount[MONEY_TEXT];
	/* the route itself deletes: no hidden field says what to do */
	form_confirm(&r->out, &(struct form_confirm){
		.before = "Vil du slette købet hos ", .name = p.enterprise_name,
		.after = arena_printf(&r->a, " den %s på %s? Det tæller så ikke længere med i kommunens "
		                      "forbrug. Sletningen logges.", text_date_dk(&r->a, p.date),
		                      money_da(amount, p.amount_ore)),
		.action = arena_printf(&r->a, "/indkoeb/koeb/%lld/slet", (long long)p.id), .csrf = r->csrf,
		.yes = "Ja, slet købet", .back = "/indkoeb/koeb"});
	return page_end(r, 200);
}

/* POST /indkoeb/koeb/{id}/slet — as above, CSRF. 303 to the list. */
int purchases_page_delete(struct req *r)
{
	int rc = purchases_delete(r->db, &r->a, r->user, req_param_int(r, "id"));
	if (rc)
		return page_fail(r, rc, "Købet findes ikke.");
	return reply_redirect(r, "/indkoeb/koeb?ok=slettet");
}

/* the purchases of the filters as an XLSX workbook into o */
static int purchases_xlsx(struct buf *o, const struct purchase *items, int n)
{
	struct xlsx x;
	if (xlsx_open(&x) != 0)
		return ERR_IO;
	lxw_format *bold = workbook_add_format(x.wb);
	format_set_bold(bold);
	lxw_format *kr = workbook_add_format(x.wb);
	format_set_num_format(kr, "#,##0.00");
	lxw_worksheet *ws = workbook_add_worksheet(x.wb, "Køb");
	static const char *const heads[] = {"Dato", "Kommune", "Virksomhed", "Beskrivelse", "Ydelse",
	                                    "Beløb (kr. ekskl. moms)"};
	for (int c = 0; c < 6; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, heads[c], bold);
	for (int i = 0; i < n; i++) {
		lxw_row_t row = (lxw_row_t)(i + 1);
		worksheet_write_string(ws, row, 0, items[i].date, NULL);
		worksheet_write_string(ws, row, 1, items[i].kommune_navn, NULL);
		worksheet_write_string(ws, row, 2, items[i].enterprise_name, NULL);
		worksheet_write_string(ws, row, 3, items[i].description, NULL);
		worksheet_write_string(ws, row, 4, items[i].service_label ? items[i].service_label : "", NULL);
		/* kroner for the spreadsheet's sums; the amount itself is kept in whole øre */
		worksheet_write_number(ws, row, 5, (double)items[i].amount_ore / 100.0, kr);
	}
	return xlsx_close(&x, o, false) ? ERR_IO : 0;
}

/* GET /indkoeb/koeb/eksport — as the list: ?format=csv|xlsx with the list's filters (every
 * match, no pages); CSV with ';' and a BOM, ?sep=, for machines. */
int purchases_download(struct req *r)
{
	const char *format = req_query(r, "format") ? req_query(r, "format") : "csv";
	if (strcmp(format, "csv") && strcmp(format, "xlsx"))
		return reply_page_error(r, 400, "Formatet skal være csv eller xlsx.");
	struct filters f;
	filters_from(r, &f);
	f.q.limit = 10000;
	struct purchase *items;
	int n, total;
	int64_t sum;
	int rc = purchases_list(r->db, &r->a, r->user, &f.q, &items, &n, &total, &sum);
	if (rc)
		return page_fail(r, rc, NULL);
	if (!strcmp(format, "xlsx")) {
		buf_reset(&r->out);
		if (purchases_xlsx(&r->out, items, n) != 0)
			return page_fail(r, ERR_IO, NULL);
		return reply_download(r, XLSX_TYPE, "koeb.xlsx");
	}
	struct csv_out w;
	page_csv_begin(r, &w);
	const char *sep = req_query(r, "sep");
	bool machine = sep && !strcmp(sep, ",");
	static const char *const heads[] = {"Dato", "Kommune", "Virksomhed", "Beskrivelse", "Ydelse",
	                                    "Beløb (kr. ekskl. moms)"};
	for (int c = 0; c < 6; c++)
		csv_out_field(&w, heads[c]);
	csv_out_end(&w);
	char amount[MONEY_TEXT];
	for (int i = 0; i < n; i++) {
		csv_out_field(&w, items[i].date);
		csv_out_field(&w, items[i].kommune_navn);
		csv_out_field(&w, items[i].enterprise_name);
		csv_out_field(&w, items[i].description);
		csv_out_field(&w, items[i].service_label);
		csv_out_field(&w, machine ? money_api(amount, items[i].amount_ore)
		                          : money_da_plain(amount, items[i].amount_ore));
		csv_out_end(&w);
	}
	return reply_download(r, "text/csv; charset=utf-8", "koeb.csv");
}
