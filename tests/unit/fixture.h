/*
 * fixture.h — what the unit tests share: running a literal SQL statement against a test's
 * database whatever it returns. Layer: tests.
 */
#ifndef INDGANG_TEST_FIXTURE_H
#define INDGANG_TEST_FIXTURE_H

#include "src/base/err.h"
#include "src/store/db.h"

/* EXEC_SQL: prepares the literal sql, steps it past every row and releases it: 0 when it ran
 * to its end, ERR_DB or ERR_CONFLICT as db_step says otherwise. */
#define EXEC_SQL(db, sql) fixture_exec(db_prepare((db), sql))

static inline int fixture_exec(struct db_stmt *s)
{
	if (!s)
		return ERR_DB;
	int rc;
	while ((rc = db_step(s)) == DB_ROW)
		;
	db_done(s);
	return rc == DB_DONE ? 0 : rc;
}

#endif
