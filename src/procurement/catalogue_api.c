/*
 * catalogue_api.c — the JSON endpoints of the catalogue: products, the search, pictures, and
 * the picture files themselves (/billeder/...). Layer: handlers of the procurement capability.
 * The body's members are read into a struct product (type errors become field errors);
 * catalogue.c holds every rule and the access decision. Prices travel as "1234.50" (kroner,
 * ex. moms), read with money_parse and written with money_api.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../base/money.h"
#include "../base/text.h"
#include "../http/api.h"
#include "catalogue.h"
#include "catalogue_web.h"

/* the URL of a picture file: /billeder/{id}/{size}.{ext}, size 320, 960 or "original" */
const char *catalogue_image_url(struct arena *a, int64_t image_id, int size, const char *ext)
{
	if (size == 0)
		return arena_printf(a, "/billeder/%lld/original.jpg", (long long)image_id);
	return arena_printf(a, "/billeder/%lld/%d.%s", (long long)image_id, size, ext);
}

/* one product as a JSON object: the members POST takes, and id, enterprise, kommune, status,
 * images, agreement (agreement_title only for the municipality's staff) */
static void product_json(struct req *r, struct json *w, const struct product *p)
{
	char m[MONEY_TEXT];
	json_obj_open(w, NULL);
	json_int(w, "id", p->id);
	json_int(w, "enterprise_id", p->enterprise_id);
	json_str(w, "enterprise", p->enterprise_name);
	json_str(w, "kommune", p->kommune);
	json_str(w, "title", p->title);
	json_str(w, "description", p->description);
	json_str(w, "price", money_api(m, p->price_ore));
	json_str(w, "price_text", catalogue_price_text(&r->a, p->price_ore, p->vat_rate));
	json_int(w, "vat_rate", p->vat_rate);
	json_str(w, "unit", p->unit);
	json_int(w, "min_order", p->min_order);
	json_str(w, "cpv", p->cpv);
	json_arr_open(w, "services");
	for (int i = 0; i < p->nservices; i++)
		json_str(w, NULL, p->services[i]);
	json_arr_close(w);
	json_arr_open(w, "areas");
	for (int i = 0; i < p->nareas; i++)
		json_str(w, NULL, p->areas[i]);
	json_arr_close(w);
	json_str(w, "status", p->status);
	json_arr_open(w, "images");
	for (int i = 0; i < p->nimages; i++) {
		const struct catalogue_image *im = &p->images[i];
		json_obj_open(w, NULL);
		json_int(w, "id", im->id);
		json_str(w, "alt", im->alt);
		json_int(w, "width", im->width);
		json_int(w, "height", im->height);
		json_int(w, "position", im->position);
		json_str(w, "original", catalogue_image_url(&r->a, im->id, 0, "jpg"));
		json_str(w, "w320_webp", catalogue_image_url(&r->a, im->id, 320, "webp"));
		json_str(w, "w320_jpeg", catalogue_image_url(&r->a, im->id, 320, "jpg"));
		json_str(w, "w960_webp", catalogue_image_url(&r->a, im->id, 960, "webp"));
		json_str(w, "w960_jpeg", catalogue_image_url(&r->a, im->id, 960, "jpg"));
		json_obj_close(w);
	}
	json_arr_close(w);
	json_bool(w, "agreement", p->agreement);
	if (p->agreement_title)
		json_str(w, "agreement_title", p->agreement_title);
	json_str(w, "created_at", p->created_at);
	json_str(w, "updated_at", p->updated_at);
	json_obj_close(w);
}

/* answers p with status; a create answers {"id"} with its Location */
static int reply_product(struct req *r, const struct product *p, int status)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	if (status == 201) {
		json_obj_open(&w, NULL);
		json_int(&w, "id", p->id);
		json_obj_close(&w);
		reply_header(r, "Location", arena_printf(&r->a, "/api/v1/products/%lld", (long long)p->id));
	} else {
		product_json(r, &w, p);
	}
	return reply_json(r, status);
}

/* a whole-number member; one outside int's range becomes -1, which no field accepts */
static void read_int(struct req *r, json_t *body, const char *name, int *out)
{
	json_t *v = json_object_get(body, name);
	if (!v)
		return;
	if (!json_is_integer(v)) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a whole number.", name));
		return;
	}
	json_int_t x = json_integer_value(v);
	*out = x < INT_MIN || x > INT_MAX ? -1 : (int)x;
}

