/*
 * test_cpv.c — the CPV 2008 list compiled into the binary: every code read, the check digit,
 * the forms accepted and refused with their reason, labels and divisions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/procurement/cpv.h"

static void reads_the_whole_list(void **state)
{
	(void)state;
	size_t n = 0;
	const struct cpv_code *all = cpv_all(&n);
	assert_non_null(all);
	assert_int_equal(n, 9455);
	for (size_t i = 1; i < n; i++)
		assert_true(strcmp(all[i - 1].code, all[i].code) < 0);
	size_t nd = 0;
	const struct cpv_code *const *d = cpv_divisions(&nd);
	assert_int_equal(nd, 45);
	assert_string_equal(d[0]->code, "03000000-1");
	assert_true(cpv_division_valid("39"));
	assert_true(cpv_division_valid("55"));
	assert_false(cpv_division_valid("04"));
	assert_false(cpv_division_valid("3"));
	assert_false(cpv_division_valid("3a"));
}

static void checks_codes(void **state)
{
	(void)state;
	char code[11];
	assert_int_equal(cpv_check("55500000-5", code), CPV_OK);
	assert_string_equal(code, "55500000-5");
	assert_string_equal(cpv_find(code)->label, "Canteen and catering services");
	assert_int_equal(cpv_check(" 909100009 ", code), CPV_OK);
	assert_string_equal(code, "90910000-9");
	assert_int_equal(cpv_check("03212211-2", code), CPV_OK);
	assert_int_equal(cpv_check_digit("39000000"), '2');

	memcpy(code, "untouched", 10);
	assert_int_equal(cpv_check("55500000-4", code), CPV_CHECK_DIGIT);
	assert_int_equal(cpv_check("5550000-5", code), CPV_FORMAT);
	assert_int_equal(cpv_check("55500000_5", code), CPV_FORMAT);
	assert_int_equal(cpv_check("", code), CPV_FORMAT);
	assert_int_equal(cpv_check(NULL, code), CPV_FORMAT);
	/* well-formed with a right check digit, but no such code */
	char eight[9] = "12345678";
	char unknown[11];
	memcpy(unknown, eight, 8);
	unknown[8] = '-';
	unknown[9] = cpv_check_digit(eight);
	unknown[10] = 0;
	assert_int_equal(cpv_check(unknown, code), CPV_UNKNOWN);
	assert_string_equal(code, "untouched");
	assert_true(strlen(cpv_message(CPV_UNKNOWN)) > 0);
	assert_null(cpv_find("99999999-9"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_the_whole_list),
		cmocka_unit_test(checks_codes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
