/*
 * testdb.h — the tests' databases on PostgreSQL: the unit tests and the HTTP tests run on
 * PostgreSQL when INDGANG_TEST_BACKEND is "postgresql" (tests/run.sh runs them a second time so),
 * each test on a database of its own, cloned from a migrated template in the cluster that
 * INDGANG_TEST_PG names (tests/tools/pgtmp.sh made it) and dropped after the test.
 * Layer: tests. Runs PostgreSQL's createdb and dropdb (postgresql-client) as child processes:
 * CREATE DATABASE takes a name that no statement parameter can give.
 */
#ifndef INDGANG_TEST_TESTDB_H
#define INDGANG_TEST_TESTDB_H

#include <stdbool.h>
#include <stddef.h>

/* testdb_on_pg: the tests of this run use PostgreSQL (INDGANG_TEST_BACKEND=postgresql and
 * INDGANG_TEST_PG set) */
bool testdb_on_pg(void);
/* testdb_template: the URI of the template database (indgang_template in the cluster of
 * INDGANG_TEST_PG) into out; 0, or -1 when it does not fit. The caller migrates it (once per
 * process is enough; a second migration applies nothing) before the first testdb_new. */
int testdb_template(char *out, size_t n);
/* testdb_new: a new database, a copy of the template, its URI into out; 0 or -1 (with a line
 * on stderr saying why) */
int testdb_new(char *out, size_t n);
/* testdb_drop: drops the database of a testdb_new URI (its connections are ended first) */
void testdb_drop(const char *uri);

#endif
