/*
 * test_registry_import.c — the registry's CSV import as it writes: from its staging table in
 * chunks of short transactions. A write that fails in a later chunk keeps the chunks before and
 * says so in rep->committed, and the same file imported again finishes the job; an invalid row at
 * the end of a long file, a duplicate far from its first (or two lines that match one stored
 * enterprise, by name and by CVR), or a row the caller may not write
 * means nothing at all is written; updates replace the lists and the search terms; every
 * enterprise written has its audit line; a file is read through registry_import_file.
 * Layer: tests (cmocka, an in-memory database with the migrations applied).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "src/auth/auth.h"
#include "src/auth/users.h"
#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/base/err.h"
#include "src/registry/registry.h"
#include "src/registry/registry_io.h"
#include "src/registry/registry_search.h"
#include "src/store/db.h"
#include "tests/unit/fixture.h"

static int64_t enterprises(struct fixture *f)
{
	return COUNT_SQL(f->db, "SELECT count(*) FROM enterprises");
}

/* how many enterprises a search finds */
static int found(struct fixture *f, const char *query)
{
	struct registry_query q = {.match = registry_search_query(&f->a, query), .registered = -1,
	                           .day = "2026-01-01", .limit = 10};
	struct registry_item *items;
	int n, total;
	assert_int_equal(registry_list(f->db, &f->a, &q, &items, &n, &total), 0);
	return total;
}

/* a file of n enterprises of Kolding, line i + 1 holding "Række i"; with stop > 0 the row of
 * that number is named "Stop" instead */
static const char *rows_csv(struct fixture *f, int n, int stop, const char *last)
{
	struct buf b;
	buf_init(&b, 0);
	buf_puts(&b, "name,kommune,services,description\n");
	for (int i = 1; i <= n; i++) {
		if (i == stop)
			buf_puts(&b, "Stop,621,kantine,Her standser skrivningen\n");
		else
			buf_printf(&b, "Række %d,621,kantine|cafe,Frokost og kaffe nummer %d\n", i, i);
	}
	if (last)
		buf_puts(&b, last);
	const char *s = arena_strdup(&f->a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* a write that fails in the third chunk keeps the first two, says so, and a second import
 * finishes the job */
static void test_chunk_fails(void **state)
{
	struct fixture *f = *state;
	/* the registry refuses one name while the import writes: a change since the check
	 * (PostgreSQL has no temporary triggers: a constraint, dropped below, does the same) */
	assert_int_equal(db_postgres(f->db)
	                 ? EXEC_SQL(f->db, "ALTER TABLE enterprises ADD CONSTRAINT refuse_stop"
	                                   " CHECK (name <> 'Stop')")
	                 : EXEC_SQL(f->db, "CREATE TEMP TRIGGER refuse_stop BEFORE INSERT ON main.enterprises"
	                                   " WHEN NEW.name = 'Stop' BEGIN SELECT RAISE(ABORT, 'stop'); END"),
	                 0);
	const char *csv = rows_csv(f, 250, 230, NULL);
	struct import_report rep;
	int rc = registry_import_csv_chunked(f->db, &f->a, &users_cli, csv, strlen(csv), 100, &rep);
	assert_int_not_equal(rc, 0);
	assert_int_equal(rep.committed, 200); /* two chunks of 100 committed, the third rolled back */
	assert_int_equal(rep.created + rep.updated + rep.unchanged, 0);
	assert_int_equal(enterprises(f), 200);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM enterprise_search"), 200);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM enterprise_services"), 400);
	assert_int_equal(fixture_audit_count(f->db, "create", "enterprise"), 200);
	assert_int_equal(found(f, "række"), 200);
	/* the staging table is gone with the import */
	assert_int_equal(db_postgres(f->db)
	                 ? COUNT_SQL(f->db, "SELECT count(*) FROM pg_class WHERE relname = 'import_rows'")
	                 : COUNT_SQL(f->db, "SELECT count(*) FROM temp.sqlite_master WHERE name = 'import_rows'"),
	                 0);

	assert_int_equal(db_postgres(f->db)
	                 ? EXEC_SQL(f->db, "ALTER TABLE enterprises DROP CONSTRAINT refuse_stop")
	                 : EXEC_SQL(f->db, "DROP TRIGGER temp.refuse_stop"),
	                 0);
	assert_int_equal(registry_import_csv_chunked(f->db, &f->a, &users_cli, csv, strlen(csv), 100, &rep), 0);
	assert_int_equal(rep.created, 50);
	assert_int_equal(rep.unchanged, 200);
	assert_int_equal(rep.committed, 250);
	assert_int_equal(enterprises(f), 250);
	assert_int_equal(found(f, "stop"), 1);
	assert_int_equal(fixture_audit_count(f->db, "create", "enterprise"), 250);
	/* the ids are those SQLite gives: 1..250, each with its search terms (under -id,
	 * migration 0027) */
	assert_int_equal(COUNT_SQL(f->db, "SELECT max(id) FROM enterprises"), 250);
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM enterprises e JOIN enterprise_search s"
	                                  " ON s.rowid = -e.id"), 250);
}

