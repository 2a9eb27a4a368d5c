/*
 * test_auth.c — who the caller is and what they may do (src/auth/auth.h, access.h): role
 * names, the password policy, Argon2id hashing, secrets and their hashes, throttling, the
 * access decision as a table over every role, operation and municipality, who may grant which
 * role and edit which enterprise, and who reads which figures; and, against an in-memory
 * migrated database, sign-in with its failures and throttling, sessions and their expiry,
 * sign-out, and API tokens, each audited. User accounts are tested in test_users.c. Argon2id is
 * slow on purpose, so the fixture hashes one password once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <sodium.h>

#include "src/auth/access.h"
#include "src/auth/audit.h"
#include "src/auth/auth.h"
#include "src/auth/auth_store.h"
#include "src/auth/throttle.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/base/errs.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))
#define Y 0
#define N ERR_FORBIDDEN

static int login_wait; /* auth_login's wait in seconds, when it answers ERR_BUSY */

/* ---------------------------------------------------------------- roles, passwords, secrets */

static void test_roles(void **state)
{
	(void)state;
	static const struct {
		const char *name, *label;
		enum role role;
	} cases[] = {
		{"admin", "National administrator", ROLE_ADMIN},
		{"konsulent", "Konsulent", ROLE_KONSULENT},
		{"jobkonsulent", "Jobkonsulent", ROLE_JOBKONSULENT},
		{"indkoeber", "Indkøber", ROLE_INDKOEBER},
		{"virksomhed", "Virksomhed", ROLE_VIRKSOMHED},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		enum role r = 0;
		assert_int_equal(role_parse(cases[i].name, &r), 0);
		assert_int_equal(r, cases[i].role);
		assert_string_equal(role_name(cases[i].role), cases[i].name);
		assert_string_equal(role_label(cases[i].role), cases[i].label);
	}
	static const char *bad[] = {"", "Admin", "ADMIN", "admin ", "indkøber", "chef", "root"};
	for (size_t i = 0; i < N_OF(bad); i++) {
		enum role r = ROLE_VIRKSOMHED;
		assert_int_equal(role_parse(bad[i], &r), ERR_INVALID);
		assert_int_equal(r, ROLE_VIRKSOMHED); /* untouched */
	}
	enum role r = ROLE_INDKOEBER;
	assert_int_equal(role_parse(NULL, &r), ERR_INVALID);
	assert_string_equal(role_name(0), "?");
	assert_string_equal(role_name(ROLE_ALL), "?");
	assert_string_equal(role_label(64), "?");
}

static void test_password_policy(void **state)
{
	(void)state;
	const char *too_short = "Adgangskoden skal være på mindst 10 tegn.";
	const char *too_long = "Adgangskoden må højst være på 128 tegn.";
	char max[AUTH_PASSWORD_MAX + 2];
	memset(max, 'p', sizeof(max));
	max[AUTH_PASSWORD_MAX] = '\0';
	char over[AUTH_PASSWORD_MAX + 2];
	memset(over, 'p', sizeof(over));
	over[AUTH_PASSWORD_MAX + 1] = '\0';
	const struct {
		const char *pw, *why;
	} cases[] = {
		{NULL, too_short},       {"", too_short},         {"123456789", too_short},
		{"1234567890", NULL},    {"æøå æøå æøå", NULL},   {max, NULL},
		{over, too_long},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		const char *why = auth_password_policy(cases[i].pw);
		if (cases[i].why ? !why || strcmp(why, cases[i].why) : why != NULL)
			fail_msg("policy case %zu: got %s, expected %s", i, why ? why : "NULL",
			         cases[i].why ? cases[i].why : "NULL");
	}
}

/* the minimum is ten characters, as the message says: not ten bytes of UTF-8 */
static void test_password_policy_counts_characters(void **state)
{
	(void)state;
	assert_non_null(auth_password_policy("æøåæøåæøå")); /* 9 characters, 18 bytes */
	assert_non_null(auth_password_policy("ææææ"));      /* 4 characters, 8 bytes */
	assert_null(auth_password_policy("æøåæøåæøåæ"));    /* 10 characters */
	/* and so is the maximum: 128 × æ is 256 bytes and allowed, 129 × æ is not */
	char ae[2 * (AUTH_PASSWORD_MAX + 1) + 1];
	for (int i = 0; i < AUTH_PASSWORD_MAX + 1; i++)
		memcpy(ae + 2 * i, "æ", 2);
	ae[2 * (AUTH_PASSWORD_MAX + 1)] = '\0';
	assert_non_null(auth_password_policy(ae));
	ae[2 * AUTH_PASSWORD_MAX] = '\0';
	assert_null(auth_password_policy(ae));
	char hash[AUTH_HASH_MAX];
	assert_int_equal(auth_password_hash(ae, hash), 0);
	assert_int_equal(auth_password_verify(hash, ae), 0);
}

