/*
 * test_multipart.c — multipart/form-data as browsers send it (src/http/multipart.h): the
 * boundary from the Content-Type, text fields and files read in place (binary bytes, CRLF and
 * the boundary's look-alikes inside a file), empty file inputs, folders stripped from file
 * names, preamble and epilogue, and every malformed body refused with a reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "src/base/arena.h"
#include "src/base/buf.h"
#include "src/http/multipart.h"
#include "src/http/req.h"

static int setup(void **state)
{
	static struct arena a;
	arena_init(&a, 0);
	*state = &a;
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static void reads_the_boundary(void **state)
{
	struct arena *a = *state;
	assert_string_equal(multipart_boundary(a, "multipart/form-data; boundary=abc"), "abc");
	assert_string_equal(multipart_boundary(a, "Multipart/Form-Data;boundary=\"a b;c\""), "a b;c");
	assert_string_equal(multipart_boundary(a, "multipart/form-data; charset=utf-8; boundary=x1"), "x1");
	assert_null(multipart_boundary(a, "multipart/form-data"));
	assert_null(multipart_boundary(a, "multipart/form-data; boundary="));
	assert_null(multipart_boundary(a, "multipart/form-data; boundary=\"open"));
	assert_null(multipart_boundary(a, "multipart/mixed; boundary=abc"));
	assert_null(multipart_boundary(a, "application/x-www-form-urlencoded"));
	assert_null(multipart_boundary(a, NULL));
	char long_b[128] = "multipart/form-data; boundary=";
	memset(long_b + strlen(long_b), 'x', 71);
	assert_null(multipart_boundary(a, long_b));
}

static void reads_fields_and_files(void **state)
{
	struct arena *a = *state;
	/* a file holding CR, LF, NUL and a line that starts like the boundary but is not it */
	static const char body[] =
		"preamble to ignore\r\n"
		"--XyZ\r\n"
		"Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
		"tok123\r\n"
		"--XyZ\r\n"
		"Content-Disposition: form-data; name=\"alt\"\r\n\r\n"
		"Legehus i grønt\r\n"
		"--XyZ\r\n"
		"Content-Disposition: form-data; name=\"billede\"; filename=\"C:\\\\Billeder\\\\hus.jpg\"\r\n"
		"Content-Type: image/jpeg\r\n\r\n"
		"\xff\xd8\xff\r\n--XyNot\r\n\0tail\r\n"
		"--XyZ\r\n"
		"Content-Disposition: form-data; name=\"bilag\"; filename=\"\"\r\n"
		"Content-Type: application/octet-stream\r\n\r\n"
		"\r\n"
		"--XyZ--\r\n"
		"epilogue";
	struct kv *fields = NULL;
	struct req_file *files = NULL;
	int nfiles = -1;
	const char *why = NULL;
	assert_int_equal(multipart_parse(a, body, sizeof body - 1, "XyZ", &fields, &files, &nfiles, &why), 0);
	assert_string_equal(kv_get(fields, "csrf"), "tok123");
	assert_string_equal(kv_get(fields, "alt"), "Legehus i grønt");
	assert_null(kv_get(fields, "billede"));
	assert_int_equal(nfiles, 2);
	assert_string_equal(files[0].field, "billede");
	assert_string_equal(files[0].filename, "hus.jpg");
	assert_string_equal(files[0].content_type, "image/jpeg");
	assert_int_equal(files[0].len, 19);
	assert_memory_equal(files[0].data, "\xff\xd8\xff\r\n--XyNot\r\n\0tail", 19);
	assert_string_equal(files[1].field, "bilag");
	assert_string_equal(files[1].filename, "");
	assert_int_equal(files[1].len, 0);
}

static void starts_at_the_first_boundary(void **state)
{
	struct arena *a = *state;
	static const char body[] = "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--b--";
	struct kv *fields = NULL;
	struct req_file *files = NULL;
	int nfiles = -1;
	const char *why = NULL;
	assert_int_equal(multipart_parse(a, body, sizeof body - 1, "b", &fields, &files, &nfiles, &why), 0);
	assert_string_equal(kv_get(fields, "a"), "1");
	assert_int_equal(nfiles, 0);
}

static void refuses_malformed_bodies(void **state)
{
	struct arena *a = *state;
	static const char *bad[] = {
		"", "no boundary at all",
		/* no closing boundary */
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1",
		/* headers never end */
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n1\r\n--b--",
		/* no name */
		"--b\r\nContent-Disposition: form-data\r\n\r\n1\r\n--b--",
		/* not form-data */
		"--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--b--",
		/* a text field that is not UTF-8 */
		"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\xfe\r\n--b--",
		/* garbage after a boundary */
		"--bX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--",
		/* an unterminated quoted name */
		"--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n--b--",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct kv *fields = (struct kv *)1;
		struct req_file *files = (struct req_file *)1;
		int nfiles = 77;
		const char *why = NULL;
		if (multipart_parse(a, bad[i], strlen(bad[i]), "b", &fields, &files, &nfiles, &why) != -1)
			fail_msg("body %zu was accepted", i);
		assert_non_null(why);
		assert_true(fields == (struct kv *)1 && files == (struct req_file *)1 && nfiles == 77);
	}
}

static void caps_parts_and_files(void **state)
{
	struct arena *a = *state;
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; i < MULTIPART_MAX_FILES + 1; i++)
		buf_printf(&b, "--b\r\nContent-Disposition: form-data; name=\"f%d\"; filename=\"x\"\r\n\r\nx\r\n", i);
	buf_puts(&b, "--b--");
	struct kv *fields;
	struct req_file *files;
	int nfiles;
	const char *why = NULL;
	assert_int_equal(multipart_parse(a, buf_str(&b), b.len, "b", &fields, &files, &nfiles, &why), -1);
	assert_string_equal(why, "Formularen har for mange filer.");
	buf_reset(&b);
	for (int i = 0; i < MULTIPART_MAX_PARTS + 1; i++)
		buf_printf(&b, "--b\r\nContent-Disposition: form-data; name=\"t%d\"\r\n\r\nv\r\n", i);
	buf_puts(&b, "--b--");
	assert_int_equal(multipart_parse(a, buf_str(&b), b.len, "b", &fields, &files, &nfiles, &why), -1);
	assert_string_equal(why, "Formularen har for mange felter.");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(reads_the_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(reads_fields_and_files, setup, teardown),
		cmocka_unit_test_setup_teardown(starts_at_the_first_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_malformed_bodies, setup, teardown),
		cmocka_unit_test_setup_teardown(caps_parts_and_files, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