/* an invalid row at the end of a long file, a duplicate far from its first (also two lines that
 * match one stored enterprise, by name and by CVR), a row the caller may
 * not write: nothing is written */
static void test_nothing_written(void **state)
{
	struct fixture *f = *state;
	struct import_report rep;
	const char *csv = rows_csv(f, 3000, 0, "Dårlig,000,,\n");
	assert_int_equal(registry_import_csv(f->db, &f->a, &users_cli, csv, strlen(csv), false, &rep),
	                 ERR_INVALID);
	assert_int_equal(rep.nproblems, 1);
	assert_int_equal(rep.problems[0].line, 3002);
	assert_int_equal(rep.problems[0].col, 2);
	assert_int_equal(rep.committed, 0);
	assert_int_equal(enterprises(f), 0);

	csv = rows_csv(f, 3000, 0, "Række 7,621,,\n");
	assert_int_equal(registry_import_csv(f->db, &f->a, &users_cli, csv, strlen(csv), false, &rep),
	                 ERR_INVALID);
	assert_int_equal(rep.nproblems, 1);
	assert_int_equal(rep.problems[0].line, 3002);
	assert_non_null(strstr(rep.problems[0].message, "linje 8"));
	assert_int_equal(enterprises(f), 0);

	/* two lines that match one stored enterprise, one by its name, the other by its CVR */
	csv = "name,cvr,kommune\nCafé A,10150817,621\n";
	assert_int_equal(registry_import_csv(f->db, &f->a, &users_cli, csv, strlen(csv), false, &rep), 0);
	csv = "name,cvr,kommune\nCafé A,,621\nNy ejer,10150817,740\n";
	assert_int_equal(registry_import_csv(f->db, &f->a, &users_cli, csv, strlen(csv), true, &rep),
	                 ERR_INVALID);
	assert_int_equal(rep.nproblems, 1);
	assert_int_equal(rep.problems[0].line, 3);
	assert_int_equal(rep.problems[0].col, 2);
	assert_non_null(strstr(rep.problems[0].message, "linje 2"));
	assert_int_equal(EXEC_SQL(f->db, "DELETE FROM enterprises"), 0);

	/* Kolding's konsulent may not write Silkeborg's enterprise, so not the file */
	csv = "name,kommune\nKoldings egen,621\nSilkeborgs egen,740\n";
	assert_int_equal(registry_import_csv(f->db, &f->a, &fixture_kons621, csv, strlen(csv), false, &rep),
	                 ERR_FORBIDDEN);
	assert_int_equal(enterprises(f), 0);
	/* nor may the dry run say it would */
	assert_int_equal(registry_import_csv(f->db, &f->a, &fixture_kons621, csv, strlen(csv), true, &rep),
	                 ERR_FORBIDDEN);
	/* Kolding's own file is Kolding's */
	csv = "name,kommune\nKoldings egen,621\n";
	assert_int_equal(registry_import_csv(f->db, &f->a, &fixture_kons621, csv, strlen(csv), false, &rep), 0);
	assert_int_equal(rep.created, 1);
	assert_int_equal(fixture_audit_count(f->db, "create", "enterprise"), 2); /* and Café A's */
	/* it has Café A's id again, whose search terms the DELETE above left: replaced, not refused */
	assert_int_equal(COUNT_SQL(f->db, "SELECT count(*) FROM enterprise_search"), 1);
	assert_int_equal(found(f, "koldings"), 1);
	assert_int_equal(found(f, "café"), 0);
}

