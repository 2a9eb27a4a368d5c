/*
 * test_users.c — user accounts (src/auth/users.h) against an in-memory migrated database:
 * validation errors per field, duplicate addresses, an enterprise that must exist, the rules
 * of who may create and change whom (a konsulent only in its own municipality, never an
 * administrator, never itself deactivated or demoted), another municipality's users hidden as
 * not found, the scope of lists, and one audit row for every change and none for a refusal.
 * Argon2id is slow on purpose, so the fixture hashes one password once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/audit.h"
#include "src/auth/auth.h"
#include "src/auth/auth_store.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))

static void test_users_create_validation(void **state)
{
	struct fixture *f = *state;
	char long_name[2 * 201 + 1]; /* 201 characters, one over the limit */
	for (int i = 0; i < 201; i++)
		memcpy(long_name + 2 * i, "æ", 2);
	long_name[2 * 201] = '\0';
	char long_pw[AUTH_PASSWORD_MAX + 2];
	memset(long_pw, 'p', sizeof(long_pw));
	long_pw[AUTH_PASSWORD_MAX + 1] = '\0';
	const struct {
		struct user_input in;
		const char *fields[3]; /* the fields with an error, in order */
	} cases[] = {
		{{"ikke-en-adresse", "", "konsulent", "621", FIXTURE_PW, 1, 0}, {"email"}},
		{{"", "", "konsulent", "621", FIXTURE_PW, 1, 0}, {"email"}},
		{{NULL, "", "konsulent", "621", FIXTURE_PW, 1, 0}, {"email"}},
		{{"   ", "", "konsulent", "621", FIXTURE_PW, 1, 0}, {"email"}},
		{{"a@b@kolding.dk", "", "konsulent", "621", FIXTURE_PW, 1, 0}, {"email"}},
		{{"navn@kolding.dk\xff", "", "konsulent", "621", FIXTURE_PW, 1, 0}, {"email"}},
		{{"ny@kolding.dk", long_name, "konsulent", "621", FIXTURE_PW, 1, 0}, {"name"}},
		{{"ny@kolding.dk", "", "chef", "621", FIXTURE_PW, 1, 0}, {"role"}},
		{{"ny@kolding.dk", "", "Admin", "621", FIXTURE_PW, 1, 0}, {"role"}},
		{{"ny@kolding.dk", "", NULL, "621", FIXTURE_PW, 1, 0}, {"role"}},
		{{"ny@kolding.dk", "", "admin", "621", FIXTURE_PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", NULL, FIXTURE_PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", "", FIXTURE_PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "virksomhed", "  ", FIXTURE_PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", "999", FIXTURE_PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", "62", FIXTURE_PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", "abc", FIXTURE_PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", "621", "kort", 1, 0}, {"password"}},
		{{"ny@kolding.dk", "", "konsulent", "621", NULL, 1, 0}, {"password"}},
		{{"ny@kolding.dk", "", "konsulent", "621", long_pw, 1, 0}, {"password"}},
		{{"x", "", "chef", "621", "", 1, 0}, {"email", "role", "password"}},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct errs errs = {0};
		int64_t id = -1;
		int rc = users_create(f->db, &f->a, &users_cli, &cases[i].in, &errs, &id);
		int want_n = 0;
		while (want_n < 3 && cases[i].fields[want_n])
			want_n++;
		if (rc != ERR_INVALID || errs.n != want_n)
			fail_msg("create case %zu: rc %d with %d errors, expected ERR_INVALID with %d", i,
			         rc, errs.n, want_n);
		for (int k = 0; k < want_n; k++) {
			if (!errs.e[k].field || strcmp(errs.e[k].field, cases[i].fields[k]))
				fail_msg("create case %zu: error %d on %s, expected %s", i, k,
				         errs.e[k].field ? errs.e[k].field : "NULL", cases[i].fields[k]);
			assert_non_null(errs.e[k].message);
			assert_true(strlen(errs.e[k].message) > 0);
		}
		assert_int_equal(id, -1); /* the output is written only on success */
	}
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM users"), 0);
	assert_int_equal(fixture_audit_count(f->db, NULL, NULL), 0);
}

