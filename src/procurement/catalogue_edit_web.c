/*
 * catalogue_edit_web.c — an enterprise's own catalogue in the browser: its products (hidden
 * ones too), a new product, editing, hiding and showing, and the pictures with their alt texts
 * and order. Layer: handlers of the procurement capability. The rules are catalogue_save()'s
 * and access_catalogue_write()'s; these pages read the form, show it again with the errors at
 * the fields (422), and redirect (303). Deleting a picture asks first.
 */
#include <string.h>

#include "../auth/access.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/multipart.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../registry/registry.h"
#include "catalogue.h"
#include "catalogue_text_da.h"
#include "catalogue_web.h"

/* what the user typed in the number fields, kept unchanged on errors */
struct typed {
	const char *price, *min_order;
};

/* the enterprise of the path ({id}) that the caller may keep the catalogue of, or the error
 * page already answered */
static bool enterprise_or_reply(struct req *r, struct enterprise *e)
{
	int rc = registry_get(r->db, &r->a, req_param_int(r, "id"), e);
	if (rc == 0 && access_catalogue_write(r->user, e->kommune, e->id) != 0)
		rc = ERR_FORBIDDEN;
	if (rc)
		page_fail(r, rc, "Virksomheden findes ikke.");
	return rc == 0;
}

/* the product of the path that the caller may write, or the error page already answered */
static bool product_or_reply(struct req *r, struct product *p)
{
	int rc = catalogue_get(r->db, &r->a, r->user, req_param_int(r, "id"), NULL, p);
	if (rc == 0 && !catalogue_may_write(r->user, p))
		rc = ERR_FORBIDDEN;
	if (rc)
		page_fail(r, rc, C_NOT_FOUND);
	return rc == 0;
}

/* GET /virksomheder/{id}/katalog — who access_catalogue_write allows for the enterprise: its
 * products, hidden ones too, with price, status and number of pictures, newest first. */
int catalogue_page_manage(struct req *r)
{
	struct enterprise e;
	if (!enterprise_or_reply(r, &e))
		return 0;
	struct catalogue_query q = {.enterprise_id = e.id, .include_hidden = true, .price_min = -1,
	                            .price_max = -1, .sort = CATALOGUE_TITLE,
	                            .limit = page_limit(r, 100, 500), .offset = page_offset(r)};
	struct catalogue_item *items;
	int n, total;
	int rc = catalogue_search(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, arena_printf(&r->a, C_MANAGE_TITLE, e.name));
	struct buf *o = &r->out;
	htmlf(o, "<p><a class=\"button\" href=\"/virksomheder/%lld/katalog/ny\">%s</a></p>\n",
	      (long long)e.id, C_NEW);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\">%s</p>\n", C_MANAGE_EMPTY);
		return page_end(r, 200);
	}
	table_begin(o, C_TITLE, NULL);
	htmlf(o, "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	      C_COL_TITLE, C_COL_PRICE, C_COL_STATUS, C_COL_PICTURES);
	char m[MONEY_TEXT];
	for (int i = 0; i < n; i++) {
		const struct catalogue_item *it = &items[i];
		htmlf(o, "<tr><td><a href=\"/katalog/%lld/rediger\">%s</a></td><td>%s / %s</td>"
		         "<td>%s</td><td>%s</td></tr>\n",
		      (long long)it->id, it->title, money_da(m, it->price_ore), it->unit,
		      catalogue_status_label(it->status), it->image_id ? C_YES : "Nej");
	}
	html(o, "</tbody>\n");
	table_end(o);
	form_pagination(o, arena_printf(&r->a, "/virksomheder/%lld/katalog", (long long)e.id), "",
	                q.offset, q.limit, total);
	return page_end(r, 200);
}

