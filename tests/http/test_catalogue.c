/*
 * test_catalogue.c — the catalogue over real HTTP: products created by an enterprise's own
 * account and its municipality's konsulent, refused to other enterprises, other municipalities
 * and the buyer; every invalid field answered 422 naming it; the Danish search with its filters,
 * hidden products left out, the agreement mark for the buyer's municipality (and for the public
 * of a named one, without the agreement's title); pictures uploaded as the raw body, served with
 * ETag and a year's caching, stripped of EXIF and GPS; the real malformed and hostile files of
 * tests/data/images/ refused with 422 and nothing stored, the server alive after each; and the
 * pages, checked with tidy.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define HOSTILE_TITLE "<script>alert('kurv')</script> & \"co\""
#define IMAGES "tests/data/images/"

static struct harness_server *srv;
static struct harness_client *anon, *admin, *kolding, *indkoeb, *owner, *legehytten, *silkeborg;
static long long soul;      /* Soul Café, 621, whom owner represents */
static long long kurv;      /* the product owner makes first */
static long long picture;   /* a picture of kurv */

static long long id_of(struct harness_resp *r)
{
	return (long long)json_integer_value(json_object_get(harness_json(r), "id"));
}

static const char *page_problem(struct harness_resp *r, long status)
{
	const char *why = harness_status_problem(r, status);
	if (!why)
		why = harness_html_problem(r);
	if (!why)
		why = harness_security_headers_problem(r);
	return why;
}

/* the bytes of a sample file into *len, owned by the test */
static char *sample(const char *name, size_t *len)
{
	FILE *f = fopen(harness_fmt(IMAGES "%s", name), "rb");
	if (!f)
		return NULL;
	static char buf[4][256 * 1024];
	static int next;
	char *b = buf[next++ % 4];
	*len = fread(b, 1, sizeof(buf[0]), f);
	fclose(f);
	return b;
}

/* POST of a picture as the raw body with the declared type */
static struct harness_resp *upload(struct harness_client *c, long long product, const char *alt,
                                   const char *type, const char *data, size_t len)
{
	struct harness_req q = {.method = "POST",
	                        .path = alt ? harness_fmt("/api/v1/products/%lld/images?alt=%s", product, alt)
	                                    : harness_fmt("/api/v1/products/%lld/images", product),
	                        .type = type, .body = len ? data : "", .len = len};
	return harness_send(c, &q);
}

/* the number of pictures product has, read by its owner */
static size_t pictures_of(long long product)
{
	struct harness_resp *r = harness_get(owner, harness_fmt("/api/v1/products/%lld", product));
	return json_array_size(json_object_get(harness_json(r), "images"));
}

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	/* the demo's own products stay out of the counts below */
	CHECKF(harness_sqlite(harness_server_db(srv),
	                      "DELETE FROM product_image_files; DELETE FROM product_images;"
	                      " DELETE FROM agreement_products; DELETE FROM products;"
	                      " DELETE FROM product_search;", NULL) == 0,
	       "the demo's products were not removed");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
	anon = harness_client(srv);
	admin = harness_bearer(srv, "admin@indgang.example");
	kolding = harness_bearer(srv, "konsulent@kolding.example");
	indkoeb = harness_bearer(srv, "indkoeb@kolding.example");
	owner = harness_bearer(srv, "virksomhed@kolding.example");
	legehytten = harness_bearer(srv, "legehytten@kolding.example");
	silkeborg = harness_bearer(srv, "konsulent@silkeborg.example");
	CHECKF(admin && kolding && indkoeb && owner && legehytten && silkeborg, "'indgang token create' failed");
	struct harness_resp *r = harness_get(anon, "/api/v1/enterprises?kommune=621&limit=500&q=Soul");
	json_t *it;
	size_t i;
	json_array_foreach(json_object_get(harness_json(r), "items"), i, it) {
		const char *n = harness_json_str(it, "name");
		if (n && !strcmp(n, "Soul Café"))
			soul = (long long)json_integer_value(json_object_get(it, "id"));
	}
	CHECKF(soul, "Soul Café was not found");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* a valid product as JSON text */
static const char *product(const char *title, const char *price)
{
	return harness_json_text(json_pack(
		"{s:s, s:s, s:s, s:s, s:i, s:i, s:[s], s:s, s:[s, s]}", "title", title, "description",
		"Kurv med økologisk kaffe, småkager og te til jubilæet.", "price", price, "unit", "kurv",
		"vat_rate", 25, "min_order", 2, "services", "cafe", "cpv", "158610001", "areas", "621", "330"));
}

