/*
 * test_money.c — amounts in øre (money.h): what people and machines type is read exactly or
 * refused, and the two ways of writing an amount.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "src/base/err.h"
#include "src/base/money.h"

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))

static void parses_what_people_type(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		int64_t ore;
	} ok[] = {
		{"0", 0},
		{"1234", 123400},
		{"1234.5", 123450},
		{"1234.50", 123450},
		{"1234,50", 123450},
		{"1.234,50", 123450},
		{"1.234", 123400},
		{"1 234,50", 123450},
		{"1.234.567,89", 123456789},
		{"  42 kr.", 4200},
		{"42kr", 4200},
		{"7000000.00", 700000000},
		{"999999999999.99", MONEY_MAX_ORE},
	};
	for (size_t i = 0; i < N_OF(ok); i++) {
		int64_t v = -1;
		assert_int_equal(money_parse(ok[i].in, 0, &v), 0);
		assert_true(v == ok[i].ore);
	}
}

static void refuses_the_rest(void **state)
{
	(void)state;
	static const char *bad[] = {
		"", " ", "kr.", "abc", "12a", "1,234", "1234.567", "1.23.4", "12,3,4", ",5", "5,",
		"1.2345,00", "12 34", "1.234 567", "-5", "--5", "1e3", "0x10", "1000000000000.00",
		"99999999999999999999999",
	};
	for (size_t i = 0; i < N_OF(bad); i++) {
		int64_t v = 77;
		assert_int_equal(money_parse(bad[i], 0, &v), ERR_INVALID);
		assert_true(v == 77); /* nothing written */
	}
	int64_t v = 0;
	assert_int_equal(money_parse("-12.00", 1, &v), 0);
	assert_true(v == -1200);
}

static void writes_both_ways(void **state)
{
	(void)state;
	char b[MONEY_TEXT];
	assert_string_equal(money_api(b, 123450), "1234.50");
	assert_string_equal(money_api(b, 5), "0.05");
	assert_string_equal(money_api(b, -1200), "-12.00");
	assert_string_equal(money_da(b, 123450), "1.234,50 kr.");
	assert_string_equal(money_da(b, 0), "0,00 kr.");
	assert_string_equal(money_da(b, 99), "0,99 kr.");
	assert_string_equal(money_da(b, 700000000), "7.000.000,00 kr.");
	assert_string_equal(money_da_plain(b, 100000), "1.000,00");
	assert_string_equal(money_da_plain(b, -123456789), "-1.234.567,89");
	assert_string_equal(money_da(b, MONEY_MAX_ORE), "999.999.999.999,99 kr.");
	/* what is written is read back to the same øre */
	static const int64_t round[] = {0, 1, 99, 100, 123450, 700000000, MONEY_MAX_ORE};
	for (size_t i = 0; i < N_OF(round); i++) {
		int64_t v = -1;
		assert_int_equal(money_parse(money_api(b, round[i]), 0, &v), 0);
		assert_true(v == round[i]);
		assert_int_equal(money_parse(money_da(b, round[i]), 0, &v), 0);
		assert_true(v == round[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_what_people_type),
		cmocka_unit_test(refuses_the_rest),
		cmocka_unit_test(writes_both_ways),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
