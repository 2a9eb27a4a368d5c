/*
 * catalogue_web.c — the public pages of the catalogue: the search with its filters and cards,
 * and one product with its pictures. The enterprise's own pages are catalogue_edit_web.c.
 * Layer: handlers of the procurement capability. What a caller may see is asked of
 * catalogue.h (which asks auth/access.h); these pages only read the request and render.
 */
#include "catalogue_web.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../registry/registry.h"
#include "catalogue.h"
#include "catalogue_text_da.h"
#include "cpv.h"

#define SEARCH_PAGE 24

/* the query parameter name trimmed, or NULL when absent or blank */
static const char *nonblank(struct req *r, const char *name)
{
	const char *v = text_trim(&r->a, req_query(r, name));
	return v && *v ? v : NULL;
}

const char *catalogue_query_from(struct req *r, struct catalogue_query *q, int limit)
{
	memset(q, 0, sizeof(*q));
	q->limit = limit;
	q->offset = page_offset(r);
	q->price_min = q->price_max = -1;
	const char *bad = NULL, *v;
	long long id;
	int64_t ore;
	if ((v = nonblank(r, "q")) && utf8_len(v) <= 200)
		q->q = v;
	else if (v)
		bad = "q";
	struct option_kv *services;
	int nservices;
	if ((v = nonblank(r, "service"))) {
		bool known = false;
		if (registry_options(r->db, &r->a, false, &services, &nservices) == 0)
			for (int i = 0; i < nservices && !known; i++)
				known = strcmp(services[i].key, v) == 0;
		if (known)
			q->service = v;
		else if (!bad)
			bad = "service";
	}
	if ((v = nonblank(r, "cpv")) && cpv_division_valid(v))
		q->cpv_division = v;
	else if (v && !bad)
		bad = "cpv";
	if ((v = nonblank(r, "kommune")) && text_is_digits(v, 3))
		q->kommune = v;
	else if (v && !bad)
		bad = "kommune";
	if ((v = nonblank(r, "price_min")) && money_parse(v, 0, &ore) == 0)
		q->price_min = ore;
	else if (v && !bad)
		bad = "price_min";
	if ((v = nonblank(r, "price_max")) && money_parse(v, 0, &ore) == 0)
		q->price_max = ore;
	else if (v && !bad)
		bad = "price_max";
	if ((v = nonblank(r, "agreement")) && (!strcmp(v, "1") || !strcmp(v, "0")))
		q->agreement_only = !strcmp(v, "1");
	else if (v && !bad)
		bad = "agreement";
	if ((v = nonblank(r, "enterprise")) && text_parse_int(v, 1, 999999999999999LL, &id) == 0)
		q->enterprise_id = id;
	else if (v && !bad)
		bad = "enterprise";
	static const char *const sorts[] = {"relevance", "title", "price", "newest"};
	q->sort = CATALOGUE_TITLE;
	if ((v = nonblank(r, "sort"))) {
		int k = -1;
		for (int i = 0; i < 4; i++)
			if (!strcmp(v, sorts[i]))
				k = i;
		if (k >= 0)
			q->sort = (enum catalogue_sort)k;
		else if (!bad)
			bad = "sort";
	} else if (q->q) {
		q->sort = CATALOGUE_RELEVANCE;
	}
	return bad;
}

/* the picture of a card or a product page: WebP with a JPEG fallback at one width */
static void picture(struct req *r, int64_t image_id, int size, const char *alt, int w, int h)
{
	struct buf *o = &r->out;
	htmlf(o, "<picture><source type=\"image/webp\" srcset=\"%s\">",
	      catalogue_image_url(&r->a, image_id, size, "webp"));
	if (w > 0 && h > 0)
		htmlf(o, "<img src=\"%s\" alt=\"%s\" width=\"%d\" height=\"%d\"></picture>",
		      catalogue_image_url(&r->a, image_id, size, "jpg"), alt ? alt : "", w, h);
	else
		htmlf(o, "<img src=\"%s\" alt=\"%s\"></picture>",
		      catalogue_image_url(&r->a, image_id, size, "jpg"), alt ? alt : "");
}