/* ---------------------------------------------------------------- products */

static void creating(void)
{
	const char *path = harness_fmt("/api/v1/enterprises/%lld/products", soul);
	struct harness_resp *r = harness_post_json(owner, path, product("Jubilæumskurv med kaffe", "1234.50"));
	CHECK_STATUS(r, 201);
	kurv = id_of(r);
	CHECK(kurv > 0);
	CHECK_STR(harness_header(r, "Location"), harness_fmt("/api/v1/products/%lld", kurv));
	json_t *p = harness_json(harness_get(anon, harness_fmt("/api/v1/products/%lld", kurv)));
	CHECK_STR(harness_json_str(p, "title"), "Jubilæumskurv med kaffe");
	CHECK_STR(harness_json_str(p, "price"), "1234.50");
	CHECK_STR(harness_json_str(p, "price_text"), "1.234,50 kr. ekskl. moms (25 %)");
	CHECK_STR(harness_json_str(p, "cpv"), "15861000-1");
	CHECK_STR(harness_json_str(p, "enterprise"), "Soul Café");
	CHECK_STR(harness_json_str(p, "status"), "active");
	CHECK(json_integer_value(json_object_get(p, "min_order")) == 2);
	CHECK_STR(harness_json_text(json_incref(json_object_get(p, "areas"))), "[\"330\",\"621\"]");
	CHECK(json_is_false(json_object_get(p, "agreement")));
	/* its municipality's konsulent and the administrator may too */
	CHECK_STATUS(harness_post_json(kolding, path, product("Kaffe i termokande", "95")), 201);
	CHECK_STATUS(harness_post_json(admin, path, product("Kagebord", "1.500,00")), 201);
	/* another enterprise's account, another municipality, the buyer: 403; signed out 401 */
	const char *body = product("Ikke min", "10.00");
	CHECK_API_ERROR(harness_post_json(legehytten, path, body), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(silkeborg, path, body), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(indkoeb, path, body), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(anon, path, body), 401, "unauthorized", NULL);
	/* a refused caller learns nothing about the input: 403 before 422 */
	CHECK_API_ERROR(harness_post_json(silkeborg, path, "{\"title\": 7}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_post_json(admin, "/api/v1/enterprises/999999999/products", body), 404,
	                "not_found", NULL);
}

static void each_invalid_field(void)
{
	static const struct {
		const char *member, *value, *field;
	} cases[] = {
		{"title", "\"\"", "title"},
		{"title", "7", "title"},
		{"price", "\"abc\"", "price"},
		{"price", "\"12,345\"", "price"},
		{"price", "\"-5.00\"", "price"},
		{"price", "12", "price"},
		{"vat_rate", "30", "vat_rate"},
		{"vat_rate", "\"25\"", "vat_rate"},
		{"unit", "\"enheden der er alt for lang til at stå på en linje i kataloget\"", "unit"},
		{"min_order", "0", "min_order"},
		{"cpv", "\"39000000-3\"", "cpv"},
		{"cpv", "\"kaffe\"", "cpv"},
		{"cpv", "\"12345678-5\"", "cpv"},
		{"services", "[\"astronaut\"]", "services"},
		{"services", "\"cafe\"", "services"},
		{"areas", "[\"999\"]", "areas"},
		{"status", "\"slettet\"", "status"},
	};
	const char *path = harness_fmt("/api/v1/enterprises/%lld/products", soul);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		json_t *p = json_loads(product("Ugyldig", "10.00"), 0, NULL);
		json_object_set_new(p, cases[i].member, json_loads(cases[i].value, JSON_DECODE_ANY, NULL));
		struct harness_resp *r = harness_post_json(owner, path, harness_json_text(p));
		CHECK_API_ERROR(r, 422, "invalid", cases[i].field);
	}
	/* no price at all */
	CHECK_API_ERROR(harness_post_json(owner, path, "{\"title\": \"Uden pris\"}"), 422, "invalid", "price");
	/* nothing of the refused ones was stored */
	json_t *all = harness_json(harness_get(admin, "/api/v1/catalogue?q=ugyldig"));
	CHECK(json_integer_value(json_object_get(all, "total")) == 0);
}

