/*
 * images.c — the picture pipeline of the catalogue on libvips (see images.h for what is
 * accepted and why in that order). Layer: capability domain (procurement). The only file of
 * Indgang that includes <vips/vips.h>; it knows no database and no HTTP.
 *
 * Every libvips object is unreferenced on every path (one exit through done:); nothing here may
 * abort or leave the process in a state where the next picture fails.
 */
#include "images.h"

#include <dlfcn.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <vips/vips.h>

#include "../base/arena.h"
#include "../base/log.h"

const int images_sizes[3] = {0, 320, 960};

/* JPEG and WebP quality of the stored files: good enough for a catalogue, small on the wire */
#define JPEG_Q 85
#define WEBP_Q 80

/*
 * libvips is opened when the first picture is made (dlopen), not when the program starts: it
 * brings some 70 libraries (GLib, cairo, pango, OpenEXR, ...) whose loading and relocation would
 * otherwise cost every command and every start of the server, most of which never see a
 * picture. Its header still declares every function, so V(f) calls f through a pointer of f's
 * own type, looked up once by load_vips; the library's name is the one its ABI version gives.
 * The sanitizer builds link it (INDGANG_LINKED_LIBS, see the Makefile's SAN).
 */
#define VIPS_FUNCTIONS(X) \
	X(g_free) \
	X(g_log_set_handler) \
	X(g_object_ref) \
	X(g_object_unref) \
	X(vips_area_unref) \
	X(vips_array_double_new) \
	X(vips_autorot) \
	X(vips_black) \
	X(vips_block_untrusted_set) \
	X(vips_cache_set_max) \
	X(vips_cache_set_max_files) \
	X(vips_cache_set_max_mem) \
	X(vips_cast_uchar) \
	X(vips_colourspace) \
	X(vips_concurrency_set) \
	X(vips_copy) \
	X(vips_draw_line) \
	X(vips_draw_rect) \
	X(vips_error_buffer) \
	X(vips_error_clear) \
	X(vips_extract_band) \
	X(vips_flatten) \
	X(vips_icc_transform) \
	X(vips_image_copy_memory) \
	X(vips_image_get_bands) \
	X(vips_image_get_format) \
	X(vips_image_get_height) \
	X(vips_image_get_interpretation) \
	X(vips_image_get_typeof) \
	X(vips_image_get_width) \
	X(vips_image_hasalpha) \
	X(vips_init) \
	X(vips_jpegload_buffer) \
	X(vips_jpegsave_buffer) \
	X(vips_leak_set) \
	X(vips_pngload_buffer) \
	X(vips_pngsave_buffer) \
	X(vips_resize) \
	X(vips_thread_shutdown) \
	X(vips_version) \
	X(vips_webpload_buffer) \
	X(vips_webpsave_buffer)

#ifdef INDGANG_LINKED_LIBS
/* the sanitizer builds link libvips (see the Makefile's SAN) */
#define V(f) f
static int load_vips(void)
{
	return 0;
}
#else
#define V(f) (*vips_fn.f)
#define VIPS_POINTER(f) __typeof__(f) *f;
static struct {
	VIPS_FUNCTIONS(VIPS_POINTER)
} vips_fn;

