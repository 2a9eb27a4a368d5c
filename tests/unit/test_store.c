/*
 * test_store.c — the storage interface (src/store/db.h) against an in-memory database: the
 * migrations and their record, the 98 municipalities, binding by name (unknown names and
 * unbound parameters fail), one statement per prepare, constraint violations as ERR_CONFLICT,
 * transactions that roll back to nothing, the statement cache, an online backup into a file
 * that opens as a full database, the integrity check, and the append-only audit table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "src/auth/audit.h"
#include "src/auth/auth.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/err.h"
#include "src/kommune/kommune.h"
#include "src/store/db.h"
#include "src/store/migrations.h"
#include "tests/unit/fixture.h"

struct fx {
	struct db *db;
	struct arena a;
	char dir[64];       /* a temporary directory for files, or "" */
};

static int setup_empty(void **state)
{
	static struct fx f;
	memset(&f, 0, sizeof(f));
	assert_int_equal(db_open(":memory:", &f.db), 0);
	arena_init(&f.a, 0);
	*state = &f;
	return 0;
}

static int setup(void **state)
{
	setup_empty(state);
	struct fx *f = *state;
	assert_int_equal(db_migrate(f->db, NULL), 0);
	return 0;
}

/* the path of name inside the test's temporary directory, made on first use */
static const char *temp_path(struct fx *f, const char *name)
{
	if (!f->dir[0]) {
		snprintf(f->dir, sizeof(f->dir), "/tmp/indgang-test-store-XXXXXX");
		if (!mkdtemp(f->dir))
			fail_msg("mkdtemp failed");
	}
	return arena_printf(&f->a, "%s/%s", f->dir, name);
}

static int teardown(void **state)
{
	struct fx *f = *state;
	db_close(f->db);
	if (f->dir[0]) {
		static const char *names[] = {"backup.db", "backup.db-wal", "backup.db-shm",
		                              "backup.db-journal"};
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			unlink(arena_printf(&f->a, "%s/%s", f->dir, names[i]));
		rmdir(f->dir);
	}
	arena_free(&f->a);
	return 0;
}

static int64_t count_kommuner(struct db *db)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM kommuner");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	int64_t n = db_col_int(s, 0);
	db_done(s);
	return n;
}

static int64_t count_audit(struct db *db)
{
	struct db_stmt *s = db_prepare(db, "SELECT count(*) FROM audit");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	int64_t n = db_col_int(s, 0);
	db_done(s);
	return n;
}

/* the name of municipality code, copied into a, or NULL when there is none */
static const char *kommune_navn(struct fx *f, const char *code)
{
	struct db_stmt *s = db_prepare(f->db, "SELECT navn FROM kommuner WHERE kode = :kode");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":kode", code), 0);
	int rc = db_step(s);
	const char *navn = rc == DB_ROW ? arena_strdup(&f->a, db_col_text(s, 0)) : NULL;
	db_done(s);
	return navn;
}

/* ---------------------------------------------------------------- migrations */

static void test_migrate(void **state)
{
	struct fx *f = *state;
	assert_true(migrations_count >= 1);
	assert_int_equal(db_schema_version(f->db), 0);
	int applied = -1;
	assert_int_equal(db_migrate(f->db, &applied), 0);
	assert_int_equal(applied, (int)migrations_count);
	assert_int_equal(db_schema_version(f->db), migrations[migrations_count - 1].version);
	assert_int_equal(db_ping(f->db), 0); /* the health check's read */
	/* a second run applies nothing and changes nothing */
	applied = -1;
	assert_int_equal(db_migrate(f->db, &applied), 0);
	assert_int_equal(applied, 0);
	assert_int_equal(db_migrate(f->db, NULL), 0);
	assert_int_equal(db_schema_version(f->db), migrations[migrations_count - 1].version);
	assert_int_equal(count_kommuner(f->db), KOMMUNE_COUNT);

	/* every migration is recorded once, in order, with its name and a time */
	struct db_stmt *s = db_prepare(f->db, "SELECT version, name, applied_at"
	                                      " FROM schema_migrations ORDER BY version");
	assert_non_null(s);
	size_t i = 0;
	int rc;
	while ((rc = db_step(s)) == DB_ROW) {
		assert_true(i < migrations_count);
		assert_int_equal(db_col_int(s, 0), migrations[i].version);
		assert_string_equal(db_col_text(s, 1), migrations[i].name);
		assert_int_equal(strlen(db_col_text(s, 2)), strlen("2026-11-26T10:00:00Z"));
		i++;
	}
	assert_int_equal(rc, DB_DONE);
	db_done(s);
	assert_int_equal(i, migrations_count);
	assert_int_equal(migrations[0].version, 1);
	assert_string_equal(migrations[0].name, "init");
	for (size_t k = 1; k < migrations_count; k++)
		assert_true(migrations[k].version > migrations[k - 1].version);
}