/* the query string of q's filters (without offset), each "&k=v" encoded, for pagination */
static const char *filters_of(struct req *r)
{
	static const char *const names[] = {"q", "service", "cpv", "kommune", "price_min",
	                                    "price_max", "agreement", "sort"};
	struct buf b;
	buf_init(&b, 4096);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *v = nonblank(r, names[i]);
		if (v)
			buf_printf(&b, "&%s=%s", names[i], html_url(&r->a, v));
	}
	const char *s = arena_strdup(&r->a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* the filter form of the search, filled from the request */
static void search_form(struct req *r, const struct option_kv *services, int nservices,
                        const struct kommune *kk, int nkk, bool staff)
{
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/katalog\" class=\"filter catalogue-filter\" role=\"search\">\n");
	form_input(o, &(struct form_field){.name = "q", .label = C_SEARCH, .type = "search",
	                                   .value = req_query(r, "q"), .hint = C_SEARCH_HINT});
	struct form_option *so = arena_alloc(&r->a, sizeof(*so) * (size_t)(nservices + 1));
	so[0] = (struct form_option){"", C_ALL_SERVICES};
	for (int i = 0; i < nservices; i++)
		so[i + 1] = (struct form_option){services[i].key, services[i].label};
	form_select(o, &(struct form_field){.name = "service", .label = C_SERVICE,
	                                    .value = req_query(r, "service")},
	            so, nservices + 1);
	size_t nd = 0;
	const struct cpv_code *const *div = cpv_divisions(&nd);
	struct form_option *dopt = arena_alloc(&r->a, sizeof(*dopt) * (nd + 1));
	dopt[0] = (struct form_option){"", C_ALL_CPV};
	for (size_t i = 0; i < nd; i++)
		dopt[i + 1] = (struct form_option){arena_strndup(&r->a, div[i]->code, 2),
		                                   arena_printf(&r->a, "%.2s – %s", div[i]->code, div[i]->label)};
	form_select(o, &(struct form_field){.name = "cpv", .label = C_CPV_DIVISION,
	                                    .value = req_query(r, "cpv")},
	            dopt, (int)nd + 1);
	struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nkk + 1));
	ko[0] = (struct form_option){"", C_ALL_KOMMUNER};
	for (int i = 0; i < nkk; i++)
		ko[i + 1] = (struct form_option){kk[i].kode, kk[i].navn};
	form_select(o, &(struct form_field){.name = "kommune", .label = C_KOMMUNE,
	                                    .value = req_query(r, "kommune"), .hint = C_KOMMUNE_HINT},
	            ko, nkk + 1);
	form_input(o, &(struct form_field){.name = "price_min", .label = C_PRICE_MIN,
	                                   .value = req_query(r, "price_min"), .autocomplete = "off"});
	form_input(o, &(struct form_field){.name = "price_max", .label = C_PRICE_MAX,
	                                   .value = req_query(r, "price_max"), .autocomplete = "off"});
	if (staff)
		form_checkbox(o, &(struct form_field){.name = "agreement", .label = C_UNDER_AGREEMENT,
		                                      .value = nonblank(r, "agreement") &&
		                                                       !strcmp(nonblank(r, "agreement"), "1")
		                                                   ? "1"
		                                                   : "0"});
	/* blank: the best match when there are words, else the title */
	static const struct form_option sorts[] = {
		{"", "Bedste match, ellers titel"}, {"title", "Titel"}, {"price", "Pris, laveste først"},
		{"newest", "Nyeste først"}};
	form_select(o, &(struct form_field){.name = "sort", .label = C_SORT, .value = req_query(r, "sort")},
	            sorts, 4);
	htmlf(o, "<div><button type=\"submit\">%s</button></div>\n</form>\n", C_SEARCH_BUTTON);
}

/* GET /katalog — public. The search of the catalogue with its filters (catalogue_query_from),
 * cards with the 320 px picture, and pagination. "Kun under aftale" is offered to the staff of
 * a municipality (whose agreements mark the cards); the public's cards are marked for the
 * municipality it chose. */
int catalogue_page_search(struct req *r)
{
	struct catalogue_query q;
	catalogue_query_from(r, &q, page_limit(r, SEARCH_PAGE, 96));
	struct catalogue_item *items;
	struct option_kv *services;
	struct kommune *kk;
	int n, total, nservices, nkk;
	int rc = catalogue_search(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc == 0)
		rc = registry_options(r->db, &r->a, false, &services, &nservices);
	if (rc == 0)
		rc = kommune_list(r->db, &r->a, &kk, &nkk);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *scope = NULL;
	bool staff = r->user && access_procurement_scope(r->user, &scope) == 0 && scope;
	page_begin(r, C_TITLE);
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s</p>\n", C_LEAD);
	search_form(r, services, nservices, kk, nkk, staff);
	htmlf(o, "<h2 class=\"count\" aria-live=\"polite\">%d %s</h2>\n", total,
	      total == 1 ? C_PRODUCT_ONE : C_PRODUCT_MANY);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\">%s</p>\n", q.q || q.service || q.cpv_division || q.kommune ||
		                                             q.price_min >= 0 || q.price_max >= 0 ||
		                                             q.agreement_only
		                                         ? C_EMPTY_FILTERED
		                                         : C_EMPTY);
		return page_end(r, 200);
	}
	html(o, "<ul class=\"catalogue-grid\">\n");
	for (int i = 0; i < n; i++) {
		const struct catalogue_item *it = &items[i];
		html(o, "<li class=\"product-card\">");
		if (it->image_id)
			picture(r, it->image_id, 320, it->image_alt, 0, 0);
		else
			htmlf(o, "<div class=\"no-picture\" aria-hidden=\"true\">%s</div>", C_NO_PICTURE);
		htmlf(o, "<h3><a href=\"/katalog/%lld\">%s</a></h3>", (long long)it->id, it->title);
		htmlf(o, "<p class=\"enterprise\">%s</p>", it->enterprise_name);
		htmlf(o, "<p class=\"price\">%s <span class=\"unit\">/ %s</span></p>",
		      catalogue_price_text(&r->a, it->price_ore, it->vat_rate), it->unit);
		if (it->agreement)
			htmlf(o, "<p class=\"badge\">%s</p>", C_UNDER_AGREEMENT_BADGE);
		html(o, "</li>\n");
	}
	html(o, "</ul>\n");
	form_pagination(o, "/katalog", filters_of(r), q.offset, q.limit, total);
	return page_end(r, 200);
}