static void test_password_hash_verify(void **state)
{
	(void)state;
	/* the fixture's hash is an Argon2id string that verifies only the right password */
	assert_memory_equal(fixture_pw_hash, "$argon2id$", 10);
	assert_true(strlen(fixture_pw_hash) < AUTH_HASH_MAX);
	assert_int_equal(auth_password_verify(fixture_pw_hash, FIXTURE_PW), 0);
	assert_int_equal(auth_password_verify(fixture_pw_hash, FIXTURE_PW "x"), ERR_AUTH);
	assert_int_equal(auth_password_verify(fixture_pw_hash, "Korrekt-hest-batteri"), ERR_AUTH);
	assert_int_equal(auth_password_verify(fixture_pw_hash, ""), ERR_AUTH);
	assert_int_equal(auth_password_verify(fixture_pw_hash, NULL), ERR_AUTH);
	assert_int_equal(auth_password_verify(NULL, FIXTURE_PW), ERR_AUTH);
	assert_int_equal(auth_password_verify("ikke en hash", FIXTURE_PW), ERR_AUTH);
	char over[AUTH_PASSWORD_MAX + 2];
	memset(over, 'p', sizeof(over));
	over[AUTH_PASSWORD_MAX + 1] = '\0';
	assert_int_equal(auth_password_verify(fixture_pw_hash, over), ERR_AUTH);
	/* a fresh salt each time: the same password never gives the same string */
	char again[AUTH_HASH_MAX];
	assert_int_equal(auth_password_hash(FIXTURE_PW, again), 0);
	assert_string_not_equal(again, fixture_pw_hash);
	assert_int_equal(auth_password_verify(again, FIXTURE_PW), 0);
	/* at OWASP's first Argon2id configuration: 19 MiB, 2 passes, one lane */
	assert_memory_equal(again, "$argon2id$v=19$m=19456,t=2,p=1$", 31);
}

static void test_secrets(void **state)
{
	struct arena a;
	(void)state;
	arena_init(&a, 0);
	char s1[AUTH_SECRET_LEN + 1], s2[AUTH_SECRET_LEN + 1];
	auth_random_secret(s1);
	auth_random_secret(s2);
	assert_int_equal(strlen(s1), 43);
	assert_int_equal(strlen(s2), 43);
	assert_string_not_equal(s1, s2);
	for (const char *p = s1; *p; p++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
		                       *p));
	/* BLAKE2b-256 as 64 lower-case hex digits: known vectors, deterministic */
	static const struct {
		const char *in, *hex;
	} cases[] = {
		{"", "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"},
		{"abc", "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"},
		{"ind_test", "baca41e22ea1c33e6470398521c41ae4d4b5223ffeff9540306dde4b0f85be69"},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		assert_string_equal(auth_secret_hash(&a, cases[i].in), cases[i].hex);
	const char *h1 = auth_secret_hash(&a, s1);
	assert_int_equal(strlen(h1), 64);
	assert_int_equal(strspn(h1, "0123456789abcdef"), 64);
	assert_string_equal(auth_secret_hash(&a, s1), h1);
	assert_string_not_equal(auth_secret_hash(&a, s2), h1);
	arena_free(&a);
}