static void test_kommuner(void **state)
{
	struct fx *f = *state;
	assert_int_equal(count_kommuner(f->db), 98);
	static const struct {
		const char *kode, *navn;
	} cases[] = {
		{"101", "København"}, {"621", "Kolding"}, {"740", "Silkeborg"},
		{"492", "Ærø"},       {"851", "Aalborg"}, {"751", "Aarhus"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *navn = kommune_navn(f, cases[i].kode);
		assert_non_null(navn);
		assert_string_equal(navn, cases[i].navn);
	}
	assert_null(kommune_navn(f, "999"));
	assert_null(kommune_navn(f, "62"));

	struct kommune k;
	assert_int_equal(kommune_get(f->db, &f->a, "621", &k), 0);
	assert_string_equal(k.navn, "Kolding");
	assert_string_equal(k.region, "Syddanmark");
	assert_int_equal(kommune_get(f->db, &f->a, "000", &k), ERR_NOTFOUND);

	/* in Danish order: Æ after Z, and Aa as Å at the very end */
	struct kommune *rows;
	int n = 0;
	assert_int_equal(kommune_list(f->db, &f->a, &rows, &n), 0);
	assert_int_equal(n, 98);
	assert_string_equal(rows[0].navn, "Albertslund");
	assert_string_equal(rows[n - 4].navn, "Ærø");
	assert_string_equal(rows[n - 3].navn, "Aabenraa");
	assert_string_equal(rows[n - 2].navn, "Aalborg");
	assert_string_equal(rows[n - 1].navn, "Aarhus");
}

/* ---------------------------------------------------------------- statements */

static void test_bind_unknown_name(void **state)
{
	struct fx *f = *state;
	struct db_stmt *s = db_prepare(f->db, "SELECT navn FROM kommuner WHERE kode = :kode");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":kommune", "621"), ERR_DB);
	assert_int_equal(db_bind_int(s, ":id", 1), ERR_DB);
	assert_int_equal(db_bind_null(s, ":x"), ERR_DB);
	assert_int_equal(db_bind_blob(s, ":blob", "x", 1), ERR_DB);
	assert_int_equal(db_bind_text(s, "kode", "621"), ERR_DB);  /* the ':' belongs to the name */
	assert_int_equal(db_bind_text(s, ":KODE", "621"), ERR_DB); /* names are exact */
	/* the failed binds bound nothing: the statement still has an unbound parameter */
	assert_int_equal(db_step(s), ERR_DB);
	db_done(s);
}

static void test_unbound_parameter(void **state)
{
	struct fx *f = *state;
	struct db_stmt *s = db_prepare(f->db, "SELECT count(*) FROM kommuner"
	                                      " WHERE region = :region AND navn <> :navn");
	assert_non_null(s);
	assert_int_equal(db_step(s), ERR_DB);
	db_done(s);

	s = db_prepare(f->db, "SELECT count(*) FROM kommuner WHERE region = :region AND navn <> :navn");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":region", "Syddanmark"), 0);
	assert_int_equal(db_step(s), ERR_DB); /* :navn still unbound */
	db_done(s);

	/* bound, it runs; and binding NULL text counts as bound */
	s = db_prepare(f->db, "SELECT count(*) FROM kommuner WHERE region = :region AND navn <> :navn");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":region", "Syddanmark"), 0);
	assert_int_equal(db_bind_text(s, ":navn", NULL), 0);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), 0); /* navn <> NULL is never true */
	db_done(s);
}

/* the same literal each time, so the cached statement is reused */
static struct db_stmt *by_region(struct db *db)
{
	return db_prepare(db, "SELECT count(*) FROM kommuner WHERE region = :region");
}