/* the labels of a product's services, joined with commas */
static const char *service_labels(struct req *r, const struct product *p,
                                  const struct option_kv *services, int nservices)
{
	struct buf b;
	buf_init(&b, 4096);
	for (int i = 0; i < p->nservices; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", registry_label(services, nservices, p->services[i]));
	const char *s = arena_strdup(&r->a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* the names of a product's delivery areas, or "Hele landet" */
static const char *area_names(struct req *r, const struct product *p, const struct kommune *kk,
                              int nkk)
{
	if (p->nareas == 0)
		return C_ALL_DENMARK;
	struct buf b;
	buf_init(&b, 8192);
	for (int i = 0; i < p->nareas; i++) {
		const char *name = p->areas[i];
		for (int k = 0; k < nkk; k++)
			if (!strcmp(kk[k].kode, p->areas[i]))
				name = kk[k].navn;
		buf_printf(&b, "%s%s", i ? ", " : "", name);
	}
	const char *s = arena_strdup(&r->a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* GET /katalog/{id} — public; a hidden product only for its writers. The pictures at 960 px,
 * the facts, the enterprise linked, the CPV code with its (English) label; "Bestil" for a buyer
 * of a municipality (access_procurement ACC_WRITE of its own), "Redigér" for its writers. */
int catalogue_page_product(struct req *r)
{
	struct product p;
	struct option_kv *services;
	struct kommune *kk;
	int nservices, nkk;
	int rc = catalogue_get(r->db, &r->a, r->user, req_param_int(r, "id"), nonblank(r, "kommune"), &p);
	if (rc == 0)
		rc = registry_options(r->db, &r->a, false, &services, &nservices);
	if (rc == 0)
		rc = kommune_list(r->db, &r->a, &kk, &nkk);
	if (rc)
		return page_fail(r, rc, C_NOT_FOUND);
	page_begin(r, p.title);
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok && !strcmp(ok, "gemt"))
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", C_SAVED);
	if (strcmp(p.status, "active") != 0)
		htmlf(o, "<p class=\"notice\">%s</p>\n", C_HIDDEN_NOTICE);
	if (p.nimages) {
		html(o, "<div class=\"product-pictures\">\n");
		for (int i = 0; i < p.nimages; i++) {
			const struct catalogue_image *im = &p.images[i];
			int w = im->width > 960 ? 960 : im->width;
			int h = (int)((int64_t)im->height * w / (im->width > 0 ? im->width : 1));
			html(o, "<figure>");
			picture(r, im->id, 960, im->alt, w, h);
			html(o, "</figure>\n");
		}
		html(o, "</div>\n");
	}
	html(o, "<dl class=\"facts\">\n");
	htmlf(o, "<dt>%s</dt><dd><a href=\"/virksomheder/%lld\">%s</a></dd>\n", C_ENTERPRISE,
	      (long long)p.enterprise_id, p.enterprise_name);
	htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", C_PRICE, catalogue_price_text(&r->a, p.price_ore, p.vat_rate));
	htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", C_UNIT, p.unit);
	htmlf(o, "<dt>%s</dt><dd>%d %s</dd>\n", C_MIN_ORDER, p.min_order, p.unit);
	if (p.nservices)
		htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", C_SERVICES, service_labels(r, &p, services, nservices));
	if (p.cpv) {
		const struct cpv_code *c = cpv_find(p.cpv);
		htmlf(o, "<dt>%s</dt><dd>%s <span lang=\"en\">%s</span></dd>\n", C_CPV, p.cpv,
		      c ? c->label : "");
	}
	htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", C_AREAS, area_names(r, &p, kk, nkk));
	if (p.agreement) {
		if (p.agreement_title)
			htmlf(o, "<dt>%s</dt><dd>%s: %s</dd>\n", C_AGREEMENT, C_YES, p.agreement_title);
		else
			htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", C_AGREEMENT, C_YES);
	}
	html(o, "</dl>\n");
	if (*p.description)
		htmlf(o, "<div class=\"description\">%s</div>\n", p.description);
	html(o, "<div class=\"actions\">");
	if (r->user && r->user->kommune &&
	    access_procurement(r->user, ACC_WRITE, r->user->kommune) == 0)
		htmlf(o, "<a class=\"button\" href=\"/indkoeb/ordrer/ny?produkt=%lld\">%s</a>", (long long)p.id,
		      C_ORDER);
	if (catalogue_may_write(r->user, &p))
		htmlf(o, "<a href=\"/katalog/%lld/rediger\">%s</a>", (long long)p.id, C_EDIT);
	htmlf(o, "<a href=\"/katalog\">%s</a></div>\n", C_BACK);
	return page_end(r, 200);
}
