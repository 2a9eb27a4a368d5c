/*
 * test_catalogue.c — the catalogue's domain and store against an in-memory database: the price
 * written the Danish way, validation naming each field, saving with its lists and an audit
 * line, who may write (403 before 422), the Danish search with its filters, hidden products and
 * closed enterprises left out, the agreement mark and its rules, and pictures stored in one
 * transaction (or not at all), ordered and deleted.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "src/base/errs.h"
#include "src/procurement/catalogue.h"

/* Soul Café (5, 621, fixture_virk621's), Kantinen (6, 621) and Æblehaven (7, 740), and the
 * fixture's callers as users (a product records who created it) */
static void add_enterprises(struct db *db)
{
	assert_int_equal(EXEC_SQL(db, "INSERT INTO users (id, email, role, kommune, password_hash,"
	                              " created_at, updated_at) VALUES"
	                              " (9001, 'a@x', 'admin', NULL, 'x', 't', 't'),"
	                              " (9002, 'b@x', 'konsulent', '621', 'x', 't', 't'),"
	                              " (9006, 'c@x', 'virksomhed', '621', 'x', 't', 't')"),
	                 0);
	assert_int_equal(EXEC_SQL(db, "INSERT INTO enterprises (id, name, kommune, created_at, updated_at)"
	                              " VALUES (5, 'Soul Café', '621', 't', 't'),"
	                              " (6, 'Kantinen', '621', 't', 't'), (7, 'Æblehaven', '740', 't', 't')"),
	                 0);
}

static const char *cafe[] = {"cafe"};
static const char *areas[] = {"621", "330"};

/* a valid product of enterprise */
static struct product valid(int64_t enterprise, const char *title, int64_t price)
{
	return (struct product){.enterprise_id = enterprise, .title = title,
	                        .description = "Økologisk kaffe og småkager i en kurv.",
	                        .price_ore = price, .vat_rate = 25, .unit = "kurv", .min_order = 1,
	                        .services = cafe, .nservices = 1, .areas = areas, .nareas = 2};
}

/* saves p as by; the result */
static int save(struct fixture *f, const struct principal *by, struct product *p)
{
	struct errs errs = {0};
	return catalogue_save(f->db, &f->a, by, p, &errs);
}

static void test_price_text(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	assert_string_equal(catalogue_price_text(&a, 123450, 25), "1.234,50 kr. ekskl. moms (25 %)");
	assert_string_equal(catalogue_price_text(&a, 9500, 0), "95,00 kr. ekskl. moms (momsfri)");
	assert_string_equal(catalogue_status_label("hidden"), "Skjult");
	arena_free(&a);
}

static void test_validation(void **state)
{
	struct fixture *f = *state;
	static const char *bad_service[] = {"astronaut"};
	static const char *bad_area[] = {"999"};
	static const struct {
		const char *field;
		struct product p;
	} cases[] = {
		{"title", {.title = "  "}},
		{"price", {.price_ore = -1}},
		{"vat_rate", {.vat_rate = 26}},
		{"unit", {.unit = "en enhed som er alt for lang til at stå i et katalog"}},
		{"min_order", {.min_order = 0}},
		{"cpv", {.cpv = "39000000-3"}},
		{"cpv", {.cpv = "3900000"}},
		{"services", {.services = bad_service, .nservices = 1}},
		{"areas", {.areas = bad_area, .nareas = 1}},
		{"status", {.status = "slettet"}},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct product p = valid(5, "Kurv", 100);
		const struct product *c = &cases[i].p;
		if (c->title)
			p.title = c->title;
		if (c->price_ore)
			p.price_ore = c->price_ore;
		if (c->vat_rate)
			p.vat_rate = c->vat_rate;
		if (c->unit)
			p.unit = c->unit;
		if (!strcmp(cases[i].field, "min_order"))
			p.min_order = 0;
		if (c->cpv)
			p.cpv = c->cpv;
		if (c->nservices) {
			p.services = c->services;
			p.nservices = 1;
		}
		if (c->nareas) {
			p.areas = c->areas;
			p.nareas = 1;
		}
		if (c->status)
			p.status = c->status;
		struct errs errs = {0};
		assert_int_equal(catalogue_validate(f->db, &f->a, &p, &errs), ERR_INVALID);
		if (!errs_get(&errs, cases[i].field))
			fail_msg("case %zu: no error on %s (first: %s)", i, cases[i].field,
			         errs.n ? errs.e[0].field : "none");
	}
	/* cleaned: trimmed, the CPV code written with its dash, defaults, duplicates dropped */
	static const char *twice[] = {"cafe", " cafe "};
	struct product p = valid(5, "  Kurv  ", 100);
	p.cpv = " 158610001 ";
	p.unit = "";
	p.services = twice;
	p.nservices = 2;
	struct errs errs = {0};
	assert_int_equal(catalogue_validate(f->db, &f->a, &p, &errs), 0);
	assert_string_equal(p.title, "Kurv");
	assert_string_equal(p.cpv, "15861000-1");
	assert_string_equal(p.unit, "stk.");
	assert_string_equal(p.status, "active");
	assert_int_equal(p.nservices, 1);
}