/* the members present in body over p (absent members keep p's values: PATCH semantics) */
static void read_body(struct req *r, json_t *body, struct product *p)
{
	if (json_object_get(body, "title"))
		p->title = api_member(r, body, "title");
	if (json_object_get(body, "description"))
		p->description = api_member(r, body, "description");
	if (json_object_get(body, "unit"))
		p->unit = api_member(r, body, "unit");
	if (json_object_get(body, "cpv"))
		p->cpv = api_member(r, body, "cpv");
	if (json_object_get(body, "status"))
		p->status = api_member(r, body, "status");
	json_t *price = json_object_get(body, "price");
	if (price) {
		const char *s = json_is_string(price) ? json_string_value(price) : NULL;
		int64_t ore;
		if (!s || money_parse(s, 0, &ore) != 0)
			errs_add(&r->errs, "price", "Skriv prisen i kroner ekskl. moms som tekst, fx \"1234.50\".");
		else
			p->price_ore = ore;
	}
	read_int(r, body, "vat_rate", &p->vat_rate);
	read_int(r, body, "min_order", &p->min_order);
	const char **services = arena_alloc(&r->a, sizeof(*services) * CATALOGUE_MAX_SERVICES);
	int ns = -1;
	api_strings(r, body, "services", services, CATALOGUE_MAX_SERVICES, &ns);
	if (ns >= 0) {
		p->services = services;
		p->nservices = ns;
	}
	const char **areas = arena_alloc(&r->a, sizeof(*areas) * CATALOGUE_MAX_AREAS);
	int na = -1;
	api_strings(r, body, "areas", areas, CATALOGUE_MAX_AREAS, &na);
	if (na >= 0) {
		p->areas = areas;
		p->nareas = na;
	}
}

/* POST /api/v1/enterprises/{id}/products — who access_catalogue_write allows for the enterprise
 * (its own virksomhed account, the konsulent of its home municipality, the administrator).
 * {"title", "description", "price": "1234.50", "unit", "vat_rate": 25, "min_order",
 * "services": [...], "cpv"?, "areas"?, "status"?}. 201 {"id"}; 422 naming the field; 403. */
int catalogue_api_create(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	struct product p = {.enterprise_id = req_param_int(r, "id"), .vat_rate = 25, .min_order = 1,
	                    .price_ore = -1};
	read_body(r, body, &p);
	json_decref(body);
	if (p.price_ore < 0 && !errs_get(&r->errs, "price"))
		errs_add(&r->errs, "price", "Skriv prisen i kroner ekskl. moms, fx \"1234.50\".");
	int rc = catalogue_save(r->db, &r->a, r->user, &p, &r->errs);
	if (rc == ERR_INVALID && errs_get(&r->errs, "enterprise_id"))
		return reply_api_error(r, 404, "not_found", "No such enterprise.", NULL);
	if (rc)
		return api_fail(r, rc);
	return reply_product(r, &p, 201);
}

/* GET /api/v1/products/{id} — public; a hidden product only for its writers (else 404). */
int catalogue_api_get(struct req *r)
{
	struct product p;
	int rc = catalogue_get(r->db, &r->a, r->user, req_param_int(r, "id"), req_query(r, "kommune"), &p);
	if (rc)
		return api_fail(r, rc);
	return reply_product(r, &p, 200);
}

/* PATCH /api/v1/products/{id} — its writers. Members as for POST, "status": "active"|"hidden"
 * among them (hide and show); absent members are unchanged. 200 with the product. */
int catalogue_api_update(struct req *r)
{
	struct product p;
	int rc = catalogue_get(r->db, &r->a, r->user, req_param_int(r, "id"), NULL, &p);
	if (rc)
		return api_fail(r, rc);
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	read_body(r, body, &p);
	json_decref(body);
	rc = catalogue_save(r->db, &r->a, r->user, &p, &r->errs);
	if (rc == 0)
		rc = catalogue_get(r->db, &r->a, r->user, p.id, NULL, &p);
	if (rc)
		return api_fail(r, rc);
	return reply_product(r, &p, 200);
}

/* GET /api/v1/catalogue — public. ?q, service, cpv (a division, two digits), kommune,
 * price_min, price_max (kroner), agreement=1, enterprise, sort=relevance|title|price|newest,
 * limit, offset. {"items": [{"id", "enterprise_id", "enterprise", "title", "price", "unit",
 * "image", "agreement"}], "total", "limit", "offset"}. 400 naming a parameter it cannot read. */
