/*
 * test_purchasing.c — voluntary purchase agreements, purchases, spend and contracts
 * (src/procurement/agreements.h, purchases.h, spend.h, contracts.h) against an in-memory
 * migrated database: validation with the field named, access before validation and for every
 * role, the list's scope, reminders once per end date (again after a renewal), spend counting
 * only social-economy enterprises with exact amounts, the breakdowns' access, and the follow-up
 * of a contract's commitments against placements with "<3" for callers without exact counts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/access.h"
#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/base/csv.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/procurement/agreements.h"
#include "src/procurement/contracts.h"
#include "src/procurement/orders.h"
#include "src/procurement/purchases.h"
#include "src/procurement/spend.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

/* enterprises 5 Soul Café (621, soev), 6 Sterk ApS (621, company), 7 Musholm (740, soev); the
 * fixture's administrator, konsulenter and indkøber as users (their rows are the creators) */
static void seed(struct fixture *f)
{
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO users (id, email, role, kommune, password_hash, created_at, updated_at) VALUES"
		" (9001, 'admin@indgang.dk', 'admin', NULL, 'x', 't', 't'),"
		" (9002, 'konsulent@kolding.dk', 'konsulent', '621', 'x', 't', 't'),"
		" (9003, 'konsulent@silkeborg.dk', 'konsulent', '740', 'x', 't', 't'),"
		" (9005, 'indkoeb@kolding.dk', 'indkoeber', '621', 'x', 't', 't'),"
		" (9006, 'virk@kolding.dk', 'virksomhed', '621', 'x', 't', 't')"), 0);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO enterprises (id, name, kommune, kind, created_at, updated_at) VALUES"
		" (5, 'Soul Café', '621', 'soev', 't', 't'), (6, 'Sterk ApS', '621', 'company', 't', 't'),"
		" (7, 'Musholm', '740', 'soev', 't', 't')"), 0);
}

static struct agreement valid_agreement(void)
{
	return (struct agreement){.kommune = "621", .enterprise_id = 5, .title = "Mødeforplejning",
	                          .contact_email = "kontakt@soul.example", .start = "2026-01-01",
	                          .end = "2026-12-31"};
}

/* ---------------------------------------------------------------- agreements */

static void test_agreement_validation(void **state)
{
	struct fixture *f = *state;
	seed(f);
	struct agreement g = valid_agreement();
	g.end = "2025-12-31";
	struct errs errs = {0};
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_indk621, &g, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "end");
	assert_int_equal(g.id, 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM agreements"), 0);
	static const struct {
		const char *field;
		struct agreement g;
	} bad[] = {
		{"title", {.kommune = "621", .enterprise_id = 5, .title = " ", .start = "2026-01-01", .end = "2026-02-01"}},
		{"start", {.kommune = "621", .enterprise_id = 5, .title = "x", .start = "2026-13-01", .end = "2026-02-01"}},
		{"end", {.kommune = "621", .enterprise_id = 5, .title = "x", .start = "2026-01-01", .end = "i morgen"}},
		{"contact_email", {.kommune = "621", .enterprise_id = 5, .title = "x", .start = "2026-01-01",
		                   .end = "2026-02-01", .contact_email = "ikke en adresse"}},
		{"status", {.kommune = "621", .enterprise_id = 5, .title = "x", .start = "2026-01-01",
		            .end = "2026-02-01", .status = "forældet"}},
		{"enterprise_id", {.kommune = "621", .enterprise_id = 99, .title = "x", .start = "2026-01-01",
		                   .end = "2026-02-01"}},
	};
	for (size_t i = 0; i < N_OF(bad); i++) {
		struct agreement b = bad[i].g;
		struct errs e = {0};
		int rc = agreements_save(f->db, &f->a, &fixture_indk621, &b, &e);
		if (rc != ERR_INVALID || !e.n || strcmp(e.e[0].field, bad[i].field))
			fail_msg("case %zu: rc %d field %s, expected 422 on %s", i, rc, e.n ? e.e[0].field : "-",
			         bad[i].field);
	}
	/* a product that is not the enterprise's */
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO products (id, enterprise_id, title, price_ore,"
	                                 " created_at, updated_at) VALUES (40, 7, 'Æbler', 100, 't', 't')"), 0);
	int64_t products[] = {40};
	g = valid_agreement();
	g.products = products;
	g.nproducts = 1;
	errs.n = 0;
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_indk621, &g, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "products");
}