static void test_equal(void **state)
{
	(void)state;
	static const struct {
		const char *x, *y;
		bool eq;
	} cases[] = {
		{"a", "a", true},   {"", "", true},       {"abc", "abd", false}, {"a", "ab", false},
		{"ab", "a", false}, {"", "a", false},     {NULL, "a", false},    {"a", NULL, false},
		{NULL, NULL, false}, {"æøå", "æøå", true}, {"Token", "token", false},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		if (auth_equal(cases[i].x, cases[i].y) != cases[i].eq)
			fail_msg("auth_equal case %zu: expected %d", i, cases[i].eq);
}

static void test_throttle_delay(void **state)
{
	(void)state;
	static const struct {
		int64_t failures;
		int free, base, cap;
		int64_t want;
	} cases[] = {
		{0, 3, 5, 900, 0}, {3, 3, 5, 900, 0}, {4, 3, 5, 900, 5}, {5, 3, 5, 900, 10},
		{6, 3, 5, 900, 20}, {10, 3, 5, 900, 320}, {11, 3, 5, 900, 640}, {12, 3, 5, 900, 900},
		{1000000, 3, 5, 900, 900}, {11, 10, 1, 30, 1}, {15, 10, 1, 30, 16}, {16, 10, 1, 30, 30},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		if (throttle_delay(cases[i].failures, cases[i].free, cases[i].base, cases[i].cap) !=
		    cases[i].want)
			fail_msg("throttle_delay case %zu: expected %lld", i, (long long)cases[i].want);
}

/* ---------------------------------------------------------------- the access decision */

static void test_access_table(void **state)
{
	(void)state;
	/* rows: caller and municipality; columns: READ WRITE MANAGE_USERS READ_PERSONAL NATIONAL
	 * ANSWER_SURVEY.
	 * The national administrator reaches every municipality but not citizens' personal data,
	 * which only the jobkonsulent of the same municipality sees (data minimisation). */
	static const struct {
		const struct principal *who;
		const char *kommune;
		int want[6];
	} rows[] = {
		{&fixture_admin, "621", {Y, Y, Y, N, Y, Y}},
		{&fixture_admin, "740", {Y, Y, Y, N, Y, Y}},
		{&fixture_admin, NULL, {Y, Y, Y, N, Y, Y}},
		{&fixture_kons621, "621", {Y, Y, Y, N, N, Y}},
		{&fixture_kons621, "740", {N, N, N, N, N, N}},
		{&fixture_kons621, NULL, {N, N, N, N, N, N}},
		{&fixture_kons740, "740", {Y, Y, Y, N, N, Y}},
		{&fixture_kons740, "621", {N, N, N, N, N, N}},
		{&fixture_job621, "621", {Y, N, N, Y, N, N}},
		{&fixture_job621, "740", {N, N, N, N, N, N}},
		{&fixture_job621, NULL, {N, N, N, N, N, N}},
		{&fixture_indk621, "621", {Y, N, N, N, N, N}},
		{&fixture_indk621, "740", {N, N, N, N, N, N}},
		{&fixture_indk621, NULL, {N, N, N, N, N, N}},
		{&fixture_virk621, "621", {Y, N, N, N, N, N}},
		{&fixture_virk621, "740", {N, N, N, N, N, N}},
		{&fixture_virk621, NULL, {N, N, N, N, N, N}},
		{NULL, "621", {N, N, N, N, N, N}},
		{NULL, "740", {N, N, N, N, N, N}},
		{NULL, NULL, {N, N, N, N, N, N}},
		{&fixture_kons_none, "621", {N, N, N, N, N, N}},
		{&fixture_kons_none, NULL, {N, N, N, N, N, N}},
	};
	static const enum access_op ops[6] = {ACC_READ, ACC_WRITE, ACC_MANAGE_USERS,
	                                      ACC_READ_PERSONAL, ACC_NATIONAL, ACC_ANSWER_SURVEY};
	for (size_t i = 0; i < N_OF(rows); i++)
		for (int k = 0; k < 6; k++) {
			int got = access_allowed(rows[i].who, ops[k], rows[i].kommune);
			if (got != rows[i].want[k])
				fail_msg("access row %zu (%s, kommune %s) op %d: %d, expected %d", i,
				         rows[i].who ? rows[i].who->email : "anonymous",
				         rows[i].kommune ? rows[i].kommune : "NULL", k, got, rows[i].want[k]);
		}
}

static void test_access_national_and_inquiry(void **state)
{
	(void)state;
	assert_true(access_national(&fixture_admin));
	assert_true(access_national(&users_cli));
	assert_false(access_national(&fixture_kons621));
	assert_false(access_national(&fixture_job621));
	assert_false(access_national(&fixture_virk621));
	assert_false(access_national(NULL));
	static const struct {
		const struct principal *who;
		const char *kommune;
		int64_t assignee;
		int want;
	} cases[] = {
		{&fixture_admin, "621", 0, Y},
		{&fixture_admin, "740", 42, Y},
		{&fixture_kons621, "621", 0, Y},
		{&fixture_kons621, "740", 0, N},
		{&fixture_kons621, "740", 9002, N}, /* assigned, but in another municipality */
		{&fixture_job621, "621", 0, N},
		{&fixture_job621, "621", 9004, Y},  /* the assignee */
		{&fixture_job621, "621", 9002, N},  /* assigned to a colleague */
		{&fixture_job621, "740", 9004, N},
		{&fixture_indk621, "621", 9005, N}, /* a buyer, though assigned: no personal data */
		{&fixture_virk621, "621", 9006, N}, /* nor an enterprise's own account */
		{&fixture_virk621, "621", 0, N},
		{NULL, "621", 0, N},
		{&fixture_kons_none, "621", 9007, N},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		if (access_inquiry(cases[i].who, cases[i].kommune, cases[i].assignee) != cases[i].want)
			fail_msg("inquiry case %zu: expected %d", i, cases[i].want);
	/* who may be given cases: the municipality's konsulent and jobkonsulent, nobody else */
	static const struct {
		const struct principal *who;
		const char *kommune;
		int want;
	} workers[] = {
		{&fixture_kons621, "621", Y},   {&fixture_job621, "621", Y},  {&fixture_indk621, "621", N},
		{&fixture_virk621, "621", N},   {&fixture_admin, "621", N},   {&fixture_kons621, "740", N},
		{&fixture_job621, "740", N},    {NULL, "621", N},             {&fixture_kons_none, "621", N},
		{&fixture_kons621, NULL, N},
	};
	for (size_t i = 0; i < N_OF(workers); i++)
		if (access_case_worker(workers[i].who, workers[i].kommune) != workers[i].want)
			fail_msg("case worker %zu: expected %d", i, workers[i].want);
}

static void test_access_scope(void **state)
{
	(void)state;
	assert_null(access_scope(&fixture_admin));
	assert_null(access_scope(&users_cli));
	assert_string_equal(access_scope(&fixture_kons621), "621");
	assert_string_equal(access_scope(&fixture_job621), "621");
	assert_string_equal(access_scope(&fixture_kons740), "740");
	assert_string_equal(access_scope(NULL), "---"); /* matches no municipality */
}

static void test_access_may_grant(void **state)
{
	(void)state;
	static const struct {
		const struct principal *who;
		int role;
		const char *kommune;
		bool want;
	} cases[] = {
		{&fixture_admin, ROLE_ADMIN, NULL, true},
		{&fixture_admin, ROLE_ADMIN, "621", false},
		{&fixture_admin, ROLE_KONSULENT, "621", true},
		{&fixture_admin, ROLE_VIRKSOMHED, "740", true},
		{&fixture_admin, ROLE_KONSULENT, NULL, false},
		{&users_cli, ROLE_ADMIN, NULL, true},
		{&fixture_kons621, ROLE_KONSULENT, "621", true},
		{&fixture_kons621, ROLE_JOBKONSULENT, "621", true},
		{&fixture_kons621, ROLE_INDKOEBER, "621", true},
		{&fixture_kons621, ROLE_VIRKSOMHED, "621", true},
		{&fixture_kons621, ROLE_ADMIN, NULL, false},
		{&fixture_kons621, ROLE_ADMIN, "621", false},
		{&fixture_kons621, ROLE_KONSULENT, "740", false},
		{&fixture_kons621, ROLE_INDKOEBER, NULL, false},
		{&fixture_job621, ROLE_INDKOEBER, "621", false},
		{&fixture_indk621, ROLE_INDKOEBER, "621", false},
		{&fixture_virk621, ROLE_VIRKSOMHED, "621", false},
		{&fixture_kons_none, ROLE_INDKOEBER, "621", false},
		{NULL, ROLE_INDKOEBER, "621", false},
	};
	for (size_t i = 0; i < N_OF(cases); i++)
		if (access_may_grant(cases[i].who, cases[i].role, cases[i].kommune) != cases[i].want)
			fail_msg("may_grant case %zu: expected %d", i, cases[i].want);
}

static void test_access_enterprise_profile(void **state)
{
	(void)state;
	static const struct principal virk_none = {.id = 9008, .role = ROLE_VIRKSOMHED,
	                                           .kommune = "621"};
	static const struct {
		const struct principal *who;
		int64_t id;
		const char *kommune;
		int want;
		bool own_only;
	} cases[] = {
		{&fixture_admin, 5, "621", Y, false},
		{&fixture_kons621, 5, "621", Y, false},
		{&fixture_kons621, 5, "740", N, false},
		{&fixture_virk621, 5, "621", Y, true},
		{&fixture_virk621, 6, "621", N, false},
		{&fixture_virk621, 5, "740", N, false},
		{&fixture_virk621, 5, NULL, N, false},
		{&virk_none, 0, "621", N, false},
		{&fixture_job621, 5, "621", N, false},
		{&fixture_indk621, 5, "621", N, false},
		{NULL, 5, "621", N, false},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		bool own = !cases[i].own_only;
		int got = access_enterprise_profile(cases[i].who, cases[i].id, cases[i].kommune, &own);
		if (got != cases[i].want || own != cases[i].own_only)
			fail_msg("profile case %zu: %d own %d, expected %d own %d", i, got, own,
			         cases[i].want, cases[i].own_only);
	}
}

/* figures: a municipality's counts for its staff (not an enterprise's account) and the
 * administrator; every municipality's side by side for all of them */
static void test_access_figures(void **state)
{
	(void)state;
	static const struct {
		const struct principal *who;
		const char *kommune;
		int want_own, want_national;
	} cases[] = {
		{&fixture_admin, "621", Y, Y},     {&fixture_admin, "740", Y, Y},
		{&fixture_admin, NULL, N, Y},      {&users_cli, "740", Y, Y},
		{&fixture_kons621, "621", Y, Y},   {&fixture_kons621, "740", N, Y},
		{&fixture_job621, "621", Y, Y},    {&fixture_job621, "740", N, Y},
		{&fixture_indk621, "621", Y, Y},   {&fixture_indk621, "740", N, Y},
		{&fixture_virk621, "621", N, N},   {&fixture_virk621, "740", N, N},
		{&fixture_kons740, "740", Y, Y},   {&fixture_kons740, "621", N, Y},
		{&fixture_kons_none, "621", N, N}, {&fixture_kons621, NULL, N, Y},
		{NULL, "621", N, N},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		if (access_figures(cases[i].who, cases[i].kommune) != cases[i].want_own)
			fail_msg("figures case %zu: expected %d", i, cases[i].want_own);
		if (access_national_figures(cases[i].who) != cases[i].want_national)
			fail_msg("national figures case %zu: expected %d", i, cases[i].want_national);
	}
}

/* ---------------------------------------------------------------- sign-in and sessions */

static void test_login_session_logout(void **state)
{
	struct fixture *f = *state;
	int64_t id = fixture_add_user(f->db, "login@kolding.dk", "konsulent", "621", true);
	char *cookie = NULL;
	assert_int_equal(auth_login(f->db, &f->a, "login@kolding.dk", FIXTURE_PW, "10.1.0.1", &cookie, &login_wait), 0);
	assert_non_null(cookie);
	assert_int_equal(strlen(cookie), AUTH_SECRET_LEN);
	assert_int_equal(fixture_audit_count(f->db, "login", "user"), 1);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM sessions"), 1);
	/* the store keeps only the hash of the cookie */
	struct db_stmt *s = db_prepare(f->db, "SELECT id_hash, user_id FROM sessions");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), auth_secret_hash(&f->a, cookie));
	assert_int_equal(db_col_int(s, 1), id);
	db_done(s);

	struct principal *who = NULL;
	const char *csrf = NULL;
	assert_int_equal(auth_session(f->db, &f->a, cookie, &who, &csrf), 0);
	assert_non_null(who);
	assert_int_equal(who->id, id);
	assert_string_equal(who->email, "login@kolding.dk");
	assert_int_equal(who->role, ROLE_KONSULENT);
	assert_string_equal(who->kommune, "621");
	assert_string_equal(who->kommune_navn, "Kolding");
	assert_false(who->via_token);
	assert_non_null(csrf);
	assert_int_equal(strlen(csrf), AUTH_SECRET_LEN);
	assert_string_not_equal(csrf, cookie);

	/* a second sign-in is a second session with its own cookie */
	char *cookie2 = NULL;
	assert_int_equal(auth_login(f->db, &f->a, "login@kolding.dk", FIXTURE_PW, "10.1.0.1", &cookie2, &login_wait), 0);
	assert_string_not_equal(cookie, cookie2);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM sessions"), 2);

	assert_int_equal(auth_logout(f->db, &f->a, cookie), 0);
	assert_int_equal(auth_session(f->db, &f->a, cookie, &who, &csrf), ERR_AUTH);
	assert_int_equal(fixture_audit_count(f->db, "logout", "user"), 1);
	assert_int_equal(auth_session(f->db, &f->a, cookie2, &who, &csrf), 0);
	/* signing out twice, or with nonsense, is fine and audits nothing */
	assert_int_equal(auth_logout(f->db, &f->a, cookie), 0);
	assert_int_equal(auth_logout(f->db, &f->a, "nonsense"), 0);
	assert_int_equal(auth_logout(f->db, &f->a, NULL), 0);
	assert_int_equal(fixture_audit_count(f->db, "logout", "user"), 1);
}

static char *stored_hash(struct fixture *f, int64_t id)
{
	struct db_stmt *s = db_prepare(f->db, "SELECT password_hash FROM users WHERE id = :id");
	assert_non_null(s);
	assert_int_equal(db_bind_int(s, ":id", id), 0);
	assert_int_equal(db_step(s), DB_ROW);
	char *h = arena_strdup(&f->a, db_col_text(s, 0));
	db_done(s);
	return h;
}

static void test_login_rehash(void **state)
{
	struct fixture *f = *state;
	int64_t id = fixture_add_user(f->db, "gammel@kolding.dk", "konsulent", "621", true);
	/* a hash made with libsodium's interactive limits (64 MiB), as every hash was before */
	char old[crypto_pwhash_STRBYTES];
	assert_int_equal(crypto_pwhash_str_alg(old, FIXTURE_PW, strlen(FIXTURE_PW),
	                                       crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                                       crypto_pwhash_MEMLIMIT_INTERACTIVE,
	                                       crypto_pwhash_ALG_ARGON2ID13), 0);
	assert_memory_equal(old, "$argon2id$v=19$m=65536,t=2,p=1$", 31);
	assert_int_equal(auth_store_user_set_password(f->db, id, old), 0);
	char *cookie = NULL;
	/* a wrong password leaves the old hash as it is */
	assert_int_equal(auth_login(f->db, &f->a, "gammel@kolding.dk", "forkert-kodeord", "10.1.0.9",
	                            &cookie, &login_wait), ERR_AUTH);
	assert_string_equal(stored_hash(f, id), old);
	/* the right one signs in with it, and the hash is made anew at today's limits */
	assert_int_equal(auth_login(f->db, &f->a, "gammel@kolding.dk", FIXTURE_PW, "10.1.0.9", &cookie,
	                            &login_wait), 0);
	char *now = stored_hash(f, id);
	assert_memory_equal(now, "$argon2id$v=19$m=19456,t=2,p=1$", 31);
	assert_int_equal(auth_password_verify(now, FIXTURE_PW), 0);
	assert_int_equal(auth_password_verify(now, "forkert-kodeord"), ERR_AUTH);
	/* a hash at today's limits stays as it is */
	assert_int_equal(auth_login(f->db, &f->a, "gammel@kolding.dk", FIXTURE_PW, "10.1.0.9", &cookie,
	                            &login_wait), 0);
	assert_string_equal(stored_hash(f, id), now);
}

static void test_session_bad_cookies(void **state)
{
	struct fixture *f = *state;
	char unknown[AUTH_SECRET_LEN + 1];
	auth_random_secret(unknown);
	const char *cookies[] = {NULL, "", "kort", unknown, "x' OR '1'='1"};
	for (size_t i = 0; i < N_OF(cookies); i++) {
		struct principal *who = NULL;
		const char *csrf = NULL;
		assert_int_equal(auth_session(f->db, &f->a, cookies[i], &who, &csrf), ERR_AUTH);
		assert_null(who);
	}
}

static void test_session_expiry(void **state)
{
	struct fixture *f = *state;
	fixture_add_user(f->db, "udloeb@kolding.dk", "indkoeber", "621", true);
	char *cookie = NULL;
	struct principal *who;
	const char *csrf;
	assert_int_equal(auth_login(f->db, &f->a, "udloeb@kolding.dk", FIXTURE_PW, "10.1.0.2", &cookie, &login_wait), 0);
	/* a request after a while refreshes the idle time */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE sessions SET last_seen = last_seen - 120,"
	                                " created_at = created_at - 120"),
	                 0);
	assert_int_equal(auth_session(f->db, &f->a, cookie, &who, &csrf), 0);
	struct db_stmt *s = db_prepare(f->db, "SELECT last_seen - created_at FROM sessions");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	assert_true(db_col_int(s, 0) >= 120);
	db_done(s);
	/* idle for longer than AUTH_SESSION_IDLE: ended and deleted */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE sessions SET last_seen = last_seen - 3 * 3600"), 0);
	assert_int_equal(auth_session(f->db, &f->a, cookie, &who, &csrf), ERR_AUTH);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM sessions"), 0);
	/* older than AUTH_SESSION_MAX, however busy: ended too */
	assert_int_equal(auth_login(f->db, &f->a, "udloeb@kolding.dk", FIXTURE_PW, "10.1.0.2", &cookie, &login_wait), 0);
	assert_int_equal(EXEC_SQL(f->db, "UPDATE sessions SET created_at = created_at - 13 * 3600"),
	                 0);
	assert_int_equal(auth_session(f->db, &f->a, cookie, &who, &csrf), ERR_AUTH);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM sessions"), 0);
}

