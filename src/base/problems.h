/*
 * problems.h — the problems found in a file, each with its line and column, as the imports
 * report them ("LINE:COLUMN: message").
 * Layer: base (libc only).
 */
#ifndef INDGANG_PROBLEMS_H
#define INDGANG_PROBLEMS_H

#include <stdbool.h>

struct arena;

#define IMPORT_MAX_PROBLEMS 1000

struct import_problem {
	int line, col;
	const char *message;
};

struct import_report {
	int rows;
	int created, updated, unchanged; /* all 0 when the import failed */
	int committed;                   /* rows done in transactions that committed, also when
	                                    a later one failed (an import that writes in slices) */
	struct import_problem *problems; /* owned by the arena given to problems_add */
	int nproblems;
	bool truncated;                  /* more problems than were kept */
};

/* problems_add: records a problem (a copy of message, in a); past IMPORT_MAX_PROBLEMS only
 * sets truncated. */
void problems_add(struct arena *a, struct import_report *rep, int line, int col, const char *message);

#endif