static void test_agreement_access(void **state)
{
	struct fixture *f = *state;
	seed(f);
	/* writers: the indkøber and konsulent of the municipality, the administrator */
	static const struct {
		const struct principal *who;
		const char *kommune;
		int rc;
	} rows[] = {
		{&fixture_indk621, "621", 0},           {&fixture_kons621, "621", 0},
		{&fixture_admin, "621", 0},             {&fixture_indk621, "740", ERR_FORBIDDEN},
		{&fixture_kons740, "621", ERR_FORBIDDEN}, {&fixture_job621, "621", ERR_FORBIDDEN},
		{&fixture_virk621, "621", ERR_FORBIDDEN}, {NULL, "621", ERR_FORBIDDEN},
	};
	for (size_t i = 0; i < N_OF(rows); i++) {
		struct agreement g = valid_agreement();
		g.kommune = rows[i].kommune;
		struct errs errs = {0};
		int rc = agreements_save(f->db, &f->a, rows[i].who, &g, &errs);
		if (rc != rows[i].rc)
			fail_msg("row %zu: %d, expected %d", i, rc, rows[i].rc);
	}
	/* another municipality learns nothing about the input: 403 before 422 */
	struct agreement g = valid_agreement();
	g.kommune = "740";
	g.title = "";
	struct errs errs = {0};
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_indk621, &g, &errs), ERR_FORBIDDEN);
	assert_int_equal(errs.n, 0);
	/* the administrator must name the municipality */
	g = valid_agreement();
	g.kommune = NULL;
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_admin, &g, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "kommune");
	/* three made, each audited */
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM agreements"), 3);
	assert_int_equal(fixture_audit_count(f->db, "create", "agreement"), 3);
	/* reading: the municipality's purchasing, the enterprise's own account; not others */
	struct agreement got;
	int64_t id = 1;
	assert_int_equal(agreements_get(f->db, &f->a, &fixture_job621, id, &got), 0);
	assert_int_equal(agreements_get(f->db, &f->a, &fixture_virk621, id, &got), 0);
	assert_int_equal(agreements_get(f->db, &f->a, &fixture_kons740, id, &got), ERR_FORBIDDEN);
	assert_int_equal(agreements_get(f->db, &f->a, NULL, id, &got), ERR_FORBIDDEN);
	assert_int_equal(agreements_get(f->db, &f->a, &fixture_admin, 999, &got), ERR_NOTFOUND);
	/* the supplier reads but never writes */
	got.title = "Ændret";
	errs.n = 0;
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_virk621, &got, &errs), ERR_FORBIDDEN);
	/* lists: own municipality, all for the administrator, the supplier its enterprise's */
	struct agreement *items;
	int n, total;
	struct agreements_query q = {.limit = 10};
	assert_int_equal(agreements_list(f->db, &f->a, &fixture_kons740, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(agreements_list(f->db, &f->a, &fixture_indk621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 3);
	assert_int_equal(agreements_list(f->db, &f->a, &fixture_virk621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 3);
	assert_int_equal(agreements_list(f->db, &f->a, NULL, &q, &items, &n, &total), ERR_FORBIDDEN);
	q.kommune = "740";
	assert_int_equal(agreements_list(f->db, &f->a, &fixture_indk621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
}

static void test_agreement_expiring_and_remind(void **state)
{
	struct fixture *f = *state;
	seed(f);
	struct agreement g = valid_agreement();
	struct errs errs = {0};
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_indk621, &g, &errs), 0);
	struct agreement later = valid_agreement();
	later.title = "Æbler til møderne";
	later.end = "2027-06-30";
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_indk621, &later, &errs), 0);
	/* by title in Danish order (Æ after M), then the soonest end first */
	struct agreement *items;
	int n, total;
	struct agreements_query q = {.limit = 10, .by_title = true};
	assert_int_equal(agreements_list(f->db, &f->a, &fixture_indk621, &q, &items, &n, &total), 0);
	assert_int_equal(n, 2);
	assert_int_equal(items[0].id, g.id);
	assert_int_equal(items[1].id, later.id);
	q = (struct agreements_query){.limit = 10};
	assert_int_equal(agreements_list(f->db, &f->a, &fixture_indk621, &q, &items, &n, &total), 0);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].end, "2026-12-31");
	assert_string_equal(items[1].end, "2027-06-30");
	/* expiring within 60 days of 2026-11-15: the first only */
	q = (struct agreements_query){.limit = 10, .expiring_days = 60, .today = "2026-11-15"};
	assert_int_equal(agreements_list(f->db, &f->a, &fixture_indk621, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(items[0].id, g.id);
	/* too early: nothing; in the window: the contact and the buyer who made it, once */
	int queued = -1;
	assert_int_equal(agreements_remind(f->db, &f->a, "2026-09-01", 60, &queued), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(agreements_remind(f->db, &f->a, "2026-11-15", 60, &queued), 0);
	assert_int_equal(queued, 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr IN"
	                                  " ('kontakt@soul.example', 'indkoeb@kolding.dk')"), 2);
	assert_int_equal(agreements_remind(f->db, &f->a, "2026-11-16", 60, &queued), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(fixture_audit_count(f->db, "remind", "agreement"), 1);
	/* renewed: the new end date is reminded again; an unchanged end is not */
	struct agreement got;
	assert_int_equal(agreements_get(f->db, &f->a, &fixture_indk621, g.id, &got), 0);
	assert_non_null(got.reminded_at);
	got.title = "Mødeforplejning (forlænget)";
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_indk621, &got, &errs), 0);
	assert_non_null(got.reminded_at);
	got.end = "2027-01-10";
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_indk621, &got, &errs), 0);
	assert_null(got.reminded_at);
	assert_int_equal(agreements_remind(f->db, &f->a, "2026-11-20", 60, &queued), 0);
	assert_int_equal(queued, 1);
	/* an ended agreement is never reminded */
	got.status = "ended";
	got.end = "2026-12-01";
	assert_int_equal(agreements_save(f->db, &f->a, &fixture_indk621, &got, &errs), 0);
	assert_int_equal(agreements_remind(f->db, &f->a, "2026-11-20", 60, &queued), 0);
	assert_int_equal(queued, 0);
	/* in force: the other agreement covers 2027-03-01 */
	int64_t id = 0;
	assert_int_equal(agreements_in_force(f->db, "621", 5, "2027-03-01", &id), 0);
	assert_int_equal(id, later.id);
	assert_int_equal(agreements_in_force(f->db, "740", 5, "2027-03-01", &id), 0);
	assert_int_equal(id, 0);
}