/* updates, set-wise: the columns in the file replace, the others stay; lists and search terms
 * are replaced; a CVR finds an enterprise under a new name; each update is audited */
static void test_updates(void **state)
{
	struct fixture *f = *state;
	struct import_report rep;
	const char *csv = "name,cvr,kommune,services,other_kommuner,description,established\n"
	                  "Grønttorvet,10150817,621,kantine|cafe,740,Grøntsager fra egen have,2015-01-01\n"
	                  "Cykelværkstedet,,621,haandvaerk,,Reparationer,\n"
	                  "Uændret,,740,,,Som før,\n";
	assert_int_equal(registry_import_csv(f->db, &f->a, &users_cli, csv, strlen(csv), false, &rep), 0);
	assert_int_equal(rep.created, 3);
	/* the dry run of a changed file counts without writing */
	const char *upd = "name,cvr,kommune,services,description\n"
	                  "Frugttorvet,10150817,621,it,Frugt og bær\n"
	                  "Cykelværkstedet,,621,,Cykler til salg\n"
	                  "Uændret,,740,,Som før\n"
	                  "Nyt Bageri,,630,,Brød\n";
	assert_int_equal(registry_import_csv(f->db, &f->a, &users_cli, upd, strlen(upd), true, &rep), 0);
	assert_int_equal(rep.created, 1);
	assert_int_equal(rep.updated, 2);
	assert_int_equal(rep.unchanged, 1);
	assert_int_equal(found(f, "frugt"), 0);
	assert_int_equal(registry_import_csv(f->db, &f->a, &users_cli, upd, strlen(upd), false, &rep), 0);
	assert_int_equal(rep.created, 1);
	assert_int_equal(rep.updated, 2);
	assert_int_equal(rep.unchanged, 1);
	assert_int_equal(rep.committed, 4);
	assert_int_equal(enterprises(f), 4);
	int64_t id;
	assert_int_equal(registry_find(f->db, "10150817", NULL, NULL, &id), 0);
	struct enterprise e;
	assert_int_equal(registry_get(f->db, &f->a, id, &e), 0);
	assert_string_equal(e.name, "Frugttorvet");
	assert_string_equal(e.established, "2015-01-01"); /* not in the file: kept */
	assert_int_equal(e.nservices, 1);
	assert_string_equal(e.services[0], "it");
	assert_int_equal(e.nothers, 1); /* not in the file: kept */
	assert_int_equal(registry_find(f->db, NULL, "Cykelværkstedet", "621", &id), 0);
	assert_int_equal(registry_get(f->db, &f->a, id, &e), 0);
	assert_int_equal(e.nservices, 0); /* an empty column empties the list */
	/* the search terms follow: the old name and description are gone, the new found */
	assert_int_equal(found(f, "grønttorvet"), 0);
	assert_int_equal(found(f, "frugttorvet"), 1);
	assert_int_equal(found(f, "reparationer"), 0);
	assert_int_equal(found(f, "cykler"), 1);
	assert_int_equal(found(f, "brød"), 1);
	assert_int_equal(fixture_audit_count(f->db, "update", "enterprise"), 2);
	assert_int_equal(fixture_audit_count(f->db, "create", "enterprise"), 4);
	assert_non_null(strstr(fixture_last_audit_detail(f->db, &f->a), "Nyt Bageri"));
}

