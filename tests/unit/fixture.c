/*
 * fixture.c — the unit tests' shared fixtures (see fixture.h).
 * Layer: tests. Writes users and reads the audit log straight through the store, never through
 * the rules under test.
 */
#include "tests/unit/fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "src/auth/auth_store.h"
#include "src/base/buf.h"
#include "src/base/log.h"
#include "tests/tools/testdb.h"

const struct principal fixture_admin = {.id = 9001, .email = "admin@indgang.dk",
                                        .role = ROLE_ADMIN};
const struct principal fixture_kons621 = {.id = 9002, .email = "konsulent@kolding.dk",
                                          .role = ROLE_KONSULENT, .kommune = "621"};
const struct principal fixture_kons740 = {.id = 9003, .email = "konsulent@silkeborg.dk",
                                          .role = ROLE_KONSULENT, .kommune = "740"};
const struct principal fixture_job621 = {.id = 9004, .email = "job@kolding.dk",
                                         .role = ROLE_JOBKONSULENT, .kommune = "621"};
const struct principal fixture_indk621 = {.id = 9005, .email = "indkoeb@kolding.dk",
                                          .role = ROLE_INDKOEBER, .kommune = "621"};
const struct principal fixture_virk621 = {.id = 9006, .email = "virk@kolding.dk",
                                          .role = ROLE_VIRKSOMHED, .kommune = "621",
                                          .enterprise_id = 5};
const struct principal fixture_kons_none = {.id = 9007, .email = "uden@kommune.dk",
                                            .role = ROLE_KONSULENT};

char fixture_pw_hash[AUTH_HASH_MAX];

/* on PostgreSQL: the URI of each open fixture database, to drop it at fixture_close */
static struct {
	struct db *db;
	char uri[512];
} pg_open[8];

/* a database of its own on PostgreSQL, cloned from the template that is migrated once here */
static void fixture_open_pg(struct db **db)
{
	static bool migrated;
	char uri[512];
	if (!migrated) {
		struct db *t = NULL;
		assert_int_equal(testdb_template(uri, sizeof(uri)), 0);
		assert_int_equal(db_open(uri, &t), 0);
		assert_int_equal(db_migrate(t, NULL), 0);
		db_close(t);
		migrated = true;
	}
	assert_int_equal(testdb_new(uri, sizeof(uri)), 0);
	assert_int_equal(db_open(uri, db), 0);
	for (size_t i = 0; i < N_OF(pg_open); i++)
		if (!pg_open[i].db) {
			pg_open[i].db = *db;
			snprintf(pg_open[i].uri, sizeof(pg_open[i].uri), "%s", uri);
			return;
		}
	fail_msg("more than %zu fixture databases open at once", N_OF(pg_open));
}

void fixture_open(struct db **db, struct arena *a)
{
	if (testdb_on_pg()) {
		fixture_open_pg(db);
	} else {
		assert_int_equal(db_open(":memory:", db), 0);
		assert_int_equal(db_migrate(*db, NULL), 0);
	}
	arena_init(a, 0);
}

void fixture_close(struct db *db, struct arena *a)
{
	arena_free(a);
	db_close(db);
	for (size_t i = 0; db && i < N_OF(pg_open); i++)
		if (pg_open[i].db == db) {
			testdb_drop(pg_open[i].uri);
			pg_open[i].db = NULL;
		}
}

int fixture_setup(void **state)
{
	static struct fixture f;
	fixture_open(&f.db, &f.a);
	*state = &f;
	return 0;
}

int fixture_teardown(void **state)
{
	struct fixture *f = *state;
	fixture_close(f->db, &f->a);
	return 0;
}

int fixture_group_setup(void **state)
{
	(void)state;
	return auth_password_hash(FIXTURE_PW, fixture_pw_hash);
}

int64_t fixture_add_user(struct db *db, const char *email, const char *role, const char *kommune,
                         bool active)
{
	struct user_row u = {.email = email, .name = "", .role = role, .kommune = kommune,
	                     .password_hash = fixture_pw_hash, .active = active};
	int64_t id = 0;
	if (auth_store_user_insert(db, &u, &id) != 0)
		fail_msg("cannot add user %s", email);
	return id;
}

int64_t fixture_audit_count(struct db *db, const char *action, const char *entity)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM audit"
	                                   " WHERE (CAST(:action AS text) IS NULL OR action = :action)"
	                                   " AND (CAST(:entity AS text) IS NULL OR entity = :entity)");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":action", action) | db_bind_text(s, ":entity", entity), 0);
	assert_int_equal(db_step(s), DB_ROW);
	int64_t n = db_col_int(s, 0);
	db_done(s);
	return n;
}

const char *fixture_last_audit_detail(struct db *db, struct arena *a)
{
	struct db_stmt *s = db_prepare(db, "SELECT detail FROM audit ORDER BY id DESC LIMIT 1");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	const char *d = arena_strdup(a, db_col_text(s, 0));
	db_done(s);
	return d;
}

int fixture_exec(struct db_stmt *s)
{
	if (!s)
		return ERR_DB;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		;
	db_done(s);
	return rc == DB_DONE ? 0 : rc;
}

int64_t fixture_count(struct db_stmt *s)
{
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	int64_t n = db_col_int(s, 0);
	db_done(s);
	return n;
}

/* Unit tests drive failure paths on purpose (a bad parameter name, a refused route, a broken
 * file), and the code under test logs each one as it would in service. Every line they print
 * says so, so that a passing run's log does not read as a list of faults. */
__attribute__((constructor)) static void fixture_log_tag(void)
{
	log_set_tag("unit test: an error a negative test provokes on purpose");
}

int fixture_buf_setup(void **state)
{
	static struct buf o;
	buf_init(&o, 0);
	*state = &o;
	return 0;
}

int fixture_buf_teardown(void **state)
{
	buf_free(*state);
	return 0;
}