/* ---------------------------------------------------------------- purchases and spend */

static int64_t buy(struct fixture *f, const struct principal *by, int64_t enterprise,
                   const char *date, const char *amount)
{
	struct purchase p = {.enterprise_id = enterprise, .date = date, .description = "Demo"};
	struct errs errs = {0};
	int rc = purchases_create(f->db, &f->a, by, &p, amount, &errs);
	if (rc)
		fail_msg("buy %s: %d %s", amount, rc, errs.n ? errs.e[0].field : "");
	return p.id;
}

static void test_purchase_validation_and_access(void **state)
{
	struct fixture *f = *state;
	seed(f);
	static const struct {
		const char *field, *date, *amount, *service;
		int64_t enterprise;
	} bad[] = {
		{"amount", "2015-03-01", "0", NULL, 5},       {"amount", "2015-03-01", "-12,00", NULL, 5},
		{"amount", "2015-03-01", "12,345", NULL, 5},  {"amount", "2015-03-01", "tolv", NULL, 5},
		{"date", "2015-02-30", "12", NULL, 5},        {"enterprise_id", "2015-03-01", "12", NULL, 99},
		{"service", "2015-03-01", "12", "findes-ikke", 5},
	};
	for (size_t i = 0; i < N_OF(bad); i++) {
		struct purchase p = {.enterprise_id = bad[i].enterprise, .date = bad[i].date,
		                     .service = bad[i].service};
		struct errs errs = {0};
		int rc = purchases_create(f->db, &f->a, &fixture_indk621, &p, bad[i].amount, &errs);
		if (rc != ERR_INVALID || !errs.n || strcmp(errs.e[0].field, bad[i].field))
			fail_msg("case %zu: %d %s, expected 422 on %s", i, rc, errs.n ? errs.e[0].field : "-",
			         bad[i].field);
	}
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM purchases"), 0);
	/* the buyer's municipality is the purchase's; another is refused before validation */
	struct purchase p = {.kommune = "740", .enterprise_id = 5, .date = "x"};
	struct errs errs = {0};
	assert_int_equal(purchases_create(f->db, &f->a, &fixture_indk621, &p, "1", &errs), ERR_FORBIDDEN);
	assert_int_equal(errs.n, 0);
	p = (struct purchase){.enterprise_id = 5, .date = "2015-03-01"};
	assert_int_equal(purchases_create(f->db, &f->a, &fixture_job621, &p, "1", &errs), ERR_FORBIDDEN);
	assert_int_equal(purchases_create(f->db, &f->a, &fixture_virk621, &p, "1", &errs), ERR_FORBIDDEN);
	/* the administrator names the municipality */
	p = (struct purchase){.enterprise_id = 5, .date = "2015-03-01"};
	assert_int_equal(purchases_create(f->db, &f->a, &fixture_admin, &p, "1", &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "kommune");
	int64_t id = buy(f, &fixture_indk621, 5, "2015-03-01", "1.234,50");
	struct purchase got;
	assert_int_equal(purchases_get(f->db, &f->a, &fixture_kons621, id, &got), 0);
	assert_string_equal(got.kommune, "621");
	assert_int_equal(got.amount_ore, 123450);
	assert_int_equal(fixture_audit_count(f->db, "create", "purchase"), 1);
	/* deleting: another municipality and the jobkonsulent may not; the buyer may, audited */
	assert_int_equal(purchases_delete(f->db, &f->a, &fixture_kons740, id), ERR_FORBIDDEN);
	assert_int_equal(purchases_delete(f->db, &f->a, &fixture_job621, id), ERR_FORBIDDEN);
	assert_int_equal(purchases_delete(f->db, &f->a, &fixture_indk621, id), 0);
	assert_int_equal(purchases_delete(f->db, &f->a, &fixture_indk621, id), ERR_NOTFOUND);
	assert_int_equal(fixture_audit_count(f->db, "delete", "purchase"), 1);
}

static void test_spend(void **state)
{
	struct fixture *f = *state;
	seed(f);
	buy(f, &fixture_indk621, 5, "2015-03-01", "1234.50");
	buy(f, &fixture_indk621, 5, "2015-12-31", "0,55");
	buy(f, &fixture_indk621, 6, "2015-06-01", "5000");   /* a company: not social-economy spend */
	buy(f, &fixture_indk621, 5, "2016-01-01", "100");    /* another year */
	buy(f, &fixture_kons740, 7, "2015-05-05", "99999999999.99");
	/* the municipality's list of a year, newest first or largest first, with its sum */
	struct purchase *list;
	int listed, matches;
	int64_t sum;
	struct purchases_query pq = {.year = 2015, .limit = 10};
	assert_int_equal(purchases_list(f->db, &f->a, &fixture_indk621, &pq, &list, &listed, &matches,
	                                &sum), 0);
	assert_int_equal(listed, 3);
	assert_int_equal(matches, 3);
	assert_int_equal(sum, 123450 + 55 + 500000);
	assert_string_equal(list[0].date, "2015-12-31");
	assert_string_equal(list[1].date, "2015-06-01");
	assert_string_equal(list[2].date, "2015-03-01");
	pq = (struct purchases_query){.sort = PURCHASES_AMOUNT, .limit = 2};
	assert_int_equal(purchases_list(f->db, &f->a, &fixture_indk621, &pq, &list, &listed, &matches,
	                                &sum), 0);
	assert_int_equal(listed, 2);
	assert_int_equal(matches, 4);
	assert_int_equal(list[0].amount_ore, 500000);
	assert_int_equal(list[1].amount_ore, 123450);
	struct spend_row *rows, total;
	int n;
	assert_int_equal(spend_rows(f->db, &f->a, NULL, false, 2015, NULL, SPEND_KOMMUNE, &rows, &n, &total), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].key, "740");
	assert_string_equal(rows[1].key, "621");
	assert_int_equal(rows[1].amount_ore, 123505);
	assert_int_equal(rows[1].purchases, 2);
	assert_int_equal(rows[1].enterprises, 1);
	assert_int_equal(total.amount_ore, 123505 + INT64_C(9999999999999));
	struct buf o;
	buf_init(&o, 0);
	spend_json(&o, 2015, NULL, SPEND_KOMMUNE, rows, n, &total);
	assert_non_null(strstr(buf_str(&o), "\"amount\":\"1235.05\""));
	assert_non_null(strstr(buf_str(&o), "\"total\":\"100000001235.04\""));
	buf_reset(&o);
	struct csv_out w;
	csv_out_begin(&w, &o, ';', true);
	spend_csv(&w, false, SPEND_KOMMUNE, rows, n, &total);
	assert_non_null(strstr(buf_str(&o), "1.235,05"));
	buf_reset(&o);
	assert_int_equal(spend_xlsx(&o, 2015, SPEND_KOMMUNE, rows, n, &total), 0);
	assert_memory_equal(o.data, "PK", 2);
	buf_free(&o);
	/* breakdowns: the municipality's staff, not the public nor another municipality */
	assert_int_equal(spend_rows(f->db, &f->a, NULL, false, 2015, "621", SPEND_ENTERPRISE, &rows, &n, &total),
	                 ERR_FORBIDDEN);
	assert_int_equal(spend_rows(f->db, &f->a, &fixture_kons740, false, 2015, "621", SPEND_SERVICE, &rows,
	                            &n, &total), ERR_FORBIDDEN);
	assert_int_equal(spend_rows(f->db, &f->a, &fixture_virk621, false, 2015, "621", SPEND_ENTERPRISE,
	                            &rows, &n, &total), ERR_FORBIDDEN);
	assert_int_equal(spend_rows(f->db, &f->a, &fixture_indk621, false, 2015, "621", SPEND_ENTERPRISE,
	                            &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].label, "Soul Café");
	assert_int_equal(spend_rows(f->db, &f->a, &fixture_admin, false, 2015, NULL, SPEND_SERVICE, &rows,
	                            &n, &total), 0);
	assert_int_equal(n, 1);
	assert_null(rows[0].key);
	assert_int_equal(spend_rows(f->db, &f->a, NULL, false, 2015, "62", SPEND_KOMMUNE, &rows, &n, &total),
	                 ERR_INVALID);
}