/* a file read through its mapping: as the same bytes in memory; a file that cannot be read */
static void test_import_file(void **state)
{
	struct fixture *f = *state;
	char path[] = "/tmp/indgang-import-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *csv = rows_csv(f, 500, 0, NULL);
	assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
	close(fd);
	struct import_report rep;
	assert_int_equal(registry_import_file(f->db, &f->a, &users_cli, path, true, &rep), 0);
	assert_int_equal(rep.created, 500);
	assert_int_equal(enterprises(f), 0);
	assert_int_equal(registry_import_file(f->db, &f->a, &users_cli, path, false, &rep), 0);
	assert_int_equal(rep.created, 500);
	assert_int_equal(enterprises(f), 500);
	/* an empty file is the empty file's problem, not a failure to read */
	fd = open(path, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(registry_import_file(f->db, &f->a, &users_cli, path, false, &rep), ERR_INVALID);
	assert_non_null(strstr(rep.problems[0].message, "tom"));
	unlink(path);
	assert_int_equal(registry_import_file(f->db, &f->a, &users_cli, path, false, &rep), ERR_IO);
	assert_int_equal(registry_import_file(f->db, &f->a, &users_cli, "/tmp", false, &rep), ERR_IO);
}

/* a chunk's search terms are one part of the index, written in one go: FTS5 writes a part
 * whenever a row's rowid is below the one before, and the terms are kept under -id, so they
 * are inserted newest first (in the file's order, each line was a part of its own) */
static void test_chunk_is_one_index_part(void **state)
{
	struct fixture *f = *state;
	const char *csv = rows_csv(f, 200, 0, NULL);
	struct import_report rep;
	assert_int_equal(registry_import_csv_chunked(f->db, &f->a, &users_cli, csv, strlen(csv), 200, &rep), 0);
	assert_int_equal(rep.created, 200);
	if (!db_postgres(f->db))
		assert_int_equal(COUNT_SQL(f->db, "SELECT count(DISTINCT segid) FROM enterprise_search_idx"), 1);
	assert_int_equal(found(f, "række"), 200);
}

/* an import of 1,000 rows or more leaves the search index in one part (its chunks made many),
 * and finds what it wrote; a smaller one leaves the merging to the index's own */
static void test_large_import_merges_index(void **state)
{
	struct fixture *f = *state;
	const char *csv = rows_csv(f, 1200, 0, NULL);
	struct import_report rep;
	assert_int_equal(registry_import_csv_chunked(f->db, &f->a, &users_cli, csv, strlen(csv), 100, &rep), 0);
	assert_int_equal(rep.created, 1200);
	/* FTS5's segments: SQLite's alone (PostgreSQL's index has no parts to merge) */
	if (!db_postgres(f->db))
		assert_int_equal(COUNT_SQL(f->db, "SELECT count(DISTINCT segid) FROM enterprise_search_idx"), 1);
	assert_int_equal(found(f, "række"), 1000); /* a search counts to 1,000 */
	/* 300 more in chunks of 10: not merged after, so more than one part */
	struct buf b;
	buf_init(&b, 0);
	buf_puts(&b, "name,kommune\n");
	for (int i = 0; i < 300; i++)
		buf_printf(&b, "Nyere %d,740\n", i);
	const char *more = arena_strdup(&f->a, buf_str(&b));
	buf_free(&b);
	assert_int_equal(registry_import_csv_chunked(f->db, &f->a, &users_cli, more, strlen(more), 10, &rep), 0);
	assert_int_equal(rep.created, 300);
	if (!db_postgres(f->db))
		assert_true(COUNT_SQL(f->db, "SELECT count(DISTINCT segid) FROM enterprise_search_idx") > 1);
	assert_int_equal(found(f, "nyere"), 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_chunk_fails, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_nothing_written, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_updates, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_import_file, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_chunk_is_one_index_part, fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_large_import_merges_index, fixture_setup,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