static void test_users_create_ok(void **state)
{
	struct fixture *f = *state;
	struct user_input in = {.email = "  Ny.Bruger@Kolding.DK ", .name = " Ny Bruger ",
	                        .role = "konsulent", .kommune = "621", .password = FIXTURE_PW, .active = 1};
	struct errs errs = {0};
	int64_t id = 0;
	assert_int_equal(users_create(f->db, &f->a, &users_cli, &in, &errs, &id), 0);
	assert_int_equal(errs.n, 0);
	assert_true(id > 0);
	struct user_row u;
	assert_int_equal(users_get(f->db, &f->a, &users_cli, id, &u), 0);
	assert_string_equal(u.email, "ny.bruger@kolding.dk");
	assert_string_equal(u.name, "Ny Bruger");
	assert_string_equal(u.role, "konsulent");
	assert_string_equal(u.kommune, "621");
	assert_string_equal(u.kommune_navn, "Kolding");
	assert_true(u.active);
	assert_int_equal(u.enterprise_id, 0);
	assert_int_equal(auth_password_verify(u.password_hash, FIXTURE_PW), 0);

	/* one audit row, with what was created and no secret */
	assert_int_equal(fixture_audit_count(f->db, "create", "user"), 1);
	assert_int_equal(fixture_audit_count(f->db, NULL, NULL), 1);
	struct audit_filter flt = {.entity = "user", .limit = 5};
	struct audit_row *rows;
	int n = 0, total = 0;
	assert_int_equal(audit_list(f->db, &f->a, &flt, &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].user_email, "kommandolinje");
	assert_string_equal(rows[0].kommune, "621");
	assert_string_equal(rows[0].entity_id, arena_printf(&f->a, "%lld", (long long)id));
	assert_non_null(strstr(rows[0].detail, "\"email\":\"ny.bruger@kolding.dk\""));
	assert_null(strstr(rows[0].detail, "argon2"));
	assert_null(strstr(rows[0].detail, FIXTURE_PW));

	/* the national administrator belongs to no municipality */
	struct user_input adm = {.email = "chef@indgang.dk", .role = "admin", .password = FIXTURE_PW,
	                         .active = 1};
	assert_int_equal(users_create(f->db, &f->a, &users_cli, &adm, &errs, &id), 0);
	assert_int_equal(users_get(f->db, &f->a, &users_cli, id, &u), 0);
	assert_null(u.kommune);
	assert_int_equal(fixture_audit_count(f->db, "create", "user"), 2);
}

static void test_users_create_duplicate(void **state)
{
	struct fixture *f = *state;
	fixture_add_user(f->db, "dup@kolding.dk", "konsulent", "621", true);
	struct user_input in = {.email = "DUP@Kolding.dk", .role = "jobkonsulent", .kommune = "740",
	                        .password = FIXTURE_PW, .active = 1};
	struct errs errs = {0};
	int64_t id = -1;
	assert_int_equal(users_create(f->db, &f->a, &users_cli, &in, &errs, &id), ERR_CONFLICT);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.e[0].field, "email");
	assert_non_null(errs_get(&errs, "email"));
	assert_int_equal(id, -1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM users"), 1);
	assert_int_equal(fixture_audit_count(f->db, NULL, NULL), 0);
}

/* a virksomhed user must represent an enterprise that exists */
static void test_users_create_unknown_enterprise(void **state)
{
	struct fixture *f = *state;
	struct user_input in = {.email = "ejer@kolding.dk", .role = "virksomhed", .kommune = "621",
	                        .password = FIXTURE_PW, .active = 1, .enterprise_id = 424242};
	struct errs errs = {0};
	int64_t id = -1;
	assert_int_equal(users_create(f->db, &f->a, &users_cli, &in, &errs, &id), ERR_INVALID);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.e[0].field, "enterprise_id");
	assert_int_equal(id, -1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM users"), 0);
	assert_int_equal(fixture_audit_count(f->db, NULL, NULL), 0);
}