/* ---------------------------------------------------------------- contracts */

static void test_contract_followup(void **state)
{
	struct fixture *f = *state;
	seed(f);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO citizens (id, kommune, name, consent_scope, created_at, updated_at, active_at)"
		" VALUES (1, '740', 'A', '', 't', 't', 't'), (2, '740', 'B', '', 't', 't', 't')"), 0);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO placements (citizen_id, kommune, enterprise_id, scheme, start, created_at,"
		" updated_at) VALUES (1, '740', 7, 'fleksjob', '2020-01-01', 't', 't'),"
		" (2, '740', 7, 'fleksjob', '2020-01-01', 't', 't')"), 0);
	struct commitment m[] = {{.text = "10 ansatte i fleksjob", .scheme = "fleksjob", .target = 10},
	                         {.text = "Økologiske råvarer"}};
	struct contract c = {.enterprise_id = 7, .kind = "forpagtning", .title = "Kantinen",
	                     .start = "2015-08-01", .commitments = m, .ncommitments = 2};
	struct errs errs = {0};
	/* another municipality's konsulent may not; 403 before the field errors */
	assert_int_equal(contracts_save(f->db, &f->a, &fixture_kons621, &(struct contract){.kommune = "740"},
	                                "", &errs), ERR_FORBIDDEN);
	assert_int_equal(contracts_save(f->db, &f->a, &fixture_kons740, &c, "750.000,00", &errs), 0);
	assert_int_equal(c.value_ore, 75000000);
	assert_int_equal(c.ncommitments, 2);
	assert_int_equal(fixture_audit_count(f->db, "create", "contract"), 1);
	struct contract *listed;
	int n, total;
	assert_int_equal(contracts_list(f->db, &f->a, &fixture_kons740, NULL, 10, 0, &listed, &n, &total),
	                 0);
	assert_int_equal(total, 1);
	assert_string_equal(listed[0].title, "Kantinen");
	assert_null(listed[0].end);
	/* the municipality's staff see 2; everyone else "<3" */
	struct contract got;
	assert_int_equal(contracts_get(f->db, &f->a, &fixture_kons740, c.id, &got), 0);
	assert_int_equal(contracts_followup(f->db, &f->a, &fixture_kons740, &got), 0);
	assert_int_equal(got.commitments[0].now, 2);
	assert_string_equal(got.commitments[0].now_text, "2");
	assert_null(got.commitments[1].now_text);
	assert_int_equal(contracts_get(f->db, &f->a, &fixture_admin, c.id, &got), 0);
	assert_int_equal(contracts_followup(f->db, &f->a, &fixture_admin, &got), 0);
	assert_string_equal(got.commitments[0].now_text, "<3");
	assert_int_equal(contracts_get(f->db, &f->a, &fixture_kons621, c.id, &got), ERR_FORBIDDEN);
	/* measurable needs both a scheme and a target; an unknown scheme; end before start */
	struct commitment bad1[] = {{.text = "x", .scheme = "fleksjob"}};
	struct commitment bad2[] = {{.text = "x", .scheme = "ukendt", .target = 3}};
	struct contract b = {.kommune = "740", .enterprise_id = 7, .title = "x", .start = "2015-01-01",
	                     .commitments = bad1, .ncommitments = 1};
	errs.n = 0;
	assert_int_equal(contracts_save(f->db, &f->a, &fixture_kons740, &b, "", &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "commitments");
	b.commitments = bad2;
	errs.n = 0;
	assert_int_equal(contracts_save(f->db, &f->a, &fixture_kons740, &b, "", &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "commitments");
	b.ncommitments = 0;
	b.end = "2014-01-01";
	errs.n = 0;
	assert_int_equal(contracts_save(f->db, &f->a, &fixture_kons740, &b, "", &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "end");
	b.end = NULL;
	b.agreement_id = 77;
	errs.n = 0;
	assert_int_equal(contracts_save(f->db, &f->a, &fixture_kons740, &b, "tolv", &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "value");
	assert_non_null(errs_get(&errs, "agreement_id"));
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM contracts"), 1);
}


/* ---------------------------------------------------------------- orders */

static void test_orders(void **state)
{
	struct fixture *f = *state;
	seed(f);
	assert_int_equal(EXEC_SQL(f->db,
		"UPDATE enterprises SET contact_email = 'ordre@soul.example' WHERE id = 5"), 0);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO products (id, enterprise_id, title, price_ore, unit, min_order, status, created_at,"
		" updated_at) VALUES (40, 5, 'Kagebord', 125000, 'stk.', 2, 'active', 't', 't'),"
		" (41, 5, 'Skjult', 100, 'stk.', 1, 'hidden', 't', 't'), (42, 7, 'Æbler', 100, 'kg', 1, 'active', 't', 't')"), 0);
	struct order_line lines[2] = {{.product_id = 40, .quantity = 1}};
	struct order o = {.enterprise_id = 5, .lines = lines, .nlines = 1};
	struct errs errs = {0};
	/* below the minimum order, a hidden product, another enterprise's product */
	assert_int_equal(orders_create(f->db, &f->a, &fixture_indk621, &o, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "lines");
	static const int64_t foreign[] = {41, 42};
	for (size_t i = 0; i < N_OF(foreign); i++) {
		lines[0] = (struct order_line){.product_id = foreign[i], .quantity = 1};
		o = (struct order){.enterprise_id = 5, .lines = lines, .nlines = 1};
		errs.n = 0;
		assert_int_equal(orders_create(f->db, &f->a, &fixture_indk621, &o, &errs), ERR_INVALID);
	}
	/* a free line whose sum would overflow */
	lines[0] = (struct order_line){.title = "Alt", .quantity = 1000000, .price_text = "999999999999,99"};
	o = (struct order){.enterprise_id = 5, .lines = lines, .nlines = 1};
	errs.n = 0;
	assert_int_equal(orders_create(f->db, &f->a, &fixture_indk621, &o, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "lines");
	/* access before validation */
	o = (struct order){.kommune = "740", .enterprise_id = 5};
	errs.n = 0;
	assert_int_equal(orders_create(f->db, &f->a, &fixture_indk621, &o, &errs), ERR_FORBIDDEN);
	assert_int_equal(errs.n, 0);
	assert_int_equal(orders_create(f->db, &f->a, &fixture_job621, &o, &errs), ERR_FORBIDDEN);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM orders"), 0);
	/* a good one: prices copied, the enterprise mailed */
	lines[0] = (struct order_line){.product_id = 40, .quantity = 2};
	lines[1] = (struct order_line){.title = "Levering", .quantity = 1, .price_text = "150"};
	o = (struct order){.enterprise_id = 5, .lines = lines, .nlines = 2, .reference = "EAN 1"};
	errs.n = 0;
	assert_int_equal(orders_create(f->db, &f->a, &fixture_indk621, &o, &errs), 0);
	assert_int_equal(o.total_ore, 265000);
	assert_string_equal(o.status, "sent");
	assert_string_equal(o.lines[0].title, "Kagebord");
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'ordre@soul.example'"
	                                  " AND body LIKE '%2.650,00 kr.%'"), 1);
	/* the moves */
	errs.n = 0;
	assert_int_equal(orders_set_status(f->db, &f->a, &fixture_indk621, o.id, "accepted", NULL, &errs), ERR_FORBIDDEN);
	assert_int_equal(orders_set_status(f->db, &f->a, &fixture_virk621, o.id, "delivered", NULL, &errs), ERR_CONFLICT);
	errs.n = 0;
	assert_int_equal(orders_set_status(f->db, &f->a, &fixture_virk621, o.id, "accepted", "Fint", &errs), 0);
	assert_int_equal(orders_set_status(f->db, &f->a, &fixture_virk621, o.id, "delivered", NULL, &errs), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM purchases WHERE order_id IS NOT NULL"
	                                  " AND amount_ore = 265000"), 1);
	assert_int_equal(orders_set_status(f->db, &f->a, &fixture_virk621, o.id, "delivered", NULL, &errs), ERR_CONFLICT);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM purchases"), 1);
	assert_int_equal(fixture_audit_count(f->db, "status", "order"), 2);
	/* the supplier sees its orders; another municipality none */
	struct order *items;
	int n, total;
	assert_int_equal(orders_list(f->db, &f->a, &fixture_virk621, NULL, 10, 0, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(orders_list(f->db, &f->a, &fixture_kons740, NULL, 10, 0, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	struct order got;
	assert_int_equal(orders_get(f->db, &f->a, &fixture_kons740, o.id, &got), ERR_FORBIDDEN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_agreement_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_agreement_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_agreement_expiring_and_remind, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_purchase_validation_and_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_spend, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_contract_followup, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_orders, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
