/*
 * test_pdf.c — the content check of a bid's documents (src/procurement/pdf.h) against the real
 * and malformed sample files of tests/data/pdf/ (made by make.py there): well-formed documents
 * with a table or a stream of cross references, version 2.0, an incremental update and bytes
 * before the header pass; empty, cut-off, header-less, late-header, unknown-version, xref-less,
 * encrypted and JavaScript or Launch documents (the names also hidden with #xx escapes) are
 * refused with the reason, and the size cap holds. A PDF made by a real tool (shipped by
 * Debian's shared-mime-info) is checked too when the machine has it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/procurement/pdf.h"

/* the bytes of path into a fresh buffer (caller frees); *len; NULL when missing */
static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	unsigned char *buf = NULL;
	size_t cap = 0;
	*len = 0;
	for (;;) {
		if (*len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		size_t got = fread(buf + *len, 1, cap - *len, f);
		if (got == 0)
			break;
		*len += got;
	}
	fclose(f);
	return buf;
}

static enum pdf_result check_file(const char *name)
{
	char path[256];
	snprintf(path, sizeof(path), "tests/data/pdf/%s", name);
	size_t len;
	unsigned char *d = slurp(path, &len);
	if (!d)
		fail_msg("missing sample %s", path);
	enum pdf_result r = pdf_check(d, len);
	free(d);
	return r;
}

static void test_samples(void **state)
{
	(void)state;
	static const struct {
		const char *file;
		enum pdf_result want;
	} rows[] = {
		{"tilbud.pdf", PDF_OK},
		{"xref-stream.pdf", PDF_OK},
		{"version-2.0.pdf", PDF_OK},
		{"updated.pdf", PDF_OK},
		{"junk-before-header.pdf", PDF_OK},
		{"empty.pdf", PDF_EMPTY},
		{"truncated.pdf", PDF_NO_EOF},
		{"shell.pdf", PDF_NO_EOF},
		{"picture.pdf", PDF_NO_HEADER},
		{"late-header.pdf", PDF_NO_HEADER},
		{"bad-version.pdf", PDF_NO_HEADER},
		{"no-xref.pdf", PDF_NO_XREF},
		{"encrypted.pdf", PDF_ENCRYPTED},
		{"javascript.pdf", PDF_ACTIVE},
		{"javascript-escaped.pdf", PDF_ACTIVE},
		{"launch.pdf", PDF_ACTIVE},
	};
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		enum pdf_result got = check_file(rows[i].file);
		if (got != rows[i].want)
			fail_msg("%s: got %d, expected %d", rows[i].file, got, rows[i].want);
	}
}

static void test_real_tool_pdf(void **state)
{
	(void)state;
	size_t len;
	unsigned char *d = slurp("/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf", &len);
	if (!d) {
		print_message("no PDF of Debian's shared-mime-info on this machine: nothing to check\n");
		return;
	}
	assert_int_equal(pdf_check(d, len), PDF_OK);
	/* the same file cut short, or with its first byte changed, is refused */
	assert_int_equal(pdf_check(d, len - 100), PDF_NO_EOF);
	d[0] = 'X';
	assert_int_equal(pdf_check(d, len), PDF_NO_HEADER);
	free(d);
}

static void test_size_cap(void **state)
{
	(void)state;
	size_t len;
	unsigned char *good = slurp("tests/data/pdf/tilbud.pdf", &len);
	assert_non_null(good);
	/* the document padded to just over 10 MB with a comment between header and body */
	size_t big = PDF_MAX_BYTES + 1;
	unsigned char *d = malloc(big);
	assert_non_null(d);
	memset(d, ' ', big);
	memcpy(d, good, 16);
	memcpy(d + big - (len - 16), good + 16, len - 16);
	assert_int_equal(pdf_check(d, big), PDF_TOO_BIG);
	/* at exactly the cap it is judged by content, and passes */
	unsigned char *at = d + 1;
	memcpy(at, good, 16);
	assert_int_equal(pdf_check(at, PDF_MAX_BYTES), PDF_OK);
	free(d);
	free(good);
}

static void test_edges(void **state)
{
	(void)state;
	assert_int_equal(pdf_check(NULL, 0), PDF_EMPTY);
	static const unsigned char tiny[] = "%PDF-1.";
	assert_int_equal(pdf_check(tiny, sizeof(tiny) - 1), PDF_NO_HEADER);
	static const unsigned char slash_end[] = "%PDF-1.4\n/";
	assert_int_equal(pdf_check(slash_end, sizeof(slash_end) - 1), PDF_NO_EOF);
	/* a name longer than any of ours, and an escape cut off at the end, do not confuse it */
	static const unsigned char odd[] =
		"%PDF-1.4\n/JavaScriptButMuchLongerThanSixteen /J#6\nxref\ntrailer\nstartxref\n0\n%%EOF";
	assert_int_equal(pdf_check(odd, sizeof(odd) - 1), PDF_OK);
	for (int r = PDF_EMPTY; r <= PDF_ACTIVE; r++)
		assert_true(strlen(pdf_message((enum pdf_result)r)) > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_real_tool_pdf),
		cmocka_unit_test(test_size_cap),
		cmocka_unit_test(test_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
