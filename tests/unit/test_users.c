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

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))
#define PW "korrekt-hest-batteri"

/* hand-built callers; ids that no row in a fresh database has */
static const struct principal admin = {.id = 9001, .email = "admin@indgang.dk",
                                       .role = ROLE_ADMIN};
static const struct principal kons621 = {.id = 9002, .email = "konsulent@kolding.dk",
                                         .role = ROLE_KONSULENT, .kommune = "621"};
static const struct principal kons740 = {.id = 9003, .email = "konsulent@silkeborg.dk",
                                         .role = ROLE_KONSULENT, .kommune = "740"};
static const struct principal job621 = {.id = 9004, .email = "job@kolding.dk",
                                        .role = ROLE_JOBKONSULENT, .kommune = "621"};
static const struct principal indk621 = {.id = 9005, .email = "indkoeb@kolding.dk",
                                         .role = ROLE_INDKOEBER, .kommune = "621"};
static const struct principal virk621 = {.id = 9006, .email = "virk@kolding.dk",
                                         .role = ROLE_VIRKSOMHED, .kommune = "621",
                                         .enterprise_id = 5};

struct fx {
	struct db *db;
	struct arena a;
};

static char pw_hash[AUTH_HASH_MAX]; /* PW, hashed once for the whole run */

static int group_setup(void **state)
{
	(void)state;
	return auth_password_hash(PW, pw_hash);
}

static int setup(void **state)
{
	static struct fx f;
	assert_int_equal(db_open(":memory:", &f.db), 0);
	assert_int_equal(db_migrate(f.db, NULL), 0);
	arena_init(&f.a, 0);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	db_close(f->db);
	arena_free(&f->a);
	return 0;
}

/* a user with password PW straight into the store; returns the id */
static int64_t add_user(struct fx *f, const char *email, const char *role, const char *kommune,
                        bool active)
{
	struct user_row u = {.email = email, .name = "", .role = role, .kommune = kommune,
	                     .password_hash = pw_hash, .active = active};
	int64_t id = 0;
	if (auth_store_user_insert(f->db, &u, &id) != 0)
		fail_msg("cannot add user %s", email);
	return id;
}

/* audit rows with action and entity (NULL: any) */
static int64_t audit_count(struct fx *f, const char *action, const char *entity)
{
	struct db_stmt *s = db_prepare(f->db, "SELECT count(*) FROM audit"
	                                      " WHERE (:action IS NULL OR action = :action)"
	                                      " AND (:entity IS NULL OR entity = :entity)");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":action", action) | db_bind_text(s, ":entity", entity), 0);
	assert_int_equal(db_step(s), DB_ROW);
	int64_t n = db_col_int(s, 0);
	db_done(s);
	return n;
}

static int64_t count_users(struct fx *f)
{
	struct db_stmt *s = db_prepare(f->db, "SELECT count(*) FROM users");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	int64_t n = db_col_int(s, 0);
	db_done(s);
	return n;
}

/* the newest audit row's detail */
static const char *last_audit_detail(struct fx *f)
{
	struct db_stmt *s = db_prepare(f->db, "SELECT detail FROM audit ORDER BY id DESC LIMIT 1");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	const char *d = arena_strdup(&f->a, db_col_text(s, 0));
	db_done(s);
	return d;
}

static void test_users_create_validation(void **state)
{
	struct fx *f = *state;
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
		{{"ikke-en-adresse", "", "konsulent", "621", PW, 1, 0}, {"email"}},
		{{"", "", "konsulent", "621", PW, 1, 0}, {"email"}},
		{{NULL, "", "konsulent", "621", PW, 1, 0}, {"email"}},
		{{"   ", "", "konsulent", "621", PW, 1, 0}, {"email"}},
		{{"a@b@kolding.dk", "", "konsulent", "621", PW, 1, 0}, {"email"}},
		{{"navn@kolding.dk\xff", "", "konsulent", "621", PW, 1, 0}, {"email"}},
		{{"ny@kolding.dk", long_name, "konsulent", "621", PW, 1, 0}, {"name"}},
		{{"ny@kolding.dk", "", "chef", "621", PW, 1, 0}, {"role"}},
		{{"ny@kolding.dk", "", "Admin", "621", PW, 1, 0}, {"role"}},
		{{"ny@kolding.dk", "", NULL, "621", PW, 1, 0}, {"role"}},
		{{"ny@kolding.dk", "", "admin", "621", PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", NULL, PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", "", PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "virksomhed", "  ", PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", "999", PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", "62", PW, 1, 0}, {"kommune"}},
		{{"ny@kolding.dk", "", "konsulent", "abc", PW, 1, 0}, {"kommune"}},
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
	assert_int_equal(count_users(f), 0);
	assert_int_equal(audit_count(f, NULL, NULL), 0);
}

