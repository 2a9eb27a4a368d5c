/*
 * multipart.c — multipart/form-data (RFC 7578) read in place. Layer: http.
 *
 * The body is "--B\r\n" part ("\r\n--B\r\n" part)* "\r\n--B--", where each part is header
 * lines, an empty line and the content. Only Content-Disposition (form-data; name; filename)
 * and Content-Type are read; other headers are skipped. Anything before the first boundary
 * (the preamble) and after the last (the epilogue) is ignored, as RFC 2046 says.
 */
#include "multipart.h"

#include <string.h>
#include <strings.h>

#include "../base/arena.h"
#include "../base/text.h"
#include "req.h"

#define MAX_HEADERS_LEN 8192

const char *multipart_boundary(struct arena *a, const char *ct)
{
	static const char type[] = "multipart/form-data";
	if (!ct || strncasecmp(ct, type, sizeof type - 1) != 0)
		return NULL;
	const char *p = ct + sizeof type - 1;
	while (*p) {
		while (*p == ';' || *p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "boundary=", 9) == 0) {
			p += 9;
			size_t n;
			if (*p == '"') {
				p++;
				const char *q = strchr(p, '"');
				if (!q)
					return NULL;
				n = (size_t)(q - p);
			} else {
				n = strcspn(p, "; \t");
			}
			if (n == 0 || n > 70)
				return NULL;
			return arena_strndup(a, p, n);
		}
		p += strcspn(p, ";");
	}
	return NULL;
}

/* the value of parameter key (name, filename) in a Content-Disposition header value
 * h[0..n): quoted ("a \"b\"" with backslash escapes, as browsers write) or a token; NULL if
 * absent */
static const char *disposition_param(struct arena *a, const char *h, size_t n, const char *key)
{
	size_t klen = strlen(key);
	const char *end = h + n;
	const char *p = h;
	while (p < end) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		if (!semi)
			return NULL;
		p = semi + 1;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) <= klen || strncasecmp(p, key, klen) != 0 || p[klen] != '=')
			continue;
		p += klen + 1;
		if (p < end && *p == '"') {
			p++;
			char *out = arena_alloc(a, (size_t)(end - p) + 1);
			size_t o = 0;
			while (p < end && *p != '"') {
				if (*p == '\\' && p + 1 < end)
					p++;
				out[o++] = *p++;
			}
			if (p >= end)
				return NULL; /* no closing quote */
			out[o] = 0;
			return out;
		}
		const char *q = p;
		while (q < end && *q != ';' && *q != ' ' && *q != '\t')
			q++;
		return arena_strndup(a, p, (size_t)(q - p));
	}
	return NULL;
}

/* the name of a file without any folder a client put in front of it ("C:\\x\\a.pdf" -> "a.pdf") */
static const char *base_name(const char *s)
{
	const char *b = s;
	for (const char *p = s; *p; p++)
		if (*p == '/' || *p == '\\')
			b = p + 1;
	return b;
}

static const char *find(const char *h, size_t hn, const char *needle, size_t nn)
{
	return memmem(h, hn, needle, nn);
}

int multipart_parse(struct arena *a, const char *body, size_t n, const char *boundary,
                    struct kv **fields, struct req_file **files, int *nfiles, const char **why)
{
	*why = "Formularen kunne ikke læses (multipart).";
	if (!body || !boundary)
		return -1;
	size_t blen = strlen(boundary);
	/* "\r\n--" + boundary: the delimiter between parts */
	char *delim = arena_alloc(a, blen + 5);
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen + 1);
	size_t dlen = blen + 4;

	/* the first boundary may start the body (without the CRLF before it) */
	const char *p;
	if (n >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
		p = body + dlen - 2;
	} else {
		const char *f = find(body, n, delim, dlen);
		if (!f)
			return -1;
		p = f + dlen;
	}
	const char *end = body + n;
	struct kv *kv = arena_alloc(a, sizeof *kv * (MULTIPART_MAX_PARTS + 1));
	struct req_file *fl = arena_alloc(a, sizeof *fl * MULTIPART_MAX_FILES);
	int nkv = 0, nf = 0, parts = 0;
	for (;;) {
		/* after a boundary: "--" ends the body, CRLF starts a part */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++; /* transport padding (RFC 2046) */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return -1;
		p += 2;
		if (++parts > MULTIPART_MAX_PARTS) {
			*why = "Formularen har for mange felter.";
			return -1;
		}
		size_t left = (size_t)(end - p);
		const char *hend = find(p, left < MAX_HEADERS_LEN ? left : MAX_HEADERS_LEN, "\r\n\r\n", 4);
		const char *content;
		if (left >= 2 && p[0] == '\r' && p[1] == '\n') {
			hend = p - 2; /* no headers at all */
			content = p + 2;
		} else if (hend) {
			content = hend + 4;
		} else {
			return -1;
		}
		const char *next = find(content, (size_t)(end - content), delim, dlen);
		if (!next)
			return -1;
		/* the headers of this part */
		const char *name = NULL, *filename = NULL, *ctype = "";
		const char *h = p;
		while (h < hend + 2 && hend >= p) {
			const char *eol = find(h, (size_t)(hend + 2 - h), "\r\n", 2);
			if (!eol)
				break;
			size_t ln = (size_t)(eol - h);
			if (ln > 20 && strncasecmp(h, "Content-Disposition:", 20) == 0) {
				const char *v = h + 20;
				size_t vn = ln - 20;
				while (vn && (*v == ' ' || *v == '\t'))
					v++, vn--;
				if (vn < 9 || strncasecmp(v, "form-data", 9) != 0)
					return -1;
				name = disposition_param(a, v, vn, "name");
				filename = disposition_param(a, v, vn, "filename");
			} else if (ln > 13 && strncasecmp(h, "Content-Type:", 13) == 0) {
				const char *v = h + 13;
				size_t vn = ln - 13;
				while (vn && (*v == ' ' || *v == '\t'))
					v++, vn--;
				ctype = arena_strndup(a, v, vn);
			}
			h = eol + 2;
		}
		if (!name || !*name || !utf8_valid(name, strlen(name))) {
			*why = "Et felt i formularen mangler sit navn.";
			return -1;
		}
		size_t clen = (size_t)(next - content);
		if (filename) {
			if (nf == MULTIPART_MAX_FILES) {
				*why = "Formularen har for mange filer.";
				return -1;
			}
			const char *b = base_name(filename);
			fl[nf++] = (struct req_file){
				.field = name,
				.filename = utf8_valid(b, strlen(b)) ? b : "",
				.content_type = ctype,
				.data = (const unsigned char *)content,
				.len = clen,
			};
		} else {
			if (!utf8_valid(content, clen)) {
				*why = "Et felt i formularen er ikke gyldig tekst (UTF-8).";
				return -1;
			}
			kv[nkv++] = (struct kv){name, arena_strndup(a, content, clen)};
		}
		p = next + dlen;
	}
	kv[nkv] = (struct kv){NULL, NULL};
	*fields = kv;
	*files = fl;
	*nfiles = nf;
	return 0;
}
