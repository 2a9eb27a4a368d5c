/*
 * fuzz_multipart.c — libFuzzer target for multipart_boundary() and multipart_parse().
 * Layer: tests. The input's first line is a Content-Type header, the rest the body, passed as it
 * comes (not NUL-terminated) so AddressSanitizer sees any read past its end. Checks
 * multipart.h's contract: on success the fields end in {NULL, NULL} with non-empty UTF-8 names
 * and UTF-8 values, at most MULTIPART_MAX_FILES files whose bytes lie inside the body, and a
 * file name without '/' or '\'; on failure a reason and the outputs untouched. Must not touch a
 * database. Run by tests/fuzz/run.sh.
 */
#include <stdint.h>
#include <string.h>

#include "src/base/arena.h"
#include "src/base/text.h"
#include "src/http/multipart.h"
#include "src/http/req.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, 64u << 20);
	const uint8_t *nl = memchr(data, '\n', size);
	size_t hlen = nl ? (size_t)(nl - data) : 0;
	char *ct = arena_strndup(&a, (const char *)data, hlen);
	const char *boundary = multipart_boundary(&a, ct);
	if (boundary)
		FUZZ_CHECK(boundary[0] && strlen(boundary) <= 70, "boundary empty or too long");
	else
		boundary = "XyZ";
	const char *body = nl ? (const char *)nl + 1 : (const char *)data;
	size_t n = nl ? size - hlen - 1 : size;
	struct kv *fields = NULL;
	struct req_file *files = NULL;
	int nfiles = -1;
	const char *why = NULL;
	int rc = multipart_parse(&a, body, n, boundary, &fields, &files, &nfiles, &why);
	if (rc == 0) {
		FUZZ_CHECK(fields != NULL && files != NULL, "success without outputs");
		FUZZ_CHECK(nfiles >= 0 && nfiles <= MULTIPART_MAX_FILES, "file count out of range");
		int count = 0;
		for (; fields[count].name; count++) {
			FUZZ_CHECK(count < MULTIPART_MAX_PARTS, "more than MULTIPART_MAX_PARTS fields");
			FUZZ_CHECK(fields[count].name[0] != '\0', "empty field name");
			FUZZ_CHECK(utf8_valid(fields[count].name, strlen(fields[count].name)), "name not UTF-8");
			FUZZ_CHECK(fields[count].value != NULL, "field without a value");
		}
		for (int i = 0; i < nfiles; i++) {
			const char *d = (const char *)files[i].data;
			FUZZ_CHECK(d >= body && d + files[i].len <= body + n, "file bytes outside the body");
			FUZZ_CHECK(!strchr(files[i].filename, '/') && !strchr(files[i].filename, '\\'),
			           "file name keeps a folder");
			FUZZ_CHECK(files[i].field && files[i].field[0], "file without a field name");
		}
	} else {
		FUZZ_CHECK(rc == -1, "unexpected return value");
		FUZZ_CHECK(why != NULL, "failure without a reason");
		FUZZ_CHECK(fields == NULL && files == NULL && nfiles == -1, "outputs touched on failure");
	}
	arena_free(&a);
	return 0;
}
