/*
 * multipart.h — a reader of multipart/form-data bodies (RFC 7578), as a browser sends a form
 * with a file input. Pure functions over bytes, fuzzed in tests/fuzz/.
 * Layer: http.
 *
 * The parts are read in place: a file's bytes point into the body, which outlives the request's
 * handler; text fields are copied into the arena as NUL-terminated strings.
 */
#ifndef INDGANG_MULTIPART_H
#define INDGANG_MULTIPART_H

#include <stddef.h>

struct arena;
struct kv;

#define MULTIPART_MAX_PARTS 200
#define MULTIPART_MAX_FILES 20

/* a file of a form (a part with a filename): what the client says about it and its bytes.
 * The name and type are the client's words, never proof of what the bytes are. */
struct req_file {
	const char *field;        /* the form field's name */
	const char *filename;     /* the file's name as sent, without any folder ("" if none) */
	const char *content_type; /* as declared by the client, or "" */
	const unsigned char *data;
	size_t len;
};

/* multipart_boundary: the boundary of a Content-Type header "multipart/form-data;
 * boundary=..." (quoted or not), copied into a; NULL if the header is no such type or the
 * boundary is missing, empty or longer than 70 characters (RFC 2046). */
const char *multipart_boundary(struct arena *a, const char *content_type);

/* multipart_parse: reads body[0..n) with boundary into *fields (a kv list ending {NULL, NULL},
 * text fields whose name and value are valid UTF-8) and *files (*nfiles of them, parts with a
 * filename, also empty ones: a file input left empty sends one with filename ""). Returns 0, or
 * -1 when the body is not well-formed (no closing boundary, a part without headers or a name,
 * too many parts or files, a text field or name that is not UTF-8); *why then says what, in
 * Danish, and the outputs are untouched. */
int multipart_parse(struct arena *a, const char *body, size_t n, const char *boundary,
                    struct kv **fields, struct req_file **files, int *nfiles, const char **why);

#endif
