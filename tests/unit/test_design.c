/*
 * test_design.c — the assets of Det Fælles Designsystem as the build embeds them
 * (tools/design, tools/embed.c, src/http/assets.h): every file the stylesheet refers to is
 * embedded, only three font weights and no whole design system; text is gzip-compressed at build
 * time and fonts are not; the stylesheet's address carries its hash; the licences travel with
 * the files; and the two header questions of serving them (Accept-Encoding, If-None-Match).
 * Layer: tests (no database).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/http/assets.h"
#include "src/view/layout.h"

/* css: app.css as a NUL-terminated copy (the embedded bytes end in a 0 the length leaves out) */
static const char *css(void)
{
	const struct asset *a = assets_find("app.css");
	assert_non_null(a);
	assert_int_equal(a->data[a->len], 0);
	return (const char *)a->data;
}

static void test_design_references_embedded(void **state)
{
	(void)state;
	const char *s = css();
	int urls = 0, fonts = 0;
	for (const char *p = strstr(s, "url("); p; p = strstr(p + 4, "url(")) {
		const char *b = p + 4;
		if (*b == '"')
			b++;
		const char *e = strpbrk(b, "\")");
		assert_non_null(e);
		char name[128];
		assert_true((size_t)(e - b) < sizeof(name));
		memcpy(name, b, (size_t)(e - b));
		name[e - b] = '\0';
		if (strncmp(name, "data:", 5) == 0)
			continue;
		if (!assets_find(name))
			fail_msg("app.css refers to %s, which is not embedded", name);
		urls++;
		if (strstr(name, ".woff2"))
			fonts++;
	}
	/* IBM Plex Sans in its three weights, and at least the select's chevron */
	assert_int_equal(fonts, 3);
	assert_true(urls >= 4);
	/* the design system's look and Indgang's own part after it */
	assert_non_null(strstr(s, "font-family:\"IBM Plex Sans\""));
	assert_non_null(strstr(s, ".button-primary"));
	assert_non_null(strstr(s, ".form-error-message"));
	assert_true(strstr(s, ".form-group") < strstr(s, "header.top .portal-header"));
	/* a subset, not the whole design system (215 KB minified) */
	const struct asset *a = assets_find("app.css");
	assert_true(a->len < 100 * 1024);
	/* the notice names the licences, whose text is embedded too */
	assert_non_null(strstr(s, "/static/THIRD-PARTY.txt"));
	const struct asset *lic = assets_find("THIRD-PARTY.txt");
	assert_non_null(lic);
	const char *t = (const char *)lic->data;
	assert_non_null(strstr(t, "MIT"));
	assert_non_null(strstr(t, "SIL OPEN FONT LICENSE Version 1.1"));
	assert_non_null(strstr(t, "Apache License"));
}

static void test_design_compressed_at_build(void **state)
{
	(void)state;
	int text = 0;
	for (size_t i = 0; i < assets_count; i++) {
		const struct asset *a = &assets[i];
		bool is_font = strstr(a->type, "font/") == a->type;
		if (is_font) {
			/* woff2 is compressed already */
			assert_null(a->gz);
			continue;
		}
		if (strcmp(a->path, "app.css") == 0 || strcmp(a->path, "THIRD-PARTY.txt") == 0) {
			text++;
			assert_non_null(a->gz);
			/* the gzip header, and at least a third smaller */
			assert_int_equal(a->gz[0], 0x1f);
			assert_int_equal(a->gz[1], 0x8b);
			assert_true(a->gz_len < a->len / 3 * 2);
			/* a representation of its own: its own ETag */
			assert_string_not_equal(a->gz_etag, a->etag);
		}
		/* the version is the ETag without its quotes */
		assert_int_equal(strlen(a->etag), strlen(a->version) + 2);
		assert_int_equal(strncmp(a->etag + 1, a->version, strlen(a->version)), 0);
	}
	assert_int_equal(text, 2);
	char want[64];
	snprintf(want, sizeof(want), "/static/app.css?v=%s", assets_find("app.css")->version);
	assert_string_equal(layout_stylesheet, want);
}

static void test_design_accepts_gzip(void **state)
{
	(void)state;
	static const struct {
		const char *header;
		bool gzip;
	} cases[] = {
		{NULL, false},
		{"", false},
		{"gzip", true},
		{"GZIP", true},
		{"gzip, deflate, br", true},
		{"br, gzip;q=0.8", true},
		{"deflate, br", false},
		{"gzip;q=0", false},
		{"gzip; q=0.000", false},
		{"gzip;q=0.001", true},
		{"*", true},
		{"*;q=0", false},
		{"x-gzip", false},
		{"gzipx", false},
		{"identity", false},
		{" , ,gzip", true},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (assets_accepts_gzip(cases[i].header) != cases[i].gzip)
			fail_msg("Accept-Encoding \"%s\": want %s", cases[i].header ? cases[i].header : "(none)",
			         cases[i].gzip ? "gzip" : "identity");
}

static void test_design_etag_matches(void **state)
{
	(void)state;
	static const struct {
		const char *header;
		bool match;
	} cases[] = {
		{NULL, false},
		{"", false},
		{"\"abc\"", true},
		{"W/\"abc\"", true},
		{"\"x\", \"abc\"", true},
		{"\"abc.gz\"", false},
		{"\"ab\"", false},
		{"abc", false},
		{"*", true},
		{"\"abcd\"", false},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (assets_etag_matches(cases[i].header, "\"abc\"") != cases[i].match)
			fail_msg("If-None-Match \"%s\": want %s", cases[i].header ? cases[i].header : "(none)",
			         cases[i].match ? "a match" : "none");
	assert_false(assets_etag_matches("\"abc\"", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_design_references_embedded),
		cmocka_unit_test(test_design_compressed_at_build),
		cmocka_unit_test(test_design_accepts_gzip),
		cmocka_unit_test(test_design_etag_matches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