static void updating_and_hiding(void)
{
	const char *path = harness_fmt("/api/v1/products/%lld", kurv);
	struct harness_resp *r = harness_patch_json(owner, path, "{\"price\": \"1.300,00\"}");
	CHECK_STATUS(r, 200);
	CHECK_STR(harness_json_str(harness_json(r), "price"), "1300.00");
	CHECK_STR(harness_json_str(harness_json(r), "title"), "Jubilæumskurv med kaffe");
	CHECK_API_ERROR(harness_patch_json(legehytten, path, "{\"price\": \"1.00\"}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_patch_json(silkeborg, path, "{\"price\": \"1.00\"}"), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_patch_json(owner, path, "{\"price\": \"gratis\"}"), 422, "invalid", "price");
	/* hidden: gone for the public and the search, kept for its writers */
	CHECK_STATUS(harness_patch_json(owner, path, "{\"status\": \"hidden\"}"), 200);
	CHECK_API_ERROR(harness_get(anon, path), 404, "not_found", NULL);
	CHECK_API_ERROR(harness_get(indkoeb, path), 404, "not_found", NULL);
	CHECK_STATUS(harness_get(owner, path), 200);
	json_t *s = harness_json(harness_get(anon, "/api/v1/catalogue?q=jubilæumskurv"));
	CHECK(json_integer_value(json_object_get(s, "total")) == 0);
	CHECK_STATUS(harness_patch_json(owner, path, "{\"status\": \"active\"}"), 200);
	s = harness_json(harness_get(anon, "/api/v1/catalogue?q=jubilæumskurv"));
	CHECK(json_integer_value(json_object_get(s, "total")) == 1);
}

/* the total of a search as caller c */
static long long total(struct harness_client *c, const char *query)
{
	struct harness_resp *r = harness_get(c, harness_fmt("/api/v1/catalogue?%s", query));
	if (r->status != 200)
		harness_note("GET /api/v1/catalogue?%s answered %ld: %.200s", query, r->status, r->body);
	json_t *t = json_object_get(harness_json(r), "total");
	return json_is_integer(t) ? (long long)json_integer_value(t) : -1;
}

static void searching(void)
{
	/* Danish search: folded letters, stems, prefixes as you type */
	CHECK(total(anon, "q=jubil%C3%A6umskurv") == 1);
	CHECK(total(anon, "q=jubilaeumskurv") == 1);
	CHECK(total(anon, "q=kaffe") == 3);
	CHECK(total(anon, "q=kaffe%20termokande") == 1);
	CHECK(total(anon, "q=%C3%B8kologisk") == 3);
	CHECK(total(anon, "q=okologisk") == 3);
	CHECK(total(anon, "q=termo") == 1);
	CHECK(total(anon, "q=astronautmad") == 0);
	/* filters */
	CHECK(total(anon, "service=cafe") == 3);
	CHECK(total(anon, "service=rengoering") == 0);
	CHECK(total(anon, "cpv=15") == 3);
	CHECK(total(anon, "cpv=39") == 0);
	CHECK(total(anon, "kommune=330") == 3);
	CHECK(total(anon, "kommune=740") == 0);
	CHECK(total(anon, "price_min=100&price_max=1400") == 1);
	CHECK(total(anon, "price_max=100") == 1);
	/* an item has the members the interface promises */
	json_t *items = json_object_get(harness_json(harness_get(anon, "/api/v1/catalogue?q=termokande")), "items");
	json_t *it = json_array_get(items, 0);
	CHECK_STR(harness_json_str(it, "price"), "95.00");
	CHECK_STR(harness_json_str(it, "enterprise"), "Soul Café");
	CHECK(json_integer_value(json_object_get(it, "enterprise_id")) == soul);
	CHECK(json_is_null(json_object_get(it, "image")));
	CHECK(json_is_false(json_object_get(it, "agreement")));
	/* a parameter it cannot read: 400 naming it */
	CHECK_API_ERROR(harness_get(anon, "/api/v1/catalogue?cpv=04"), 400, "bad_parameter", "cpv");
	CHECK_API_ERROR(harness_get(anon, "/api/v1/catalogue?price_min=billig"), 400, "bad_parameter",
	                "price_min");
	CHECK_API_ERROR(harness_get(anon, "/api/v1/catalogue?service=astronaut"), 400, "bad_parameter",
	                "service");
	/* paging */
	json_t *page = harness_json(harness_get(anon, "/api/v1/catalogue?service=cafe&limit=2&offset=2"));
	CHECK(json_array_size(json_object_get(page, "items")) == 1);
	CHECK(json_integer_value(json_object_get(page, "total")) == 3);
}

static void agreements_mark_products(void)
{
	/* an active agreement of Kolding with Soul Café for the basket only, one of Silkeborg for
	 * everything, and an expired one of Kolding for everything */
	const char *sql = harness_fmt(
		"INSERT INTO agreements (kommune, enterprise_id, title, start, \"end\", status, created_at,"
		" updated_at) VALUES ('621', %lld, 'Gaver til jubilæer', '2020-01-01', '2099-12-31', 'active',"
		" 't', 't');"
		"INSERT INTO agreement_products (agreement_id, product_id)"
		" VALUES ((SELECT max(id) FROM agreements), %lld);"
		"INSERT INTO agreements (kommune, enterprise_id, title, start, \"end\", status, created_at,"
		" updated_at) VALUES ('740', %lld, 'Silkeborgs aftale', '2020-01-01', '2099-12-31', 'active',"
		" 't', 't');"
		"INSERT INTO agreements (kommune, enterprise_id, title, start, \"end\", status, created_at,"
		" updated_at) VALUES ('621', %lld, 'Udløbet', '2019-01-01', '2019-12-31', 'active', 't', 't');",
		soul, kurv, soul, soul);
	CHECK(harness_sqlite(harness_server_db(srv), sql, NULL) == 0);
	/* the buyer of Kolding: its own municipality's agreement, the basket only */
	CHECK(total(indkoeb, "agreement=1") == 1);
	json_t *p = harness_json(harness_get(indkoeb, harness_fmt("/api/v1/products/%lld", kurv)));
	CHECK(json_is_true(json_object_get(p, "agreement")));
	CHECK_STR(harness_json_str(p, "agreement_title"), "Gaver til jubilæer");
	/* the public: none marked without a municipality; with one, the mark but not the title */
	CHECK(total(anon, "agreement=1") == 0);
	CHECK(total(anon, "agreement=1&kommune=621") == 1);
	p = harness_json(harness_get(anon, harness_fmt("/api/v1/products/%lld?kommune=621", kurv)));
	CHECK(json_is_true(json_object_get(p, "agreement")));
	CHECK(json_object_get(p, "agreement_title") == NULL);
	/* Silkeborg's konsulent: its agreement covers all of Soul Café's products; it delivers
	 * nowhere near, but the mark does not depend on the area */
	CHECK(total(silkeborg, "agreement=1") == 3);
	/* the search page marks the card for the buyer */
	struct harness_client *web = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *page = harness_get(web, "/katalog?agreement=1");
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, "Under aftale");
	CHECK_HAS(page->body, "Jubilæumskurv med kaffe");
	CHECK_LACKS(page->body, "Kaffe i termokande");
}