/* every field of the product form, each with its error */
static void form_body(struct req *r, const struct product *p, const struct typed *t)
{
	struct buf *o = &r->out;
	const struct errs *er = &r->errs;
	struct option_kv *services = NULL;
	struct kommune *kk = NULL;
	int nservices = 0, nkk = 0;
	registry_options(r->db, &r->a, false, &services, &nservices);
	kommune_list(r->db, &r->a, &kk, &nkk);
	form_input(o, &(struct form_field){.name = "title", .label = C_COL_TITLE, .value = p->title,
	                                   .error = errs_get(er, "title"), .required = true,
	                                   .maxlength = 200});
	form_textarea(o, &(struct form_field){.name = "description", .label = C_DESCRIPTION,
	                                      .value = p->description,
	                                      .error = errs_get(er, "description")}, 6);
	form_input(o, &(struct form_field){.name = "price", .label = C_PRICE_FIELD, .value = t->price,
	                                   .hint = C_PRICE_HINT, .error = errs_get(er, "price"),
	                                   .required = true, .autocomplete = "off"});
	static const struct form_option vats[] = {{"25", C_VAT_25}, {"0", C_VAT_0}};
	form_select(o, &(struct form_field){.name = "vat_rate", .label = C_VAT,
	                                    .value = p->vat_rate == 0 ? "0" : "25",
	                                    .error = errs_get(er, "vat_rate")},
	            vats, 2);
	form_input(o, &(struct form_field){.name = "unit", .label = C_UNIT, .value = p->unit,
	                                   .hint = C_UNIT_HINT, .error = errs_get(er, "unit"),
	                                   .maxlength = 40});
	form_input(o, &(struct form_field){.name = "min_order", .label = C_MIN_ORDER_FIELD,
	                                   .type = "number", .value = t->min_order,
	                                   .error = errs_get(er, "min_order")});
	form_input(o, &(struct form_field){.name = "cpv", .label = C_CPV_FIELD, .value = p->cpv,
	                                   .hint = C_CPV_HINT, .error = errs_get(er, "cpv"),
	                                   .autocomplete = "off"});
	struct form_option *so = arena_alloc(&r->a, sizeof(*so) * (size_t)(nservices + 1));
	for (int i = 0; i < nservices; i++)
		so[i] = (struct form_option){services[i].key, services[i].label};
	form_checkboxes(o, &(struct form_field){.name = "services", .label = C_SERVICES_FIELD,
	                                        .error = errs_get(er, "services")},
	                so, nservices, p->services, p->nservices);
	struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nkk + 1));
	for (int i = 0; i < nkk; i++)
		ko[i] = (struct form_option){kk[i].kode, kk[i].navn};
	form_select_multiple(o, &(struct form_field){.name = "areas", .label = C_AREAS_FIELD,
	                                             .hint = C_AREAS_HINT, .error = errs_get(er, "areas")},
	                     ko, nkk, p->areas, p->nareas, 8);
}

/* the form, new (action under the enterprise) or of a stored product */
static int edit_form(struct req *r, int status, const struct product *p, const struct typed *t,
                     const char *enterprise_name)
{
	page_begin(r, p->id ? arena_printf(&r->a, C_EDIT_TITLE, p->title)
	                    : arena_printf(&r->a, C_NEW_FOR, enterprise_name));
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	if (p->id)
		htmlf(o, "<form method=\"post\" action=\"/katalog/%lld\" class=\"stack\" novalidate>\n",
		      (long long)p->id);
	else
		htmlf(o, "<form method=\"post\" action=\"/virksomheder/%lld/katalog\" class=\"stack\" novalidate>\n",
		      (long long)p->enterprise_id);
	form_csrf(o, r->csrf);
	form_body(r, p, t);
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button> ", C_SAVE);
	if (p->id)
		htmlf(o, "<a href=\"/katalog/%lld\">%s</a></div>\n</form>\n", (long long)p->id, C_CANCEL);
	else
		htmlf(o, "<a href=\"/virksomheder/%lld/katalog\">%s</a></div>\n</form>\n",
		      (long long)p->enterprise_id, C_CANCEL);
	return page_end(r, status);
}

/* the values of the repeated field name, at most max */
static const char **form_values(struct req *r, const char *name, int max, int *n)
{
	const char **out = arena_alloc(&r->a, sizeof(*out) * (size_t)max);
	*n = kv_all(r->form, name, out, max);
	if (*n > max) {
		errs_add(&r->errs, name, arena_printf(&r->a, "Der kan højst vælges %d.", max));
		*n = max;
	}
	return out;
}

