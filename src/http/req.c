/*
 * req.c — request accessors and the reply_* functions. Layer: http (no libmicrohttpd here:
 * server.c turns the finished struct req into a response).
 */
#include "req.h"

#include <stdio.h>
#include <string.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../view/json.h"
#include "../base/text.h"
#include "page.h"
#include "router.h"

const char *kv_get(const struct kv *list, const char *name)
{
	for (; list && list->name; list++)
		if (strcmp(list->name, name) == 0)
			return list->value;
	return NULL;
}

int kv_all(const struct kv *list, const char *name, const char **out, int max)
{
	int n = 0;
	for (; list && list->name; list++)
		if (strcmp(list->name, name) == 0) {
			if (n < max)
				out[n] = list->value;
			n++;
		}
	return n;
}

const char *req_query(const struct req *r, const char *name) { return kv_get(r->query, name); }
const char *req_form(const struct req *r, const char *name) { return kv_get(r->form, name); }

const struct req_file *req_file(const struct req *r, const char *name)
{
	for (int i = 0; i < r->nfiles; i++)
		if (strcmp(r->files[i].field, name) == 0)
			return &r->files[i];
	return NULL;
}
/* under HTTPS every cookie is a __Host- cookie: the browser accepts it only when Secure, for
 * Path=/ and without Domain, so no other site or subdomain can set it */
#define HOST_PREFIX "__Host-"

const char *req_cookie(const struct req *r, const char *name)
{
	if (!r->tls)
		return kv_get(r->cookies, name);
	char full[64];
	if (snprintf(full, sizeof(full), HOST_PREFIX "%s", name) >= (int)sizeof(full))
		return NULL;
	return kv_get(r->cookies, full);
}

const char *req_param(const struct req *r, const char *name)
{
	const struct route *rt = r->route;
	int i = rt ? router_param_index(rt->pattern, name) : -1;
	if (i < 0 || i >= r->nparams) {
		log_error("http: route %s has no parameter called %s", rt ? rt->pattern : "?", name);
		return NULL;
	}
	return r->params[i];
}

int64_t req_param_int(const struct req *r, const char *name)
{
	long long v;
	if (text_parse_int(req_param(r, name), 1, 999999999999999LL, &v) != 0)
		return 0;
	return (int64_t)v;
}

static bool header_safe(const char *s)
{
	for (; *s; s++)
		if (*s == '\r' || *s == '\n')
			return false;
	return true;
}

int reply_header(struct req *r, const char *name, const char *value)
{
	if (!name || !value || !header_safe(name) || !header_safe(value)) {
		log_error("http: refused a response header with CR or LF");
		return ERR_INVALID;
	}
	if (r->nresp_headers >= REQ_MAX_HEADERS) {
		log_error("http: too many response headers");
		return ERR_NOMEM;
	}
	r->resp_headers[r->nresp_headers].name = arena_strdup(&r->a, name);
	r->resp_headers[r->nresp_headers].value = arena_strdup(&r->a, value);
	r->nresp_headers++;
	return 0;
}

int reply_cookie(struct req *r, const char *name, const char *value, int max_age)
{
	const char *age = max_age >= 0 ? arena_printf(&r->a, "; Max-Age=%d", max_age) : "";
	return reply_header(r, "Set-Cookie",
	                    arena_printf(&r->a, "%s%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	                                 r->tls ? HOST_PREFIX : "", name, value, age,
	                                 r->tls ? "; Secure" : ""));
}

int reply_html(struct req *r, int status)
{
	r->status = status;
	r->resp_type = "text/html; charset=utf-8";
	r->html = true;
	return 0;
}

int reply_json(struct req *r, int status)
{
	r->status = status;
	r->resp_type = "application/json";
	return 0;
}

int reply_download(struct req *r, const char *type, const char *filename)
{
	if (filename)
		reply_header(r, "Content-Disposition",
		             arena_printf(&r->a, "attachment; filename=\"%s\"", filename));
	r->status = 200;
	r->resp_type = type;
	return 0;
}

int reply_text(struct req *r, int status, const char *text)
{
	buf_reset(&r->out);
	buf_puts(&r->out, text);
	r->status = status;
	r->resp_type = "text/plain; charset=utf-8";
	return 0;
}

int reply_redirect(struct req *r, const char *location)
{
	/* only local paths: "//host" would leave the site */
	if (!location || location[0] != '/' || location[1] == '/' || location[1] == '\\')
		location = "/";
	buf_reset(&r->out);
	reply_header(r, "Location", location);
	r->status = 303;
	r->resp_type = "text/plain; charset=utf-8";
	return 0;
}

int reply_api_error(struct req *r, int status, const char *code, const char *message,
                    const char *field)
{
	struct json w;
	buf_reset(&r->out);
	json_init(&w, &r->out);
	json_obj_open(&w, NULL);
	json_obj_open(&w, "error");
	json_str(&w, "code", code);
	json_str(&w, "message", message);
	if (field)
		json_str(&w, "field", field);
	else
		json_null_at(&w, "field");
	json_obj_close(&w);
	json_obj_close(&w);
	/* RFC 9110: a 401 names the scheme that would work */
	if (status == 401)
		reply_header(r, "WWW-Authenticate", r->authorization ? "Bearer realm=\"indgang\", error=\"invalid_token\""
		                                                     : "Bearer realm=\"indgang\"");
	return reply_json(r, status);
}

int reply_page_error(struct req *r, int status, const char *message)
{
	buf_reset(&r->out);
	const char *title = status == 404   ? "Siden findes ikke"
	                    : status == 403 ? "Ingen adgang"
	                    : status == 400 ? "Forkert forespørgsel"
	                    : status == 413 ? "For store data"
	                    : status == 429 ? "For mange forsøg"
	                    : status >= 500 ? "Der skete en fejl"
	                                    : "Fejl";
	page_begin(r, title);
	htmlf(&r->out, "<p>%s</p><p><a href=\"/\">Til forsiden</a></p>", message);
	return page_end(r, status);
}

int reply_static(struct req *r, int status, const char *type, const void *data, size_t len)
{
	r->status = status;
	r->resp_type = type;
	r->static_data = data;
	r->static_len = len;
	return 0;
}