static void test_users_create_rules(void **state)
{
	struct fixture *f = *state;
	const struct {
		const struct principal *by;
		struct user_input in;
		int want;
	} cases[] = {
		{&fixture_kons621, {"a@silkeborg.dk", "", "jobkonsulent", "740", FIXTURE_PW, 1, 0}, ERR_FORBIDDEN},
		{&fixture_kons621, {"b@indgang.dk", "", "admin", NULL, FIXTURE_PW, 1, 0}, ERR_FORBIDDEN},
		{&fixture_job621, {"c@kolding.dk", "", "indkoeber", "621", FIXTURE_PW, 1, 0}, ERR_FORBIDDEN},
		{&fixture_virk621, {"d@kolding.dk", "", "virksomhed", "621", FIXTURE_PW, 1, 0}, ERR_FORBIDDEN},
		{NULL, {"e@kolding.dk", "", "indkoeber", "621", FIXTURE_PW, 1, 0}, ERR_FORBIDDEN},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct errs errs = {0};
		int64_t id = -1;
		int rc = users_create(f->db, &f->a, cases[i].by, &cases[i].in, &errs, &id);
		if (rc != cases[i].want)
			fail_msg("rule case %zu: %d, expected %d", i, rc, cases[i].want);
		assert_int_equal(errs.n, 0);
	}
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM users"), 0);
	assert_int_equal(fixture_audit_count(f->db, NULL, NULL), 0);

	/* the konsulent may create in its own municipality, audited as itself */
	struct user_input ok = {.email = "job@kolding.dk", .role = "jobkonsulent", .kommune = "621",
	                        .password = FIXTURE_PW, .active = 1};
	struct errs errs = {0};
	int64_t id = 0;
	assert_int_equal(users_create(f->db, &f->a, &fixture_kons621, &ok, &errs, &id), 0);
	struct audit_filter flt = {.user = fixture_kons621.email, .kommune = "621", .limit = 5};
	struct audit_row *rows;
	int n = 0, total = 0;
	assert_int_equal(audit_list(f->db, &f->a, &flt, &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].action, "create");
}