/* the form's values over p */
static void read_form(struct req *r, struct product *p, struct typed *t)
{
	p->title = req_form(r, "title");
	p->description = req_form(r, "description");
	t->price = req_form(r, "price");
	int64_t ore;
	const char *price = t->price ? text_trim(&r->a, t->price) : "";
	if (money_parse(price, 0, &ore) == 0)
		p->price_ore = ore;
	else
		errs_add(&r->errs, "price", *price ? "Skriv prisen som et beløb i kroner, fx 1.234,50."
		                                   : "Skriv prisen i kroner ekskl. moms.");
	const char *vat = req_form(r, "vat_rate");
	p->vat_rate = vat && !strcmp(vat, "0") ? 0 : vat && !strcmp(vat, "25") ? 25 : -1;
	p->unit = req_form(r, "unit");
	t->min_order = req_form(r, "min_order");
	long long mo;
	const char *mos = t->min_order ? text_trim(&r->a, t->min_order) : "";
	p->min_order = !*mos ? 1 : text_parse_int(mos, 1, 100000, &mo) == 0 ? (int)mo : -1;
	p->cpv = req_form(r, "cpv");
	p->services = form_values(r, "services", CATALOGUE_MAX_SERVICES, &p->nservices);
	p->areas = form_values(r, "areas", CATALOGUE_MAX_AREAS, &p->nareas);
}

/* GET /virksomheder/{id}/katalog/ny — the enterprise's writers. */
int catalogue_page_new(struct req *r)
{
	struct enterprise e;
	if (!enterprise_or_reply(r, &e))
		return 0;
	struct product p = {.enterprise_id = e.id, .vat_rate = 25, .min_order = 1, .unit = "stk."};
	struct typed t = {.price = "", .min_order = "1"};
	return edit_form(r, 200, &p, &t, e.name);
}

/* POST /virksomheder/{id}/katalog — the enterprise's writers, CSRF. 303 to the product; 422
 * with the form kept. */
int catalogue_page_create(struct req *r)
{
	struct enterprise e;
	if (!enterprise_or_reply(r, &e))
		return 0;
	struct product p = {.enterprise_id = e.id};
	struct typed t = {0};
	read_form(r, &p, &t);
	int rc = catalogue_save(r->db, &r->a, r->user, &p, &r->errs);
	if (rc == ERR_INVALID) {
		p.id = 0;
		p.enterprise_id = e.id;
		return edit_form(r, 422, &p, &t, e.name);
	}
	if (rc)
		return page_fail(r, rc, NULL);
	return reply_redirect(r, arena_printf(&r->a, "/katalog/%lld/rediger?ok=oprettet", (long long)p.id));
}

/* the pictures of the edit page: each with its alt text form, "Flyt op" and "Slet billede";
 * then the upload form, or where uploads go until the page can send files */
static void pictures_section(struct req *r, const struct product *p)
{
	struct buf *o = &r->out;
	htmlf(o, "<h2 id=\"billeder\">%s</h2>\n", C_PICTURES);
	if (p->nimages == 0)
		htmlf(o, "<p class=\"empty\">%s</p>\n", C_PICTURES_NONE);
	else
		html(o, "<ul class=\"catalogue-grid\">\n");
	for (int i = 0; i < p->nimages; i++) {
		const struct catalogue_image *im = &p->images[i];
		html(o, "<li class=\"product-card\">");
		htmlf(o, "<picture><source type=\"image/webp\" srcset=\"/billeder/%lld/320.webp\">"
		         "<img src=\"/billeder/%lld/320.jpg\" alt=\"%s\"></picture>",
		      (long long)im->id, (long long)im->id, im->alt);
		htmlf(o, "<form method=\"post\" action=\"/katalog/billeder/%lld\" class=\"stack\">",
		      (long long)im->id);
		form_csrf(o, r->csrf);
		html(o, "<input type=\"hidden\" name=\"action\" value=\"alt\">");
		/* one form per picture: the ids carry the picture's so that each label finds its field */
		htmlf(o, "<div class=\"field\"><label for=\"alt-%lld\">%s %d</label>"
		         "<textarea id=\"alt-%lld\" name=\"alt\" rows=\"2\" maxlength=\"300\" required>%s"
		         "</textarea></div>",
		      (long long)im->id, C_ALT, i + 1, (long long)im->id, im->alt);
		htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button></div></form>", C_SAVE_ALT);
		html(o, "<div class=\"actions\">");
		if (i > 0) {
			htmlf(o, "<form method=\"post\" action=\"/katalog/billeder/%lld\" class=\"inline\">",
			      (long long)im->id);
			form_csrf(o, r->csrf);
			htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"up\">"
			         "<button type=\"submit\" class=\"secondary\">%s<span class=\"visually-hidden\">"
			         " (billede %d)</span></button></form>",
			      C_MOVE_UP, i + 1);
		}
		htmlf(o, "<a href=\"/katalog/billeder/%lld/slet\">%s<span class=\"visually-hidden\"> %d</span></a>",
		      (long long)im->id, C_DELETE_PICTURE, i + 1);
		html(o, "</div></li>\n");
	}
	if (p->nimages)
		html(o, "</ul>\n");
	htmlf(o, "<h3 id=\"nyt-billede\">%s</h3>\n", C_UPLOAD);
	htmlf(o, "<form method=\"post\" action=\"/katalog/%lld/billeder\" enctype=\"multipart/form-data\""
	         " class=\"stack\" novalidate>\n", (long long)p->id);
	form_csrf(o, r->csrf);
	form_input(o, &(struct form_field){.name = "billede", .label = C_UPLOAD_FIELD, .type = "file",
	                                   .error = errs_get(&r->errs, "billede"), .required = true});
	form_textarea(o, &(struct form_field){.name = "alt", .label = C_ALT, .hint = C_ALT_HINT,
	                                      .value = r->errs.n ? req_form(r, "alt") : NULL,
	                                      .error = errs_get(&r->errs, "alt"), .required = true,
	                                      .maxlength = 300}, 2);
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n</form>\n", C_UPLOAD);
	htmlf(o, "<p>%s</p>\n", C_UPLOAD_API);
}