static void test_login_failures(void **state)
{
	struct fixture *f = *state;
	fixture_add_user(f->db, "forkert@kolding.dk", "konsulent", "621", true);
	fixture_add_user(f->db, "inaktiv@kolding.dk", "konsulent", "621", false);
	char *cookie = NULL;
	assert_int_equal(auth_login(f->db, &f->a, "forkert@kolding.dk", "forkert-kodeord", "10.2.0.1",
	                            &cookie, &login_wait),
	                 ERR_AUTH);
	assert_null(cookie);
	assert_int_equal(fixture_audit_count(f->db, "login_failed", "user"), 1);
	/* an unknown address answers the same, with nothing to audit against */
	assert_int_equal(auth_login(f->db, &f->a, "ukendt@kolding.dk", FIXTURE_PW, "10.2.0.2", &cookie, &login_wait),
	                 ERR_AUTH);
	assert_int_equal(fixture_audit_count(f->db, "login_failed", "user"), 1);
	/* an inactive user cannot sign in with the right password */
	assert_int_equal(auth_login(f->db, &f->a, "inaktiv@kolding.dk", FIXTURE_PW, "10.2.0.3", &cookie, &login_wait),
	                 ERR_AUTH);
	assert_null(cookie);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM sessions"), 0);
	assert_int_equal(fixture_audit_count(f->db, "login", NULL), 0);
}