/* ---------------------------------------------------------------- pictures */

static void pictures(void)
{
	size_t len;
	char *jpg = sample("gps.jpg", &len);
	CHECKF(jpg && len > 1000, "tests/data/images/gps.jpg is missing; run make.py there");
	/* the sample carries a GPS position */
	CHECK(memmem(jpg, len, "GPS", 3) != NULL);
	struct harness_resp *r = upload(owner, kurv, "Kurv%20med%20kaffe%20og%20sm%C3%A5kager", "image/jpeg",
	                                jpg, len);
	CHECK_STATUS(r, 201);
	picture = id_of(r);
	CHECK(picture > 0);
	/* turned upright by its EXIF orientation */
	CHECK(json_integer_value(json_object_get(harness_json(r), "width")) == 300);
	CHECK(json_integer_value(json_object_get(harness_json(r), "height")) == 400);
	static const char *const files[] = {"original.jpg", "320.jpg", "320.webp", "960.jpg", "960.webp"};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct harness_resp *f = harness_get(anon, harness_fmt("/billeder/%lld/%s", picture, files[i]));
		CHECK_STATUS(f, 200);
		bool webp = strstr(files[i], "webp") != NULL;
		CHECK_STR(harness_header(f, "Content-Type"), webp ? "image/webp" : "image/jpeg");
		CHECK(f->len > 100);
		CHECK(webp ? memcmp(f->body, "RIFF", 4) == 0 : (unsigned char)f->body[0] == 0xFF);
		/* nothing of the metadata is left */
		CHECK(memmem(f->body, f->len, "Exif", 4) == NULL);
		CHECK(memmem(f->body, f->len, "GPS", 3) == NULL);
		CHECK(memmem(f->body, f->len, "secret location", 15) == NULL);
		CHECK(memmem(f->body, f->len, "ns.adobe.com", 12) == NULL);
		CHECK_STR(harness_header(f, "Cache-Control"), "public, max-age=31536000, immutable");
		CHECK(harness_header(f, "Set-Cookie") == NULL);
		const char *etag = harness_header(f, "ETag");
		CHECK(etag && etag[0] == '"');
		const char *const inm[] = {harness_fmt("If-None-Match: %s", etag ? etag : ""), NULL};
		struct harness_req q = {.path = harness_fmt("/billeder/%lld/%s", picture, files[i]), .headers = inm};
		struct harness_resp *again = harness_send(anon, &q);
		CHECK_STATUS(again, 304);
		CHECK(again->len == 0);
	}
	CHECK_STATUS(harness_get(anon, harness_fmt("/billeder/%lld/640.jpg", picture)), 404);
	CHECK_STATUS(harness_get(anon, "/billeder/999999999/320.jpg"), 404);
	/* the card shows the picture */
	json_t *items = json_object_get(harness_json(harness_get(anon, "/api/v1/catalogue?q=jubilaeumskurv")), "items");
	CHECK_STR(harness_json_str(json_array_get(items, 0), "image"), harness_fmt("/billeder/%lld/320.jpg", picture));
	/* PNG and WebP too, whatever type is declared */
	char *png = sample("good.png", &len);
	CHECK(png);
	CHECK_STATUS(upload(owner, kurv, "Kurv%20set%20ovenfra", "image/webp", png, len), 201);
	char *webp = sample("good.webp", &len);
	CHECK(webp);
	CHECK_STATUS(upload(kolding, kurv, "Kurv%20set%20fra%20siden", "image/webp", webp, len), 201);
	/* others may not */
	CHECK_API_ERROR(upload(legehytten, kurv, "x", "image/webp", webp, len), 403, "forbidden", NULL);
	CHECK_API_ERROR(upload(silkeborg, kurv, "x", "image/webp", webp, len), 403, "forbidden", NULL);
	CHECK_API_ERROR(upload(anon, kurv, "x", "image/webp", webp, len), 401, "unauthorized", NULL);
	/* alt text is required */
	CHECK_API_ERROR(upload(owner, kurv, NULL, "image/webp", webp, len), 422, "invalid", "alt");
	CHECK_API_ERROR(upload(owner, kurv, "%20%20", "image/webp", webp, len), 422, "invalid", "alt");
	CHECK(pictures_of(kurv) == 3);
	/* order and alt text */
	struct harness_resp *pr = harness_patch_json(owner, harness_fmt("/api/v1/images/%lld", picture),
	                                             "{\"alt\": \"Jubilæumskurven\", \"position\": 5}");
	CHECK_STATUS(pr, 200);
	CHECK_STR(harness_json_str(harness_json(pr), "alt"), "Jubilæumskurven");
	CHECK_API_ERROR(harness_patch_json(owner, harness_fmt("/api/v1/images/%lld", picture),
	                                   "{\"alt\": \"\"}"), 422, "invalid", "alt");
	CHECK_API_ERROR(harness_patch_json(silkeborg, harness_fmt("/api/v1/images/%lld", picture),
	                                   "{\"alt\": \"Min\"}"), 403, "forbidden", NULL);
}