static void test_cached_statement_rebinds(void **state)
{
	struct fx *f = *state;
	struct db_stmt *s = by_region(f->db);
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":region", "Hovedstaden"), 0);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), 29);
	db_done(s);
	/* the cache hands the statement back with its bindings cleared */
	struct db_stmt *again = by_region(f->db);
	assert_ptr_equal(again, s);
	assert_int_equal(db_step(again), ERR_DB);
	db_done(again);
	/* in use twice at once: a second, independent statement */
	struct db_stmt *a = by_region(f->db), *b = by_region(f->db);
	assert_non_null(a);
	assert_non_null(b);
	assert_ptr_not_equal(a, b);
	assert_int_equal(db_bind_text(a, ":region", "Syddanmark"), 0);
	assert_int_equal(db_bind_text(b, ":region", "Nordjylland"), 0);
	assert_int_equal(db_step(a), DB_ROW);
	assert_int_equal(db_step(b), DB_ROW);
	assert_int_equal(db_col_int(a, 0), 22);
	assert_int_equal(db_col_int(b, 0), 11);
	db_done(a);
	db_done(b);
	db_done(NULL);
}

static void test_one_statement_only(void **state)
{
	struct fx *f = *state;
	assert_null(db_prepare(f->db, "SELECT 1; SELECT 2"));
	assert_null(db_prepare(f->db, "DELETE FROM kommuner; SELECT 1"));
	assert_null(db_prepare(f->db, "SELECT 1; -- a comment is text too"));
	assert_null(db_prepare(f->db, "SELECT 1;x"));
	assert_int_equal(EXEC_SQL(f->db, "DELETE FROM audit WHERE 0; DROP TABLE users"), ERR_DB);
	/* nothing of a refused statement ran */
	assert_int_equal(count_kommuner(f->db), 98);
	assert_non_null(kommune_navn(f, "621"));
	assert_int_equal(EXEC_SQL(f->db, "SELECT count(*) FROM users"), 0);
	/* trailing semicolons and white space are one statement */
	struct db_stmt *s = db_prepare(f->db, "SELECT 7;");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), 7);
	db_done(s);
	s = db_prepare(f->db, "SELECT 8 ;\n\t ;; \r\n");
	assert_non_null(s);
	db_done(s);
	/* nothing, or broken SQL, gives no statement */
	assert_null(db_prepare(f->db, ""));
	assert_null(db_prepare(f->db, "   "));
	assert_null(db_prepare(f->db, "SELEKT 1"));
	assert_null(db_prepare(f->db, "SELECT * FROM no_such_table"));
}

static void test_columns(void **state)
{
	struct fx *f = *state;
	struct db_stmt *s = db_prepare(f->db, "SELECT :t, :i, :n, :b");
	assert_non_null(s);
	assert_int_equal(db_bind_text(s, ":t", "Ærø"), 0);
	assert_int_equal(db_bind_int(s, ":i", INT64_MIN), 0);
	assert_int_equal(db_bind_null(s, ":n"), 0);
	assert_int_equal(db_bind_blob(s, ":b", "a\0b", 3), 0);
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "Ærø");
	assert_false(db_col_null(s, 0));
	assert_true(db_col_int(s, 1) == INT64_MIN);
	assert_true(db_col_null(s, 2));
	assert_null(db_col_text(s, 2));
	assert_int_equal(db_col_int(s, 2), 0);
	assert_false(db_col_null(s, 3));
	assert_int_equal(db_step(s), DB_DONE);
	db_done(s);
}

/* ---------------------------------------------------------------- writes */

static int insert_kommune(struct db *db, const char *kode, const char *navn)
{
	struct db_stmt *s = db_prepare(db, "INSERT INTO kommuner (kode, navn, region)"
	                                   " VALUES (:kode, :navn, 'Test')");
	if (!s)
		return ERR_DB;
	int rc = db_bind_text(s, ":kode", kode) | db_bind_text(s, ":navn", navn);
	if (rc == 0)
		rc = db_step(s);
	db_done(s);
	return rc == DB_DONE ? 0 : rc;
}

static void test_constraints(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *kode, *navn;
		int want;
		const char *what;
	} cases[] = {
		{"998", "Testby", 0, "a new row"},
		{"621", "Andetsted", ERR_CONFLICT, "primary key taken"},
		{"997", "Kolding", ERR_CONFLICT, "unique name taken"},
		{"99", "Kortby", ERR_CONFLICT, "CHECK on the code's length"},
		{"996", NULL, ERR_CONFLICT, "NOT NULL"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (insert_kommune(f->db, cases[i].kode, cases[i].navn) != cases[i].want)
			fail_msg("insert case %zu (%s): expected %d", i, cases[i].what, cases[i].want);
	assert_int_equal(count_kommuner(f->db), 99);

	/* a foreign key: a user of a municipality that does not exist */
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO users (email, role, kommune, password_hash,"
	                                " created_at, updated_at)"
	                                " VALUES ('x@y.dk', 'konsulent', '999', 'h', 'n', 'n')"),
	                 ERR_CONFLICT);
	/* the CHECK that ties an admin to no municipality */
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO users (email, role, kommune, password_hash,"
	                                " created_at, updated_at)"
	                                " VALUES ('x@y.dk', 'admin', '621', 'h', 'n', 'n')"),
	                 ERR_CONFLICT);
	assert_int_equal(EXEC_SQL(f->db, "INSERT INTO users (email, role, kommune, password_hash,"
	                                " created_at, updated_at)"
	                                " VALUES ('x@y.dk', 'konsulent', '621', 'h', 'n', 'n')"),
	                 0);
	assert_int_equal(db_changes(f->db), 1);
	assert_true(db_last_id(f->db) > 0);
}

