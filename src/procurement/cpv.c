/*
 * cpv.c — the CPV 2008 code list, parsed once from the CSV compiled into the binary and kept
 * for the life of the process (about 600 KB). Layer: capability domain (procurement).
 */
#include "cpv.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/csv.h"
#include "../base/log.h"

extern const unsigned char cpv_csv[];
extern const size_t cpv_csv_len;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct arena store;
static struct cpv_code *codes;
static size_t ncodes;
static const struct cpv_code **divisions;
static size_t ndivisions;

char cpv_check_digit(const char *eight)
{
	static const int weight[8] = {3, 7, 1, 3, 7, 1, 3, 7};
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (eight[i] - '0') * weight[i];
	return (char)('0' + sum % 10);
}

/* the first n bytes of s are ASCII digits */
static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct cpv_code *)a)->code, ((const struct cpv_code *)b)->code);
}

static void load(void)
{
	arena_init(&store, 0);
	struct csv c;
	struct csv_record rec;
	csv_open(&c, (const char *)cpv_csv, cpv_csv_len);
	size_t cap = 0;
	int r;
	bool header = true;
	while ((r = csv_next(&c, &store, &rec)) == 1) {
		if (header) {
			header = false;
			continue;
		}
		const char *code = rec.n >= 2 ? rec.f[0] : "";
		if (strlen(code) != 10 || !digits(code, 8) || code[8] != '-' ||
		    code[9] != cpv_check_digit(code)) {
			log_error("cpv: line %d of the compiled list is not a code: skipped", rec.line);
			continue;
		}
		codes = arena_grow(&store, codes, sizeof *codes, ncodes, &cap);
		if (!codes)
			return;
		memcpy(codes[ncodes].code, code, 11);
		codes[ncodes].label = rec.f[1];
		ncodes++;
	}
	if (r < 0)
		log_error("cpv: the compiled list is malformed at line %d: %s", c.error_line, c.error);
	qsort(codes, ncodes, sizeof *codes, by_code);
	size_t dcap = 0;
	for (size_t i = 0; i < ncodes; i++) {
		if (memcmp(codes[i].code + 2, "000000", 6) != 0)
			continue;
		divisions = arena_grow(&store, divisions, sizeof *divisions, ndivisions, &dcap);
		if (!divisions)
			return;
		divisions[ndivisions++] = &codes[i];
	}
}

const struct cpv_code *cpv_all(size_t *n)
{
	pthread_once(&once, load);
	*n = ncodes;
	return ncodes ? codes : NULL;
}

const struct cpv_code *cpv_find(const char *code)
{
	size_t n;
	const struct cpv_code *all = cpv_all(&n);
	if (!all || !code || strlen(code) != 10)
		return NULL;
	struct cpv_code key;
	memcpy(key.code, code, 11);
	return bsearch(&key, all, n, sizeof *all, by_code);
}

enum cpv_result cpv_check(const char *s, char code[11])
{
	if (!s)
		return CPV_FORMAT;
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	char c[11];
	if (n == 10 && s[8] == '-' && digits(s, 8) && digits(s + 9, 1)) {
		memcpy(c, s, 10);
	} else if (n == 9) {
		if (!digits(s, 9))
			return CPV_FORMAT;
		memcpy(c, s, 8);
		c[8] = '-';
		c[9] = s[8];
	} else {
		return CPV_FORMAT;
	}
	c[10] = 0;
	if (c[9] != cpv_check_digit(c))
		return CPV_CHECK_DIGIT;
	if (!cpv_find(c))
		return CPV_UNKNOWN;
	memcpy(code, c, 11);
	return CPV_OK;
}

const char *cpv_message(enum cpv_result r)
{
	switch (r) {
	case CPV_OK:
		return "";
	case CPV_FORMAT:
		return "Skriv CPV-koden som otte cifre, bindestreg og kontrolciffer, fx 39000000-2.";
	case CPV_CHECK_DIGIT:
		return "Kontrolcifferet passer ikke til CPV-koden. Tjek koden i udbudsmaterialet.";
	case CPV_UNKNOWN:
		return "CPV-koden findes ikke i EU's CPV-liste (2008).";
	}
	return "";
}

const struct cpv_code *const *cpv_divisions(size_t *n)
{
	pthread_once(&once, load);
	*n = ndivisions;
	return divisions;
}

int cpv_division_valid(const char *s)
{
	if (!s || strlen(s) != 2 || !digits(s, 2))
		return 0;
	size_t n;
	const struct cpv_code *const *d = cpv_divisions(&n);
	for (size_t i = 0; i < n; i++)
		if (memcmp(d[i]->code, s, 2) == 0)
			return 1;
	return 0;
}
