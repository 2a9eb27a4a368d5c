/*
 * test_tenders.c — tenders and bids (src/procurement/tenders.h, bids.h) against an in-memory
 * migrated database, with the tenders' clock set so deadlines pass without waiting: Danish
 * local time to UTC and back across summer time; validation naming its fields (weights summing
 * to 100, exactly one price, procedures, CPV, deadlines, clauses); who may create, see and
 * change a tender (drafts hidden, other municipalities refused, read-only staff); publishing;
 * bids before and after the deadline, replacement, another enterprise's bid refused, sealing
 * from the staff until the deadline; criteria frozen once bids exist; PDF documents checked and
 * hashed; scores; the ranking by the price model with exact totals and the tie rules; the
 * award with a letter to every bidder in the same transaction, and what the public sees after.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/auth.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/procurement/bids.h"
#include "src/procurement/tenders.h"
#include "src/registry/registry.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

/* ---------------------------------------------------------------- helpers */

static int64_t add_enterprise(struct fixture *f, const char *name, const char *kommune)
{
	struct enterprise e = {.name = name, .kommune = kommune};
	struct errs errs = {0};
	int rc = registry_save(f->db, &f->a, &users_cli, &e, &errs);
	if (rc)
		fail_msg("save %s: %d %s", name, rc, errs.n ? errs.e[0].message : "");
	return e.id;
}

/* the fixture's callers as rows of users (the bids and scores name who acted), and two
 * enterprises of 621 with an account each and one of 740 */
struct world {
	int64_t e1, e2, e740;
	struct principal v1, v2, v740;
};

static void world(struct fixture *f, struct world *w)
{
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO users (id, email, role, kommune, password_hash,"
	                                 " created_at, updated_at) VALUES"
	                                 " (9001, 'admin@indgang.dk', 'admin', NULL, 'x', 't', 't'),"
	                                 " (9002, 'konsulent@kolding.dk', 'konsulent', '621', 'x', 't', 't'),"
	                                 " (9003, 'konsulent@silkeborg.dk', 'konsulent', '740', 'x', 't', 't'),"
	                                 " (9004, 'job@kolding.dk', 'jobkonsulent', '621', 'x', 't', 't'),"
	                                 " (9005, 'indkoeb@kolding.dk', 'indkoeber', '621', 'x', 't', 't'),"
	                                 " (9101, 'en@porten.dk', 'virksomhed', '621', 'x', 't', 't'),"
	                                 " (9102, 'to@hytten.dk', 'virksomhed', '621', 'x', 't', 't'),"
	                                 " (9103, 'tre@silkeborg.dk', 'virksomhed', '740', 'x', 't', 't')"),
	                 0);
	w->e1 = add_enterprise(f, "Virksomhedsporten", "621");
	w->e2 = add_enterprise(f, "Legehytten", "621");
	w->e740 = add_enterprise(f, "Sterk ApS", "740");
	assert_int_equal(EXEC_SQL(f->db, "UPDATE users SET enterprise_id = CASE id"
	                                 " WHEN 9101 THEN (SELECT id FROM enterprises WHERE name = 'Virksomhedsporten')"
	                                 " WHEN 9102 THEN (SELECT id FROM enterprises WHERE name = 'Legehytten')"
	                                 " ELSE (SELECT id FROM enterprises WHERE name = 'Sterk ApS') END"
	                                 " WHERE id IN (9101, 9102, 9103)"), 0);
	w->v1 = (struct principal){.id = 9101, .email = "en@porten.dk", .role = ROLE_VIRKSOMHED,
	                           .kommune = "621", .enterprise_id = w->e1};
	w->v2 = (struct principal){.id = 9102, .email = "to@hytten.dk", .role = ROLE_VIRKSOMHED,
	                           .kommune = "621", .enterprise_id = w->e2};
	w->v740 = (struct principal){.id = 9103, .email = "tre@silkeborg.dk", .role = ROLE_VIRKSOMHED,
	                             .kommune = "740", .enterprise_id = w->e740};
}

static struct tender_criterion crit3[3];
static struct tender_clause clause1[1];

