/*
 * test_images.c — the catalogue's picture pipeline on real files (tests/data/images/, made by
 * its make.py): good JPEG, PNG and WebP become a normalised original and four thumbnails with no
 * metadata left; a truncated JPEG, a PNG with a broken CRC, a decompression bomb, a GIF, an SVG,
 * nothing and random bytes are refused with their reason, and nothing crashes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "src/base/arena.h"
#include "src/procurement/images.h"

#define DIR "tests/data/images/"

/* the bytes of a sample file, malloc'd (the test frees it) */
static unsigned char *slurp(const char *name, size_t *len)
{
	char path[256];
	snprintf(path, sizeof(path), DIR "%s", name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	unsigned char *buf = malloc(16u * 1024 * 1024);
	assert_non_null(buf);
	*len = fread(buf, 1, 16u * 1024 * 1024, f);
	fclose(f);
	return buf;
}

/* whether needle[0..n) occurs in hay[0..len) */
static int contains(const unsigned char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; n <= len && i <= len - n; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return 1;
	return 0;
}

/* processes a sample file; the result */
static enum images_result process(struct arena *a, const char *name, struct images_out *out)
{
	size_t len;
	unsigned char *data = slurp(name, &len);
	enum images_result r = images_process(a, data, len, out);
	free(data);
	return r;
}

/* every file of out: the right format by its magic, the right width, no metadata */
static void check_files(const struct images_out *out, int orig_w)
{
	for (int i = 0; i < IMAGES_NFILES; i++) {
		const struct images_file *f = &out->files[i];
		assert_non_null(f->data);
		assert_true(f->len > 100);
		if (strcmp(f->format, "jpeg") == 0)
			assert_int_equal(images_sniff(f->data, f->len), IMAGES_JPEG);
		else
			assert_int_equal(images_sniff(f->data, f->len), IMAGES_WEBP);
		int want = f->size == 0 || f->size > orig_w ? orig_w : f->size;
		assert_int_equal(f->width, want);
		assert_int_equal(f->etag[0], '"');
		assert_int_equal(strlen(f->etag), 34);
		assert_false(contains(f->data, f->len, "Exif"));
		assert_false(contains(f->data, f->len, "GPS"));
		assert_false(contains(f->data, f->len, "http://ns.adobe.com/xap"));
		assert_false(contains(f->data, f->len, "secret location"));
		assert_false(contains(f->data, f->len, "ICC_PROFILE"));
	}
	assert_int_equal(out->files[0].size, 0);
	assert_string_equal(out->files[0].format, "jpeg");
	assert_int_equal(out->files[1].size, 320);
	assert_int_equal(out->files[3].size, 960);
}

static void sniffs_by_content(void **state)
{
	(void)state;
	assert_int_equal(images_sniff("\xff\xd8\xff\xe0", 4), IMAGES_JPEG);
	assert_int_equal(images_sniff("\x89PNG\r\n\x1a\n", 8), IMAGES_PNG);
	assert_int_equal(images_sniff("RIFF\0\0\0\0WEBPVP8 ", 16), IMAGES_WEBP);
	assert_int_equal(images_sniff("RIFF\0\0\0\0WAVE", 12), IMAGES_NONE);
	assert_int_equal(images_sniff("GIF89a", 6), IMAGES_NONE);
	assert_int_equal(images_sniff("<svg", 4), IMAGES_NONE);
	assert_int_equal(images_sniff("\xff\xd8", 2), IMAGES_NONE);
	assert_int_equal(images_sniff(NULL, 0), IMAGES_NONE);
}

static void good_pictures_become_five_files(void **state)
{
	(void)state;
	static const char *const names[] = {"good.jpg", "good.png", "good.webp"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct arena a;
		arena_init(&a, 0);
		struct images_out out;
		assert_int_equal(process(&a, names[i], &out), IMAGES_OK);
		assert_int_equal(out.width, 400);
		assert_int_equal(out.height, 300);
		check_files(&out, 400);
		assert_int_equal(out.files[1].height, 240);
		arena_free(&a);
	}
}

static void strips_gps_and_turns_upright(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	size_t len;
	unsigned char *raw = slurp("gps.jpg", &len);
	/* the sample really carries what must go */
	assert_true(contains(raw, len, "Exif"));
	assert_true(contains(raw, len, "GPSCamera"));
	assert_true(contains(raw, len, "secret location"));
	struct images_out out;
	assert_int_equal(images_process(&a, raw, len, &out), IMAGES_OK);
	free(raw);
	/* orientation 6: stored turned, shown upright */
	assert_int_equal(out.width, 300);
	assert_int_equal(out.height, 400);
	check_files(&out, 300);
	arena_free(&a);
}

static void refuses_hostile_files(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		enum images_result want;
	} cases[] = {
		{"truncated.jpg", IMAGES_DECODE}, {"badcrc.png", IMAGES_DECODE},
		{"bomb.png", IMAGES_PIXELS},      {"tiny.gif", IMAGES_FORMAT},
		{"drawing.svg", IMAGES_FORMAT},   {"empty.jpg", IMAGES_FORMAT},
		{"random.bin", IMAGES_FORMAT},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct arena a;
		arena_init(&a, 0);
		struct images_out out = {.width = -7};
		enum images_result r = process(&a, cases[i].name, &out);
		if (r != cases[i].want)
			fail_msg("%s: got %d, want %d", cases[i].name, (int)r, (int)cases[i].want);
		assert_int_equal(out.width, -7); /* untouched */
		assert_true(strlen(images_message(r)) > 10);
		arena_free(&a);
	}
	/* random bytes behind a JPEG, PNG or WebP signature reach the loader and fail there */
	static const char *const magic[] = {"\xff\xd8\xff\xe0", "\x89PNG\r\n\x1a\n", "RIFF\x10\0\0\0WEBP"};
	size_t len;
	unsigned char *rnd = slurp("random.bin", &len);
	for (size_t i = 0; i < 3; i++) {
		struct arena a;
		arena_init(&a, 0);
		memcpy(rnd, magic[i], strlen(magic[i]) + (i == 2 ? 8 : 0));
		struct images_out out;
		assert_int_not_equal(images_process(&a, rnd, len, &out), IMAGES_OK);
		arena_free(&a);
	}
	free(rnd);
}

