/*
 * fuzz_image.c — libFuzzer target for the catalogue's picture pipeline (src/procurement/
 * images.c): any bytes go through images_process() exactly as an upload does (the magic-byte
 * check, the one loader of that format, the pixel count from the header, decoding, the
 * normalised original and the thumbnails). It must never crash, leak or hang; it refuses
 * anything that is not JPEG, PNG or WebP by its first bytes; and every file it makes is of the
 * format it claims, no wider than the original's bound, and without an EXIF block. The seeds in
 * tests/fuzz/corpus/image/ are small good pictures and the hostile ones of tests/data/images/.
 * Run by tests/fuzz/run.sh.
 */
#include <stdint.h>
#include <string.h>

#include "src/base/arena.h"
#include "src/procurement/images.h"
#include "tests/fuzz/fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a, 0);
	struct images_out out;
	enum images_result r = images_process(&a, data, size, &out);
	FUZZ_CHECK(r >= IMAGES_OK && r <= IMAGES_INTERNAL, "result outside its enum");
	FUZZ_CHECK(r != IMAGES_INTERNAL, "libvips did not start");
	if (images_sniff(data, size) == IMAGES_NONE)
		FUZZ_CHECK(r == IMAGES_FORMAT, "bytes without a known signature got past the check");
	FUZZ_CHECK(images_message(r) != NULL, "no message");
	if (r == IMAGES_OK) {
		FUZZ_CHECK(out.width > 0 && out.width <= IMAGES_ORIGINAL_MAX, "original too wide");
		FUZZ_CHECK(out.height > 0 && out.height <= IMAGES_ORIGINAL_MAX, "original too high");
		for (int i = 0; i < IMAGES_NFILES; i++) {
			const struct images_file *f = &out.files[i];
			enum images_format want = strcmp(f->format, "webp") == 0 ? IMAGES_WEBP : IMAGES_JPEG;
			FUZZ_CHECK(images_sniff(f->data, f->len) == want, "a file is not of its format");
			FUZZ_CHECK(f->width > 0 && f->width <= out.width, "a thumbnail is wider than the original");
			FUZZ_CHECK(memmem(f->data, f->len, "Exif", 4) == NULL, "an EXIF block was kept");
		}
	}
	arena_free(&a);
	return 0;
}