static void test_users_create_ok(void **state)
{
	struct fx *f = *state;
	struct user_input in = {.email = "  Ny.Bruger@Kolding.DK ", .name = " Ny Bruger ",
	                        .role = "konsulent", .kommune = "621", .password = PW, .active = 1};
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
	assert_int_equal(auth_password_verify(u.password_hash, PW), 0);

	/* one audit row, with what was created and no secret */
	assert_int_equal(audit_count(f, "create", "user"), 1);
	assert_int_equal(audit_count(f, NULL, NULL), 1);
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
	assert_null(strstr(rows[0].detail, PW));

	/* the national administrator belongs to no municipality */
	struct user_input adm = {.email = "chef@indgang.dk", .role = "admin", .password = PW,
	                         .active = 1};
	assert_int_equal(users_create(f->db, &f->a, &users_cli, &adm, &errs, &id), 0);
	assert_int_equal(users_get(f->db, &f->a, &users_cli, id, &u), 0);
	assert_null(u.kommune);
	assert_int_equal(audit_count(f, "create", "user"), 2);
}

static void test_users_create_duplicate(void **state)
{
	struct fx *f = *state;
	add_user(f, "dup@kolding.dk", "konsulent", "621", true);
	struct user_input in = {.email = "DUP@Kolding.dk", .role = "jobkonsulent", .kommune = "740",
	                        .password = PW, .active = 1};
	struct errs errs = {0};
	int64_t id = -1;
	assert_int_equal(users_create(f->db, &f->a, &users_cli, &in, &errs, &id), ERR_CONFLICT);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.e[0].field, "email");
	assert_non_null(errs_get(&errs, "email"));
	assert_int_equal(id, -1);
	assert_int_equal(count_users(f), 1);
	assert_int_equal(audit_count(f, NULL, NULL), 0);
}

/* a virksomhed user must represent an enterprise that exists */
static void test_users_create_unknown_enterprise(void **state)
{
	struct fx *f = *state;
	struct user_input in = {.email = "ejer@kolding.dk", .role = "virksomhed", .kommune = "621",
	                        .password = PW, .active = 1, .enterprise_id = 424242};
	struct errs errs = {0};
	int64_t id = -1;
	assert_int_equal(users_create(f->db, &f->a, &users_cli, &in, &errs, &id), ERR_INVALID);
	assert_int_equal(errs.n, 1);
	assert_string_equal(errs.e[0].field, "enterprise_id");
	assert_int_equal(id, -1);
	assert_int_equal(count_users(f), 0);
	assert_int_equal(audit_count(f, NULL, NULL), 0);
}

static void test_users_create_rules(void **state)
{
	struct fx *f = *state;
	const struct {
		const struct principal *by;
		struct user_input in;
		int want;
	} cases[] = {
		{&kons621, {"a@silkeborg.dk", "", "jobkonsulent", "740", PW, 1, 0}, ERR_FORBIDDEN},
		{&kons621, {"b@indgang.dk", "", "admin", NULL, PW, 1, 0}, ERR_FORBIDDEN},
		{&job621, {"c@kolding.dk", "", "indkoeber", "621", PW, 1, 0}, ERR_FORBIDDEN},
		{&virk621, {"d@kolding.dk", "", "virksomhed", "621", PW, 1, 0}, ERR_FORBIDDEN},
		{NULL, {"e@kolding.dk", "", "indkoeber", "621", PW, 1, 0}, ERR_FORBIDDEN},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct errs errs = {0};
		int64_t id = -1;
		int rc = users_create(f->db, &f->a, cases[i].by, &cases[i].in, &errs, &id);
		if (rc != cases[i].want)
			fail_msg("rule case %zu: %d, expected %d", i, rc, cases[i].want);
		assert_int_equal(errs.n, 0);
	}
	assert_int_equal(count_users(f), 0);
	assert_int_equal(audit_count(f, NULL, NULL), 0);

	/* the konsulent may create in its own municipality, audited as itself */
	struct user_input ok = {.email = "job@kolding.dk", .role = "jobkonsulent", .kommune = "621",
	                        .password = PW, .active = 1};
	struct errs errs = {0};
	int64_t id = 0;
	assert_int_equal(users_create(f->db, &f->a, &kons621, &ok, &errs, &id), 0);
	struct audit_filter flt = {.user = kons621.email, .kommune = "621", .limit = 5};
	struct audit_row *rows;
	int n = 0, total = 0;
	assert_int_equal(audit_list(f->db, &f->a, &flt, &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].action, "create");
}

static void test_users_update_self(void **state)
{
	struct fx *f = *state;
	int64_t me = add_user(f, "selv@kolding.dk", "konsulent", "621", true);
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
	assert_int_equal(audit_count(f, NULL, NULL), 0);
	/* changing one's own name is fine, and audited */
	struct user_input name = {.name = "Selv Samme", .active = -1, .enterprise_id = -1};
	struct errs errs = {0};
	assert_int_equal(users_update(f->db, &f->a, &by, me, &name, &errs), 0);
	assert_int_equal(users_get(f->db, &f->a, &by, me, &u), 0);
	assert_string_equal(u.name, "Selv Samme");
	assert_int_equal(audit_count(f, "update", "user"), 1);
}