static void hostile_pictures(void)
{
	static const struct {
		const char *file, *type;
	} bad[] = {
		{"truncated.jpg", "image/jpeg"}, {"badcrc.png", "image/png"}, {"bomb.png", "image/png"},
		{"tiny.gif", "image/jpeg"},      {"drawing.svg", "image/jpeg"}, {"empty.jpg", "image/jpeg"},
		{"random.bin", "image/webp"},
	};
	size_t before = pictures_of(kurv);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t len;
		char *data = sample(bad[i].file, &len);
		CHECKF(data, "tests/data/images/%s is missing", bad[i].file);
		struct harness_resp *r = upload(owner, kurv, "Fjendtlig", bad[i].type, data, len);
		CHECK_API_ERROR(r, 422, "invalid", "image");
		CHECKF(harness_server_alive(srv), "the server died on %s", bad[i].file);
	}
	/* the decompression bomb's message says why */
	size_t len;
	char *bomb = sample("bomb.png", &len);
	struct harness_resp *r = upload(owner, kurv, "Bombe", "image/png", bomb, len);
	CHECK_HAS(r->body, "megapixels");
	/* over 10 MB: 413 (the route takes uploads up to the server's upload cap, 16 MiB) */
	size_t big = 11u * 1024 * 1024;
	char *huge = calloc(1, big);
	CHECK(huge);
	if (huge) {
		memcpy(huge, "\xff\xd8\xff\xe0", 4);
		r = upload(owner, kurv, "Stor", "image/jpeg", huge, big);
		CHECK_STATUS(r, 413);
		free(huge);
	}
	CHECK(pictures_of(kurv) == before);
	CHECKF(harness_server_alive(srv), "the server died");
}