/* the delay in seconds that the (account, address) pairs impose now, the longest of them */
#define PAIR_DELAY(db) \
	COUNT_SQL(db, "SELECT max(next_allowed - last_failure) FROM login_throttle WHERE kind = 'pair'")

static void test_login_throttled(void **state)
{
	struct fixture *f = *state;
	const char *email = "throttled@kolding.dk";
	fixture_add_user(f->db, email, "konsulent", "621", true);
	char *cookie = NULL;
	/* the owner signs in from their own address, which counts as theirs from then on */
	assert_int_equal(auth_login(f->db, &f->a, email, FIXTURE_PW, "10.3.9.9", &cookie, &login_wait), 0);
	/* from one address: a few free failures, then the pair waits, even for the right password */
	for (int i = 0; i <= THROTTLE_PAIR_FREE; i++)
		assert_int_equal(auth_login(f->db, &f->a, email, "forkert-kodeord", "10.3.0.1", &cookie,
		                            &login_wait),
		                 ERR_AUTH);
	cookie = NULL;
	assert_int_equal(auth_login(f->db, &f->a, email, FIXTURE_PW, "10.3.0.1", &cookie, &login_wait),
	                 ERR_BUSY);
	assert_null(cookie);
	assert_in_range(login_wait, 1, THROTTLE_PAIR_BASE);
	/* the delay grows with every failure (time passes here by clearing next_allowed) */
	assert_int_equal(PAIR_DELAY(f->db), THROTTLE_PAIR_BASE);
	for (int i = 1; i <= 4; i++) {
		EXEC_SQL(f->db, "UPDATE login_throttle SET next_allowed = 0");
		assert_int_equal(auth_login(f->db, &f->a, email, "forkert-kodeord", "10.3.0.1", &cookie,
		                            &login_wait),
		                 ERR_AUTH);
		assert_int_equal(PAIR_DELAY(f->db), THROTTLE_PAIR_BASE << i);
	}
	/* it is no lock on the account: from another address the owner signs in */
	assert_int_equal(auth_login(f->db, &f->a, email, FIXTURE_PW, "10.3.0.2", &cookie, &login_wait), 0);
	assert_non_null(cookie);
	int64_t failed = fixture_audit_count(f->db, "login_failed", "user");
	assert_int_equal(failed, THROTTLE_PAIR_FREE + 1 + 4);

	/* failures from many addresses give the account a short delay for new addresses */
	EXEC_SQL(f->db, "UPDATE login_throttle SET failures = 0, next_allowed = 0");
	for (int i = 0; i <= THROTTLE_ACCOUNT_FREE; i++)
		assert_int_equal(auth_login(f->db, &f->a, email, "forkert-kodeord",
		                            arena_printf(&f->a, "10.4.0.%d", i), &cookie, &login_wait),
		                 ERR_AUTH);
	cookie = NULL;
	assert_int_equal(COUNT_SQL(f->db, "SELECT next_allowed - last_failure FROM login_throttle"
	                                  " WHERE kind = 'account' AND failures > 0"),
	                 THROTTLE_ACCOUNT_BASE);
	/* the attempt below must fall inside that delay of a second however slowly this test runs:
	 * the delay's end is moved a minute on, as if no time had passed */
	EXEC_SQL(f->db, "UPDATE login_throttle SET next_allowed = next_allowed + 60 WHERE kind = 'account'"
	                " AND failures > 0");
	assert_int_equal(auth_login(f->db, &f->a, email, FIXTURE_PW, "10.4.1.1", &cookie, &login_wait),
	                 ERR_BUSY);
	assert_in_range(login_wait, 1, THROTTLE_ACCOUNT_BASE + 60);
	assert_null(cookie);
	/* but not for the address the owner signed in from: the flood cannot keep them out */
	assert_int_equal(auth_login(f->db, &f->a, email, FIXTURE_PW, "10.3.9.9", &cookie, &login_wait), 0);
	assert_non_null(cookie);
	/* refused attempts ran no check and were not audited; the others were */
	assert_int_equal(fixture_audit_count(f->db, "login_failed", "user"),
	                 failed + THROTTLE_ACCOUNT_FREE + 1);
	/* the table holds hashes, never the e-mail or the address */
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM login_throttle WHERE key_hash LIKE '%@%'"
	                                  " OR key_hash LIKE '%10.%'"),
	                 0);
}