/* a valid tender of 621: Pris 50, Kvalitet 30, Service 20, deadline 2030-01-10 12:00 */
static struct tender valid(void)
{
	crit3[0] = (struct tender_criterion){.name = "Pris", .weight = 50};
	crit3[1] = (struct tender_criterion){.name = "Kvalitet", .weight = 30};
	crit3[2] = (struct tender_criterion){.name = "Service", .weight = 20};
	clause1[0] = (struct tender_clause){"beskaeftigelse", "Mindst to ansatte i fleksjob."};
	return (struct tender){.kommune = "621", .title = "Kantinedrift", .procedure = "light",
	                       .deadline = "2030-01-10T12:00", .estimate_ore = -1, .criteria = crit3,
	                       .ncriteria = 3, .clauses = clause1, .nclauses = 1};
}

/* a published tender of 621 (created and published on 2029-12-01) */
static int64_t published(struct fixture *f)
{
	tenders_clock_set("2029-12-01T09:00:00Z");
	struct tender t = valid();
	struct errs errs = {0};
	assert_int_equal(tenders_save(f->db, &f->a, &fixture_indk621, &t, &errs), 0);
	assert_int_equal(tenders_publish(f->db, &f->a, &fixture_indk621, t.id, &errs), 0);
	return t.id;
}

static int64_t bid(struct fixture *f, const struct principal *p, int64_t tender, int64_t price)
{
	struct bid b = {.enterprise_id = p->enterprise_id, .price_ore = price};
	struct errs errs = {0};
	bool replaced;
	int rc = bids_submit(f->db, &f->a, p, tender, &b, &errs, &replaced);
	if (rc)
		fail_msg("bid: %d %s", rc, errs.n ? errs.e[0].message : "");
	return b.id;
}

static int teardown(void **state)
{
	tenders_clock_set(NULL);
	return fixture_teardown(state);
}

/* ---------------------------------------------------------------- time and keys */

static void test_time(void **state)
{
	(void)state;
	char utc[21], local[17];
	assert_int_equal(tenders_local_to_utc("2027-01-10T12:00", utc), 0);
	assert_string_equal(utc, "2027-01-10T11:00:00Z"); /* winter: UTC+1 */
	assert_int_equal(tenders_local_to_utc("2026-07-01 12:00", utc), 0);
	assert_string_equal(utc, "2026-07-01T10:00:00Z"); /* summer: UTC+2 */
	assert_int_equal(tenders_local_to_utc("2026-03-29T03:30", utc), 0);
	assert_string_equal(utc, "2026-03-29T01:30:00Z"); /* just after the switch to summer time */
	assert_int_equal(tenders_local_to_utc("2026-07-01T10:00:00Z", utc), 0);
	assert_string_equal(utc, "2026-07-01T10:00:00Z"); /* already UTC */
	assert_int_equal(tenders_utc_to_local("2026-10-25T00:30:00Z", local), 0);
	assert_string_equal(local, "2026-10-25T02:30"); /* still summer time */
	assert_int_equal(tenders_utc_to_local("2026-10-25T01:30:00Z", local), 0);
	assert_string_equal(local, "2026-10-25T02:30"); /* winter time again */
	static const char *const bad[] = {"", "2026-02-30T12:00", "2026-01-01", "2026-01-01T25:00",
	                                  "2026-01-01T12:00+01", "tomorrow", "2026-01-01T12:00:00ZZ"};
	for (size_t i = 0; i < N_OF(bad); i++)
		if (tenders_local_to_utc(bad[i], utc) != ERR_INVALID)
			fail_msg("accepted %s", bad[i]);
	struct arena a;
	arena_init(&a, 0);
	assert_string_equal(tenders_time_da(&a, "2027-01-10T11:00:00Z"), "10. januar 2027 kl. 12.00");
	assert_string_equal(tenders_criterion_key(&a, "Social værdi"), "social_vaerdi");
	assert_string_equal(tenders_criterion_key(&a, "  Pris "), "pris");
	assert_string_equal(tenders_criterion_key(&a, "Miljø & Åbenhed"), "miljoe_aabenhed");
	arena_free(&a);
}

