/*
 * fuzz_urlenc.c — libFuzzer target for urlenc_parse() and urlenc_decode().
 * Layer: tests. The input is passed as it comes (not NUL-terminated), so AddressSanitizer sees
 * any read past its end. Checks urlenc.h's contract: the list is never NULL, ends in
 * {NULL, NULL}, holds at most URLENC_MAX_FIELDS fields and no more than the input has
 * '&'-separated parts, and every name (non-empty) and value is valid UTF-8 with no NUL inside;
 * urlenc_decode's result is NUL-terminated, never longer than its input, and an input without '%'
 * comes back unchanged apart from '+'. Must not touch a database. Run by tests/fuzz/run.sh.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "src/base/arena.h"
#include "src/base/text.h"
#include "src/http/urlenc.h"
#include "src/http/req.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_decode(struct arena *a, const char *s, size_t n, int plus)
{
	size_t len = (size_t)-1;
	char *d = urlenc_decode(a, s, n, plus, &len);
	FUZZ_CHECK(d != NULL, "urlenc_decode returned NULL");
	FUZZ_CHECK(len <= n, "decoded text longer than its input");
	FUZZ_CHECK(d[len] == '\0', "decoded text not NUL-terminated");
	if (!memchr(s, '%', n)) {
		FUZZ_CHECK(len == n, "text without escapes changed length");
		for (size_t i = 0; i < n; i++)
			FUZZ_CHECK(d[i] == (plus && s[i] == '+' ? ' ' : s[i]), "text without escapes changed");
	}
	size_t len2;
	urlenc_decode(a, s, n, plus, NULL);
	urlenc_decode(a, s, n, plus, &len2);
	FUZZ_CHECK(len2 == len, "urlenc_decode is not deterministic");
}

static void check_list(const struct kv *list, const char *s, size_t n)
{
	size_t parts = 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '&')
			parts++;
	FUZZ_CHECK(list != NULL, "urlenc_parse returned NULL");
	size_t count = 0;
	for (; list[count].name; count++) {
		FUZZ_CHECK(count < URLENC_MAX_FIELDS, "more than URLENC_MAX_FIELDS fields");
		const char *name = list[count].name, *value = list[count].value;
		FUZZ_CHECK(value != NULL, "field without a value");
		FUZZ_CHECK(name[0] != '\0', "empty field name");
		FUZZ_CHECK(utf8_valid(name, strlen(name)), "field name not valid UTF-8");
		FUZZ_CHECK(utf8_valid(value, strlen(value)), "field value not valid UTF-8");
		FUZZ_CHECK(strlen(name) + strlen(value) <= n, "field longer than the input");
	}
	FUZZ_CHECK(count <= parts, "more fields than '&'-separated parts");
	FUZZ_CHECK(list[count].value == NULL, "list terminator has a value");
	if (count)
		FUZZ_CHECK(kv_get(list, list[0].name) == list[0].value, "kv_get misses the first field");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct arena a;
	arena_init(&a, 64u << 20);
	check_list(urlenc_parse(&a, s, size), s, size);
	check_decode(&a, s, size, 0);
	check_decode(&a, s, size, 1);
	arena_free(&a);
	return 0;
}