static void test_users_update_others(void **state)
{
	struct fx *f = *state;
	int64_t local = add_user(f, "lokal@kolding.dk", "indkoeber", "621", true);
	int64_t other = add_user(f, "fremmed@silkeborg.dk", "konsulent", "740", true);
	int64_t adm = add_user(f, "national@indgang.dk", "admin", NULL, true);
	struct user_input off = {.active = 0, .enterprise_id = -1};
	const struct {
		const struct principal *by;
		int64_t id;
		struct user_input in;
		int want;
		const char *field;
	} cases[] = {
		{&kons621, other, off, ERR_NOTFOUND, NULL},
		{&kons621, adm, off, ERR_NOTFOUND, NULL},
		{&kons621, 999999, off, ERR_NOTFOUND, NULL},
		{&job621, local, off, ERR_NOTFOUND, NULL},
		{&kons621, local, {.role = "admin", .active = -1, .enterprise_id = -1}, ERR_INVALID,
		 "kommune"},
		{&kons621, local, {.role = "chef", .active = -1, .enterprise_id = -1}, ERR_INVALID,
		 "role"},
		{&kons621, local, {.password = "kort", .active = -1, .enterprise_id = -1}, ERR_INVALID,
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
	assert_int_equal(audit_count(f, NULL, NULL), 0);

	/* the konsulent deactivates a user of its own municipality: one audit row */
	struct errs errs = {0};
	assert_int_equal(users_update(f->db, &f->a, &kons621, local, &off, &errs), 0);
	struct user_row u;
	assert_int_equal(users_get(f->db, &f->a, &kons621, local, &u), 0);
	assert_false(u.active);
	assert_int_equal(audit_count(f, "update", "user"), 1);
	assert_non_null(strstr(last_audit_detail(f), "\"active\":false"));
	/* and promotes the other one's role through the national administrator */
	struct user_input promote = {.role = "jobkonsulent", .active = -1, .enterprise_id = -1};
	assert_int_equal(users_update(f->db, &f->a, &users_cli, other, &promote, &errs), 0);
	assert_int_equal(users_get(f->db, &f->a, &users_cli, other, &u), 0);
	assert_string_equal(u.role, "jobkonsulent");
	assert_int_equal(audit_count(f, "update", "user"), 2);
}

static void test_users_get_scope(void **state)
{
	struct fx *f = *state;
	int64_t k621 = add_user(f, "a@kolding.dk", "konsulent", "621", true);
	int64_t k740 = add_user(f, "b@silkeborg.dk", "indkoeber", "740", true);
	int64_t adm = add_user(f, "c@indgang.dk", "admin", NULL, true);
	const struct {
		const struct principal *by;
		int64_t id;
		int want;
	} cases[] = {
		{&kons621, k621, 0},           {&kons621, k740, ERR_NOTFOUND},
		{&kons621, adm, ERR_NOTFOUND}, {&kons740, k740, 0},
		{&kons740, k621, ERR_NOTFOUND}, {&job621, k621, ERR_NOTFOUND},
		{&indk621, k621, ERR_NOTFOUND}, {&admin, k740, 0},
		{&admin, adm, 0},              {&users_cli, k621, 0},
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
	struct fx *f = *state;
	add_user(f, "b@kolding.dk", "jobkonsulent", "621", true);
	add_user(f, "a@kolding.dk", "konsulent", "621", true);
	add_user(f, "c@silkeborg.dk", "konsulent", "740", true);
	add_user(f, "z@indgang.dk", "admin", NULL, true);
	const struct {
		const struct principal *by;
		const char *kommune;
		int want, n;
	} cases[] = {
		{&kons621, "621", 0, 2},         {&kons621, "740", ERR_FORBIDDEN, 0},
		{&kons621, NULL, ERR_FORBIDDEN, 0}, {&job621, "621", ERR_FORBIDDEN, 0},
		{&indk621, "621", ERR_FORBIDDEN, 0}, {NULL, "621", ERR_FORBIDDEN, 0},
		{&kons740, "740", 0, 1},         {&users_cli, NULL, 0, 4},
		{&admin, "740", 0, 1},           {&admin, "101", 0, 0},
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
	assert_int_equal(users_list(f->db, &f->a, &kons621, "621", 50, 0, &rows, &n, &total), 0);
	assert_string_equal(rows[0].email, "a@kolding.dk");
	assert_string_equal(rows[1].email, "b@kolding.dk");
	assert_int_equal(users_list(f->db, &f->a, &kons621, "621", 1, 1, &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_int_equal(total, 2);
	assert_string_equal(rows[0].email, "b@kolding.dk");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_users_create_validation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_users_create_ok, setup, teardown),
		cmocka_unit_test_setup_teardown(test_users_create_duplicate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_users_create_unknown_enterprise, setup, teardown),
		cmocka_unit_test_setup_teardown(test_users_create_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_users_update_self, setup, teardown),
		cmocka_unit_test_setup_teardown(test_users_update_others, setup, teardown),
		cmocka_unit_test_setup_teardown(test_users_get_scope, setup, teardown),
		cmocka_unit_test_setup_teardown(test_users_list_scope, setup, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, NULL);
}