static void test_price_score(void **state)
{
	(void)state;
	assert_int_equal(bids_price_score(900000, 900000), 1000);
	assert_int_equal(bids_price_score(900000, 1200000), 750);
	assert_int_equal(bids_price_score(100, 300), 333);  /* 3.333 */
	assert_int_equal(bids_price_score(200, 300), 667);  /* 6.666, half up */
	assert_int_equal(bids_price_score(1, 2000000000000LL), 0);
	assert_int_equal(bids_price_score(99999999999999LL, 99999999999999LL), 1000); /* no overflow */
}

/* ---------------------------------------------------------------- validation */

static void test_validation(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *what, *field;
	} cases[] = {
		{"weights", "criteria"},  {"two prices", "criteria"}, {"no price", "criteria"},
		{"procedure", "procedure"}, {"cpv", "cpv"},          {"deadline", "deadline"},
		{"title", "title"},       {"clause kind", "social_clauses"}, {"no deadline", "deadline"},
		{"questions after bids", "questions_deadline"}, {"repeated", "criteria"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct tender t = valid();
		struct tender_criterion c[3] = {crit3[0], crit3[1], crit3[2]};
		struct tender_clause cl[1] = {clause1[0]};
		t.criteria = c;
		t.clauses = cl;
		const char *w = cases[i].what;
		if (!strcmp(w, "weights"))
			c[2].weight = 10;
		else if (!strcmp(w, "two prices"))
			c[1].is_price = true;
		else if (!strcmp(w, "no price"))
			c[0].name = "Økonomi";
		else if (!strcmp(w, "procedure"))
			t.procedure = "hemmeligt";
		else if (!strcmp(w, "cpv"))
			t.cpv = "55500000-4";
		else if (!strcmp(w, "deadline"))
			t.deadline = "10-01-2030";
		else if (!strcmp(w, "title"))
			t.title = "   ";
		else if (!strcmp(w, "clause kind"))
			cl[0].kind = "ukendt";
		else if (!strcmp(w, "no deadline"))
			t.deadline = NULL;
		else if (!strcmp(w, "questions after bids"))
			t.questions_deadline = "2030-02-01T12:00";
		else if (!strcmp(w, "repeated"))
			c[2].name = "kvalitet";
		struct errs errs = {0};
		int rc = tenders_save(f->db, &f->a, &fixture_indk621, &t, &errs);
		if (rc != ERR_INVALID || errs.n < 1 || strcmp(errs.e[0].field, cases[i].field) != 0)
			fail_msg("%s: rc %d, first field %s", w, rc, errs.n ? errs.e[0].field : "(none)");
		assert_int_equal(t.id, 0);
	}
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM tenders"), 0);
	/* the message names the sum */
	struct tender t = valid();
	crit3[2].weight = 10;
	struct errs errs = {0};
	tenders_validate(&f->a, &t, &errs);
	assert_non_null(strstr(errs.e[0].message, "de giver 90"));
}