static void test_login_unknown_throttled(void **state)
{
	struct fixture *f = *state;
	char *cookie = NULL;
	/* an unknown e-mail is throttled as a known one is, so the answers tell nothing apart */
	for (int i = 0; i <= THROTTLE_PAIR_FREE; i++)
		assert_int_equal(auth_login(f->db, &f->a, "ingen@kolding.dk", FIXTURE_PW, "10.5.0.1",
		                            &cookie, &login_wait),
		                 ERR_AUTH);
	assert_int_equal(auth_login(f->db, &f->a, "ingen@kolding.dk", FIXTURE_PW, "10.5.0.1", &cookie,
	                            &login_wait),
	                 ERR_BUSY);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM login_throttle"), 3);
	/* an address that failed for many accounts waits too, for every account */
	for (int i = 0; i <= THROTTLE_ADDRESS_FREE; i++)
		auth_login(f->db, &f->a, arena_printf(&f->a, "ingen%d@kolding.dk", i), FIXTURE_PW,
		           "10.5.0.2", &cookie, &login_wait);
	assert_int_equal(auth_login(f->db, &f->a, "ny@kolding.dk", FIXTURE_PW, "10.5.0.2", &cookie,
	                            &login_wait),
	                 ERR_BUSY);
	assert_null(cookie);
}

