/*
 * images.h — the picture pipeline of the catalogue: an uploaded picture is checked, decoded and
 * re-encoded by libvips into a normalised original and its thumbnails, with every piece of
 * metadata (EXIF with its GPS position, XMP, IPTC, ICC profile, comments) left behind.
 * Layer: capability domain (procurement); no database, no HTTP. images.c is the only file that
 * includes libvips' header vips/vips.h (tools/codecheck.sh holds it to that).
 *
 * What is accepted, and in which order it is checked, so that a hostile file costs little:
 *   1. at most IMAGES_MAX_BYTES bytes (IMAGES_TOO_LARGE);
 *   2. JPEG, PNG or WebP by the content's magic bytes, never by a name or a declared type
 *      (IMAGES_FORMAT: a GIF, an SVG, a PDF, random bytes, nothing);
 *   3. only that format's own loader runs (libvips' loaders of untrusted formats are blocked
 *      for the whole process), and it reads the header alone first: more than
 *      IMAGES_MAX_PIXELS pixels is refused before a pixel is decoded (IMAGES_PIXELS: a
 *      decompression bomb);
 *   4. the pixels are decoded with the loader failing on errors and truncation (IMAGES_DECODE).
 * libvips is set up once, on first use, to use one worker thread and no operation cache, so a
 * request holds little memory beyond the picture it works on.
 */
#ifndef INDGANG_IMAGES_H
#define INDGANG_IMAGES_H

#include <stddef.h>
#include <stdint.h>

struct arena;

#define IMAGES_MAX_BYTES (10u * 1024 * 1024) /* 10 MB */
#define IMAGES_MAX_PIXELS 40000000u          /* 40 megapixels */
#define IMAGES_ORIGINAL_MAX 2400             /* the normalised original fits 2400 × 2400 px */

enum images_result {
	IMAGES_OK = 0,
	IMAGES_TOO_LARGE, /* over IMAGES_MAX_BYTES */
	IMAGES_FORMAT,    /* not JPEG, PNG or WebP by its content (empty included) */
	IMAGES_PIXELS,    /* over IMAGES_MAX_PIXELS by its header */
	IMAGES_DECODE,    /* malformed: the loader or a step after it failed */
	IMAGES_INTERNAL,  /* libvips could not be started */
};

enum images_format { IMAGES_NONE = 0, IMAGES_JPEG, IMAGES_PNG, IMAGES_WEBP };

/* the sizes made of every picture: 0 is the normalised original (JPEG only), the others are
 * thumbnail widths, each in WebP and JPEG */
#define IMAGES_NFILES 5
extern const int images_sizes[3]; /* 0, 320, 960 */

/* one stored rendition of a picture */
struct images_file {
	int size;              /* 0, 320 or 960 */
	const char *format;    /* "jpeg" or "webp" */
	int width, height;
	const unsigned char *data; /* in the caller's arena */
	size_t len;
	char etag[35];         /* "\"<32 hex digits>\"": a hash of the bytes, quoted for ETag */
};

struct images_out {
	int width, height;     /* of the normalised original */
	struct images_file files[IMAGES_NFILES];
};

/* images_sniff: the format of data[0..len) by its magic bytes, IMAGES_NONE for anything else. */
enum images_format images_sniff(const void *data, size_t len);

/* images_process: checks data[0..len) as above and, when it is a picture, makes the original
 * and the thumbnails into *out (bytes copied into a). IMAGES_OK or the reason it was refused;
 * *out is written only on IMAGES_OK. Thread-safe; never aborts on any input. */
enum images_result images_process(struct arena *a, const void *data, size_t len,
                                  struct images_out *out);

/* images_message: a Danish sentence for a result that is not IMAGES_OK, for the field "image". */
const char *images_message(enum images_result r);

/* images_generate_house: a simple drawn picture of a playhouse (walls, roof, door and window
 * in the given RGB colours on a light sky) as a PNG of width × height, for the demo data: its
 * bytes into *data (in a) and *len. 0, or IMAGES_INTERNAL. */
int images_generate_house(struct arena *a, int width, int height, const unsigned char wall[3],
                          const unsigned char roof[3], const void **data, size_t *len);

#endif