static void test_rollback_leaves_nothing(void **state)
{
	struct fx *f = *state;
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(insert_kommune(f->db, "990", "Rulby"), 0);
	assert_int_equal(EXEC_SQL(f->db, "DELETE FROM kommuner WHERE kode = '621'"), 0);
	assert_int_equal(count_kommuner(f->db), 98); /* one in, one out, inside */
	db_rollback(f->db);
	assert_int_equal(count_kommuner(f->db), 98);
	assert_null(kommune_navn(f, "990"));
	assert_string_equal(kommune_navn(f, "621"), "Kolding");

	/* a rollback after a failed statement, then a commit that keeps its row */
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(insert_kommune(f->db, "621", "Igen"), ERR_CONFLICT);
	db_rollback(f->db);
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(insert_kommune(f->db, "991", "Gemby"), 0);
	assert_int_equal(db_commit(f->db), 0);
	assert_string_equal(kommune_navn(f, "991"), "Gemby");
	/* rollback outside a transaction is harmless */
	db_rollback(f->db);
	assert_int_equal(count_kommuner(f->db), 99);
	/* db_write_end commits on 0 and rolls back, keeping the error, otherwise */
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(insert_kommune(f->db, "992", "Tobyen"), 0);
	assert_int_equal(db_write_end(f->db, ERR_INVALID), ERR_INVALID);
	assert_int_equal(count_kommuner(f->db), 99);
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(insert_kommune(f->db, "992", "Tobyen"), 0);
	assert_int_equal(db_write_end(f->db, 0), 0);
	assert_int_equal(count_kommuner(f->db), 100);
	/* the writer lock was released each time: another write begins at once */
	assert_int_equal(db_write_begin(f->db), 0);
	db_rollback(f->db);
}

/* ---------------------------------------------------------------- backup, integrity */

static void test_backup(void **state)
{
	struct fx *f = *state;
	const char *path = temp_path(f, "backup.db");
	/* a file that is already there is replaced */
	struct db *old;
	assert_int_equal(db_open(path, &old), 0);
	assert_int_equal(EXEC_SQL(old, "CREATE TABLE gammel (x)"), 0);
	db_close(old);

	assert_int_equal(insert_kommune(f->db, "995", "Kopiby"), 0);
	assert_int_equal(db_backup(f->db, path), 0);

	struct db *copy;
	assert_int_equal(db_open(path, &copy), 0);
	assert_int_equal(count_kommuner(copy), 99);
	assert_int_equal(db_schema_version(copy), migrations[migrations_count - 1].version);
	assert_true(db_integrity_ok(copy));
	assert_int_equal(EXEC_SQL(copy, "SELECT count(*) FROM gammel"), ERR_DB);
	/* migrating the copy applies nothing: it is the same schema */
	int applied = -1;
	assert_int_equal(db_migrate(copy, &applied), 0);
	assert_int_equal(applied, 0);
	struct db_stmt *s = db_prepare(copy, "SELECT navn FROM kommuner WHERE kode = '995'");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "Kopiby");
	db_done(s);
	db_close(copy);
}

static void test_backup_fails(void **state)
{
	struct fx *f = *state;
	assert_int_equal(db_backup(f->db, "/nonexistent-dir/sub/backup.db"), ERR_IO);
}

static void test_integrity(void **state)
{
	struct fx *f = *state;
	assert_true(db_integrity_ok(f->db));
}

/* ---------------------------------------------------------------- the audit table */