static void test_deactivation_ends_sessions(void **state)
{
	struct fixture *f = *state;
	int64_t id = fixture_add_user(f->db, "stop@kolding.dk", "jobkonsulent", "621", true);
	char *cookie = NULL;
	assert_int_equal(auth_login(f->db, &f->a, "stop@kolding.dk", FIXTURE_PW, "10.4.0.1", &cookie, &login_wait), 0);
	struct user_input off = {.active = 0, .enterprise_id = -1};
	struct errs errs = {0};
	assert_int_equal(users_update(f->db, &f->a, &fixture_kons621, id, &off, &errs), 0);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM sessions"), 0);
	struct principal *who;
	const char *csrf;
	assert_int_equal(auth_session(f->db, &f->a, cookie, &who, &csrf), ERR_AUTH);
}

/* ---------------------------------------------------------------- API tokens */

static void test_tokens(void **state)
{
	struct fixture *f = *state;
	int64_t uid = fixture_add_user(f->db, "api@silkeborg.dk", "konsulent", "740", true);
	char *token = NULL;
	int64_t tid = 0;
	assert_int_equal(auth_token_create(f->db, &f->a, &users_cli, "api@silkeborg.dk", "ci",
	                                   &token, &tid),
	                 0);
	assert_non_null(token);
	assert_true(tid > 0);
	assert_int_equal(strlen(token), strlen(AUTH_TOKEN_PREFIX) + AUTH_SECRET_LEN);
	assert_memory_equal(token, AUTH_TOKEN_PREFIX, strlen(AUTH_TOKEN_PREFIX));
	assert_int_equal(fixture_audit_count(f->db, "create", "api_token"), 1);
	assert_null(strstr(fixture_last_audit_detail(f->db, &f->a), token + strlen(AUTH_TOKEN_PREFIX)));
	/* stored as a hash, with its label */
	struct db_stmt *s = db_prepare(f->db, "SELECT token_hash, label, user_id FROM api_tokens");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), auth_secret_hash(&f->a, token));
	assert_string_equal(db_col_text(s, 1), "ci");
	assert_int_equal(db_col_int(s, 2), uid);
	db_done(s);

	struct principal *who = NULL;
	assert_int_equal(auth_token(f->db, &f->a, token, &who), 0);
	assert_int_equal(who->id, uid);
	assert_string_equal(who->email, "api@silkeborg.dk");
	assert_int_equal(who->role, ROLE_KONSULENT);
	assert_string_equal(who->kommune, "740");
	assert_true(who->via_token);

	assert_int_equal(auth_token_revoke(f->db, &users_cli, tid), 0);
	assert_int_equal(fixture_audit_count(f->db, "revoke", "api_token"), 1);
	assert_int_equal(auth_token(f->db, &f->a, token, &who), ERR_AUTH);
	assert_int_equal(auth_token_revoke(f->db, &users_cli, tid), ERR_NOTFOUND);
	assert_int_equal(auth_token_revoke(f->db, &users_cli, 987654), ERR_NOTFOUND);
	assert_int_equal(fixture_audit_count(f->db, "revoke", "api_token"), 1);
}

