/*
 * test_json.c — the streaming JSON writer (src/view/json.h): exact output for scalars, nested
 * objects and arrays and their commas, string escaping (quote, backslash, newline, control
 * characters as \u00XX, broken UTF-8 as U+FFFD), numbers at their limits, and every shape
 * parsed back with jansson to prove it is valid JSON holding the values written.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "src/base/buf.h"
#include "src/view/json.h"

#define N_OF(x) (sizeof(x) / sizeof((x)[0]))

struct fx {
	struct buf o;
	struct json w;
	json_t *doc; /* the parsed output, released in the teardown */
};

static int setup(void **state)
{
	static struct fx f;
	buf_init(&f.o, 0);
	json_init(&f.w, &f.o);
	f.doc = NULL;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	json_decref(f->doc);
	f->doc = NULL;
	buf_free(&f->o);
	return 0;
}

/* parse the writer's output with jansson; fails the test when it is not one valid document */
static json_t *parse(struct fx *f)
{
	json_error_t err;
	json_decref(f->doc);
	f->doc = json_loads(buf_str(&f->o), JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
	if (!f->doc)
		fail_msg("invalid JSON (%s at %d): %s", err.text, err.position, buf_str(&f->o));
	return f->doc;
}

static void test_empty_containers(void **state)
{
	struct fx *f = *state;
	json_obj_open(&f->w, NULL);
	json_obj_close(&f->w);
	assert_string_equal(buf_str(&f->o), "{}");
	assert_true(json_is_object(parse(f)));

	buf_reset(&f->o);
	json_init(&f->w, &f->o);
	json_arr_open(&f->w, NULL);
	json_arr_close(&f->w);
	assert_string_equal(buf_str(&f->o), "[]");
	assert_true(json_is_array(parse(f)));

	buf_reset(&f->o);
	json_init(&f->w, &f->o);
	json_obj_open(&f->w, NULL);
	json_obj_open(&f->w, "a");
	json_obj_close(&f->w);
	json_arr_open(&f->w, "b");
	json_arr_close(&f->w);
	json_obj_close(&f->w);
	assert_string_equal(buf_str(&f->o), "{\"a\":{},\"b\":[]}");
	parse(f);
}

static void test_scalars(void **state)
{
	struct fx *f = *state;
	json_obj_open(&f->w, NULL);
	json_str(&f->w, "s", "Kolding");
	json_int(&f->w, "n", -42);
	json_bool(&f->w, "t", true);
	json_bool(&f->w, "f", false);
	json_null_at(&f->w, "z");
	json_str(&f->w, "sn", NULL);
	json_double(&f->w, "d", 0.5);
	json_obj_close(&f->w);
	assert_string_equal(buf_str(&f->o), "{\"s\":\"Kolding\",\"n\":-42,\"t\":true,\"f\":false,"
	                                    "\"z\":null,\"sn\":null,\"d\":0.5}");
	json_t *d = parse(f);
	assert_int_equal(json_object_size(d), 7);
	assert_string_equal(json_string_value(json_object_get(d, "s")), "Kolding");
	assert_int_equal(json_integer_value(json_object_get(d, "n")), -42);
	assert_true(json_is_true(json_object_get(d, "t")));
	assert_true(json_is_false(json_object_get(d, "f")));
	assert_true(json_is_null(json_object_get(d, "z")));
	assert_true(json_is_null(json_object_get(d, "sn")));
	assert_true(json_real_value(json_object_get(d, "d")) == 0.5);
}

static void test_array_commas(void **state)
{
	struct fx *f = *state;
	json_arr_open(&f->w, NULL);
	json_int(&f->w, NULL, 1);
	json_str(&f->w, NULL, "to");
	json_bool(&f->w, NULL, true);
	json_null_at(&f->w, NULL);
	json_double(&f->w, NULL, 2.5);
	json_arr_open(&f->w, NULL);
	json_arr_close(&f->w);
	json_obj_open(&f->w, NULL);
	json_obj_close(&f->w);
	json_int(&f->w, NULL, 3);
	json_arr_close(&f->w);
	assert_string_equal(buf_str(&f->o), "[1,\"to\",true,null,2.5,[],{},3]");
	json_t *d = parse(f);
	assert_int_equal(json_array_size(d), 8);
	assert_int_equal(json_integer_value(json_array_get(d, 7)), 3);
}

static void test_nested(void **state)
{
	struct fx *f = *state;
	json_obj_open(&f->w, NULL);
	json_arr_open(&f->w, "rows");
	for (int i = 1; i <= 2; i++) {
		json_obj_open(&f->w, NULL);
		json_int(&f->w, "id", i);
		json_arr_open(&f->w, "tags");
		for (int k = 0; k < i - 1; k++) {
			json_str(&f->w, NULL, "a");
			json_str(&f->w, NULL, "b");
		}
		json_arr_close(&f->w);
		json_obj_open(&f->w, "kommune");
		json_str(&f->w, "kode", "621");
		json_obj_close(&f->w);
		json_obj_close(&f->w);
	}
	json_arr_close(&f->w);
	json_int(&f->w, "total", 2);
	json_obj_close(&f->w);
	assert_string_equal(buf_str(&f->o),
	                    "{\"rows\":[{\"id\":1,\"tags\":[],\"kommune\":{\"kode\":\"621\"}},"
	                    "{\"id\":2,\"tags\":[\"a\",\"b\"],\"kommune\":{\"kode\":\"621\"}}],"
	                    "\"total\":2}");
	json_t *d = parse(f);
	json_t *rows = json_object_get(d, "rows");
	assert_int_equal(json_array_size(rows), 2);
	json_t *second = json_array_get(rows, 1);
	assert_int_equal(json_integer_value(json_object_get(second, "id")), 2);
	assert_int_equal(json_array_size(json_object_get(second, "tags")), 2);
	assert_string_equal(
		json_string_value(json_object_get(json_object_get(second, "kommune"), "kode")), "621");
	assert_int_equal(json_integer_value(json_object_get(d, "total")), 2);
}

static void test_deep_nesting(void **state)
{
	struct fx *f = *state;
	/* as deep as the writer keeps state for, with a sibling on every level */
	const int levels = JSON_DEPTH - 1;
	for (int i = 0; i < levels; i++) {
		json_arr_open(&f->w, NULL);
		json_int(&f->w, NULL, i);
	}
	for (int i = 0; i < levels; i++) {
		json_arr_close(&f->w);
		if (i + 1 < levels)
			json_str(&f->w, NULL, "efter");
	}
	json_t *d = parse(f);
	for (int i = 0; i < levels; i++) {
		assert_true(json_is_array(d));
		assert_int_equal(json_integer_value(json_array_get(d, 0)), i);
		if (i + 1 < levels) {
			assert_int_equal(json_array_size(d), 3);
			assert_string_equal(json_string_value(json_array_get(d, 2)), "efter");
		}
		d = json_array_get(d, 1);
	}
}

/* past the depth the writer keeps state for, it must not write invalid JSON silently: either
 * the output is still valid or the buffer says it failed, as for any other overflow */
static void test_too_deep_is_not_silent(void **state)
{
	struct fx *f = *state;
	const int levels = JSON_DEPTH + 2;
	for (int i = 0; i < levels; i++) {
		json_arr_open(&f->w, NULL);
		json_int(&f->w, NULL, i);
	}
	for (int i = 0; i < levels; i++)
		json_arr_close(&f->w);
	if (f->o.failed)
		return;
	json_error_t err;
	json_t *d = json_loads(buf_str(&f->o), 0, &err);
	if (!d)
		fail_msg("%d levels gave invalid JSON without failing: %s", levels, buf_str(&f->o));
	json_decref(d);
}

static const struct {
	const char *in, *out;
} escape_cases[] = {
	{"", "\"\""},
	{"plain", "\"plain\""},
	{"\"", "\"\\\"\""},
	{"\\", "\"\\\\\""},
	{"a\"b\\c", "\"a\\\"b\\\\c\""},
	{"\n", "\"\\n\""},
	{"\r", "\"\\r\""},
	{"\t", "\"\\t\""},
	{"\x01", "\"\\u0001\""},
	{"\x08", "\"\\u0008\""},
	{"\x0c", "\"\\u000c\""},
	{"\x1f", "\"\\u001f\""},
	{"\x7f", "\"\\u007f\""},
	{"linje 1\nlinje 2", "\"linje 1\\nlinje 2\""},
	{"æøå ÆØÅ €", "\"æøå ÆØÅ €\""},
	{"</script>", "\"</script>\""},
	{"<script>\"'&", "\"<script>\\\"'&\""},
};

static void test_escaping(void **state)
{
	struct fx *f = *state;
	for (size_t i = 0; i < N_OF(escape_cases); i++) {
		buf_reset(&f->o);
		json_escape_into(&f->o, escape_cases[i].in);
		if (strcmp(buf_str(&f->o), escape_cases[i].out) != 0)
			fail_msg("escape case %zu: got %s, expected %s", i, buf_str(&f->o),
			         escape_cases[i].out);
		json_t *d = parse(f);
		assert_string_equal(json_string_value(d), escape_cases[i].in);
	}
}

/* JSON must be UTF-8: each byte of a broken sequence becomes U+FFFD, valid text stays raw */
static void test_invalid_utf8(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *in, *out, *parsed;
	} cases[] = {
		{"a\xff" "b", "\"a\\ufffdb\"", "a\xef\xbf\xbd" "b"},
		{"\xc3", "\"\\ufffd\"", "\xef\xbf\xbd"},
		{"x\xe2\x82", "\"x\\ufffd\\ufffd\"", "x\xef\xbf\xbd\xef\xbf\xbd"},
		{"\xc0\xaf", "\"\\ufffd\\ufffd\"", "\xef\xbf\xbd\xef\xbf\xbd"},
		{"\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"",
		 "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
		{"\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"",
		 "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
		{"\xc3\xa6\xc3(", "\"\xc3\xa6\\ufffd(\"", "\xc3\xa6\xef\xbf\xbd("},
		{"\xf0\x9d\x84\x9e", "\"\xf0\x9d\x84\x9e\"", "\xf0\x9d\x84\x9e"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		buf_reset(&f->o);
		json_escape_into(&f->o, cases[i].in);
		if (strcmp(buf_str(&f->o), cases[i].out) != 0)
			fail_msg("UTF-8 case %zu: got %s, expected %s", i, buf_str(&f->o), cases[i].out);
		json_t *d = parse(f);
		assert_string_equal(json_string_value(d), cases[i].parsed);
	}
	/* as a member name too */
	buf_reset(&f->o);
	json_init(&f->w, &f->o);
	json_obj_open(&f->w, NULL);
	json_str(&f->w, "n\xe6vn", "v\xf8rdi");
	json_obj_close(&f->w);
	assert_string_equal(buf_str(&f->o), "{\"n\\ufffdvn\":\"v\\ufffdrdi\"}");
	parse(f);
}

static void test_escaped_keys(void **state)
{
	struct fx *f = *state;
	json_obj_open(&f->w, NULL);
	json_str(&f->w, "a\"b", "1");
	json_str(&f->w, "c\\d\n", "2");
	json_str(&f->w, "kø", "3");
	json_obj_close(&f->w);
	assert_string_equal(buf_str(&f->o), "{\"a\\\"b\":\"1\",\"c\\\\d\\n\":\"2\",\"kø\":\"3\"}");
	json_t *d = parse(f);
	assert_string_equal(json_string_value(json_object_get(d, "a\"b")), "1");
	assert_string_equal(json_string_value(json_object_get(d, "c\\d\n")), "2");
	assert_string_equal(json_string_value(json_object_get(d, "kø")), "3");
}

static void test_every_control_char_roundtrips(void **state)
{
	struct fx *f = *state;
	char all[64];
	size_t n = 0;
	for (int c = 1; c < 0x20; c++)
		all[n++] = (char)c;
	all[n++] = '"';
	all[n++] = '\\';
	all[n++] = '/';
	all[n++] = 0x7f;
	all[n] = '\0';
	json_arr_open(&f->w, NULL);
	json_str(&f->w, NULL, all);
	json_arr_close(&f->w);
	/* no raw control byte reaches the output */
	for (const char *p = buf_str(&f->o); *p; p++)
		assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
	json_t *d = parse(f);
	assert_string_equal(json_string_value(json_array_get(d, 0)), all);
}

static void test_integers(void **state)
{
	struct fx *f = *state;
	json_arr_open(&f->w, NULL);
	json_int(&f->w, NULL, 0);
	json_int(&f->w, NULL, INT64_MAX);
	json_int(&f->w, NULL, INT64_MIN);
	json_int(&f->w, NULL, 10150817);
	json_arr_close(&f->w);
	assert_string_equal(buf_str(&f->o),
	                    "[0,9223372036854775807,-9223372036854775808,10150817]");
	json_t *d = parse(f);
	assert_true(json_integer_value(json_array_get(d, 1)) == INT64_MAX);
	assert_true(json_integer_value(json_array_get(d, 2)) == INT64_MIN);
}

static void test_doubles(void **state)
{
	struct fx *f = *state;
	static const struct {
		double v;
		const char *out;
	} cases[] = {
		{0.0, "0"},
		{0.1, "0.1"},
		{-2.5, "-2.5"},
		{1.0 / 3.0, "0.333333333333333"},
		{1e300, "1e+300"},
		{1e-7, "1e-07"},
		{123456789012345.0, "123456789012345"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		buf_reset(&f->o);
		json_init(&f->w, &f->o);
		json_double(&f->w, NULL, cases[i].v);
		assert_string_equal(buf_str(&f->o), cases[i].out);
		json_t *d = parse(f);
		assert_true(json_is_number(d));
		assert_true(fabs(json_number_value(d) - cases[i].v) <= fabs(cases[i].v) * 1e-14);
	}
	/* not finite: null, so the document stays valid */
	buf_reset(&f->o);
	json_init(&f->w, &f->o);
	json_obj_open(&f->w, NULL);
	json_double(&f->w, "nan", NAN);
	json_double(&f->w, "inf", INFINITY);
	json_double(&f->w, "minf", -INFINITY);
	json_obj_close(&f->w);
	assert_string_equal(buf_str(&f->o), "{\"nan\":null,\"inf\":null,\"minf\":null}");
	parse(f);
}

/* a few more shapes, each parsed back: what the API writes for lists and errors */
static void test_api_shapes(void **state)
{
	struct fx *f = *state;
	/* the error body */
	json_obj_open(&f->w, NULL);
	json_obj_open(&f->w, "error");
	json_str(&f->w, "code", "invalid");
	json_str(&f->w, "message", "Skriv en gyldig e-mailadresse, fx \"navn@kommune.dk\".");
	json_str(&f->w, "field", "email");
	json_obj_close(&f->w);
	json_obj_close(&f->w);
	json_t *d = parse(f);
	json_t *e = json_object_get(d, "error");
	assert_string_equal(json_string_value(json_object_get(e, "field")), "email");
	assert_string_equal(json_string_value(json_object_get(e, "message")),
	                    "Skriv en gyldig e-mailadresse, fx \"navn@kommune.dk\".");

	/* a list with a hostile name in it */
	buf_reset(&f->o);
	json_init(&f->w, &f->o);
	json_obj_open(&f->w, NULL);
	json_arr_open(&f->w, "items");
	const char *names[] = {"Ærø Køkken", "<script>\"'&", "Linje\nto", ""};
	for (size_t i = 0; i < N_OF(names); i++) {
		json_obj_open(&f->w, NULL);
		json_int(&f->w, "id", (int64_t)i + 1);
		json_str(&f->w, "name", names[i]);
		json_str(&f->w, "closed", NULL);
		json_bool(&f->w, "rsv", i % 2 == 0);
		json_obj_close(&f->w);
	}
	json_arr_close(&f->w);
	json_int(&f->w, "total", 4);
	json_obj_close(&f->w);
	d = parse(f);
	json_t *items = json_object_get(d, "items");
	assert_int_equal(json_array_size(items), N_OF(names));
	for (size_t i = 0; i < N_OF(names); i++) {
		json_t *it = json_array_get(items, i);
		assert_int_equal(json_object_size(it), 4);
		assert_string_equal(json_string_value(json_object_get(it, "name")), names[i]);
		assert_true(json_is_null(json_object_get(it, "closed")));
		assert_true(json_is_boolean(json_object_get(it, "rsv")));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty_containers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scalars, setup, teardown),
		cmocka_unit_test_setup_teardown(test_array_commas, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nested, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deep_nesting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_deep_is_not_silent, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escaping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_utf8, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escaped_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_control_char_roundtrips, setup, teardown),
		cmocka_unit_test_setup_teardown(test_integers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doubles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_api_shapes, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