static void refuses_over_ten_megabytes(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	size_t len = IMAGES_MAX_BYTES + 1;
	unsigned char *big = calloc(1, len);
	assert_non_null(big);
	memcpy(big, "\xff\xd8\xff\xe0", 4);
	struct images_out out;
	assert_int_equal(images_process(&a, big, len, &out), IMAGES_TOO_LARGE);
	free(big);
	arena_free(&a);
}

static void draws_a_house_and_fits_big_pictures(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a, 0);
	const unsigned char wall[3] = {200, 40, 40}, roof[3] = {60, 60, 60};
	const void *png;
	size_t len;
	assert_int_equal(images_generate_house(&a, 3000, 1000, wall, roof, &png, &len), 0);
	assert_int_equal(images_sniff(png, len), IMAGES_PNG);
	struct images_out out;
	assert_int_equal(images_process(&a, png, len, &out), IMAGES_OK);
	assert_int_equal(out.width, IMAGES_ORIGINAL_MAX);
	assert_int_equal(out.height, 800);
	check_files(&out, IMAGES_ORIGINAL_MAX);
	assert_int_equal(out.files[3].width, 960);
	assert_int_equal(out.files[3].height, 320);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sniffs_by_content),
		cmocka_unit_test(good_pictures_become_five_files),
		cmocka_unit_test(strips_gps_and_turns_upright),
		cmocka_unit_test(refuses_hostile_files),
		cmocka_unit_test(refuses_over_ten_megabytes),
		cmocka_unit_test(draws_a_house_and_fits_big_pictures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