static void test_save_get_and_access(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	struct product p = valid(5, "Jubilæumskurv", 123450);
	assert_int_equal(save(f, &fixture_virk621, &p), 0);
	assert_true(p.id > 0);
	assert_string_equal(p.enterprise_name, "Soul Café");
	assert_int_equal(fixture_audit_count(f->db, "create", "product"), 1);
	struct product got;
	assert_int_equal(catalogue_get(f->db, &f->a, NULL, p.id, NULL, &got), 0);
	assert_string_equal(got.title, "Jubilæumskurv");
	assert_int_equal(got.price_ore, 123450);
	assert_int_equal(got.nareas, 2);
	assert_string_equal(got.areas[0], "330");
	assert_int_equal(got.nservices, 1);
	assert_false(got.agreement);
	/* the konsulent of its home and the administrator may; others not, before any field error */
	struct product q = valid(5, "Kaffe", 9500);
	assert_int_equal(save(f, &fixture_kons621, &q), 0);
	struct product r = valid(5, "Kage", 4000);
	assert_int_equal(save(f, &fixture_admin, &r), 0);
	static const struct principal *const refused[] = {&fixture_kons740, &fixture_indk621,
	                                                  &fixture_job621, NULL};
	for (size_t i = 0; i < N_OF(refused); i++) {
		struct product x = valid(5, "", -5); /* invalid too: 403 comes first */
		struct errs errs = {0};
		assert_int_equal(catalogue_save(f->db, &f->a, refused[i], &x, &errs), ERR_FORBIDDEN);
		assert_int_equal(errs.n, 0);
		assert_int_equal(x.id, 0);
	}
	struct product other = valid(6, "Frokost", 8500);
	assert_int_equal(save(f, &fixture_virk621, &other), ERR_FORBIDDEN);
	/* an update keeps the enterprise; the price changes; one audit line */
	got.price_ore = 130000;
	assert_int_equal(save(f, &fixture_virk621, &got), 0);
	assert_int_equal(fixture_audit_count(f->db, "update", "product"), 1);
	got.enterprise_id = 6;
	struct errs errs = {0};
	assert_int_equal(catalogue_save(f->db, &f->a, &fixture_virk621, &got, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "enterprise_id"));
	/* hidden: not found for the public, found for the writer */
	errs = (struct errs){0};
	assert_int_equal(catalogue_set_status(f->db, &f->a, &fixture_indk621, p.id, "hidden", &errs),
	                 ERR_FORBIDDEN);
	assert_int_equal(catalogue_set_status(f->db, &f->a, &fixture_virk621, p.id, "gemt", &errs),
	                 ERR_INVALID);
	assert_int_equal(catalogue_set_status(f->db, &f->a, &fixture_virk621, p.id, "hidden", &errs), 0);
	assert_int_equal(catalogue_get(f->db, &f->a, NULL, p.id, NULL, &got), ERR_NOTFOUND);
	assert_int_equal(catalogue_get(f->db, &f->a, &fixture_indk621, p.id, NULL, &got), ERR_NOTFOUND);
	assert_int_equal(catalogue_get(f->db, &f->a, &fixture_virk621, p.id, NULL, &got), 0);
	assert_int_equal(catalogue_get(f->db, &f->a, NULL, 999999, NULL, &got), ERR_NOTFOUND);
}

