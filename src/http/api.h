/*
 * api.h — helpers for the JSON API: parsing bodies with jansson, reading typed members with
 * field errors, pagination parameters, and answering domain error codes with the right status.
 * Layer: http. Every error answer has the shape {"error": {"code", "message", "field"}}.
 */
#ifndef INDGANG_API_H
#define INDGANG_API_H

#include <jansson.h>
#include <stdbool.h>

#include "../view/json.h"
#include "req.h"

#define API_LIMIT_DEFAULT 50
#define API_LIMIT_MAX 500

/* api_body_or_reply: the request body parsed as a JSON object (owned by the caller:
 * json_decref). On failure the 400/415 answer is already written and NULL is returned. */
json_t *api_body_or_reply(struct req *r);
/* api_member: the string member name of obj, or NULL when absent or null. A member of another
 * type records a field error in r->errs. */
const char *api_member(struct req *r, json_t *obj, const char *name);
/* a text member of a JSON body and the const char * of the struct it is read into */
struct api_text_member {
	const char *name;
	size_t off; /* offsetof(struct ..., field) */
};
/* api_text_members: each member of list[0..n) present in obj read with api_member into the
 * field at out + off; absent members leave their fields as they are (PATCH semantics). */
void api_text_members(struct req *r, json_t *obj, void *out, const struct api_text_member *list,
                      size_t n);
/* api_strings: the member name of obj as an array of at most max strings, copied into r's
 * arena, into arr, *n their number. Absent or null leaves arr and *n as they are; any other
 * type, a longer array or a member that is no string records a field error on name. */
void api_strings(struct req *r, json_t *obj, const char *name, const char **arr, int max, int *n);
/* api_paging_or_reply: ?limit and ?offset, checked; false if the 400 answer is written. */
bool api_paging_or_reply(struct req *r, int *limit, int *offset);
/* api_list_begin / api_list_end: {"items": [ ... ], "total", "limit", "offset"} */
void api_list_begin(struct req *r, struct json *w);
void api_list_end(struct req *r, struct json *w, int total, int limit, int offset);
/* api_list_end_bounded: api_list_end with "total_exact" after "total": false when total is a
 * bound that the matches exceed. */
void api_list_end_bounded(struct req *r, struct json *w, int total, bool exact, int limit,
                          int offset);
/* api_fail: answers a domain error code (ERR_*) with its status; field errors in r->errs
 * become 422 naming the first field. Returns 0. */
int api_fail(struct req *r, int err);

#endif
