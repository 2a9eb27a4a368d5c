/*
 * cpv.h — the EU's Common Procurement Vocabulary (CPV 2008, Regulation (EC) No 213/2008): the
 * 9,455 codes of data/reference/cpv-2008.csv with their English labels, compiled into the
 * binary and read once. A code is written "39000000-2": eight digits, a dash and a check digit
 * (the eight digits weighted 3,7,1,3,7,1,3,7, summed, modulo 10). Its division is the first two
 * digits ("39"), whose own code ends in six zeros.
 * Layer: capability domain (procurement); no database.
 */
#ifndef INDGANG_CPV_H
#define INDGANG_CPV_H

#include <stddef.h>

struct cpv_code {
	char code[11];     /* "39000000-2" */
	const char *label; /* English, as published */
};

enum cpv_result {
	CPV_OK = 0,
	CPV_FORMAT,      /* not NNNNNNNN-C */
	CPV_CHECK_DIGIT, /* the check digit does not fit the eight digits */
	CPV_UNKNOWN,     /* well-formed, but not in the list */
};

/* cpv_check: whether s is a code of the list. Accepts "39000000-2" and "390000002" and
 * surrounding spaces; on CPV_OK code (11 bytes) gets the code written with its dash. */
enum cpv_result cpv_check(const char *s, char code[11]);

/* cpv_message: a Danish sentence for a result that is not CPV_OK, for a form's field error. */
const char *cpv_message(enum cpv_result r);

/* cpv_check_digit: the check digit ('0'-'9') of eight digits. */
char cpv_check_digit(const char *eight);

/* cpv_find: the entry of a code written "39000000-2", or NULL. */
const struct cpv_code *cpv_find(const char *code);

/* cpv_divisions: the divisions (codes ending in six zeros), in code order; *n their count. */
const struct cpv_code *const *cpv_divisions(size_t *n);

/* cpv_division_valid: s is two digits naming a division of the list. */
int cpv_division_valid(const char *s);

/* cpv_all: every code in code order; *n their count (9,455). NULL if the list cannot be read. */
const struct cpv_code *cpv_all(size_t *n);

#endif