/* the total of a search by who */
static int search_total(struct fixture *f, const struct principal *who, struct catalogue_query q)
{
	if (!q.limit)
		q.limit = 50;
	if (!q.price_min)
		q.price_min = -1;
	if (!q.price_max)
		q.price_max = -1;
	struct catalogue_item *items;
	int n, total;
	assert_int_equal(catalogue_search(f->db, &f->a, who, &q, &items, &n, &total), 0);
	assert_true(n <= total);
	return total;
}

static void test_search(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	struct product a = valid(5, "Økologisk æblemost", 4500);
	struct product b = valid(5, "Kaffe i termokande", 9500);
	b.description = "";
	b.nareas = 0; /* everywhere */
	struct product c = valid(7, "Æbler i kasse", 20000);
	c.areas = NULL;
	c.nareas = 0;
	c.services = NULL;
	c.nservices = 0;
	c.cpv = "03222321-9";
	assert_int_equal(save(f, &fixture_admin, &a), 0);
	assert_int_equal(save(f, &fixture_admin, &b), 0);
	assert_int_equal(save(f, &fixture_admin, &c), 0);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){0}), 3);
	/* æ/ae, ø/oe/o, stems, prefixes */
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.q = "aeblemost"}), 1);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.q = "oekologisk"}), 2);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.q = "okologisk"}), 2);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.q = "kasse"}), 1);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.q = "term"}), 1);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.q = "!!"}), 0);
	/* filters */
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.service = "cafe"}), 2);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.cpv_division = "03"}), 1);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.kommune = "330"}), 3);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.kommune = "740"}), 2);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.price_min = 5000, .price_max = 10000}), 1);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.enterprise_id = 7}), 1);
	/* sorted by price */
	struct catalogue_query q = {.sort = CATALOGUE_PRICE, .limit = 10, .price_min = -1, .price_max = -1};
	struct catalogue_item *items;
	int n, total;
	assert_int_equal(catalogue_search(f->db, &f->a, NULL, &q, &items, &n, &total), 0);
	assert_int_equal(n, 3);
	assert_int_equal(items[0].price_ore, 4500);
	assert_int_equal(items[2].price_ore, 20000);
	/* a hidden product and a closed enterprise's are left out; the writer lists its hidden one */
	struct errs errs = {0};
	assert_int_equal(catalogue_set_status(f->db, &f->a, &fixture_admin, a.id, "hidden", &errs), 0);
	assert_int_equal(EXEC_SQL(f->db, "UPDATE enterprises SET closed = '2020-01-01' WHERE id = 7"), 0);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){0}), 1);
	assert_int_equal(search_total(f, &fixture_virk621,
	                              (struct catalogue_query){.enterprise_id = 5, .include_hidden = true}),
	                 2);
	/* include_hidden means nothing to someone who may not write there */
	assert_int_equal(search_total(f, &fixture_kons740,
	                              (struct catalogue_query){.enterprise_id = 5, .include_hidden = true}),
	                 1);
}