/* the edit page of p with status: the form, hide/show, the pictures and the upload form (whose
 * field errors r->errs holds after a refused upload) */
static int edit_page(struct req *r, const struct product *pp, int status)
{
	struct product p = *pp;
	char m[MONEY_TEXT];
	struct typed t = {.price = money_da_plain(m, p.price_ore),
	                  .min_order = arena_printf(&r->a, "%d", p.min_order)};
	page_begin(r, arena_printf(&r->a, C_EDIT_TITLE, p.title));
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok && (!strcmp(ok, "oprettet") || !strcmp(ok, "gemt")))
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", C_SAVED);
	htmlf(o, "<p><a href=\"/katalog/%lld\">Se produktet</a> · <a href=\"/virksomheder/%lld/katalog\">"
	         "Alle virksomhedens produkter</a></p>\n",
	      (long long)p.id, (long long)p.enterprise_id);
	htmlf(o, "<form method=\"post\" action=\"/katalog/%lld\" class=\"stack\" novalidate>\n", (long long)p.id);
	form_csrf(o, r->csrf);
	form_body(r, &p, &t);
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button></div>\n</form>\n", C_SAVE);
	bool hidden = strcmp(p.status, "hidden") == 0;
	htmlf(o, "<form method=\"post\" action=\"/katalog/%lld/status\" class=\"inline\">", (long long)p.id);
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"status\" value=\"%s\">"
	         "<button type=\"submit\" class=\"secondary\">%s</button></form>\n",
	      hidden ? "active" : "hidden", hidden ? C_SHOW : C_HIDE);
	if (r->errs.n)
		form_error_summary(o, &r->errs);
	pictures_section(r, &p);
	return page_end(r, status);
}

/* GET /katalog/{id}/rediger — the product's writers: the form, hide/show, the pictures. */
int catalogue_page_edit(struct req *r)
{
	struct product p;
	if (!product_or_reply(r, &p))
		return 0;
	return edit_page(r, &p, 200);
}

/* POST /katalog/{id}/billeder — the product's writers, CSRF, multipart (RF_UPLOAD): the file
 * "billede" and its alt text "alt". 303 to the pictures; 422 with the edit page and the error at
 * the field (not a JPEG, PNG or WebP picture, malformed, over 40 megapixels, no alt text);
 * 413 over 10 MB. Nothing is stored on failure. */
