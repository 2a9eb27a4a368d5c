/*
 * problems.c — problems found in a file. Layer: base (libc only).
 */
#include "problems.h"

#include "arena.h"

void problems_add(struct arena *a, struct import_report *rep, int line, int col, const char *message)
{
	if (rep->nproblems >= IMPORT_MAX_PROBLEMS) {
		rep->truncated = true;
		return;
	}
	if (!rep->problems)
		rep->problems = arena_alloc(a, sizeof(*rep->problems) * IMPORT_MAX_PROBLEMS);
	rep->problems[rep->nproblems++] = (struct import_problem){line, col, arena_strdup(a, message)};
}