/* load_vips: opens libvips and finds every function this file calls; 0, or -1 logged */
static int load_vips(void)
{
	char name[32];
	snprintf(name, sizeof(name), "libvips.so.%d", VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE);
	void *h = dlopen(name, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (!h) {
		log_msg(LOG_ERROR, "images: cannot open %s: %s", name, dlerror());
		return -1;
	}
	const char *missing = NULL;
#define VIPS_LOOKUP(f)                                              \
	if (!missing && !(*(void **)&vips_fn.f = dlsym(h, #f)))          \
		missing = #f;
	VIPS_FUNCTIONS(VIPS_LOOKUP)
#undef VIPS_LOOKUP
	if (missing) {
		log_msg(LOG_ERROR, "images: %s has no %s", name, missing);
		return -1;
	}
	return 0;
}
#endif

static pthread_once_t vips_once = PTHREAD_ONCE_INIT;
static int vips_ready; /* 1 once vips_init succeeded */

/* libvips' warnings (a corrupt marker, an odd chunk) go to our log at debug level, not stderr */
static void quiet_log(const gchar *domain, GLogLevelFlags level, const gchar *message,
                      gpointer data)
{
	(void)domain;
	(void)level;
	(void)data;
	log_msg(LOG_DEBUG, "vips: %s", message);
}

/* once per process: start libvips small and closed to untrusted loaders */
static void start_vips(void)
{
	if (load_vips() != 0)
		return;
	/* VIPS_INIT's check that the library's ABI is the header's, then vips_init */
	if (V(vips_version)(3) - V(vips_version)(5) != VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE ||
	    V(vips_init)("indgang") != 0) {
		log_msg(LOG_ERROR, "images: libvips did not start: %s", V(vips_error_buffer)());
		V(vips_error_clear)();
		return;
	}
	/* loaders of formats not made for hostile input (ImageMagick, PDF, SVG, matrix, ...) are
	 * blocked for the whole process; the three we call are not among them */
	V(vips_block_untrusted_set)(TRUE);
	V(vips_concurrency_set)(1);
	V(vips_cache_set_max)(0);
	V(vips_cache_set_max_mem)(0);
	V(vips_cache_set_max_files)(0);
	V(vips_leak_set)(FALSE);
	V(g_log_set_handler)("VIPS", (GLogLevelFlags)(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE |
	                                              G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG),
	                     quiet_log, NULL);
	vips_ready = 1;
}

enum images_format images_sniff(const void *data, size_t len)
{
	const unsigned char *p = data;
	if (!p)
		return IMAGES_NONE;
	if (len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
		return IMAGES_JPEG;
	if (len >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return IMAGES_PNG;
	if (len >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0)
		return IMAGES_WEBP;
	return IMAGES_NONE;
}

const char *images_message(enum images_result r)
{
	switch (r) {
	case IMAGES_OK:
		return "";
	case IMAGES_TOO_LARGE:
		return "Billedet er større end 10 MB. Gem det i en mindre størrelse og prøv igen.";
	case IMAGES_FORMAT:
		return "Filen er ikke et billede i JPEG, PNG eller WebP. Andre formater (fx GIF, SVG "
		       "eller PDF) kan ikke bruges.";
	case IMAGES_PIXELS:
		return "Billedet har for mange pixels (mere end 40 megapixels). Gør det mindre og prøv "
		       "igen.";
	case IMAGES_DECODE:
		return "Billedet kan ikke læses: filen er ufuldstændig eller beskadiget.";
	case IMAGES_INTERNAL:
		break;
	}
	return "Billedet kunne ikke behandles lige nu. Prøv igen senere.";
}

/* the loader of fmt on the bytes, header only until pixels are asked for; NULL on failure */
static VipsImage *load_header(enum images_format fmt, const void *data, size_t len)
{
	VipsImage *im = NULL;
	int rc = -1;
	/* fail_on ERROR: a truncated file or a broken chunk is an error, not a grey half picture */
	switch (fmt) {
	case IMAGES_JPEG:
		rc = V(vips_jpegload_buffer)((void *)(uintptr_t)data, len, &im, "fail_on", VIPS_FAIL_ON_ERROR,
		                          "access", VIPS_ACCESS_SEQUENTIAL, NULL);
		break;
	case IMAGES_PNG:
		rc = V(vips_pngload_buffer)((void *)(uintptr_t)data, len, &im, "fail_on", VIPS_FAIL_ON_ERROR,
		                         "access", VIPS_ACCESS_SEQUENTIAL, NULL);
		break;
	case IMAGES_WEBP:
		rc = V(vips_webpload_buffer)((void *)(uintptr_t)data, len, &im, "fail_on", VIPS_FAIL_ON_ERROR,
		                          "access", VIPS_ACCESS_SEQUENTIAL, NULL);
		break;
	case IMAGES_NONE:
		break;
	}
	return rc == 0 ? im : NULL;
}

/* replaces *im by a step's output *out (unreferencing the input); -1 when the step failed
 * (rc nonzero: *im kept). out is read only here, after the step has run. */
static int step(VipsImage **im, int rc, VipsImage **out)
{
	if (rc != 0)
		return -1;
	V(g_object_unref)(*im);
	*im = *out;
	*out = NULL;
	return 0;
}

/* the loaded picture upright, in 8-bit sRGB without alpha (flattened onto white), fitted
 * into IMAGES_ORIGINAL_MAX × IMAGES_ORIGINAL_MAX, and decoded into memory: the one source of
 * every stored file. Takes over im. NULL when a step failed. */
static VipsImage *normalise(VipsImage *im)
{
	VipsImage *t = NULL;
	if (step(&im, V(vips_autorot)(im, &t, NULL), &t))
		goto fail;
	/* an embedded ICC profile says what the numbers mean; without one (or with a broken one)
	 * the interpretation libvips read from the header does */
	if (V(vips_image_get_typeof)(im, VIPS_META_ICC_NAME)) {
		if (V(vips_icc_transform)(im, &t, "srgb", "embedded", TRUE, "intent",
		                       VIPS_INTENT_PERCEPTUAL, NULL) == 0)
			step(&im, 0, &t);
		else
			V(vips_error_clear)();
	}
	if (V(vips_image_get_interpretation)(im) != VIPS_INTERPRETATION_sRGB &&
	    step(&im, V(vips_colourspace)(im, &t, VIPS_INTERPRETATION_sRGB, NULL), &t))
		goto fail;
	if (V(vips_image_hasalpha)(im)) {
		double white[3] = {255, 255, 255};
		VipsArrayDouble *bg = V(vips_array_double_new)(white, 3);
		int rc = V(vips_flatten)(im, &t, "background", bg, NULL);
		V(vips_area_unref)(VIPS_AREA(bg));
		if (step(&im, rc, &t))
			goto fail;
	}
	if (V(vips_image_get_bands)(im) > 3 && step(&im, V(vips_extract_band)(im, &t, 0, "n", 3, NULL), &t))
		goto fail;
	if (V(vips_image_get_format)(im) != VIPS_FORMAT_UCHAR &&
	    step(&im, V(vips_cast_uchar)(im, &t, NULL), &t))
		goto fail;
	int w = V(vips_image_get_width)(im), h = V(vips_image_get_height)(im);
	if (w > IMAGES_ORIGINAL_MAX || h > IMAGES_ORIGINAL_MAX) {
		double sw = (double)IMAGES_ORIGINAL_MAX / w, sh = (double)IMAGES_ORIGINAL_MAX / h;
		if (step(&im, V(vips_resize)(im, &t, sw < sh ? sw : sh, NULL), &t))
			goto fail;
	}
	/* decode once: the thumbnails read the picture again, which a sequential load cannot */
	t = V(vips_image_copy_memory)(im);
	V(g_object_unref)(im);
	return t;
fail:
	V(g_object_unref)(im);
	return NULL;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

/* the WebP file src[0..len) copied into dst without its EXIF, XMP and ICC chunks, and with
 * their flags cleared in VP8X; the new length, or 0 when src is not a well-formed WebP file.
 * libvips 8.14's WebP saver writes a small EXIF block of its own even with strip set, so the
 * chunks are dropped here, where the bytes can be checked. dst has room for len bytes. */
static size_t webp_strip(const unsigned char *src, size_t len, unsigned char *dst)
{
	if (len < 12 || memcmp(src, "RIFF", 4) != 0 || memcmp(src + 8, "WEBP", 4) != 0)
		return 0;
	memcpy(dst, src, 12);
	size_t in = 12, outp = 12;
	while (in + 8 <= len) {
		uint32_t size = le32(src + in + 4);
		size_t whole = 8 + (size_t)size + (size & 1);
		if (whole > len - in)
			return 0;
		const unsigned char *c = src + in;
		if (memcmp(c, "EXIF", 4) != 0 && memcmp(c, "XMP ", 4) != 0 &&
		    memcmp(c, "ICCP", 4) != 0) {
			memcpy(dst + outp, c, whole);
			if (memcmp(c, "VP8X", 4) == 0 && size >= 1)
				dst[outp + 8] &= (unsigned char)~(0x20 | 0x08 | 0x04);
			outp += whole;
		}
		in += whole;
	}
	if (in != len)
		return 0;
	put_le32(dst + 4, (uint32_t)(outp - 8));
	return outp;
}

/* the picture written as fmt ("jpeg", "webp") without any metadata, copied into a as f */
static int save(struct arena *a, VipsImage *im, int size, const char *fmt, struct images_file *f)
{
	void *buf = NULL;
	size_t len = 0;
	int rc = strcmp(fmt, "webp") == 0
		? V(vips_webpsave_buffer)(im, &buf, &len, "Q", WEBP_Q, "strip", TRUE, NULL)
		: V(vips_jpegsave_buffer)(im, &buf, &len, "Q", JPEG_Q, "strip", TRUE, "optimize_coding",
		                       TRUE, "interlace", TRUE, NULL);
	if (rc != 0 || !buf || len == 0) {
		V(g_free)(buf);
		return -1;
	}
	unsigned char *copy = arena_alloc(a, len);
	if (strcmp(fmt, "webp") == 0)
		len = webp_strip(buf, len, copy);
	else
		memcpy(copy, buf, len);
	V(g_free)(buf);
	if (len == 0)
		return -1;
	unsigned char h[16];
	crypto_generichash(h, sizeof(h), copy, len, NULL, 0);
	f->etag[0] = '"';
	sodium_bin2hex(f->etag + 1, 33, h, sizeof(h));
	f->etag[33] = '"';
	f->etag[34] = '\0';
	f->size = size;
	f->format = fmt;
	f->width = V(vips_image_get_width)(im);
	f->height = V(vips_image_get_height)(im);
	f->data = copy;
	f->len = len;
	return 0;
}

/* the thumbnail of the in-memory original w px wide (never wider than the original) */
static VipsImage *thumbnail(VipsImage *orig, int w)
{
	int ow = V(vips_image_get_width)(orig);
	if (ow <= w) {
		V(g_object_ref)(orig);
		return orig;
	}
	VipsImage *t = NULL;
	if (V(vips_resize)(orig, &t, (double)w / ow, NULL) != 0)
		return NULL;
	return t;
}

enum images_result images_process(struct arena *a, const void *data, size_t len,
                                  struct images_out *out)
{
	if (len > IMAGES_MAX_BYTES)
		return IMAGES_TOO_LARGE;
	enum images_format fmt = images_sniff(data, len);
	if (fmt == IMAGES_NONE)
		return IMAGES_FORMAT;
	pthread_once(&vips_once, start_vips);
	if (!vips_ready)
		return IMAGES_INTERNAL;
	enum images_result res = IMAGES_DECODE;
	VipsImage *orig = NULL;
	VipsImage *im = load_header(fmt, data, len);
	if (!im)
		goto done;
	uint64_t pixels = (uint64_t)V(vips_image_get_width)(im) * (uint64_t)V(vips_image_get_height)(im);
	if (pixels > IMAGES_MAX_PIXELS) {
		V(g_object_unref)(im);
		res = IMAGES_PIXELS;
		goto done;
	}
	orig = normalise(im); /* takes im */
	if (!orig)
		goto done;
	struct images_out o;
	memset(&o, 0, sizeof(o));
	o.width = V(vips_image_get_width)(orig);
	o.height = V(vips_image_get_height)(orig);
	if (save(a, orig, 0, "jpeg", &o.files[0]) != 0)
		goto done;
	int k = 1;
	for (int i = 1; i < 3; i++) {
		VipsImage *t = thumbnail(orig, images_sizes[i]);
		int rc = t ? save(a, t, images_sizes[i], "webp", &o.files[k]) : -1;
		if (rc == 0)
			rc = save(a, t, images_sizes[i], "jpeg", &o.files[k + 1]);
		if (t)
			V(g_object_unref)(t);
		if (rc != 0)
			goto done;
		k += 2;
	}
	*out = o;
	res = IMAGES_OK;
done:
	if (orig)
		V(g_object_unref)(orig);
	if (res != IMAGES_OK) {
		log_msg(LOG_INFO, "images: refused a picture (%d): %.200s", (int)res, V(vips_error_buffer)());
		V(vips_error_clear)();
	}
	/* libvips keeps a per-thread error buffer and may keep per-thread scratch: drop them now,
	 * the request thread may serve anything next */
	V(vips_thread_shutdown)();
	return res;
}

/* ---------------------------------------------------------------- demo pictures */

/* a filled rectangle of colour ink on im (in place) */
static int rect(VipsImage *im, int l, int t, int w, int h, const double *ink)
{
	return V(vips_draw_rect)(im, (double *)(uintptr_t)ink, 3, l, t, w, h, "fill", TRUE, NULL);
}

int images_generate_house(struct arena *a, int width, int height, const unsigned char wall[3],
                          const unsigned char roof[3], const void **data, size_t *len)
{
	pthread_once(&vips_once, start_vips);
	if (!vips_ready || width < 40 || height < 40)
		return IMAGES_INTERNAL;
	int rc = IMAGES_INTERNAL;
	VipsImage *base = NULL, *im = NULL;
	/* a light blue sky over green grass */
	if (V(vips_black)(&base, width, height, "bands", 3, NULL) != 0)
		goto done;
	if (V(vips_copy)(base, &im, "interpretation", VIPS_INTERPRETATION_sRGB, NULL) != 0)
		goto done;
	V(g_object_unref)(base);
	base = NULL;
	VipsImage *mem = V(vips_image_copy_memory)(im);
	V(g_object_unref)(im);
	im = mem;
	if (!im)
		goto done;
	double sky[3] = {205, 229, 246}, grass[3] = {120, 180, 90};
	double w[3] = {wall[0], wall[1], wall[2]}, r[3] = {roof[0], roof[1], roof[2]};
	double door[3] = {110, 70, 40}, glass[3] = {235, 245, 255}, frame[3] = {250, 250, 250};
	int ground = height * 3 / 4;
	int hx = width / 4, hw = width / 2, hy = height * 2 / 5, hh = ground - hy;
	if (rect(im, 0, 0, width, ground, sky) || rect(im, 0, ground, width, height - ground, grass) ||
	    rect(im, hx, hy, hw, hh, w))
		goto done;
	/* the roof: a triangle drawn as lines narrowing towards the ridge */
	int ridge = height / 8, eaves = hx - width / 16, span = hw + width / 8;
	for (int y = ridge; y < hy; y++) {
		int half = (span / 2) * (y - ridge) / (hy - ridge);
		int cx = eaves + span / 2;
		if (V(vips_draw_line)(im, r, 3, cx - half, y, cx + half, y, NULL) != 0)
			goto done;
	}
	int dw = hw / 5, dh = hh * 3 / 5;
	if (rect(im, hx + hw / 6, ground - dh, dw, dh, door) ||
	    rect(im, hx + hw * 3 / 5 - 4, hy + hh / 5 - 4, hw / 4 + 8, hh / 4 + 8, frame) ||
	    rect(im, hx + hw * 3 / 5, hy + hh / 5, hw / 4, hh / 4, glass))
		goto done;
	void *buf = NULL;
	size_t n = 0;
	if (V(vips_pngsave_buffer)(im, &buf, &n, "strip", TRUE, NULL) != 0)
		goto done;
	void *copy = arena_alloc(a, n);
	memcpy(copy, buf, n);
	V(g_free)(buf);
	*data = copy;
	*len = n;
	rc = 0;
done:
	if (base)
		V(g_object_unref)(base);
	if (im)
		V(g_object_unref)(im);
	V(vips_error_clear)();
	V(vips_thread_shutdown)();
	return rc;
}
