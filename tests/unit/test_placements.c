/*
 * test_placements.c — placements and Tabel 4 from data against an in-memory database:
 * validation with the API's field names, access per role and municipality, the enterprise's
 * view (first names only, and only with the citizen's consent), active_at and the audit lines,
 * follow-ups reminded once through the outbox, the counting rules of every column of Tabel 4
 * (kinds, schemes, the year's boundaries, Inhouse companies counted once), statistical
 * discretion ("<3" and the withheld total) and the writers.
 * The rows the rules read (users, enterprises, citizens, openings) are put in with literal SQL.
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
#include "src/base/text.h"
#include "src/employment/employment_stats.h"
#include "src/employment/placements.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

/* a jobkonsulent of Silkeborg, and an enterprise account of another enterprise of Kolding */
static const struct principal job740 = {.id = 9104, .email = "job@silkeborg.dk",
                                        .role = ROLE_JOBKONSULENT, .kommune = "740"};
static const struct principal virk621_other = {.id = 9106, .email = "virk2@kolding.dk",
                                               .role = ROLE_VIRKSOMHED, .kommune = "621",
                                               .enterprise_id = 6};

/* enterprises 5 Soul Café (soev, 621; fixture_virk621's), 6 Sterk ApS (company, 621),
 * 7 Musholm (soev, 740), 8 Grøn ApS (company, 740); citizens 1 Anne-Marie Hansen (621, consent
 * enterprise), 2 Bo Jensen (621, consent matching), 3 Carl Berg (740), 4 anonymized (621);
 * openings 11 open at 5, 12 closed at 5, 13 open at 6; the jobkonsulenter as users */
static void seed(struct fixture *f)
{
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO users (id, email, role, kommune, password_hash, created_at, updated_at) VALUES"
		" (9004, 'job@kolding.dk', 'jobkonsulent', '621', 'x', 't', 't'),"
		" (9104, 'job@silkeborg.dk', 'jobkonsulent', '740', 'x', 't', 't'),"
		" (9105, 'job2@kolding.dk', 'jobkonsulent', '621', 'x', 't', 't')"), 0);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO enterprises (id, name, kommune, kind, created_at, updated_at) VALUES"
		" (5, 'Soul Café', '621', 'soev', 't', 't'), (6, 'Sterk ApS', '621', 'company', 't', 't'),"
		" (7, 'Musholm', '740', 'soev', 't', 't'), (8, 'Grøn ApS', '740', 'company', 't', 't')"), 0);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO citizens (id, kommune, name, consent_scope, created_at, updated_at, active_at,"
		" anonymized_at) VALUES"
		" (1, '621', 'Anne-Marie Hansen', 'enterprise', 't', 't', '2000-01-01', NULL),"
		" (2, '621', 'Bo Jensen', 'matching', 't', 't', '2000-01-01', NULL),"
		" (3, '740', 'Carl Berg', 'enterprise', 't', 't', '2000-01-01', NULL),"
		" (4, '621', '', '', 't', 't', '2000-01-01', '2020-01-01')"), 0);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO openings (id, enterprise_id, title, schemes, hours_min, hours_max, times,"
		" status, created_at, updated_at) VALUES"
		" (11, 5, 'Køkkenhjælp', 2, 10, 20, 4, 'open', 't', 't'),"
		" (12, 5, 'Rengøring', 2, 10, 20, 4, 'closed', 't', 't'),"
		" (13, 6, 'Kantine', 3, 10, 30, 2, 'filled', 't', 't')"), 0);
}

static struct placement_input valid(void)
{
	return (struct placement_input){.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob",
	                                .start = "2026-01-05", .has_hours = true, .hours = 20};
}

static int64_t create_ok(struct fixture *f, struct placement_input in)
{
	struct errs errs = {0};
	int64_t id = 0;
	int rc = placements_create(f->db, &f->a, &fixture_job621, &in, &errs, &id);
	if (rc)
		fail_msg("placements_create: %d, %s: %s", rc, errs.n ? errs.e[0].field : "-",
		         errs.n ? errs.e[0].message : "-");
	assert_true(id > 0);
	return id;
}

/* ---------------------------------------------------------------- rules */

static void test_first_name(void **state)
{
	struct fixture *f = *state;
	assert_string_equal(placements_first_name(&f->a, "Anne-Marie Hansen"), "Anne-Marie");
	assert_string_equal(placements_first_name(&f->a, "  Bo  "), "Bo");
	assert_string_equal(placements_first_name(&f->a, "Ærø Østergaard Åberg"), "Ærø");
	assert_string_equal(placements_first_name(&f->a, ""), "");
	assert_string_equal(placements_first_name(&f->a, NULL), "");
}

