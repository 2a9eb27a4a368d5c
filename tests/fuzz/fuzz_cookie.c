/*
 * fuzz_cookie.c — libFuzzer target for urlenc_cookies(), the Cookie header parser.
 * Layer: tests. The input is copied and NUL-terminated, as a header from libmicrohttpd is.
 * Checks form.h's contract: the list is never NULL, ends in {NULL, NULL} and holds at most
 * URLENC_MAX_FIELDS pairs and no more than the header has ';'-separated parts; every name is
 * non-empty, starts with no blank or ';' and holds no '=' or ';'; no value holds a ';'; each
 * name and value (quotes aside) is text of the header. Must not touch a database.
 * Run by tests/fuzz/run.sh.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "src/base/arena.h"
#include "src/http/urlenc.h"
#include "src/http/req.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct kv *list, const char *header)
{
	size_t parts = 1;
	for (const char *p = header; *p; p++)
		if (*p == ';')
			parts++;
	FUZZ_CHECK(list != NULL, "urlenc_cookies returned NULL");
	size_t count = 0;
	for (; list[count].name; count++) {
		FUZZ_CHECK(count < URLENC_MAX_FIELDS, "more than URLENC_MAX_FIELDS cookies");
		const char *name = list[count].name, *value = list[count].value;
		FUZZ_CHECK(value != NULL, "cookie without a value");
		FUZZ_CHECK(name[0] != '\0', "empty cookie name");
		FUZZ_CHECK(name[0] != ' ' && name[0] != '\t', "cookie name starts with a blank");
		FUZZ_CHECK(!strpbrk(name, "=;"), "cookie name holds '=' or ';'");
		FUZZ_CHECK(!strchr(value, ';'), "cookie value holds ';'");
		FUZZ_CHECK(strstr(header, name) != NULL, "cookie name is not text of the header");
		FUZZ_CHECK(strstr(header, value) != NULL, "cookie value is not text of the header");
	}
	FUZZ_CHECK(count <= parts, "more cookies than ';'-separated parts");
	FUZZ_CHECK(list[count].value == NULL, "list terminator has a value");
	if (count)
		FUZZ_CHECK(kv_get(list, list[0].name) == list[0].value, "kv_get misses the first cookie");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *header = malloc(size + 1);
	if (!header)
		return 0;
	memcpy(header, data, size);
	header[size] = '\0';
	struct arena a;
	arena_init(&a, 64u << 20);
	check(urlenc_cookies(&a, header), header);
	const struct kv *none = urlenc_cookies(&a, NULL);
	FUZZ_CHECK(none != NULL && none[0].name == NULL, "no header must give an empty list");
	arena_free(&a);
	free(header);
	return 0;
}