int catalogue_page_image_upload(struct req *r)
{
	struct product p;
	if (!product_or_reply(r, &p))
		return 0;
	const struct req_file *f = req_file(r, "billede");
	struct catalogue_image im;
	int rc = catalogue_image_add(r->db, &r->a, r->user, p.id, f ? f->data : NULL, f ? f->len : 0,
	                             req_form(r, "alt"), &r->errs, &im);
	if (rc == ERR_INVALID) {
		/* the domain names the picture "image"; on this page it is the file field "billede",
		 * where the error summary links */
		for (int i = 0; i < r->errs.n; i++)
			if (!strcmp(r->errs.e[i].field, "image"))
				r->errs.e[i].field = "billede";
		return edit_page(r, &p, 422);
	}
	if (rc)
		return page_fail(r, rc, C_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/katalog/%lld/rediger?ok=gemt#billeder", (long long)p.id));
}

/* POST /katalog/{id} — the product's writers, CSRF. 303 to the edit page; 422 with the form. */
int catalogue_page_update(struct req *r)
{
	struct product p;
	if (!product_or_reply(r, &p))
		return 0;
	struct typed t = {0};
	read_form(r, &p, &t);
	int rc = catalogue_save(r->db, &r->a, r->user, &p, &r->errs);
	if (rc == ERR_INVALID)
		return edit_form(r, 422, &p, &t, p.enterprise_name);
	if (rc)
		return page_fail(r, rc, C_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/katalog/%lld/rediger?ok=gemt", (long long)p.id));
}

/* POST /katalog/{id}/status — the product's writers, CSRF. status=active|hidden. 303. */
int catalogue_page_status(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	int rc = catalogue_set_status(r->db, &r->a, r->user, id, req_form(r, "status"), &r->errs);
	if (rc)
		return page_fail(r, rc, C_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/katalog/%lld/rediger?ok=gemt", (long long)id));
}

/* POST /katalog/billeder/{id} — the product's writers, CSRF. action=alt (with alt) or up
 * (one place earlier). 303 to the edit page; 422 with the message for an empty alt text. */
int catalogue_page_image_post(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct catalogue_image im;
	int rc = catalogue_image_get(r->db, &r->a, r->user, id, &im);
	if (rc)
		return page_fail(r, rc, "Billedet findes ikke.");
	const char *action = req_form(r, "action");
	if (action && !strcmp(action, "up")) {
		rc = catalogue_image_move_up(r->db, &r->a, r->user, id);
	} else {
		rc = catalogue_image_update(r->db, &r->a, r->user, id, req_form(r, "alt"), -1, &r->errs);
	}
	if (rc)
		return page_fail(r, rc, "Billedet findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/katalog/%lld/rediger?ok=gemt#billeder",
	                                      (long long)im.product_id));
}

/* GET /katalog/billeder/{id}/slet — the product's writers: asks before deleting. */
int catalogue_page_image_delete_confirm(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct catalogue_image im;
	struct product p;
	int rc = catalogue_image_get(r->db, &r->a, r->user, id, &im);
	if (rc == 0)
		rc = catalogue_get(r->db, &r->a, r->user, im.product_id, NULL, &p);
	if (rc == 0 && !catalogue_may_write(r->user, &p))
		rc = ERR_FORBIDDEN;
	if (rc)
		return page_fail(r, rc, "Billedet findes ikke.");
	page_begin(r, C_DELETE_PICTURE);
	struct buf *o = &r->out;
	/* the picture first, so that the question's "dette billede" points at it */
	htmlf(o, "<figure><img src=\"/billeder/%lld/320.jpg\" alt=\"%s\"><figcaption>%s</figcaption></figure>\n",
	      (long long)id, im.alt, im.alt);
	form_confirm(o, &(struct form_confirm){
		.before = C_DELETE_CONFIRM,
		.action = arena_printf(&r->a, "/katalog/billeder/%lld/slet", (long long)id), .csrf = r->csrf,
		.yes = C_DELETE_YES,
		.back = arena_printf(&r->a, "/katalog/%lld/rediger#billeder", (long long)im.product_id),
		.back_label = C_CANCEL});
	return page_end(r, 200);
}

/* POST /katalog/billeder/{id}/slet — the product's writers, CSRF. 303 to the edit page. */
int catalogue_page_image_delete(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	struct catalogue_image im;
	int rc = catalogue_image_get(r->db, &r->a, r->user, id, &im);
	if (rc == 0)
		rc = catalogue_image_delete(r->db, &r->a, r->user, id);
	if (rc)
		return page_fail(r, rc, "Billedet findes ikke.");
	return reply_redirect(r, arena_printf(&r->a, "/katalog/%lld/rediger?ok=gemt#billeder",
	                                      (long long)im.product_id));
}