static void test_agreements(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	struct product a = valid(5, "Kurv", 100), b = valid(5, "Kaffe", 200), c = valid(6, "Frokost", 300);
	assert_int_equal(save(f, &fixture_admin, &a), 0);
	assert_int_equal(save(f, &fixture_admin, &b), 0);
	assert_int_equal(save(f, &fixture_admin, &c), 0);
	/* Kolding with Soul Café for the basket only; Silkeborg with Soul Café for all; an ended and
	 * a draft one of Kolding with Kantinen, and one of Kolding with Kantinen long expired */
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO agreements (id, kommune, enterprise_id, title, start, \"end\", status, created_at,"
		" updated_at) VALUES (1, '621', 5, 'Gaver', '2020-01-01', '2099-12-31', 'active', 't', 't'),"
		" (2, '740', 5, 'Alt fra Soul', '2020-01-01', '2099-12-31', 'active', 't', 't'),"
		" (3, '621', 6, 'Sluttet', '2020-01-01', '2099-12-31', 'ended', 't', 't'),"
		" (4, '621', 6, 'Kladde', '2020-01-01', '2099-12-31', 'draft', 't', 't'),"
		" (5, '621', 6, 'Udløbet', '2019-01-01', '2019-12-31', 'active', 't', 't')"), 0);
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO agreement_products (agreement_id, product_id)"
	                                 " SELECT 1, id FROM products WHERE title = 'Kurv'"), 0);
	struct catalogue_query only = {.agreement_only = true};
	assert_int_equal(search_total(f, &fixture_indk621, only), 1);
	assert_int_equal(search_total(f, &fixture_kons740, only), 2);
	/* the public: none without a municipality, that municipality's with one */
	assert_int_equal(search_total(f, NULL, only), 0);
	assert_int_equal(search_total(f, NULL, (struct catalogue_query){.agreement_only = true, .kommune = "621"}), 1);
	/* staff of a municipality are held to their own, whatever they ask */
	assert_string_equal(catalogue_agreement_kommune(&fixture_indk621, "740"), "621");
	assert_string_equal(catalogue_agreement_kommune(NULL, "740"), "740");
	assert_null(catalogue_agreement_kommune(NULL, ""));
	assert_string_equal(catalogue_agreement_kommune(&fixture_virk621, "740"), "740");
	/* the title for the municipality's staff, the mark alone for the public */
	struct product got;
	assert_int_equal(catalogue_get(f->db, &f->a, &fixture_indk621, a.id, NULL, &got), 0);
	assert_true(got.agreement);
	assert_string_equal(got.agreement_title, "Gaver");
	assert_int_equal(catalogue_get(f->db, &f->a, NULL, a.id, "621", &got), 0);
	assert_true(got.agreement);
	assert_null(got.agreement_title);
	assert_int_equal(catalogue_get(f->db, &f->a, &fixture_indk621, b.id, NULL, &got), 0);
	assert_false(got.agreement);
	assert_int_equal(catalogue_get(f->db, &f->a, &fixture_indk621, c.id, NULL, &got), 0);
	assert_false(got.agreement);
}

/* the bytes of a sample picture, malloc'd */
static unsigned char *sample(const char *name, size_t *len)
{
	char path[256];
	snprintf(path, sizeof(path), "tests/data/images/%s", name);
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	unsigned char *buf = malloc(1024 * 1024);
	assert_non_null(buf);
	*len = fread(buf, 1, 1024 * 1024, fp);
	fclose(fp);
	return buf;
}

