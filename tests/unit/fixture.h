/*
 * fixture.h — what the unit tests share: an in-memory database with the migrations applied and
 * an arena for each test, hand-built callers of every role in two municipalities, users put
 * straight into the store with one known password, and counting or running a literal SQL
 * statement against a test's database.
 * Layer: tests. The helpers fail the running cmocka test instead of returning an error.
 */
#ifndef INDGANG_TEST_FIXTURE_H
#define INDGANG_TEST_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "src/auth/auth.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/store/db.h"

/* ---------------------------------------------------------------- database and arena */

/* what a test with a database gets as *state */
struct fixture {
	struct db *db;
	struct arena a;
};

/* fixture_open: *db an in-memory database with every migration applied, a a fresh arena.
 * Fails the running test when the database cannot be made. */
void fixture_open(struct db **db, struct arena *a);
/* fixture_close: frees what fixture_open made */
void fixture_close(struct db *db, struct arena *a);

/* fixture_setup, fixture_teardown: cmocka setup and teardown giving a struct fixture as *state
 * (one static fixture, so tests run one at a time) */
int fixture_setup(void **state);
int fixture_teardown(void **state);

/* ---------------------------------------------------------------- callers and users */

/* hand-built callers; ids that no row in a fresh database has. Kolding is 621, Silkeborg 740;
 * fixture_virk621 belongs to enterprise 5; fixture_kons_none has no municipality. */
extern const struct principal fixture_admin, fixture_kons621, fixture_kons740, fixture_job621,
	fixture_indk621, fixture_virk621, fixture_kons_none;

/* the password of every user fixture_add_user makes */
#define FIXTURE_PW "korrekt-hest-batteri"

/* fixture_pw_hash: FIXTURE_PW hashed, filled by fixture_group_setup */
extern char fixture_pw_hash[AUTH_HASH_MAX];

/* fixture_group_setup: cmocka group setup that hashes FIXTURE_PW once for the whole run */
int fixture_group_setup(void **state);

/* fixture_add_user: a user with password FIXTURE_PW straight into the store (no rules, no
 * audit); returns its id. Needs fixture_group_setup. */
int64_t fixture_add_user(struct db *db, const char *email, const char *role, const char *kommune,
                         bool active);

/* ---------------------------------------------------------------- the audit log */

/* fixture_audit_count: audit rows with action and entity (NULL: any) */
int64_t fixture_audit_count(struct db *db, const char *action, const char *entity);
/* fixture_last_audit_detail: the newest audit row's detail, copied into a */
const char *fixture_last_audit_detail(struct db *db, struct arena *a);

/* ---------------------------------------------------------------- writers' output */

#ifndef N_OF
#define N_OF(x) (sizeof(x) / sizeof((x)[0]))
#endif
/* a string every writer must escape, and how the HTML writer escapes it */
#define HOSTILE "<script>\"'&"
#define HOSTILE_ESC "&lt;script&gt;&quot;&#39;&amp;"

/* fixture_buf_setup, fixture_buf_teardown: cmocka setup and teardown giving an empty struct buf
 * as *state, for the tests of the HTML, form, layout and chart writers */
int fixture_buf_setup(void **state);
int fixture_buf_teardown(void **state);

/* ---------------------------------------------------------------- literal SQL */

/* EXEC_SQL: prepares the literal sql, steps it past every row and releases it: 0 when it ran
 * to its end, ERR_DB or ERR_CONFLICT as db_step says otherwise. */
#define EXEC_SQL(db, sql) fixture_exec(db_prepare((db), sql))
/* COUNT_SQL: the integer in the first column of the first row of the literal sql (a count);
 * fails the test when there is no row */
#define COUNT_SQL(db, sql) fixture_count(db_prepare((db), sql))

int fixture_exec(struct db_stmt *s);
int64_t fixture_count(struct db_stmt *s);

#endif