static void test_token_failures(void **state)
{
	struct fixture *f = *state;
	fixture_add_user(f->db, "slukket@kolding.dk", "indkoeber", "621", false);
	int64_t uid = fixture_add_user(f->db, "senere@kolding.dk", "indkoeber", "621", true);
	char *token = NULL;
	int64_t tid = 0;
	assert_int_equal(auth_token_create(f->db, &f->a, &users_cli, "ukendt@kolding.dk", "x", &token,
	                                   &tid),
	                 ERR_NOTFOUND);
	assert_int_equal(auth_token_create(f->db, &f->a, &users_cli, "slukket@kolding.dk", "x",
	                                   &token, &tid),
	                 ERR_NOTFOUND);
	assert_null(token);
	assert_int_equal(fixture_audit_count(f->db, NULL, "api_token"), 0);

	char secret[AUTH_SECRET_LEN + 1];
	auth_random_secret(secret);
	const char *bad[] = {
		NULL, "", AUTH_TOKEN_PREFIX, arena_printf(&f->a, "xyz_%s", secret),
		arena_printf(&f->a, AUTH_TOKEN_PREFIX "%.42s", secret),
		arena_printf(&f->a, AUTH_TOKEN_PREFIX "%s", secret), /* well-formed but unknown */
		secret,
	};
	for (size_t i = 0; i < N_OF(bad); i++) {
		struct principal *who = NULL;
		if (auth_token(f->db, &f->a, bad[i], &who) != ERR_AUTH)
			fail_msg("token case %zu was accepted", i);
		assert_null(who);
	}

	/* a token stops working when its user is deactivated */
	assert_int_equal(auth_token_create(f->db, &f->a, &users_cli, "senere@kolding.dk", NULL,
	                                   &token, &tid),
	                 0);
	struct principal *who = NULL;
	assert_int_equal(auth_token(f->db, &f->a, token, &who), 0);
	struct user_input off = {.active = 0, .enterprise_id = -1};
	struct errs errs = {0};
	assert_int_equal(users_update(f->db, &f->a, &users_cli, uid, &off, &errs), 0);
	assert_int_equal(auth_token(f->db, &f->a, token, &who), ERR_AUTH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_password_policy),
		cmocka_unit_test(test_password_policy_counts_characters),
		cmocka_unit_test(test_password_hash_verify),
		cmocka_unit_test(test_secrets),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_throttle_delay),
		cmocka_unit_test(test_access_table),
		cmocka_unit_test(test_access_scope),
		cmocka_unit_test(test_access_national_and_inquiry),
		cmocka_unit_test(test_access_may_grant),
		cmocka_unit_test(test_access_enterprise_profile),
		cmocka_unit_test(test_access_figures),
		cmocka_unit_test_setup_teardown(test_login_session_logout, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_login_rehash, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_session_bad_cookies, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_session_expiry, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_login_failures, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_login_throttled, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_login_unknown_throttled, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_deactivation_ends_sessions, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_tokens, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_token_failures, fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, fixture_group_setup, NULL);
}