static void test_pictures(void **state)
{
	struct fixture *f = *state;
	add_enterprises(f->db);
	struct product p = valid(5, "Kurv", 100);
	assert_int_equal(save(f, &fixture_virk621, &p), 0);
	size_t len;
	unsigned char *png = sample("good.png", &len);
	struct errs errs = {0};
	struct catalogue_image im[3];
	/* who may not write, and what is missing */
	assert_int_equal(catalogue_image_add(f->db, &f->a, &fixture_kons740, p.id, png, len, "Kurv",
	                                     &errs, &im[0]), ERR_FORBIDDEN);
	assert_int_equal(catalogue_image_add(f->db, &f->a, &fixture_virk621, p.id, png, len, " ",
	                                     &errs, &im[0]), ERR_INVALID);
	assert_non_null(errs_get(&errs, "alt"));
	for (int i = 0; i < 3; i++) {
		errs = (struct errs){0};
		assert_int_equal(catalogue_image_add(f->db, &f->a, &fixture_virk621, p.id, png, len,
		                                     i == 0 ? "Første" : i == 1 ? "Anden" : "Tredje", &errs,
		                                     &im[i]), 0);
		assert_int_equal(im[i].position, i);
		assert_int_equal(im[i].width, 400);
	}
	free(png);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM product_image_files"), 3 * 5);
	assert_int_equal(fixture_audit_count(f->db, "image_add", "product"), 3);
	/* hostile files: 422 on image, nothing stored */
	static const char *const hostile[] = {"truncated.jpg", "badcrc.png", "bomb.png", "tiny.gif",
	                                      "drawing.svg", "random.bin"};
	for (size_t i = 0; i < N_OF(hostile); i++) {
		unsigned char *bad = sample(hostile[i], &len);
		errs = (struct errs){0};
		struct catalogue_image x;
		assert_int_equal(catalogue_image_add(f->db, &f->a, &fixture_virk621, p.id, bad, len, "Ond",
		                                     &errs, &x), ERR_INVALID);
		assert_non_null(errs_get(&errs, "image"));
		free(bad);
	}
	errs = (struct errs){0};
	struct catalogue_image x;
	assert_int_equal(catalogue_image_add(f->db, &f->a, &fixture_virk621, p.id, "", 0, "Tom", &errs,
	                                     &x), ERR_INVALID);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM product_images"), 3);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM product_image_files"), 15);
	/* the files: public while the product is visible */
	const void *data;
	size_t n;
	const char *etag;
	assert_int_equal(catalogue_image_file(f->db, &f->a, NULL, im[0].id, 320, "webp", &data, &n, &etag), 0);
	assert_true(n > 100);
	assert_memory_equal(data, "RIFF", 4);
	assert_int_equal(catalogue_image_file(f->db, &f->a, NULL, im[0].id, 0, "webp", &data, &n, &etag),
	                 ERR_NOTFOUND);
	/* the third one up: order 0, 2, 1 */
	assert_int_equal(catalogue_image_move_up(f->db, &f->a, &fixture_indk621, im[2].id), ERR_FORBIDDEN);
	assert_int_equal(catalogue_image_move_up(f->db, &f->a, &fixture_virk621, im[2].id), 0);
	struct product got;
	assert_int_equal(catalogue_get(f->db, &f->a, NULL, p.id, NULL, &got), 0);
	assert_int_equal(got.nimages, 3);
	assert_int_equal(got.images[1].id, im[2].id);
	assert_int_equal(got.images[2].id, im[1].id);
	/* alt text, and deleting */
	errs = (struct errs){0};
	assert_int_equal(catalogue_image_update(f->db, &f->a, &fixture_virk621, im[0].id, "", -1, &errs),
	                 ERR_INVALID);
	errs = (struct errs){0};
	assert_int_equal(catalogue_image_update(f->db, &f->a, &fixture_virk621, im[0].id, "Ny tekst", -1,
	                                        &errs), 0);
	assert_int_equal(catalogue_image_delete(f->db, &f->a, &fixture_kons740, im[0].id), ERR_FORBIDDEN);
	assert_int_equal(catalogue_image_delete(f->db, &f->a, &fixture_virk621, im[0].id), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM product_image_files"), 10);
	assert_int_equal(catalogue_image_delete(f->db, &f->a, &fixture_virk621, im[0].id), ERR_NOTFOUND);
	/* a hidden product's pictures are not public */
	assert_int_equal(catalogue_set_status(f->db, &f->a, &fixture_virk621, p.id, "hidden", &errs), 0);
	assert_int_equal(catalogue_image_file(f->db, &f->a, NULL, im[1].id, 320, "jpeg", &data, &n, &etag),
	                 ERR_NOTFOUND);
	assert_int_equal(catalogue_image_file(f->db, &f->a, &fixture_virk621, im[1].id, 320, "jpeg", &data,
	                                      &n, &etag), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_price_text),
		cmocka_unit_test_setup_teardown(test_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_save_get_and_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_search, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_agreements, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_pictures, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