static void test_audit_append_only(void **state)
{
	struct fx *f = *state;
	assert_int_equal(count_audit(f->db), 0);
	assert_int_equal(audit_record(f->db, &users_cli, "create", "thing", "1", "621",
	                              AUDIT_DETAIL(AUDIT_INT("a", 1))),
	                 0);
	assert_int_equal(audit_record(f->db, NULL, "read", "thing", NULL, NULL, AUDIT_NONE), 0);
	/* the detail is written by the JSON writer: no value breaks out of its string */
	assert_int_equal(audit_record(f->db, NULL, "update", "thing", "2", NULL,
	                              AUDIT_DETAIL(AUDIT_TEXT("navn", "\",\"admin\":true,\"x\":\"<æ>"),
	                                           AUDIT_TEXT("tom", NULL), AUDIT_BOOL("aktiv", false),
	                                           AUDIT_INT("n", -7))),
	                 0);
	assert_int_equal(count_audit(f->db), 3);

	struct db_stmt *s = db_prepare(f->db, "SELECT user_id, user_email, kommune, action, entity,"
	                                      " entity_id, detail, at FROM audit ORDER BY id");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	assert_int_equal(db_col_int(s, 0), users_cli.id);
	assert_false(db_col_null(s, 0));
	assert_string_equal(db_col_text(s, 1), "kommandolinje");
	assert_string_equal(db_col_text(s, 2), "621");
	assert_string_equal(db_col_text(s, 3), "create");
	assert_string_equal(db_col_text(s, 4), "thing");
	assert_string_equal(db_col_text(s, 5), "1");
	assert_string_equal(db_col_text(s, 6), "{\"a\":1}");
	assert_int_equal(strlen(db_col_text(s, 7)), strlen("2026-11-26T10:00:00.000Z"));
	assert_int_equal(db_step(s), DB_ROW);
	assert_true(db_col_null(s, 0)); /* anonymous */
	assert_true(db_col_null(s, 1));
	assert_true(db_col_null(s, 2));
	assert_true(db_col_null(s, 5));
	assert_string_equal(db_col_text(s, 6), "{}");
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 6),
	                    "{\"navn\":\"\\\",\\\"admin\\\":true,\\\"x\\\":\\\"<æ>\","
	                    "\"tom\":null,\"aktiv\":false,\"n\":-7}");
	db_done(s);

	/* the triggers refuse every UPDATE and DELETE, inside a transaction or not */
	assert_int_equal(EXEC_SQL(f->db, "UPDATE audit SET action = 'skjult'"), ERR_CONFLICT);
	assert_int_equal(EXEC_SQL(f->db, "UPDATE audit SET detail = '{}' WHERE id = 1"),
	                 ERR_CONFLICT);
	assert_int_equal(EXEC_SQL(f->db, "DELETE FROM audit"), ERR_CONFLICT);
	assert_int_equal(EXEC_SQL(f->db, "DELETE FROM audit WHERE id = 2"), ERR_CONFLICT);
	assert_int_equal(db_write_begin(f->db), 0);
	assert_int_equal(EXEC_SQL(f->db, "DELETE FROM audit WHERE id = 1"), ERR_CONFLICT);
	db_rollback(f->db);
	assert_int_equal(count_audit(f->db), 3);
	s = db_prepare(f->db, "SELECT action, detail FROM audit WHERE id = 1");
	assert_non_null(s);
	assert_int_equal(db_step(s), DB_ROW);
	assert_string_equal(db_col_text(s, 0), "create");
	assert_string_equal(db_col_text(s, 1), "{\"a\":1}");
	db_done(s);

	/* and audit_list reads them back, newest first, filtered by municipality */
	struct audit_filter flt = {.limit = 10};
	struct audit_row *rows;
	int n = 0, total = 0;
	assert_int_equal(audit_list(f->db, &f->a, &flt, &rows, &n, &total), 0);
	assert_int_equal(n, 3);
	assert_int_equal(total, 3);
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[1].action, "read");
	assert_string_equal(rows[2].action, "create");
	flt.kommune = "621";
	assert_int_equal(audit_list(f->db, &f->a, &flt, &rows, &n, &total), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].entity_id, "1");
	flt.kommune = "740";
	assert_int_equal(audit_list(f->db, &f->a, &flt, &rows, &n, &total), 0);
	assert_int_equal(n, 0);
	assert_int_equal(total, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrate, setup_empty, teardown),
		cmocka_unit_test_setup_teardown(test_kommuner, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bind_unknown_name, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unbound_parameter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cached_statement_rebinds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_statement_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_constraints, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup, setup, teardown),
		cmocka_unit_test_setup_teardown(test_backup_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_integrity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_append_only, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