static void test_validation(void **state)
{
	struct fixture *f = *state;
	seed(f);
	static const struct {
		const char *field;
		struct placement_input in;
	} cases[] = {
		{"citizen_id", {.enterprise_id = 5, .scheme = "fleksjob", .start = "2026-01-05"}},
		{"citizen_id", {.citizen_id = 4, .enterprise_id = 5, .scheme = "fleksjob", .start = "2026-01-05"}},
		{"enterprise_id", {.citizen_id = 1, .scheme = "fleksjob", .start = "2026-01-05"}},
		{"enterprise_id", {.citizen_id = 1, .enterprise_id = 99, .scheme = "fleksjob", .start = "2026-01-05"}},
		{"opening_id", {.citizen_id = 1, .enterprise_id = 5, .opening_id = 99, .scheme = "fleksjob", .start = "2026-01-05"}},
		{"opening_id", {.citizen_id = 1, .enterprise_id = 5, .opening_id = 12, .scheme = "fleksjob", .start = "2026-01-05"}},
		{"opening_id", {.citizen_id = 1, .enterprise_id = 5, .opening_id = 13, .scheme = "fleksjob", .start = "2026-01-05"}},
		{"scheme", {.citizen_id = 1, .enterprise_id = 5, .start = "2026-01-05"}},
		{"scheme", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fuldtid", .start = "2026-01-05"}},
		{"start", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob"}},
		{"start", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob", .start = "05.01.2026"}},
		{"start", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob", .start = "2026-02-30"}},
		{"end", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob", .start = "2026-01-05", .end = "2026-01-04"}},
		{"end", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob", .start = "2026-01-05", .end = "i morgen"}},
		{"planned_end", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob", .start = "2026-01-05", .planned_end = "2025-12-31"}},
		{"outcome", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob", .start = "2026-01-05", .outcome = "pension"}},
		{"hours", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob", .start = "2026-01-05", .has_hours = true, .hours = 0}},
		{"hours", {.citizen_id = 1, .enterprise_id = 5, .scheme = "fleksjob", .start = "2026-01-05", .has_hours = true, .hours = 38}},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct errs errs = {0};
		int64_t id = 0;
		int rc = placements_create(f->db, &f->a, &fixture_job621, &cases[i].in, &errs, &id);
		if (rc != ERR_INVALID || !errs_get(&errs, cases[i].field))
			fail_msg("case %zu: rc %d, expected a field error on %s (first: %s)", i, rc,
			         cases[i].field, errs.n ? errs.e[0].field : "none");
		assert_int_equal(id, 0);
	}
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM placements"), 0);
	/* the good ones: an open and a filled opening of the enterprise, an end on the start day */
	struct placement_input in = valid();
	in.opening_id = 11;
	create_ok(f, in);
	in = valid();
	in.enterprise_id = 6;
	in.opening_id = 13;
	in.end = in.start;
	in.outcome = "ordinaert_job";
	create_ok(f, in);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM placements WHERE kommune = '621'"), 2);
	/* a placement that fills the last seat leaves the opening's status alone */
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM openings WHERE id = 11 AND status = 'open'"), 1);
}

static void test_create_access(void **state)
{
	struct fixture *f = *state;
	seed(f);
	struct placement_input in = valid();
	const struct principal *nobody[] = {&fixture_admin, &fixture_kons621, &fixture_indk621,
	                                    &fixture_virk621, &fixture_kons_none, NULL};
	for (size_t i = 0; i < N_OF(nobody); i++) {
		struct errs errs = {0};
		int64_t id;
		assert_int_equal(placements_create(f->db, &f->a, nobody[i], &in, &errs, &id), ERR_FORBIDDEN);
	}
	/* another municipality's citizen and a citizen that does not exist answer alike */
	struct errs errs = {0};
	int64_t id;
	assert_int_equal(placements_create(f->db, &f->a, &job740, &in, &errs, &id), ERR_FORBIDDEN);
	in.citizen_id = 999;
	assert_int_equal(placements_create(f->db, &f->a, &fixture_job621, &in, &errs, &id), ERR_FORBIDDEN);
	/* ... before any field is judged */
	in.citizen_id = 3;
	in.scheme = "findes-ikke";
	assert_int_equal(placements_create(f->db, &f->a, &fixture_job621, &in, &errs, &id), ERR_FORBIDDEN);
	assert_int_equal(errs.n, 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM placements"), 0);
	assert_int_equal(fixture_audit_count(f->db, "create", "placement"), 0);
}

static void test_active_at_and_audit(void **state)
{
	struct fixture *f = *state;
	seed(f);
	int64_t id = create_ok(f, valid());
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM citizens WHERE id = 1 AND active_at > '2020'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM citizens WHERE id = 2 AND active_at = '2000-01-01'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM placements WHERE kommune = '621' AND created_by = 9004"), 1);
	assert_int_equal(fixture_audit_count(f->db, "create", "placement"), 1);
	const char *d = fixture_last_audit_detail(f->db, &f->a);
	assert_non_null(strstr(d, "\"scheme\":\"fleksjob\""));
	assert_null(strstr(d, "Hansen")); /* never the citizen's name */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE citizens SET active_at = '2000-01-01' WHERE id = 1"), 0);
	struct errs errs = {0};
	struct placement_change ch = {.set_end = true, .end = "2026-03-01", .set_outcome = true,
	                              .outcome = "fleksjob"};
	assert_int_equal(placements_update(f->db, &f->a, &fixture_job621, id, &ch, &errs), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM citizens WHERE id = 1 AND active_at > '2020'"), 1);
	assert_int_equal(fixture_audit_count(f->db, "update", "placement"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM placements WHERE \"end\" = '2026-03-01'"
	                                  " AND outcome = 'fleksjob' AND hours = 20"), 1);
}

static void test_update_rules(void **state)
{
	struct fixture *f = *state;
	seed(f);
	int64_t id = create_ok(f, valid());
	struct errs errs = {0};
	struct placement_change before = {.set_end = true, .end = "2025-12-31"};
	assert_int_equal(placements_update(f->db, &f->a, &fixture_job621, id, &before, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "end"));
	errs = (struct errs){0};
	struct placement_change bad = {.set_outcome = true, .outcome = "pension", .set_hours = true,
	                               .hours = 40};
	assert_int_equal(placements_update(f->db, &f->a, &fixture_job621, id, &bad, &errs), ERR_INVALID);
	assert_non_null(errs_get(&errs, "outcome"));
	assert_non_null(errs_get(&errs, "hours"));
	/* hours cleared, a planned end set */
	errs = (struct errs){0};
	struct placement_change ok = {.set_hours = true, .hours_null = true, .set_planned_end = true,
	                              .planned_end = "2026-06-30"};
	assert_int_equal(placements_update(f->db, &f->a, &fixture_job621, id, &ok, &errs), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM placements WHERE hours IS NULL"
	                                  " AND planned_end = '2026-06-30'"), 1);
	/* another municipality's jobkonsulent does not find it; other roles may not change any */
	assert_int_equal(placements_update(f->db, &f->a, &job740, id, &ok, &errs), ERR_NOTFOUND);
	assert_int_equal(placements_update(f->db, &f->a, &fixture_job621, 999, &ok, &errs), ERR_NOTFOUND);
	assert_int_equal(placements_update(f->db, &f->a, &fixture_kons621, id, &ok, &errs), ERR_FORBIDDEN);
	assert_int_equal(placements_update(f->db, &f->a, &fixture_virk621, id, &ok, &errs), ERR_FORBIDDEN);
	assert_int_equal(placements_update(f->db, &f->a, &fixture_admin, id, &ok, &errs), ERR_FORBIDDEN);
}

/* ---------------------------------------------------------------- who sees what */

static void test_views(void **state)
{
	struct fixture *f = *state;
	seed(f);
	int64_t consented = create_ok(f, valid());
	struct placement_input in = valid();
	in.citizen_id = 2; /* consent to matching only */
	int64_t private = create_ok(f, in);
	struct placement p;
	struct errs errs = {0};
	/* the jobkonsulent with a purpose: everything and the full name, the citizen's read audited */
	int64_t reads = fixture_audit_count(f->db, "read", "citizen");
	assert_int_equal(placements_get(f->db, &f->a, &fixture_job621, consented, "opfoelgning", &errs, &p), 0);
	assert_int_equal(p.view, ACCESS_PLACEMENT_ALL);
	assert_string_equal(p.citizen_name, "Anne-Marie Hansen");
	assert_int_equal(p.hours, 20);
	assert_string_equal(p.kommune, "621");
	assert_int_equal(fixture_audit_count(f->db, "read", "citizen"), reads + 1);
	assert_non_null(strstr(fixture_last_audit_detail(f->db, &f->a), "opfoelgning"));
	/* without a purpose: no name, and no read of the citizen, but the look is audited */
	int64_t looks = fixture_audit_count(f->db, "read", "placement");
	assert_int_equal(placements_get(f->db, &f->a, &fixture_job621, consented, NULL, &errs, &p), 0);
	assert_null(p.citizen_name);
	assert_int_equal(fixture_audit_count(f->db, "read", "citizen"), reads + 1);
	assert_int_equal(fixture_audit_count(f->db, "read", "placement"), looks + 1);
	/* an unknown purpose is a field error */
	assert_int_equal(placements_get(f->db, &f->a, &fixture_job621, consented, "nysgerrighed", &errs, &p),
	                 ERR_INVALID);
	assert_non_null(errs_get(&errs, "purpose"));
	/* the enterprise: first name, scheme, dates, hours, nothing else */
	assert_int_equal(placements_get(f->db, &f->a, &fixture_virk621, consented, NULL, &errs, &p), 0);
	assert_int_equal(p.view, ACCESS_PLACEMENT_ENTERPRISE);
	assert_string_equal(p.citizen_name, "Anne-Marie");
	assert_string_equal(p.scheme, "fleksjob");
	assert_string_equal(p.start, "2026-01-05");
	assert_int_equal(p.hours, 20);
	assert_int_equal(p.citizen_id, 0);
	assert_null(p.kommune);
	assert_null(p.outcome);
	assert_int_equal(p.nfollowups, 0);
	assert_int_equal(fixture_audit_count(f->db, "read", "citizen"), reads + 2);
	/* without the citizen's consent, or at another enterprise: not there */
	assert_int_equal(placements_get(f->db, &f->a, &fixture_virk621, private, NULL, &errs, &p), ERR_NOTFOUND);
	assert_int_equal(placements_get(f->db, &f->a, &virk621_other, consented, NULL, &errs, &p), ERR_NOTFOUND);
	/* another municipality's jobkonsulent: not there; roles that see only counts: forbidden */
	assert_int_equal(placements_get(f->db, &f->a, &job740, consented, "matching", &errs, &p), ERR_NOTFOUND);
	assert_int_equal(placements_get(f->db, &f->a, &fixture_kons621, consented, "matching", &errs, &p), ERR_FORBIDDEN);
	assert_int_equal(placements_get(f->db, &f->a, &fixture_admin, consented, "matching", &errs, &p), ERR_FORBIDDEN);
	assert_int_equal(placements_get(f->db, &f->a, &fixture_indk621, consented, "matching", &errs, &p), ERR_FORBIDDEN);
	assert_int_equal(placements_get(f->db, &f->a, NULL, consented, "matching", &errs, &p), ERR_FORBIDDEN);
}

static void test_lists(void **state)
{
	struct fixture *f = *state;
	seed(f);
	create_ok(f, valid());
	struct placement_input in = valid();
	in.citizen_id = 2;
	in.start = "2025-01-01";
	in.end = "2025-06-30";
	create_ok(f, in);
	struct errs errs = {0};
	int64_t id;
	struct placement_input silkeborg = {.citizen_id = 3, .enterprise_id = 7, .scheme = "praktik",
	                                    .start = "2026-02-01"};
	assert_int_equal(placements_create(f->db, &f->a, &job740, &silkeborg, &errs, &id), 0);
	struct placement *items;
	int n, total;
	struct placement_query all = {.limit = 50};
	/* the jobkonsulent: its own municipality's only, names with a purpose */
	assert_int_equal(placements_list(f->db, &f->a, &fixture_job621, &all, "matching", &errs, &items, &n, &total), 0);
	assert_int_equal(n, 2);
	assert_int_equal(total, 2);
	assert_string_equal(items[0].citizen_name, "Anne-Marie Hansen"); /* newest start first */
	assert_string_equal(items[1].citizen_name, "Bo Jensen");
	int64_t before = fixture_audit_count(f->db, "read", NULL);
	assert_int_equal(placements_list(f->db, &f->a, &fixture_job621, &all, NULL, &errs, &items, &n, &total), 0);
	assert_null(items[0].citizen_name);
	assert_int_equal(fixture_audit_count(f->db, "read", NULL), before + 1); /* the look only */
	struct placement_query open = {.state = PLACEMENTS_OPEN, .limit = 50};
	assert_int_equal(placements_list(f->db, &f->a, &fixture_job621, &open, NULL, &errs, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	struct placement_query ended = {.state = PLACEMENTS_ENDED, .limit = 50};
	assert_int_equal(placements_list(f->db, &f->a, &fixture_job621, &ended, NULL, &errs, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_int_equal(items[0].citizen_id, 2);
	struct placement_query by_citizen = {.citizen_id = 2, .limit = 50};
	assert_int_equal(placements_list(f->db, &f->a, &fixture_job621, &by_citizen, NULL, &errs, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	/* the enterprise: the consented citizen only, by first name, whatever the filters say */
	assert_int_equal(placements_list(f->db, &f->a, &fixture_virk621, &all, NULL, &errs, &items, &n, &total), 0);
	assert_int_equal(total, 1);
	assert_string_equal(items[0].citizen_name, "Anne-Marie");
	assert_null(items[0].kommune);
	struct placement_query other = {.enterprise_id = 7, .limit = 50};
	assert_int_equal(placements_list(f->db, &f->a, &fixture_virk621, &other, NULL, &errs, &items, &n, &total),
	                 ERR_FORBIDDEN);
	assert_int_equal(placements_list(f->db, &f->a, &virk621_other, &all, NULL, &errs, &items, &n, &total), 0);
	assert_int_equal(total, 0);
	/* counts only for these */
	assert_int_equal(placements_list(f->db, &f->a, &fixture_kons621, &all, NULL, &errs, &items, &n, &total),
	                 ERR_FORBIDDEN);
	assert_int_equal(placements_list(f->db, &f->a, &fixture_admin, &all, NULL, &errs, &items, &n, &total),
	                 ERR_FORBIDDEN);
	struct placement_query bad = {.scheme = "fuldtid", .limit = 50};
	assert_int_equal(placements_list(f->db, &f->a, &fixture_job621, &bad, NULL, &errs, &items, &n, &total),
	                 ERR_INVALID);
	assert_non_null(errs_get(&errs, "scheme"));
}

static void test_access_decisions(void **state)
{
	(void)state;
	assert_int_equal(access_placement(&fixture_job621, "621", 5, false), ACCESS_PLACEMENT_ALL);
	assert_int_equal(access_placement(&fixture_job621, "740", 5, true), ACCESS_PLACEMENT_NONE);
	assert_int_equal(access_placement(&fixture_virk621, "621", 5, true), ACCESS_PLACEMENT_ENTERPRISE);
	assert_int_equal(access_placement(&fixture_virk621, "740", 5, true), ACCESS_PLACEMENT_ENTERPRISE);
	assert_int_equal(access_placement(&fixture_virk621, "621", 5, false), ACCESS_PLACEMENT_NONE);
	assert_int_equal(access_placement(&fixture_virk621, "621", 6, true), ACCESS_PLACEMENT_NONE);
	assert_int_equal(access_placement(&fixture_kons621, "621", 5, true), ACCESS_PLACEMENT_NONE);
	assert_int_equal(access_placement(&fixture_admin, "621", 5, true), ACCESS_PLACEMENT_NONE);
	assert_int_equal(access_placement(NULL, "621", 5, true), ACCESS_PLACEMENT_NONE);
	/* exact small counts: the municipality's staff, the enterprise's own account */
	static const struct {
		const struct principal *who;
		const char *kommune;
		int64_t enterprise;
		bool want;
	} exact[] = {
		{&fixture_kons621, "621", 0, true},   {&fixture_job621, "621", 0, true},
		{&fixture_indk621, "621", 0, true},   {&fixture_kons740, "621", 0, false},
		{&fixture_kons621, NULL, 0, false},   {&fixture_admin, "621", 0, false},
		{&fixture_admin, NULL, 0, false},     {NULL, "621", 0, false},
		{&fixture_virk621, "621", 0, false},  {&fixture_virk621, "621", 5, true},
		{&fixture_virk621, "740", 5, true},   {&fixture_virk621, "621", 6, false},
		{&fixture_kons_none, "621", 0, false},
	};
	for (size_t i = 0; i < N_OF(exact); i++)
		if (access_counts_exact(exact[i].who, exact[i].kommune, exact[i].enterprise) != exact[i].want)
			fail_msg("access_counts_exact case %zu is not %d", i, exact[i].want);
	const char *k;
	int64_t e;
	assert_int_equal(access_placement_scope(&fixture_job621, &k, &e), 0);
	assert_string_equal(k, "621");
	assert_int_equal(access_placement_scope(&fixture_virk621, &k, &e), 0);
	assert_null(k);
	assert_int_equal(e, 5);
	assert_int_equal(access_placement_scope(&fixture_kons621, &k, &e), ERR_FORBIDDEN);
	assert_int_equal(access_placement_scope(&fixture_admin, &k, &e), ERR_FORBIDDEN);
}

/* ---------------------------------------------------------------- follow-ups */

static void test_followups_reminded_once(void **state)
{
	struct fixture *f = *state;
	seed(f);
	int64_t id = create_ok(f, valid());
	struct errs errs = {0};
	int64_t due, later, held, fid;
	assert_int_equal(placements_followup_add(f->db, &f->a, &fixture_job621, id, "2026-02-01",
	                                         "Første møde", &errs, &due), 0);
	assert_int_equal(placements_followup_add(f->db, &f->a, &fixture_job621, id, "2026-03-01", "",
	                                         &errs, &later), 0);
	assert_int_equal(placements_followup_add(f->db, &f->a, &fixture_job621, id, "2026-01-15", NULL,
	                                         &errs, &held), 0);
	struct followup_change done = {.set_done = true, .done = true};
	assert_int_equal(placements_followup_change(f->db, &f->a, &fixture_job621, id, held, &done, &errs), 0);
	assert_int_equal(placements_followup_add(f->db, &f->a, &fixture_job621, id, "1. februar", "",
	                                         &errs, &fid), ERR_INVALID);
	assert_non_null(errs_get(&errs, "due"));
	assert_int_equal(placements_followup_add(f->db, &f->a, &job740, id, "2026-02-01", "", &errs, &fid),
	                 ERR_NOTFOUND);
	assert_int_equal(placements_followup_add(f->db, &f->a, &fixture_kons621, id, "2026-02-01", "",
	                                         &errs, &fid), ERR_FORBIDDEN);
	assert_int_equal(fixture_audit_count(f->db, "create", "placement_followup"), 3);
	/* due on 2026-02-10: only the first; and only once */
	int queued, waiting;
	assert_int_equal(placements_remind(f->db, &f->a, "2026-02-10", &queued, &waiting), 0);
	assert_int_equal(queued, 1);
	assert_int_equal(waiting, 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'job@kolding.dk'"
	                                  " AND subject LIKE '%forløb nr. 1 %'"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE body LIKE '%Hansen%'"
	                                  " OR body LIKE '%Første møde%'"), 0);
	assert_int_equal(placements_remind(f->db, &f->a, "2026-02-10", &queued, &waiting), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox"), 1);
	assert_int_equal(fixture_audit_count(f->db, "remind", "placement_followup"), 1);
	/* a new date is reminded anew; held ones never */
	struct followup_change moved = {.set_due = true, .due = "2026-02-20"};
	errs = (struct errs){0};
	assert_int_equal(placements_followup_change(f->db, &f->a, &fixture_job621, id, due, &moved, &errs), 0);
	/* the creator gone: every active jobkonsulent of the municipality */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE users SET active = 0 WHERE id = 9004"), 0);
	assert_int_equal(placements_remind(f->db, &f->a, "2026-03-05", &queued, &waiting), 0);
	assert_int_equal(queued, 2);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM outbox WHERE to_addr = 'job2@kolding.dk'"), 2);
	/* nobody to remind: left waiting, reminded when someone is there */
	assert_int_equal(placements_followup_add(f->db, &f->a, &fixture_job621, id, "2026-03-06", "",
	                                         &errs, &fid), 0);
	assert_int_equal(EXEC_SQL(f->db, "UPDATE users SET active = 0 WHERE id = 9105"), 0);
	assert_int_equal(placements_remind(f->db, &f->a, "2026-03-07", &queued, &waiting), 0);
	assert_int_equal(queued, 0);
	assert_int_equal(waiting, 1);
	assert_int_equal(EXEC_SQL(f->db, "UPDATE users SET active = 1 WHERE id = 9004"), 0);
	assert_int_equal(placements_remind(f->db, &f->a, "2026-03-07", &queued, &waiting), 0);
	assert_int_equal(queued, 1);
	assert_int_equal(waiting, 0);
	assert_int_equal(placements_remind(f->db, &f->a, "7. marts", &queued, &waiting), ERR_INVALID);
}

/* ---------------------------------------------------------------- Tabel 4 from data */

/* placements for the counting rules, written straight into the table */
static void seed_stats(struct fixture *f)
{
	seed(f);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO placements (citizen_id, kommune, enterprise_id, scheme, start, inhouse,"
		" created_at, updated_at) VALUES"
		/* 621: ordinary at a soev and at a company */
		" (1, '621', 5, 'ordinaer', '2015-01-01', 0, 't', 't'),"
		" (2, '621', 6, 'ordinaer', '2015-12-31', 0, 't', 't'),"
		/* outside 2015: the day before and the day after */
		" (1, '621', 6, 'ordinaer', '2014-12-31', 0, 't', 't'),"
		" (1, '621', 6, 'ordinaer', '2016-01-01', 0, 't', 't'),"
		/* fleksjob at a soev (3) and at a company (1) */
		" (1, '621', 5, 'fleksjob', '2015-03-01', 0, 't', 't'),"
		" (2, '621', 5, 'fleksjob', '2015-04-01', 0, 't', 't'),"
		" (1, '621', 5, 'fleksjob', '2015-05-01', 0, 't', 't'),"
		" (2, '621', 6, 'fleksjob', '2015-05-01', 0, 't', 't'),"
		/* forløb at a soev: each scheme; at a company: not counted */
		" (1, '621', 5, 'ressourceforloeb', '2015-06-01', 0, 't', 't'),"
		" (1, '621', 5, 'praktik', '2015-06-01', 0, 't', 't'),"
		" (1, '621', 5, 'loentilskud', '2015-06-01', 0, 't', 't'),"
		" (1, '621', 6, 'praktik', '2015-06-01', 0, 't', 't'),"
		/* Inhouse: twice at company 6 (one company), once at a soev (not a company) */
		" (1, '621', 6, 'praktik', '2015-07-01', 1, 't', 't'),"
		" (2, '621', 6, 'loentilskud', '2015-08-01', 1, 't', 't'),"
		" (1, '621', 5, 'praktik', '2015-08-01', 1, 't', 't'),"
		/* 740: one fleksjob at a soev, and Inhouse at 621's company 6 and its own company 8 */
		" (3, '740', 7, 'fleksjob', '2015-02-01', 0, 't', 't'),"
		" (3, '740', 6, 'praktik', '2015-02-01', 1, 't', 't'),"
		" (3, '740', 8, 'praktik', '2015-02-01', 1, 't', 't')"), 0);
}

static int cell(const struct employment_row *r, enum employment_column c, enum employment_mark mark)
{
	assert_int_equal(r->cells[c].mark, mark);
	return r->cells[c].value;
}

static void test_stats_columns(void **state)
{
	struct fixture *f = *state;
	seed_stats(f);
	struct employment_row *rows, total;
	int n;
	assert_int_equal(employment_stats(f->db, &f->a, 2015, NULL, true, &rows, &n, &total), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].kommune, "621"); /* Kolding before Silkeborg */
	assert_string_equal(rows[0].navn, "Kolding");
	assert_int_equal(cell(&rows[0], EMP_ORDINARY_JOBS, EMP_EXACT), 2);
	assert_int_equal(cell(&rows[0], EMP_FLEKSJOB_SOEV, EMP_EXACT), 3);
	assert_int_equal(cell(&rows[0], EMP_FLEKSJOB_COMPANY, EMP_EXACT), 1);
	assert_int_equal(cell(&rows[0], EMP_FORLOEB_SOEV, EMP_EXACT), 4); /* 3 + the soev's Inhouse */
	assert_int_equal(cell(&rows[0], EMP_INHOUSE_COMPANIES, EMP_EXACT), 1);
	assert_string_equal(rows[1].kommune, "740");
	assert_int_equal(cell(&rows[1], EMP_FLEKSJOB_SOEV, EMP_EXACT), 1);
	assert_int_equal(cell(&rows[1], EMP_INHOUSE_COMPANIES, EMP_EXACT), 2);
	assert_null(total.kommune);
	assert_string_equal(total.navn, "I alt");
	assert_int_equal(cell(&total, EMP_ORDINARY_JOBS, EMP_EXACT), 2);
	assert_int_equal(cell(&total, EMP_FLEKSJOB_SOEV, EMP_EXACT), 4);
	assert_int_equal(cell(&total, EMP_FORLOEB_SOEV, EMP_EXACT), 4);
	/* companies 6 and 8: 6 counted once though both municipalities used it */
	assert_int_equal(cell(&total, EMP_INHOUSE_COMPANIES, EMP_EXACT), 2);
	/* the year before and after */
	assert_int_equal(employment_stats(f->db, &f->a, 2014, NULL, true, &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_int_equal(cell(&rows[0], EMP_ORDINARY_JOBS, EMP_EXACT), 1);
	assert_int_equal(employment_stats(f->db, &f->a, 2016, NULL, true, &rows, &n, &total), 0);
	assert_int_equal(cell(&total, EMP_ORDINARY_JOBS, EMP_EXACT), 1);
	/* one municipality, and one with nothing in the year: its row of zeros */
	assert_int_equal(employment_stats(f->db, &f->a, 2015, "740", true, &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_int_equal(cell(&total, EMP_INHOUSE_COMPANIES, EMP_EXACT), 2);
	assert_int_equal(employment_stats(f->db, &f->a, 2015, "101", true, &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].navn, "København");
	for (int c = 0; c < EMP_COLUMNS; c++)
		assert_int_equal(cell(&rows[0], (enum employment_column)c, EMP_EXACT), 0);
	assert_int_equal(employment_stats(f->db, &f->a, 2015, "999", true, &rows, &n, &total), ERR_NOTFOUND);
	/* an empty year: no rows, a total of zeros */
	assert_int_equal(employment_stats(f->db, &f->a, 2030, NULL, false, &rows, &n, &total), 0);
	assert_int_equal(n, 0);
	assert_int_equal(cell(&total, EMP_ORDINARY_JOBS, EMP_EXACT), 0);
}

static void test_stats_discretion(void **state)
{
	struct fixture *f = *state;
	seed_stats(f);
	struct employment_row *rows, total;
	int n;
	assert_int_equal(employment_stats(f->db, &f->a, 2015, NULL, false, &rows, &n, &total), 0);
	/* 1 and 2 hidden, 0 and 3 and up shown */
	assert_int_equal(cell(&rows[0], EMP_ORDINARY_JOBS, EMP_BELOW3), 0);
	assert_int_equal(cell(&rows[0], EMP_FLEKSJOB_SOEV, EMP_EXACT), 3);
	assert_int_equal(cell(&rows[0], EMP_FLEKSJOB_COMPANY, EMP_BELOW3), 0);
	assert_int_equal(cell(&rows[0], EMP_FORLOEB_SOEV, EMP_EXACT), 4);
	assert_int_equal(cell(&rows[1], EMP_ORDINARY_JOBS, EMP_EXACT), 0);
	assert_int_equal(cell(&rows[1], EMP_FLEKSJOB_SOEV, EMP_BELOW3), 0);
	/* totals: below 3 hidden too; 4 = 3 shown + one hidden, which the total would give away */
	assert_int_equal(cell(&total, EMP_ORDINARY_JOBS, EMP_BELOW3), 0);
	assert_int_equal(cell(&total, EMP_FLEKSJOB_SOEV, EMP_WITHHELD), 0);
	assert_int_equal(cell(&total, EMP_FLEKSJOB_COMPANY, EMP_BELOW3), 0);
	assert_int_equal(cell(&total, EMP_FORLOEB_SOEV, EMP_EXACT), 4); /* nothing hidden: shown */
	/* two hidden Inhouse cells (1 and 2) of a total of 2 distinct companies: below 3 */
	assert_int_equal(cell(&total, EMP_INHOUSE_COMPANIES, EMP_BELOW3), 0);
	/* one municipality for the public: its row and total hidden alike */
	assert_int_equal(employment_stats(f->db, &f->a, 2015, "621", false, &rows, &n, &total), 0);
	assert_int_equal(cell(&rows[0], EMP_ORDINARY_JOBS, EMP_BELOW3), 0);
	assert_int_equal(cell(&total, EMP_ORDINARY_JOBS, EMP_BELOW3), 0);
	assert_int_equal(cell(&total, EMP_FLEKSJOB_SOEV, EMP_EXACT), 3);
	/* the cells one by one */
	struct employment_cell c = employment_cell_from(2, false);
	char t[16];
	assert_string_equal(employment_cell_text(&c, t), "<3");
	c = employment_cell_from(2, true);
	assert_string_equal(employment_cell_text(&c, t), "2");
	c = employment_cell_from(0, false);
	assert_string_equal(employment_cell_text(&c, t), "0");
	c = employment_cell_from(3, false);
	assert_string_equal(employment_cell_text(&c, t), "3");
	c = (struct employment_cell){0, EMP_WITHHELD};
	assert_string_equal(employment_cell_text(&c, t), "..");
}

/* a total that leaves two hidden cells ambiguous (1 + 2 = 3) stays; 2 + 2 is withheld */
static void test_stats_secondary(void **state)
{
	struct fixture *f = *state;
	seed(f);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO placements (citizen_id, kommune, enterprise_id, scheme, start, created_at,"
		" updated_at) VALUES"
		" (1, '621', 5, 'fleksjob', '2017-01-01', 't', 't'),"
		" (3, '740', 7, 'fleksjob', '2017-01-01', 't', 't'), (3, '740', 7, 'fleksjob', '2017-01-01', 't', 't'),"
		" (1, '621', 5, 'ordinaer', '2018-01-01', 't', 't'), (1, '621', 5, 'ordinaer', '2018-01-01', 't', 't'),"
		" (3, '740', 7, 'ordinaer', '2018-01-01', 't', 't'), (3, '740', 7, 'ordinaer', '2018-01-01', 't', 't')"), 0);
	struct employment_row *rows, total;
	int n;
	assert_int_equal(employment_stats(f->db, &f->a, 2017, NULL, false, &rows, &n, &total), 0);
	assert_int_equal(cell(&total, EMP_FLEKSJOB_SOEV, EMP_EXACT), 3);
	assert_int_equal(employment_stats(f->db, &f->a, 2018, NULL, false, &rows, &n, &total), 0);
	assert_int_equal(cell(&total, EMP_ORDINARY_JOBS, EMP_WITHHELD), 0);
	/* the staff's exact view hides nothing */
	assert_int_equal(employment_stats(f->db, &f->a, 2018, NULL, true, &rows, &n, &total), 0);
	assert_int_equal(cell(&total, EMP_ORDINARY_JOBS, EMP_EXACT), 4);
}

static void test_stats_writers(void **state)
{
	struct fixture *f = *state;
	seed_stats(f);
	struct employment_row *rows, total;
	int n;
	assert_int_equal(employment_stats(f->db, &f->a, 2015, NULL, false, &rows, &n, &total), 0);
	struct buf o;
	buf_init(&o, 0);
	employment_stats_json(&o, 2015, NULL, false, rows, n, &total);
	assert_non_null(strstr(buf_str(&o), "{\"year\":2015,\"kommune\":null,\"exact\":false,\"rows\":["
	                                    "{\"kommune\":\"621\",\"name\":\"Kolding\",\"ordinary_jobs\":\"<3\","
	                                    "\"fleksjob_soev\":3,"));
	assert_non_null(strstr(buf_str(&o), "\"total\":{\"ordinary_jobs\":\"<3\",\"fleksjob_soev\":\"..\""));
	/* CSV: our own reader takes it back, cell by cell */
	buf_reset(&o);
	struct csv_out w;
	csv_out_begin(&w, &o, ',', false);
	employment_stats_csv(&w, false, rows, n, &total);
	struct csv c;
	struct csv_record rec;
	csv_open(&c, o.data, o.len);
	assert_int_equal(csv_next(&c, &f->a, &rec), 1);
	assert_int_equal(rec.n, 7);
	assert_string_equal(rec.f[2], "ordinary_jobs");
	assert_string_equal(rec.f[6], "inhouse_companies");
	assert_int_equal(csv_next(&c, &f->a, &rec), 1);
	assert_string_equal(rec.f[0], "621");
	assert_string_equal(rec.f[2], "<3");
	assert_string_equal(rec.f[3], "3");
	assert_int_equal(csv_next(&c, &f->a, &rec), 1);
	assert_int_equal(csv_next(&c, &f->a, &rec), 1);
	assert_string_equal(rec.f[1], "I alt");
	assert_string_equal(rec.f[3], "..");
	assert_int_equal(csv_next(&c, &f->a, &rec), 0);
	buf_reset(&o);
	assert_int_equal(employment_stats_xlsx(&o, 2015, false, rows, n, &total), 0);
	assert_true(o.len > 100);
	assert_memory_equal(o.data, "PK", 2);
	buf_free(&o);
}

static void test_now_by_scheme(void **state)
{
	struct fixture *f = *state;
	seed(f);
	assert_int_equal(EXEC_SQL(f->db,
		"INSERT INTO placements (citizen_id, kommune, enterprise_id, scheme, start, \"end\", created_at,"
		" updated_at) VALUES"
		" (1, '621', 6, 'fleksjob', '2020-01-01', NULL, 't', 't'),"
		" (2, '621', 6, 'fleksjob', '2020-01-01', '2999-01-01', 't', 't'),"
		" (3, '740', 6, 'fleksjob', date('now', 'localtime'), NULL, 't', 't'),"
		" (1, '621', 6, 'praktik', '2020-01-01', date('now', 'localtime'), 't', 't'),"
		" (1, '621', 6, 'praktik', '2020-01-01', '2021-01-01', 't', 't'),"
		" (1, '621', 6, 'ordinaer', '2999-01-01', NULL, 't', 't'),"
		" (1, '621', 5, 'ordinaer', '2020-01-01', NULL, 't', 't')"), 0);
	int counts[SCHEME_COUNT];
	assert_int_equal(placements_now_by_scheme(f->db, 6, counts), 0);
	assert_int_equal(counts[0], 0); /* ordinaer: starts in the future */
	assert_int_equal(counts[1], 3); /* fleksjob: open, ends later, starts today */
	assert_int_equal(counts[2], 0);
	assert_int_equal(counts[3], 1); /* praktik: ends today (still there), ended long ago */
	assert_int_equal(counts[4], 0);
	assert_int_equal(placements_now_by_scheme(f->db, 99, counts), 0);
	assert_int_equal(counts[1], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_first_name, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_create_access, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_active_at_and_audit, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_update_rules, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_views, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_lists, fixture_setup, fixture_teardown),
		cmocka_unit_test(test_access_decisions),
		cmocka_unit_test_setup_teardown(test_followups_reminded_once, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_stats_columns, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_stats_discretion, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_stats_secondary, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_stats_writers, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_now_by_scheme, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
