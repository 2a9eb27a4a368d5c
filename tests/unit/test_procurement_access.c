/*
 * test_procurement_access.c — who may do what in the municipality as customer
 * (src/auth/access.h): the catalogue's keepers, a municipality's purchasing (read and write)
 * and its list scope, the supplier, and collaboration (own, other and national), as tables over every role, own and other municipality
 * and enterprise.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/auth/access.h"
#include "src/auth/auth.h"
#include "src/base/err.h"
#include "tests/unit/fixture.h"

#define Y 0
#define N ERR_FORBIDDEN
#define N_OF(x) (sizeof(x) / sizeof((x)[0]))

static const char *name(const struct principal *who)
{
	return who ? who->email : "anonymous";
}

static void catalogue_is_kept_by_the_enterprise_and_its_konsulent(void **state)
{
	(void)state;
	/* fixture_virk621 represents enterprise 5 of 621 */
	static const struct {
		const struct principal *who;
		const char *kommune;
		int64_t id;
		int write;
	} rows[] = {
		{&fixture_admin, "621", 5, Y},   {&fixture_admin, "740", 9, Y},
		{&fixture_kons621, "621", 6, Y}, {&fixture_kons621, "740", 9, N},
		{&fixture_kons740, "740", 9, Y}, {&fixture_job621, "621", 5, N},
		{&fixture_indk621, "621", 5, N}, {&fixture_virk621, "621", 5, Y},
		{&fixture_virk621, "621", 6, N}, {&fixture_virk621, "740", 5, N},
		{&fixture_kons_none, "621", 5, N}, {NULL, "621", 5, N},
		{&fixture_admin, NULL, 5, N},
	};
	for (size_t i = 0; i < N_OF(rows); i++) {
		int w = access_catalogue_write(rows[i].who, rows[i].kommune, rows[i].id);
		if (w != rows[i].write)
			fail_msg("catalogue row %zu (%s): %d, expected %d", i, name(rows[i].who), w,
			         rows[i].write);
	}
}

static void purchasing_is_the_municipalitys(void **state)
{
	(void)state;
	static const struct {
		const struct principal *who;
		const char *kommune;
		int read, write;
	} rows[] = {
		{&fixture_admin, "621", Y, Y},    {&fixture_admin, "740", Y, Y},
		{&fixture_kons621, "621", Y, Y},  {&fixture_kons621, "740", N, N},
		{&fixture_indk621, "621", Y, Y},  {&fixture_indk621, "740", N, N},
		{&fixture_job621, "621", Y, N},   {&fixture_job621, "740", N, N},
		{&fixture_virk621, "621", N, N},  {&fixture_kons_none, "621", N, N},
		{NULL, "621", N, N},              {&fixture_kons621, NULL, N, N},
	};
	for (size_t i = 0; i < N_OF(rows); i++) {
		int r = access_procurement(rows[i].who, ACC_READ, rows[i].kommune);
		int w = access_procurement(rows[i].who, ACC_WRITE, rows[i].kommune);
		if (r != rows[i].read || w != rows[i].write)
			fail_msg("purchasing row %zu (%s): read %d write %d, expected %d %d", i,
			         name(rows[i].who), r, w, rows[i].read, rows[i].write);
	}
	assert_int_equal(access_procurement(&fixture_admin, ACC_NATIONAL, "621"), N);
	assert_int_equal(access_procurement(&fixture_kons621, ACC_READ_PERSONAL, "621"), N);

	const char *k = "untouched";
	assert_int_equal(access_procurement_scope(&fixture_admin, &k), 0);
	assert_null(k);
	assert_int_equal(access_procurement_scope(&fixture_indk621, &k), 0);
	assert_string_equal(k, "621");
	assert_int_equal(access_procurement_scope(&fixture_job621, &k), 0);
	assert_string_equal(k, "621");
	k = "untouched";
	assert_int_equal(access_procurement_scope(&fixture_virk621, &k), N);
	assert_int_equal(access_procurement_scope(&fixture_kons_none, &k), N);
	assert_int_equal(access_procurement_scope(NULL, &k), N);
	assert_string_equal(k, "untouched");
}

static void a_supplier_is_the_enterprises_own_account(void **state)
{
	(void)state;
	assert_int_equal(access_supplier(&fixture_virk621, 5), Y);
	assert_int_equal(access_supplier(&fixture_virk621, 6), N);
	assert_int_equal(access_supplier(&fixture_virk621, 0), N);
	assert_int_equal(access_supplier(&fixture_admin, 5), N);
	assert_int_equal(access_supplier(&fixture_kons621, 5), N);
	assert_int_equal(access_supplier(&fixture_indk621, 5), N);
	assert_int_equal(access_supplier(NULL, 5), N);
}

static void collaboration_is_the_municipalitys_staff(void **state)
{
	(void)state;
	static const struct {
		const struct principal *who;
		const char *kommune;
		int read, write;
	} rows[] = {
		{&fixture_admin, "621", Y, Y},     {&fixture_admin, NULL, Y, Y},
		{&fixture_kons621, "621", Y, Y},   {&fixture_kons621, "740", N, N},
		{&fixture_kons621, NULL, Y, N},    {&fixture_job621, "621", Y, Y},
		{&fixture_job621, "740", N, N},    {&fixture_indk621, "621", Y, N},
		{&fixture_indk621, NULL, Y, N},    {&fixture_virk621, "621", N, N},
		{&fixture_virk621, NULL, N, N},    {&fixture_kons_none, "621", N, N},
		{&fixture_kons_none, NULL, N, N},  {NULL, "621", N, N},
		{NULL, NULL, N, N},
	};
	for (size_t i = 0; i < N_OF(rows); i++) {
		int r = access_collaboration(rows[i].who, ACC_READ, rows[i].kommune);
		int w = access_collaboration(rows[i].who, ACC_WRITE, rows[i].kommune);
		if (r != rows[i].read || w != rows[i].write)
			fail_msg("collaboration row %zu (%s, %s): read %d write %d, expected %d %d", i,
			         name(rows[i].who), rows[i].kommune ? rows[i].kommune : "national", r, w,
			         rows[i].read, rows[i].write);
	}
	assert_int_equal(access_collaboration(&fixture_admin, ACC_MANAGE_USERS, "621"), N);
	const char *k = "untouched";
	assert_int_equal(access_collaboration_scope(&fixture_admin, &k), 0);
	assert_null(k);
	assert_int_equal(access_collaboration_scope(&fixture_indk621, &k), 0);
	assert_string_equal(k, "621");
	k = "untouched";
	assert_int_equal(access_collaboration_scope(&fixture_virk621, &k), N);
	assert_int_equal(access_collaboration_scope(&fixture_kons_none, &k), N);
	assert_string_equal(k, "untouched");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(catalogue_is_kept_by_the_enterprise_and_its_konsulent),
		cmocka_unit_test(purchasing_is_the_municipalitys),
		cmocka_unit_test(a_supplier_is_the_enterprises_own_account),
		cmocka_unit_test(collaboration_is_the_municipalitys_staff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
