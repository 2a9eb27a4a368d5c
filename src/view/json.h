/*
 * json.h — streaming JSON writer with typed calls: output is never printf'd.
 * Layer: view. Parsing input is jansson's job (http/api.c); writing goes straight into a buf,
 * several times cheaper than building a tree for output.
 *
 * In an object pass the member name as key; in an array or at the top level pass NULL.
 *   json_obj_open(w, NULL); json_str(w, "email", e); json_arr_open(w, "rows"); ...
 */
#ifndef INDGANG_JSON_H
#define INDGANG_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include "../base/buf.h"

#define JSON_DEPTH 32

struct json {
	struct buf *o;
	int depth;
	int too_deep;   /* levels opened past JSON_DEPTH: the output is marked failed */
	bool need_comma[JSON_DEPTH];
};

void json_init(struct json *w, struct buf *o);
void json_obj_open(struct json *w, const char *key);
void json_obj_close(struct json *w);
void json_arr_open(struct json *w, const char *key);
void json_arr_close(struct json *w);
/* json_str: value NULL writes null. */
void json_str(struct json *w, const char *key, const char *value);
void json_int(struct json *w, const char *key, int64_t value);
void json_bool(struct json *w, const char *key, bool value);
/* json_double: a number with up to 15 significant digits; not finite writes null. */
void json_double(struct json *w, const char *key, double value);
void json_null_at(struct json *w, const char *key);
/* json_raw: a member whose value is JSON text made by a trusted writer (SQLite's json_object
 * and json_group_array), written as it is; NULL or "" writes null. Never for text from users. */
void json_raw(struct json *w, const char *key, const char *value);
/* json_escape_into: s as a quoted JSON string. */
void json_escape_into(struct buf *o, const char *s);

#endif
