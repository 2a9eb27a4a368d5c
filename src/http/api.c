/*
 * api.c — JSON API helpers. Layer: http.
 */
#include "api.h"

#include <string.h>

#include "../base/err.h"
#include "../store/db.h"
#include "../base/errs.h"
#include "../base/text.h"

json_t *api_body_or_reply(struct req *r)
{
	const char *ct = r->content_type ? r->content_type : "";
	if (strncmp(ct, "application/json", 16) != 0 || (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
		reply_api_error(r, 415, "unsupported_media_type",
		                "Send the body as application/json.", NULL);
		return NULL;
	}
	if (!utf8_valid(r->body ? r->body : "", r->body_len)) {
		reply_api_error(r, 400, "bad_json", "The body is not valid UTF-8 text.", NULL);
		return NULL;
	}
	json_error_t e;
	json_t *root = json_loadb(r->body ? r->body : "", r->body_len,
	                          JSON_REJECT_DUPLICATES, &e);
	if (!root) {
		char *msg = arena_printf(&r->a, "Malformed JSON at line %d, column %d: %s", e.line,
		                         e.column, e.text);
		reply_api_error(r, 400, "bad_json", msg, NULL);
		return NULL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		reply_api_error(r, 400, "bad_json", "The body must be a JSON object.", NULL);
		return NULL;
	}
	return root;
}

const char *api_member(struct req *r, json_t *obj, const char *name)
{
	json_t *v = json_object_get(obj, name);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be a string.", name));
		return NULL;
	}
	return arena_strdup(&r->a, json_string_value(v));
}

void api_text_members(struct req *r, json_t *obj, void *out, const struct api_text_member *list,
                      size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!json_object_get(obj, list[i].name))
			continue;
		const char **field = (const char **)(void *)((char *)out + list[i].off);
		*field = api_member(r, obj, list[i].name);
	}
}

void api_strings(struct req *r, json_t *obj, const char *name, const char **arr, int max, int *n)
{
	json_t *v = json_object_get(obj, name);
	if (!v || json_is_null(v))
		return;
	if (!json_is_array(v) || json_array_size(v) > (size_t)max) {
		errs_add(&r->errs, name, arena_printf(&r->a, "%s must be an array of at most %d strings.",
		                                      name, max));
		return;
	}
	*n = 0;
	size_t i;
	json_t *it;
	json_array_foreach(v, i, it) {
		if (!json_is_string(it)) {
			errs_add(&r->errs, name, arena_printf(&r->a, "%s must hold strings.", name));
			return;
		}
		arr[(*n)++] = arena_strdup(&r->a, json_string_value(it));
	}
}

bool api_paging_or_reply(struct req *r, int *limit, int *offset)
{
	long long v;
	const char *l = req_query(r, "limit"), *o = req_query(r, "offset");
	*limit = API_LIMIT_DEFAULT;
	*offset = 0;
	if (l) {
		if (text_parse_int(l, 1, API_LIMIT_MAX, &v) != 0) {
			reply_api_error(r, 400, "bad_parameter", "limit must be a whole number from 1 to 500.",
			                "limit");
			return false;
		}
		*limit = (int)v;
	}
	if (o) {
		if (text_parse_int(o, 0, 1000000000, &v) != 0) {
			reply_api_error(r, 400, "bad_parameter", "offset must be a whole number, 0 or more.",
			                "offset");
			return false;
		}
		*offset = (int)v;
	}
	return true;
}

void api_list_begin(struct req *r, struct json *w)
{
	buf_reset(&r->out);
	json_init(w, &r->out);
	json_obj_open(w, NULL);
	json_arr_open(w, "items");
}

void api_list_end(struct req *r, struct json *w, int total, int limit, int offset)
{
	json_arr_close(w);
	json_int(w, "total", total);
	json_int(w, "limit", limit);
	json_int(w, "offset", offset);
	json_obj_close(w);
	reply_json(r, 200);
}

void api_list_end_bounded(struct req *r, struct json *w, int total, bool exact, int limit,
                          int offset)
{
	json_arr_close(w);
	json_int(w, "total", total);
	json_bool(w, "total_exact", exact);
	json_int(w, "limit", limit);
	json_int(w, "offset", offset);
	json_obj_close(w);
	reply_json(r, 200);
}

int api_fail(struct req *r, int err)
{
	const struct field_error *fe = r->errs.n ? &r->errs.e[0] : NULL;
	if (err == ERR_DB && db_away(r->db)) /* a store that said only "failed" */
		err = ERR_UNAVAILABLE;
	switch (err) {
	case ERR_INVALID:
		return reply_api_error(r, 422, "invalid", fe ? fe->message : "Invalid input.",
		                       fe ? fe->field : NULL);
	case ERR_FORBIDDEN:
		return reply_api_error(r, 403, "forbidden", "You may not do this.", NULL);
	case ERR_NOTFOUND:
		return reply_api_error(r, 404, "not_found", "No such resource.", NULL);
	case ERR_CONFLICT:
		return reply_api_error(r, 409, "conflict",
		                       fe ? fe->message : "This conflicts with existing data.",
		                       fe ? fe->field : NULL);
	case ERR_AUTH:
		return reply_api_error(r, 401, "unauthorized", "Sign in or send a valid bearer token.", NULL);
	case ERR_BUSY:
		return reply_api_error(r, 429, "too_many_requests", "Too many attempts; wait and retry.", NULL);
	case ERR_UNAVAILABLE:
		return reply_api_error(r, 503, "unavailable", "The server is busy; retry in a moment.", NULL);
	case ERR_TOOBIG:
		return reply_api_error(r, 413, "too_large", "The request body is too large.", NULL);
	}
	return reply_api_error(r, 500, "internal", "Something went wrong; it has been logged.", NULL);
}