int catalogue_api_search(struct req *r)
{
	int limit, offset;
	if (!api_paging_or_reply(r, &limit, &offset))
		return 0;
	struct catalogue_query q;
	const char *bad = catalogue_query_from(r, &q, limit);
	if (bad)
		return reply_api_error(r, 400, "bad_parameter",
		                       arena_printf(&r->a, "%s has a value this list does not know.", bad), bad);
	q.offset = offset;
	struct catalogue_item *items;
	int n, total;
	int rc = catalogue_search(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	api_list_begin(r, &w);
	char m[MONEY_TEXT];
	for (int i = 0; i < n; i++) {
		const struct catalogue_item *it = &items[i];
		json_obj_open(&w, NULL);
		json_int(&w, "id", it->id);
		json_int(&w, "enterprise_id", it->enterprise_id);
		json_str(&w, "enterprise", it->enterprise_name);
		json_str(&w, "title", it->title);
		json_str(&w, "price", money_api(m, it->price_ore));
		json_int(&w, "vat_rate", it->vat_rate);
		json_str(&w, "unit", it->unit);
		if (it->image_id)
			json_str(&w, "image", catalogue_image_url(&r->a, it->image_id, 320, "jpg"));
		else
			json_null_at(&w, "image");
		json_bool(&w, "agreement", it->agreement);
		json_obj_close(&w);
	}
	api_list_end(r, &w, total, limit, offset);
	return 0;
}

/* POST /api/v1/products/{id}/images?alt=... — the product's writers. The body is the picture
 * itself (JPEG, PNG or WebP; the declared Content-Type is not trusted, the content decides).
 * 201 {"id", "width", "height"}; 422 field image (not such a picture, malformed, over 40
 * megapixels, too many pictures) or alt (missing, over 300 characters); 413 over 10 MB (or
 * over the server's body cap); 403, 404. Nothing is stored on failure. */
int catalogue_api_image_add(struct req *r)
{
	struct catalogue_image im;
	int rc = catalogue_image_add(r->db, &r->a, r->user, req_param_int(r, "id"), r->body,
	                             r->body_len, req_query(r, "alt"), &r->errs, &im);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", im.id);
	json_int(&w, "width", im.width);
	json_int(&w, "height", im.height);
	json_str(&w, "alt", im.alt);
	json_int(&w, "position", im.position);
	json_obj_close(&w);
	reply_header(r, "Location", catalogue_image_url(&r->a, im.id, 0, "jpg"));
	return reply_json(r, 201);
}

/* PATCH /api/v1/images/{id} — the product's writers. {"alt"?, "position"?}. 200 {"id", "alt",
 * "position"}; 422 alt or position. */
int catalogue_api_image_update(struct req *r)
{
	json_t *body = api_body_or_reply(r);
	if (!body)
		return 0;
	const char *alt = json_object_get(body, "alt") ? api_member(r, body, "alt") : NULL;
	if (json_object_get(body, "alt") && !alt && !errs_get(&r->errs, "alt"))
		errs_add(&r->errs, "alt", "alt may not be null.");
	int position = -1;
	read_int(r, body, "position", &position);
	json_decref(body);
	if (position < -1)
		errs_add(&r->errs, "position", "position must be 0 or more.");
	int64_t id = req_param_int(r, "id");
	int rc = r->errs.n ? ERR_INVALID : catalogue_image_update(r->db, &r->a, r->user, id, alt, position, &r->errs);
	struct catalogue_image im;
	if (rc == 0)
		rc = catalogue_image_get(r->db, &r->a, r->user, id, &im);
	if (rc)
		return api_fail(r, rc);
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_int(&w, "id", im.id);
	json_int(&w, "product_id", im.product_id);
	json_str(&w, "alt", im.alt);
	json_int(&w, "position", im.position);
	json_obj_close(&w);
	return reply_json(r, 200);
}

/* DELETE /api/v1/images/{id} — the product's writers. 204. */
int catalogue_api_image_delete(struct req *r)
{
	int rc = catalogue_image_delete(r->db, &r->a, r->user, req_param_int(r, "id"));
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	r->status = 204;
	return 0;
}

/* GET /billeder/{id}/{file} — public for pictures of visible products. file is "320.webp",
 * "320.jpg", "960.webp", "960.jpg" or "original.jpg". The bytes never change for an id, so
 * they are cached for a year ("immutable") and revalidated by ETag (304). */
int catalogue_page_image_file(struct req *r)
{
	const char *file = req_param(r, "file");
	int size = -1;
	const char *format = NULL, *type = NULL;
	static const struct {
		const char *name;
		int size;
		const char *format, *type;
	} files[] = {
		{"320.webp", 320, "webp", "image/webp"}, {"320.jpg", 320, "jpeg", "image/jpeg"},
		{"960.webp", 960, "webp", "image/webp"}, {"960.jpg", 960, "jpeg", "image/jpeg"},
		{"original.jpg", 0, "jpeg", "image/jpeg"},
	};
	for (size_t i = 0; file && i < sizeof(files) / sizeof(files[0]); i++)
		if (strcmp(file, files[i].name) == 0) {
			size = files[i].size;
			format = files[i].format;
			type = files[i].type;
		}
	if (size < 0)
		return reply_page_error(r, 404, "Billedet findes ikke.");
	const void *data;
	size_t len;
	const char *etag;
	int rc = catalogue_image_file(r->db, &r->a, r->user, req_param_int(r, "id"), size, format,
	                              &data, &len, &etag);
	if (rc == ERR_NOTFOUND)
		return reply_page_error(r, 404, "Billedet findes ikke.");
	if (rc)
		return reply_page_error(r, 500, "Billedet kunne ikke hentes.");
	/* a shared cache keeps the file for a year: it must carry no visitor's cookie */
	r->set_cookie_csrf = NULL;
	reply_header(r, "ETag", etag);
	reply_header(r, "Cache-Control", "public, max-age=31536000, immutable");
	reply_header(r, "X-Content-Type-Options", "nosniff");
	/* the bytes live in the request's arena, freed only once the response has been sent */
	if (r->if_none_match && strstr(r->if_none_match, etag))
		return reply_static(r, 304, type, "", 0);
	return reply_static(r, 200, type, data, len);
}