static void test_save_and_access(void **state)
{
	struct fixture *f = *state;
	struct world w;
	world(f, &w);
	struct errs errs = {0};
	/* another municipality, a read-only role and an enterprise may not create */
	const struct principal *refused[] = {&fixture_kons740, &fixture_job621, &w.v1};
	for (size_t i = 0; i < N_OF(refused); i++) {
		struct tender t = valid();
		t.title = ""; /* 403 comes before 422 */
		assert_int_equal(tenders_save(f->db, &f->a, refused[i], &t, &errs), ERR_FORBIDDEN);
	}
	assert_int_equal(errs.n, 0);
	struct tender t = valid();
	t.cpv = "555000005";
	assert_int_equal(tenders_save(f->db, &f->a, &fixture_kons621, &t, &errs), 0);
	assert_true(t.id > 0);
	assert_string_equal(t.state, "draft");
	assert_string_equal(t.cpv, "55500000-5");
	assert_string_equal(t.deadline, "2030-01-10T11:00:00Z");
	assert_int_equal(t.ncriteria, 3);
	assert_true(t.criteria[0].is_price);
	assert_string_equal(t.criteria[1].key, "kvalitet");
	assert_int_equal(t.nclauses, 1);
	assert_int_equal(fixture_audit_count(f->db, "create", "tender"), 1);
	/* a draft is unknown to the public, other municipalities and enterprises */
	struct tender got;
	assert_int_equal(tenders_get(f->db, &f->a, NULL, t.id, &got), ERR_NOTFOUND);
	assert_int_equal(tenders_get(f->db, &f->a, &fixture_kons740, t.id, &got), ERR_NOTFOUND);
	assert_int_equal(tenders_get(f->db, &f->a, &w.v1, t.id, &got), ERR_NOTFOUND);
	assert_int_equal(tenders_get(f->db, &f->a, &fixture_job621, t.id, &got), 0);
	assert_int_equal(tenders_get(f->db, &f->a, &fixture_admin, t.id, &got), 0);
	/* a draft cancelled stays unknown to the public */
	struct tender other = valid();
	assert_int_equal(tenders_save(f->db, &f->a, &fixture_kons621, &other, &errs), 0);
	assert_int_equal(tenders_cancel(f->db, &f->a, &fixture_kons621, other.id, "Fejl"), 0);
	assert_int_equal(tenders_get(f->db, &f->a, NULL, other.id, &got), ERR_NOTFOUND);
	assert_int_equal(tenders_get(f->db, &f->a, &fixture_job621, other.id, &got), 0);
	assert_string_equal(got.state, "cancelled");
	assert_int_equal(tenders_get(f->db, &f->a, &fixture_admin, t.id, &got), 0);
	/* the other municipality cannot change or publish it */
	got.title = "Overtaget";
	assert_int_equal(tenders_save(f->db, &f->a, &fixture_kons740, &got, &errs), ERR_FORBIDDEN);
	assert_int_equal(tenders_publish(f->db, &f->a, &fixture_kons740, t.id, &errs), ERR_NOTFOUND);
	assert_int_equal(tenders_publish(f->db, &f->a, &fixture_job621, t.id, &errs), ERR_FORBIDDEN);
	/* publishing past the deadline is refused with the field */
	tenders_clock_set("2030-02-01T00:00:00Z");
	assert_int_equal(tenders_publish(f->db, &f->a, &fixture_indk621, t.id, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "deadline");
	errs.n = 0;
	tenders_clock_set("2029-12-01T00:00:00Z");
	assert_int_equal(tenders_publish(f->db, &f->a, &fixture_indk621, t.id, &errs), 0);
	assert_int_equal(tenders_publish(f->db, &f->a, &fixture_indk621, t.id, &errs), ERR_CONFLICT);
	assert_int_equal(tenders_get(f->db, &f->a, NULL, t.id, &got), 0);
	assert_string_equal(got.state, "published");
	assert_string_equal(got.published, "2029-12-01");
	assert_int_equal(got.nbids, 0);
	/* the public list shows it while open; the staff list of 740 does not */
	struct tenders_query q = {.scope = TENDERS_PUBLIC, .limit = 10};
	struct tender *items;
	int n, total;
	assert_int_equal(tenders_list(f->db, &f->a, NULL, &q, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	q.scope = TENDERS_STAFF;
	assert_int_equal(tenders_list(f->db, &f->a, &fixture_kons740, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	assert_int_equal(tenders_list(f->db, &f->a, &w.v1, &q, &items, &n, &total), ERR_FORBIDDEN);
	/* past the deadline it is closed, and no longer in the public list */
	tenders_clock_set("2030-01-10T11:00:00Z");
	assert_int_equal(tenders_get(f->db, &f->a, NULL, t.id, &got), 0);
	assert_string_equal(got.state, "closed");
	q.scope = TENDERS_PUBLIC;
	assert_int_equal(tenders_list(f->db, &f->a, NULL, &q, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	/* closed tenders cannot be changed */
	got.title = "Ny titel";
	assert_int_equal(tenders_save(f->db, &f->a, &fixture_indk621, &got, &errs), ERR_CONFLICT);
}

/* ---------------------------------------------------------------- bids */

static void test_bids_sealed_and_replaced(void **state)
{
	struct fixture *f = *state;
	struct world w;
	world(f, &w);
	int64_t t = published(f);
	struct errs errs = {0};
	bool replaced;
	/* another enterprise's id: 403; no price: 422 price */
	struct bid b = {.enterprise_id = w.e2, .price_ore = 100000};
	assert_int_equal(bids_submit(f->db, &f->a, &w.v1, t, &b, &errs, &replaced), ERR_FORBIDDEN);
	b = (struct bid){.enterprise_id = w.e1};
	assert_int_equal(bids_submit(f->db, &f->a, &w.v1, t, &b, &errs, &replaced), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "price");
	errs.n = 0;
	/* staff cannot bid */
	b = (struct bid){.enterprise_id = w.e1, .price_ore = 100000};
	assert_int_equal(bids_submit(f->db, &f->a, &fixture_admin, t, &b, &errs, &replaced), ERR_FORBIDDEN);
	int64_t id1 = bid(f, &w.v1, t, 100000000);
	int64_t again = bid(f, &w.v1, t, 90000000);
	assert_int_equal(again, id1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM bids"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT price_ore FROM bids"), 90000000);
	bid(f, &w.v740, t, 120000000); /* an enterprise of another municipality may bid too */
	/* sealed: the staff learn nothing before the deadline; other bidders never */
	struct bid *items;
	int n;
	assert_int_equal(bids_list(f->db, &f->a, &fixture_indk621, t, &items, &n), ERR_CONFLICT);
	assert_int_equal(bids_list(f->db, &f->a, &w.v2, t, &items, &n), ERR_FORBIDDEN);
	struct bid got;
	assert_int_equal(bids_get(f->db, &f->a, &fixture_indk621, id1, &got, NULL), ERR_CONFLICT);
	assert_int_equal(bids_get(f->db, &f->a, &w.v2, id1, &got, NULL), ERR_NOTFOUND);
	assert_int_equal(bids_get(f->db, &f->a, NULL, id1, &got, NULL), ERR_NOTFOUND);
	assert_int_equal(bids_get(f->db, &f->a, &w.v1, id1, &got, NULL), 0);
	assert_int_equal(got.price_ore, 90000000);
	struct tender_result res;
	assert_int_equal(bids_result(f->db, &f->a, &fixture_indk621, t, &res), ERR_CONFLICT);
	assert_int_equal(bids_result(f->db, &f->a, NULL, t, &res), ERR_FORBIDDEN);
	/* once bids exist the criteria and the deadline are frozen */
	struct tender td;
	assert_int_equal(tenders_get(f->db, &f->a, &fixture_indk621, t, &td), 0);
	assert_int_equal(td.nbids, 2);
	td.criteria[1].weight = 25;
	td.criteria[2].weight = 25;
	char local[17];
	tenders_utc_to_local(td.deadline, local);
	td.deadline = local;
	assert_int_equal(tenders_save(f->db, &f->a, &fixture_indk621, &td, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "criteria");
	errs.n = 0;
	assert_int_equal(tenders_get(f->db, &f->a, &fixture_indk621, t, &td), 0);
	td.deadline = "2030-02-10T12:00";
	assert_int_equal(tenders_save(f->db, &f->a, &fixture_indk621, &td, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "deadline");
	errs.n = 0;
	/* after the deadline: no bid (409), the staff see both */
	tenders_clock_set("2030-01-10T11:00:00Z");
	b = (struct bid){.enterprise_id = w.e2, .price_ore = 50000000};
	assert_int_equal(bids_submit(f->db, &f->a, &w.v2, t, &b, &errs, &replaced), ERR_CONFLICT);
	assert_int_equal(bids_list(f->db, &f->a, &fixture_job621, t, &items, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(bids_list(f->db, &f->a, &fixture_kons740, t, &items, &n), ERR_FORBIDDEN);
}

static void test_documents(void **state)
{
	struct fixture *f = *state;
	struct world w;
	world(f, &w);
	int64_t t = published(f);
	int64_t b = bid(f, &w.v1, t, 100000);
	static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 1\n"
	                          "trailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";
	static const char js[] = "%PDF-1.4\n1 0 obj\n<< /OpenAction << /S /JavaScript >> >>\nendobj\n"
	                         "xref\n0 1\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";
	struct errs errs = {0};
	int64_t doc;
	assert_int_equal(bids_document_add(f->db, &f->a, &w.v2, b, "x.pdf", pdf, sizeof(pdf) - 1, &errs, &doc),
	                 ERR_NOTFOUND);
	assert_int_equal(bids_document_add(f->db, &f->a, &w.v1, b, "x.pdf", js, sizeof(js) - 1, &errs, &doc),
	                 ERR_INVALID);
	assert_string_equal(errs.e[0].field, "document");
	errs.n = 0;
	assert_int_equal(bids_document_add(f->db, &f->a, &w.v1, b, "x.pdf", "GIF89a", 6, &errs, &doc),
	                 ERR_INVALID);
	errs.n = 0;
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM bid_documents"), 0);
	assert_int_equal(bids_document_add(f->db, &f->a, &w.v1, b, "C:\\Tilbud\\tilbud \"endelig\".pdf", pdf,
	                                   sizeof(pdf) - 1, &errs, &doc), 0);
	struct bid_document d;
	assert_int_equal(bids_document_get(f->db, &f->a, &w.v1, b, doc, &d), 0);
	assert_string_equal(d.filename, "tilbud endelig.pdf");
	assert_int_equal(d.size, (int64_t)sizeof(pdf) - 1);
	assert_memory_equal(d.data, pdf, sizeof(pdf) - 1);
	assert_int_equal(strlen(d.sha256), 64);
	/* sealed from the staff until the deadline, then theirs to read */
	assert_int_equal(bids_document_get(f->db, &f->a, &fixture_indk621, b, doc, &d), ERR_CONFLICT);
	tenders_clock_set("2030-01-10T11:00:00Z");
	assert_int_equal(bids_document_get(f->db, &f->a, &fixture_indk621, b, doc, &d), 0);
	assert_int_equal(bids_document_add(f->db, &f->a, &w.v1, b, "y.pdf", pdf, sizeof(pdf) - 1, &errs, &doc),
	                 ERR_CONFLICT);
}

/* ---------------------------------------------------------------- evaluation and award */

static void test_scores_ranking_award(void **state)
{
	struct fixture *f = *state;
	struct world w;
	world(f, &w);
	assert_int_equal(EXEC_SQL(f->db, "UPDATE enterprises SET contact_email = 'kontakt@sterk.dk'"
	                                 " WHERE name = 'Sterk ApS'"), 0);
	int64_t t = published(f);
	int64_t b1 = bid(f, &w.v1, t, 90000000);   /* 900.000 kr. */
	int64_t b2 = bid(f, &w.v2, t, 120000000);  /* 1.200.000 kr. */
	tenders_clock_set("2029-12-02T09:00:00Z");
	int64_t b3 = bid(f, &w.v740, t, 120000000); /* the same price as b2, later */
	struct errs errs = {0};
	struct bid_score_in s[2] = {{"kvalitet", 7, "God plan"}, {"service", 8, NULL}};
	/* before the deadline: sealed */
	assert_int_equal(bids_score(f->db, &f->a, &fixture_indk621, t, b1, s, 2, &errs), ERR_CONFLICT);
	errs.n = 0;
	tenders_clock_set("2030-01-10T11:00:00Z");
	assert_int_equal(bids_score(f->db, &f->a, &fixture_job621, t, b1, s, 2, &errs), ERR_FORBIDDEN);
	assert_int_equal(bids_score(f->db, &f->a, &fixture_kons740, t, b1, s, 2, &errs), ERR_FORBIDDEN);
	struct bid_score_in price[1] = {{"pris", 5, NULL}}, range[1] = {{"kvalitet", 11, NULL}},
	                    unknown[1] = {{"humor", 5, NULL}};
	assert_int_equal(bids_score(f->db, &f->a, &fixture_indk621, t, b1, price, 1, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "scores");
	assert_int_equal(bids_score(f->db, &f->a, &fixture_indk621, t, b1, range, 1, &errs), ERR_INVALID);
	assert_int_equal(bids_score(f->db, &f->a, &fixture_indk621, t, b1, unknown, 1, &errs), ERR_INVALID);
	errs.n = 0;
	assert_int_equal(bids_score(f->db, &f->a, &fixture_indk621, t, b1, s, 2, &errs), 0);
	struct bid_score_in s2[2] = {{"kvalitet", 9, NULL}, {"service", 10, NULL}};
	assert_int_equal(bids_score(f->db, &f->a, &fixture_kons621, t, b2, s2, 2, &errs), 0);
	/* b3 unscored so far: the ranking shows it incomplete, the award is refused */
	struct tender_result res;
	assert_int_equal(bids_result(f->db, &f->a, &fixture_job621, t, &res), 0);
	assert_int_equal(res.n, 3);
	assert_false(res.complete);
	const char *reasons[3] = {"Lavest pris", "Bedst plan", "Hurtig"};
	assert_int_equal(bids_award(f->db, &f->a, &fixture_indk621, t, b1, reasons, 3, NULL, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "scores");
	errs.n = 0;
	assert_int_equal(bids_score(f->db, &f->a, &fixture_indk621, t, b3, s2, 2, &errs), 0);
	assert_int_equal(bids_result(f->db, &f->a, &fixture_indk621, t, &res), 0);
	assert_true(res.complete);
	/* b1: 50 × 10 / 10 + 30 × 7 / 10 + 20 × 8 / 10 = 87.00; b2 and b3: 37.50 + 27 + 20 = 84.50,
	 * b2 first (same price, submitted earlier) */
	assert_int_equal(res.rows[0].bid.id, b1);
	assert_int_equal(res.rows[0].total, 8700);
	assert_int_equal(res.rows[0].score[0], 1000);
	assert_int_equal(res.rows[1].bid.id, b2);
	assert_int_equal(res.rows[1].total, 8450);
	assert_int_equal(res.rows[1].score[0], 750);
	assert_int_equal(res.rows[2].bid.id, b3);
	assert_int_equal(res.rows[2].rank, 3);
	/* a reason missing: 422 reasons, nothing written */
	const char *short_reasons[3] = {"Lavest pris", "", "Hurtig"};
	assert_int_equal(bids_award(f->db, &f->a, &fixture_indk621, t, b1, short_reasons, 3, NULL, &errs),
	                 ERR_INVALID);
	assert_string_equal(errs.e[0].field, "reasons");
	errs.n = 0;
	assert_int_equal(bids_award(f->db, &f->a, &fixture_indk621, t, 999, reasons, 3, NULL, &errs), ERR_INVALID);
	assert_string_equal(errs.e[0].field, "bid_id");
	errs.n = 0;
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 0);
	/* a bid whose account is gone: the letter goes to the enterprise's contact address */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE bids SET submitted_by = NULL WHERE enterprise_id ="
	                                 " (SELECT id FROM enterprises WHERE name = 'Sterk ApS')"), 0);
	assert_int_equal(bids_award(f->db, &f->a, &fixture_indk621, t, b1, reasons, 3, "Bedste bud", &errs), 0);
	/* a letter to each bidder (the account that bid, or the enterprise's contact) */
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 3);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'en@porten.dk'"
	                                  " AND subject LIKE 'Tildeling:%' AND body LIKE '%87,00 af 100%'"
	                                  " AND body LIKE '%standstill-periode på 10 kalenderdage%'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'to@hytten.dk'"
	                                  " AND body LIKE '%til Virksomhedsporten%'"
	                                  " AND body LIKE '%Kvalitet (vægt 30 %): jeres 9,00, vinderens 7,00%'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'kontakt@sterk.dk'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM bids WHERE notified_at IS NULL"), 0);
	assert_int_equal(fixture_audit_count(f->db, "award", "tender"), 1);
	/* decided: no second award, no more scores */
	assert_int_equal(bids_award(f->db, &f->a, &fixture_indk621, t, b2, reasons, 3, NULL, &errs), ERR_CONFLICT);
	errs.n = 0;
	assert_int_equal(bids_score(f->db, &f->a, &fixture_indk621, t, b2, s, 2, &errs), ERR_CONFLICT);
	/* the public sees the winner's name and price, and only the totals of the others */
	assert_int_equal(bids_result(f->db, &f->a, NULL, t, &res), 0);
	assert_true(res.rows[0].named);
	assert_string_equal(res.rows[0].bid.enterprise_name, "Virksomhedsporten");
	assert_false(res.rows[1].named);
	assert_null(res.rows[1].bid.enterprise_name);
	assert_int_equal(res.rows[1].bid.price_ore, 0);
	assert_int_equal(res.rows[1].total, 8450);
	assert_string_equal(res.reasons[1], "Bedst plan");
	/* a losing bidder sees its own line named */
	assert_int_equal(bids_result(f->db, &f->a, &w.v2, t, &res), 0);
	assert_true(res.rows[1].named);
	assert_false(res.rows[2].named);
}

static void test_questions(void **state)
{
	struct fixture *f = *state;
	struct world w;
	world(f, &w);
	int64_t t = published(f);
	struct errs errs = {0};
	int64_t q;
	assert_int_equal(tenders_ask(f->db, &f->a, &w.v1, t, w.e2, "Hvem?", &errs, &q), ERR_FORBIDDEN);
	assert_int_equal(tenders_ask(f->db, &f->a, &w.v1, t, w.e1, "  ", &errs, &q), ERR_INVALID);
	errs.n = 0;
	assert_int_equal(tenders_ask(f->db, &f->a, &w.v1, t, w.e1, "Må vi være to om buddet?", &errs, &q), 0);
	struct tender_question *items;
	int n;
	assert_int_equal(tenders_questions(f->db, &f->a, NULL, t, &items, &n), 0);
	assert_int_equal(n, 0); /* unanswered: not published */
	assert_int_equal(tenders_questions(f->db, &f->a, &fixture_job621, t, &items, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(tenders_answer(f->db, &f->a, &fixture_job621, t, q, "Ja.", &errs), ERR_FORBIDDEN);
	assert_int_equal(tenders_answer(f->db, &f->a, &fixture_indk621, t, q, "", &errs), ERR_INVALID);
	errs.n = 0;
	assert_int_equal(tenders_answer(f->db, &f->a, &fixture_indk621, t, q + 1, "Ja.", &errs), ERR_NOTFOUND);
	/* the interested enterprise is told of the answer; the asker, not interested, is not */
	assert_int_equal(tenders_interest(f->db, &f->a, &w.v2, t, w.e2), 0);
	assert_int_equal(tenders_answer(f->db, &f->a, &fixture_indk621, t, q, "Ja, som konsortium.", &errs), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'to@hytten.dk'"
	                                  " AND subject = 'Nyt svar i udbuddet: Kantinedrift'"
	                                  " AND body LIKE '%Må vi være to om buddet?%Ja, som konsortium.%'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 1);
	assert_int_equal(tenders_questions(f->db, &f->a, NULL, t, &items, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].answer, "Ja, som konsortium.");
	assert_int_equal(tenders_interest(f->db, &f->a, &w.v2, t, w.e2), 0);
	assert_int_equal(tenders_interest(f->db, &f->a, &w.v2, t, w.e2), 0);
	assert_true(tenders_has_interest(f->db, t, w.e2));
	assert_false(tenders_has_interest(f->db, t, w.e1));
	/* cancelled: final */
	assert_int_equal(tenders_cancel(f->db, &f->a, &fixture_kons740, t, ""), ERR_FORBIDDEN);
	assert_int_equal(tenders_cancel(f->db, &f->a, &fixture_indk621, t, "Ingen midler"), 0);
	assert_int_equal(tenders_cancel(f->db, &f->a, &fixture_indk621, t, ""), ERR_CONFLICT);
	assert_int_equal(tenders_ask(f->db, &f->a, &w.v1, t, w.e1, "Og nu?", &errs, &q), ERR_CONFLICT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_price_score),
		cmocka_unit_test_setup_teardown(test_validation, fixture_setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_and_access, fixture_setup, teardown),
		cmocka_unit_test_setup_teardown(test_bids_sealed_and_replaced, fixture_setup, teardown),
		cmocka_unit_test_setup_teardown(test_documents, fixture_setup, teardown),
		cmocka_unit_test_setup_teardown(test_scores_ranking_award, fixture_setup, teardown),
		cmocka_unit_test_setup_teardown(test_questions, fixture_setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