static void deleting_a_picture(void)
{
	const char *path = harness_fmt("/api/v1/images/%lld", picture);
	struct harness_req del = {.method = "DELETE", .path = path};
	CHECK_API_ERROR(harness_send(silkeborg, &del), 403, "forbidden", NULL);
	CHECK_API_ERROR(harness_send(legehytten, &del), 403, "forbidden", NULL);
	CHECK_STATUS(harness_send(owner, &del), 204);
	CHECK_STATUS(harness_get(anon, harness_fmt("/billeder/%lld/320.jpg", picture)), 404);
	CHECK_API_ERROR(harness_send(owner, &del), 404, "not_found", NULL);
	CHECK(pictures_of(kurv) == 2);
}

/* ---------------------------------------------------------------- pages */

static void pages(void)
{
	struct harness_resp *r = harness_get(anon, "/katalog");
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, "<a href=\"/katalog\" aria-current=\"page\">Katalog</a>");
	CHECK_HAS(r->body, "Jubilæumskurv med kaffe");
	CHECK_HAS(r->body, "<picture><source type=\"image/webp\" srcset=\"/billeder/");
	CHECK_HAS(r->body, "1.300,00 kr. ekskl. moms (25 %)");
	CHECK_HAS(r->body, "15 – Food, beverages, tobacco and related products");
	/* no agreement filter for the public */
	CHECK_LACKS(r->body, "name=\"agreement\"");
	r = harness_get(anon, "/katalog?q=astronautmad");
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, "Ingen produkter passer til søgningen");
	r = harness_get(anon, "/katalog?service=cafe&limit=1");
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, "service=cafe");
	CHECK_HAS(r->body, "rel=\"next\"");
	/* the product: pictures at 960, CPV with its label, area, no order link for the public */
	r = harness_get(anon, harness_fmt("/katalog/%lld", kurv));
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, "/960.webp");
	CHECK_HAS(r->body, "15861000-1 <span lang=\"en\">Coffee</span>");
	CHECK_HAS(r->body, "Kolding");
	CHECK_HAS(r->body, harness_fmt("href=\"/virksomheder/%lld\"", soul));
	CHECK_LACKS(r->body, "/indkoeb/ordrer/ny");
	CHECK_LACKS(r->body, "/rediger");
	/* the buyer gets "Bestil"; the owner "Redigér" */
	struct harness_client *buyer = harness_login(srv, "indkoeb@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(buyer);
	r = harness_get(buyer, harness_fmt("/katalog/%lld", kurv));
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, harness_fmt("href=\"/indkoeb/ordrer/ny?produkt=%lld\"", kurv));
	/* the buyer's search offers the agreement filter */
	r = harness_get(buyer, "/katalog");
	CHECK_OK(page_problem(r, 200));
	CHECK_HAS(r->body, "name=\"agreement\"");
}