static void test_users_update_self(void **state)
{
	struct fixture *f = *state;
	int64_t me = fixture_add_user(f->db, "selv@kolding.dk", "konsulent", "621", true);
	struct principal by = {.id = me, .email = "selv@kolding.dk", .role = ROLE_KONSULENT,
	                       .kommune = "621"};
	const struct {
		struct user_input in;
		const char *field;
	} cases[] = {
		{{.active = 0, .enterprise_id = -1}, "active"},
		{{.role = "indkoeber", .active = -1, .enterprise_id = -1}, "role"},
		{{.role = "jobkonsulent", .active = 1, .enterprise_id = -1}, "role"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct errs errs = {0};
		assert_int_equal(users_update(f->db, &f->a, &by, me, &cases[i].in, &errs), ERR_INVALID);
		assert_int_equal(errs.n, 1);
		assert_string_equal(errs.e[0].field, cases[i].field);
	}
	struct user_row u;
	assert_int_equal(users_get(f->db, &f->a, &by, me, &u), 0);
	assert_true(u.active);
	assert_string_equal(u.role, "konsulent");
	assert_int_equal(fixture_audit_count(f->db, NULL, NULL), 0);
	/* changing one's own name is fine, and audited */
	struct user_input name = {.name = "Selv Samme", .active = -1, .enterprise_id = -1};
	struct errs errs = {0};
	assert_int_equal(users_update(f->db, &f->a, &by, me, &name, &errs), 0);
	assert_int_equal(users_get(f->db, &f->a, &by, me, &u), 0);
	assert_string_equal(u.name, "Selv Samme");
	assert_int_equal(fixture_audit_count(f->db, "update", "user"), 1);
}

static void test_users_update_others(void **state)
{
	struct fixture *f = *state;
	int64_t local = fixture_add_user(f->db, "lokal@kolding.dk", "indkoeber", "621", true);
	int64_t other = fixture_add_user(f->db, "fremmed@silkeborg.dk", "konsulent", "740", true);
	int64_t adm = fixture_add_user(f->db, "national@indgang.dk", "admin", NULL, true);
	struct user_input off = {.active = 0, .enterprise_id = -1};
	const struct {
		const struct principal *by;
		int64_t id;
		struct user_input in;
		int want;
		const char *field;
	} cases[] = {
		{&fixture_kons621, other, off, ERR_NOTFOUND, NULL},
		{&fixture_kons621, adm, off, ERR_NOTFOUND, NULL},
		{&fixture_kons621, 999999, off, ERR_NOTFOUND, NULL},
		{&fixture_job621, local, off, ERR_NOTFOUND, NULL},
		{&fixture_kons621, local, {.role = "admin", .active = -1, .enterprise_id = -1}, ERR_INVALID,
		 "kommune"},
		{&fixture_kons621, local, {.role = "chef", .active = -1, .enterprise_id = -1}, ERR_INVALID,
		 "role"},
		{&fixture_kons621, local, {.password = "kort", .active = -1, .enterprise_id = -1}, ERR_INVALID,
		 "password"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct errs errs = {0};
		int rc = users_update(f->db, &f->a, cases[i].by, cases[i].id, &cases[i].in, &errs);
		if (rc != cases[i].want)
			fail_msg("update case %zu: %d, expected %d", i, rc, cases[i].want);
		if (cases[i].field) {
			assert_int_equal(errs.n, 1);
			assert_string_equal(errs.e[0].field, cases[i].field);
		}
	}
	assert_int_equal(fixture_audit_count(f->db, NULL, NULL), 0);

	/* the konsulent deactivates a user of its own municipality: one audit row */
	struct errs errs = {0};
	assert_int_equal(users_update(f->db, &f->a, &fixture_kons621, local, &off, &errs), 0);
	struct user_row u;
	assert_int_equal(users_get(f->db, &f->a, &fixture_kons621, local, &u), 0);
	assert_false(u.active);
	assert_int_equal(fixture_audit_count(f->db, "update", "user"), 1);
	assert_non_null(strstr(fixture_last_audit_detail(f->db, &f->a), "\"active\":false"));
	/* and promotes the other one's role through the national administrator */
	struct user_input promote = {.role = "jobkonsulent", .active = -1, .enterprise_id = -1};
	assert_int_equal(users_update(f->db, &f->a, &users_cli, other, &promote, &errs), 0);
	assert_int_equal(users_get(f->db, &f->a, &users_cli, other, &u), 0);
	assert_string_equal(u.role, "jobkonsulent");
	assert_int_equal(fixture_audit_count(f->db, "update", "user"), 2);
}

static void test_users_get_scope(void **state)
{
	struct fixture *f = *state;
	int64_t k621 = fixture_add_user(f->db, "a@kolding.dk", "konsulent", "621", true);
	int64_t k740 = fixture_add_user(f->db, "b@silkeborg.dk", "indkoeber", "740", true);
	int64_t adm = fixture_add_user(f->db, "c@indgang.dk", "admin", NULL, true);
	const struct {
		const struct principal *by;
		int64_t id;
		int want;
	} cases[] = {
		{&fixture_kons621, k621, 0},           {&fixture_kons621, k740, ERR_NOTFOUND},
		{&fixture_kons621, adm, ERR_NOTFOUND}, {&fixture_kons740, k740, 0},
		{&fixture_kons740, k621, ERR_NOTFOUND}, {&fixture_job621, k621, ERR_NOTFOUND},
		{&fixture_indk621, k621, ERR_NOTFOUND}, {&fixture_admin, k740, 0},
		{&fixture_admin, adm, 0},              {&users_cli, k621, 0},
		{&users_cli, 424242, ERR_NOTFOUND}, {NULL, k621, ERR_NOTFOUND},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct user_row u;
		int rc = users_get(f->db, &f->a, cases[i].by, cases[i].id, &u);
		if (rc != cases[i].want)
			fail_msg("get case %zu: %d, expected %d", i, rc, cases[i].want);
		if (rc == 0)
			assert_int_equal(u.id, cases[i].id);
	}
}

static void test_users_list_scope(void **state)
{
	struct fixture *f = *state;
	fixture_add_user(f->db, "b@kolding.dk", "jobkonsulent", "621", true);
	fixture_add_user(f->db, "a@kolding.dk", "konsulent", "621", true);
	fixture_add_user(f->db, "c@silkeborg.dk", "konsulent", "740", true);
	fixture_add_user(f->db, "z@indgang.dk", "admin", NULL, true);
	const struct {
		const struct principal *by;
		const char *kommune;
		int want, n;
	} cases[] = {
		{&fixture_kons621, "621", 0, 2},         {&fixture_kons621, "740", ERR_FORBIDDEN, 0},
		{&fixture_kons621, NULL, ERR_FORBIDDEN, 0}, {&fixture_job621, "621", ERR_FORBIDDEN, 0},
		{&fixture_indk621, "621", ERR_FORBIDDEN, 0}, {NULL, "621", ERR_FORBIDDEN, 0},
		{&fixture_kons740, "740", 0, 1},         {&users_cli, NULL, 0, 4},
		{&fixture_admin, "740", 0, 1},           {&fixture_admin, "101", 0, 0},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct user_row *rows = NULL;
		int n = -1, total = -1;
		int rc = users_list(f->db, &f->a, cases[i].by, cases[i].kommune, 50, 0, &rows, &n,
		                    &total);
		if (rc != cases[i].want)
			fail_msg("list case %zu: %d, expected %d", i, rc, cases[i].want);
		if (rc)
			continue;
		assert_int_equal(n, cases[i].n);
		assert_int_equal(total, cases[i].n);
		for (int k = 0; k < n && cases[i].kommune; k++)
			assert_string_equal(rows[k].kommune, cases[i].kommune);
	}
	/* ordered by e-mail, a page at a time */
	struct user_row *rows;
	int n, total;
	assert_int_equal(users_list(f->db, &f->a, &fixture_kons621, "621", 50, 0, &rows, &n, &total), 0);
	assert_string_equal(rows[0].email, "a@kolding.dk");
	assert_string_equal(rows[1].email, "b@kolding.dk");
	assert_int_equal(users_list(f->db, &f->a, &fixture_kons621, "621", 1, 1, &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_int_equal(total, 2);
	assert_string_equal(rows[0].email, "b@kolding.dk");
}

/* a new password revokes the account's API tokens; one token can be revoked by whoever may
 * manage the account, and by nobody else */
static void test_users_tokens(void **state)
{
	struct fixture *f = *state;
	int64_t kons = fixture_add_user(f->db, "kons@kolding.dk", "konsulent", "621", true);
	int64_t job = fixture_add_user(f->db, "job@kolding.dk", "jobkonsulent", "621", true);
	struct principal by = {.id = kons, .email = "kons@kolding.dk", .role = ROLE_KONSULENT,
	                       .kommune = "621"};
	char *t1, *t2, *t3;
	int64_t id1, id2, id3;
	assert_int_equal(auth_token_create(f->db, &f->a, &users_cli, "job@kolding.dk", "ETL", &t1, &id1), 0);
	assert_int_equal(auth_token_create(f->db, &f->a, &users_cli, "job@kolding.dk", "BI", &t2, &id2), 0);
	assert_int_equal(auth_token_create(f->db, &f->a, &users_cli, "kons@kolding.dk", "", &t3, &id3), 0);
	struct token_row *rows;
	int n;
	assert_int_equal(users_tokens_of(f->db, &f->a, &by, job, &rows, &n), 0);
	assert_int_equal(n, 2);
	/* another municipality's konsulent sees none of it and revokes nothing */
	assert_int_equal(users_tokens_of(f->db, &f->a, &fixture_kons740, job, &rows, &n), ERR_NOTFOUND);
	assert_int_equal(users_token_revoke(f->db, &f->a, &fixture_kons740, job, id1), ERR_NOTFOUND);
	/* a token of another account is not revoked through this one */
	assert_int_equal(users_token_revoke(f->db, &f->a, &by, job, id3), ERR_NOTFOUND);
	struct principal *who;
	assert_int_equal(auth_token(f->db, &f->a, t3, &who), 0);
	/* revoked once, audited; a second time it is gone */
	int64_t revokes = fixture_audit_count(f->db, "revoke", "api_token");
	assert_int_equal(users_token_revoke(f->db, &f->a, &by, job, id1), 0);
	assert_int_equal(fixture_audit_count(f->db, "revoke", "api_token"), revokes + 1);
	assert_int_equal(users_token_revoke(f->db, &f->a, &by, job, id1), ERR_NOTFOUND);
	assert_int_equal(auth_token(f->db, &f->a, t1, &who), ERR_AUTH);
	assert_int_equal(auth_token(f->db, &f->a, t2, &who), 0);
	/* a new password ends the rest */
	struct user_input pw = {.password = "en helt ny adgangskode", .active = -1, .enterprise_id = -1};
	struct errs errs = {0};
	assert_int_equal(users_update(f->db, &f->a, &by, job, &pw, &errs), 0);
	assert_int_equal(auth_token(f->db, &f->a, t2, &who), ERR_AUTH);
	assert_non_null(strstr(fixture_last_audit_detail(f->db, &f->a), "\"tokens_revoked\":1"));
	/* the konsulent's own token was untouched throughout */
	assert_int_equal(auth_token(f->db, &f->a, t3, &who), 0);
	assert_int_equal(who->id, kons);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_users_create_validation, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_users_create_ok, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_users_create_duplicate, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_users_create_unknown_enterprise, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_users_create_rules, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_users_update_self, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_users_update_others, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_users_get_scope, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_users_list_scope, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_users_tokens, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