static void the_form_flow(void)
{
	struct harness_client *web = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	/* the navigation leads to the enterprise's own catalogue */
	struct harness_resp *home = harness_get(web, "/");
	CHECK_HAS(home->body, harness_fmt("href=\"/virksomheder/%lld/katalog\">Vores katalog</a>", soul));
	struct harness_resp *list = harness_get(web, harness_fmt("/virksomheder/%lld/katalog", soul));
	CHECK_OK(page_problem(list, 200));
	CHECK_HAS(list->body, "Jubilæumskurv med kaffe");
	struct harness_resp *form = harness_get(web, harness_fmt("/virksomheder/%lld/katalog/ny", soul));
	CHECK_OK(page_problem(form, 200));
	const char *csrf = harness_csrf_field(form);
	CHECK(csrf);
	/* errors at the fields, what was typed kept */
	struct harness_resp *bad = harness_post_form(
		web, harness_fmt("/virksomheder/%lld/katalog", soul),
		harness_form("csrf", csrf, "title", "", "price", "mange penge", "unit", "kurv", "cpv", "39000000-3",
		             "vat_rate", "25", NULL));
	CHECK_OK(page_problem(bad, 422));
	CHECK_HAS(bad->body, "Skriv produktets titel.");
	CHECK_HAS(bad->body, "value=\"mange penge\"");
	CHECK_HAS(bad->body, "value=\"39000000-3\"");
	/* a hostile title is stored and shown escaped */
	struct harness_resp *ok = harness_post_form(
		web, harness_fmt("/virksomheder/%lld/katalog", soul),
		harness_form("csrf", csrf, "title", HOSTILE_TITLE, "price", "249,95", "unit", "stk.",
		             "vat_rate", "25", "min_order", "1", "services", "cafe", "areas", "621", NULL));
	CHECK_STATUS(ok, 303);
	const char *loc = harness_header(ok, "Location");
	CHECK(loc && strstr(loc, "/rediger?ok=oprettet"));
	struct harness_resp *edit = harness_get(web, loc ? loc : "/");
	CHECK_OK(page_problem(edit, 200));
	CHECK_LACKS(edit->body, "<script>alert");
	CHECK_HAS(edit->body, "&lt;script&gt;alert(&#39;kurv&#39;)&lt;/script&gt;");
	CHECK_HAS(edit->body, "value=\"249,95\"");
	long long id = loc ? strtoll(loc + strlen("/katalog/"), NULL, 10) : 0;
	CHECK(id > 0);
	/* hide it, and it is gone from the public search */
	struct harness_resp *hide = harness_post_form(web, harness_fmt("/katalog/%lld/status", id),
	                                              harness_form("csrf", csrf, "status", "hidden", NULL));
	CHECK_STATUS(hide, 303);
	CHECK_STATUS(harness_get(anon, harness_fmt("/katalog/%lld", id)), 404);
	CHECK_OK(page_problem(harness_get(web, harness_fmt("/katalog/%lld", id)), 200));
	/* a picture's alt text changed and the delete asked first */
	struct harness_resp *pics = harness_get(web, harness_fmt("/katalog/%lld/rediger", kurv));
	CHECK_OK(page_problem(pics, 200));
	CHECK_HAS(pics->body, "Slet billede");
	const char *p = strstr(pics->body, "/katalog/billeder/");
	long long img = p ? strtoll(p + strlen("/katalog/billeder/"), NULL, 10) : 0;
	CHECK(img > 0);
	struct harness_resp *alt = harness_post_form(web, harness_fmt("/katalog/billeder/%lld", img),
	                                             harness_form("csrf", csrf, "action", "alt", "alt",
	                                                          "Kurven på bordet", NULL));
	CHECK_STATUS(alt, 303);
	CHECK_HAS(harness_get(web, harness_fmt("/katalog/%lld/rediger", kurv))->body, "Kurven på bordet");
	struct harness_resp *ask = harness_get(web, harness_fmt("/katalog/billeder/%lld/slet", img));
	CHECK_OK(page_problem(ask, 200));
	CHECK_HAS(ask->body, "Ja, slet billedet");
	CHECK_HAS(ask->body, "<div class=\"confirm\" role=\"alert\">");
	CHECK_HAS(ask->body, harness_fmt("<a href=\"/katalog/%lld/rediger#billeder\">Annullér</a>", kurv));
	/* another enterprise's account sees none of it */
	struct harness_client *other = harness_login(srv, "legehytten@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(other);
	CHECK_OK(page_problem(harness_get(other, harness_fmt("/virksomheder/%lld/katalog", soul)), 403));
	CHECK_OK(page_problem(harness_get(other, harness_fmt("/katalog/%lld/rediger", kurv)), 403));
}


/* a multipart/form-data body of the fields csrf and alt and the file billede (data[0..len)) */
static struct harness_resp *upload_form(struct harness_client *c, long long product, const char *csrf,
                                        const char *alt, const char *filename, const char *data,
                                        size_t len)
{
	const char *head = harness_fmt(
		"--XyZzY\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n%s\r\n"
		"--XyZzY\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n%s\r\n"
		"--XyZzY\r\nContent-Disposition: form-data; name=\"billede\"; filename=\"%s\"\r\n"
		"Content-Type: application/octet-stream\r\n\r\n",
		csrf, alt, filename);
	const char *tail = "\r\n--XyZzY--\r\n";
	size_t n = strlen(head) + len + strlen(tail);
	char *body = harness_fmt("%*s", (int)n, "");
	memcpy(body, head, strlen(head));
	if (len)
		memcpy(body + strlen(head), data, len);
	memcpy(body + strlen(head) + len, tail, strlen(tail));
	struct harness_req q = {.method = "POST", .path = harness_fmt("/katalog/%lld/billeder", product),
	                        .type = "multipart/form-data; boundary=XyZzY", .body = body, .len = n};
	return harness_send(c, &q);
}

static void uploading_in_the_browser(void)
{
	struct harness_client *web = harness_login(srv, "virksomhed@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(web);
	struct harness_resp *page = harness_get(web, harness_fmt("/katalog/%lld/rediger", kurv));
	CHECK_OK(page_problem(page, 200));
	CHECK_HAS(page->body, "enctype=\"multipart/form-data\"");
	const char *csrf = harness_csrf_field(page);
	CHECK(csrf);
	size_t before = pictures_of(kurv), len;
	char *png = sample("good.png", &len);
	CHECK(png);
	struct harness_resp *r = upload_form(web, kurv, csrf ? csrf : "", "Kurven i sollys", "kurv.png", png, len);
	CHECK_STATUS(r, 303);
	CHECK(pictures_of(kurv) == before + 1);
	CHECK_HAS(harness_get(web, harness_fmt("/katalog/%lld/rediger", kurv))->body, "Kurven i sollys");
	/* an SVG named .jpg: the page again with the reason at the file field, nothing stored */
	char *svg = sample("drawing.svg", &len);
	r = upload_form(web, kurv, csrf ? csrf : "", "Tegning", "tegning.jpg", svg, len);
	CHECK_OK(page_problem(r, 422));
	CHECK_HAS(r->body, "Filen er ikke et billede i JPEG, PNG eller WebP");
	CHECK_HAS(r->body, "href=\"#f-billede\"");
	CHECK_HAS(r->body, "Tegning");
	/* no alt text */
	r = upload_form(web, kurv, csrf ? csrf : "", "", "kurv.png", png, len);
	CHECK_OK(page_problem(r, 422));
	CHECK_HAS(r->body, "Skriv en billedtekst");
	CHECK(pictures_of(kurv) == before + 1);
	/* another enterprise's account may not */
	struct harness_client *other = harness_login(srv, "legehytten@kolding.example", HARNESS_DEMO_PASSWORD);
	CHECK(other);
	struct harness_resp *op = harness_get(other, "/");
	const char *ocsrf = harness_csrf_field(op);
	r = upload_form(other, kurv, ocsrf ? ocsrf : "", "Ikke min", "kurv.png", png, len);
	CHECK_STATUS(r, 403);
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database and tokens are issued", start, HARNESS_FATAL | HARNESS_KEEP},
	{"products are created by the enterprise, its konsulent and the administrator; others get 403",
	 creating, HARNESS_FATAL},
	{"every invalid field of a product answers 422 naming it, and nothing is stored", each_invalid_field, 0},
	{"PATCH changes the price; a hidden product is gone for the public and kept for its writers",
	 updating_and_hiding, 0},
	{"the Danish search finds products by folded words and filters them", searching, 0},
	{"an active agreement of the buyer's municipality marks the products it covers", agreements_mark_products, 0},
	{"pictures are stored without EXIF or GPS and served with ETag, a year's cache and 304", pictures, 0},
	{"malformed and hostile pictures answer 422 naming image, nothing is stored, the server lives",
	 hostile_pictures, 0},
	{"a picture is deleted by its writers only", deleting_a_picture, 0},
	{"the catalogue's pages show cards, the product, and Bestil for a buyer", pages, 0},
	{"an enterprise keeps its catalogue in the browser", the_form_flow, 0},
	{"a picture is uploaded with the page's multipart form; a refused one keeps the form", uploading_in_the_browser, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
