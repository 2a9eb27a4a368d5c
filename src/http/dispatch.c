/*
 * dispatch.c — request to reply: assets, routing, who asks, role, CSRF, handler.
 * Layer: http. The order of checks is the security model, so it lives in this one function.
 */
#include "dispatch.h"

#include <string.h>
#include <strings.h>

#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../store/db.h"
#include "../view/text_da.h"
#include "assets.h"
#include "urlenc.h"
#include "page.h"
#include "req.h"

static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; "
                          "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

void dispatch_security_headers(struct req *r)
{
	reply_header(r, "Content-Security-Policy", csp);
	reply_header(r, "X-Content-Type-Options", "nosniff");
	reply_header(r, "Referrer-Policy", "same-origin");
	reply_header(r, "X-Frame-Options", "DENY");
	reply_header(r, "Cache-Control", "no-store");
}

static bool is_api(const struct req *r)
{
	return strncmp(r->path, "/api/", 5) == 0;
}

static void fail(struct req *r, int status, const char *code, const char *api_msg,
                 const char *page_msg)
{
	if (is_api(r))
		reply_api_error(r, status, code, api_msg, NULL);
	else
		reply_page_error(r, status, page_msg);
}

/* serve_asset: a file below /static/, gzip-compressed when the client accepts it (compressed
 * at build time), with an ETag per representation; at the address with the content's hash
 * (?v=, layout_stylesheet) it may be kept for a year, elsewhere for a day */
static bool serve_asset(struct req *r)
{
	if (strncmp(r->path, "/static/", 8) != 0)
		return false;
	const struct asset *as = assets_find(r->path + 8);
	if (!as || (r->method != M_GET && r->method != M_HEAD)) {
		fail(r, 404, "not_found", "No such file.", "Filen findes ikke.");
		return true;
	}
	bool gz = as->gz && assets_accepts_gzip(r->accept_encoding);
	const char *etag = gz ? as->gz_etag : as->etag;
	const char *v = req_query(r, "v");
	reply_header(r, "ETag", etag);
	reply_header(r, "Cache-Control", v && as->version && strcmp(v, as->version) == 0
	                                      ? "public, max-age=31536000, immutable"
	                                      : "public, max-age=86400");
	reply_header(r, "X-Content-Type-Options", "nosniff");
	if (as->gz)
		reply_header(r, "Vary", "Accept-Encoding");
	if (gz)
		reply_header(r, "Content-Encoding", "gzip");
	if (assets_etag_matches(r->if_none_match, etag))
		reply_static(r, 304, as->type, "", 0);
	else if (gz)
		reply_static(r, 200, as->type, as->gz, as->gz_len);
	else
		reply_static(r, 200, as->type, as->data, as->len);
	return true;
}

/* who asks: a bearer token on API routes, else the session cookie */
static int identify(struct req *r, const struct route *rt)
{
	const char *auth = r->authorization;
	if (auth && (rt->flags & RF_API)) {
		if (strncmp(auth, "Bearer ", 7) != 0)
			return ERR_AUTH;
		return auth_token(r->db, &r->a, auth + 7, &r->user);
	}
	const char *cookie = req_cookie(r, SESSION_COOKIE);
	if (cookie) {
		const char *csrf = NULL;
		int rc = auth_session(r->db, &r->a, cookie, &r->user, &csrf);
		if (rc == 0)
			r->csrf = csrf;
		else if (rc != ERR_AUTH)
			return rc;
	}
	return 0;
}

/* anonymous visitors get a CSRF token in a cookie of its own (the login form needs one) */
static void anonymous_csrf(struct req *r)
{
	/* the API authenticates by token and never reads a form: no cookie to hand out */
	if (r->user || is_api(r) || !strcmp(r->path, "/healthz"))
		return;
	const char *c = req_cookie(r, CSRF_COOKIE);
	if (c && strlen(c) == AUTH_SECRET_LEN) {
		r->csrf = c;
		return;
	}
	char *fresh = arena_alloc(&r->a, AUTH_SECRET_LEN + 1);
	auth_random_secret(fresh);
	r->csrf = fresh;
	r->set_cookie_csrf = fresh;
}

const char *dispatch_log_target(struct req *r)
{
	const struct route *rt = r->route;
	if (!rt)
		return r->path && r->status != 404 && !strncmp(r->path, "/static/", 8) ? r->path : "-";
	struct buf b;
	buf_init(&b, 1024);
	int i = 0;
	for (const char *p = rt->pattern; *p;) {
		if (*p != '{') {
			buf_putc(&b, *p++);
			continue;
		}
		const char *end = strchr(p, '}');
		if (!end)
			break;
		const char *colon = memchr(p, ':', (size_t)(end - p));
		/* numbers and municipality codes are safe to log; free text is not */
		if (colon && i < r->nparams && r->params[i])
			buf_puts(&b, r->params[i]);
		else
			buf_append(&b, p, (size_t)(end - p + 1));
		p = end + 1;
		i++;
	}
	const char *s = arena_strdup(&r->a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* a state change sent by a browser from another site: the browser says so itself
 * (Sec-Fetch-Site), or names another origin than this host (Origin). Neither header can be set
 * by a page's script, so this holds even when an attacker planted our CSRF cookie (login CSRF,
 * a cookie from a sibling subdomain). A client that sends neither (curl, old browsers) is left
 * to the CSRF token. */
static bool cross_site(const struct req *r)
{
	if (r->fetch_site)
		return strcmp(r->fetch_site, "same-origin") != 0 && strcmp(r->fetch_site, "none") != 0;
	if (!r->origin)
		return false;
	const char *o = r->origin;
	if (!strncmp(o, "https://", 8))
		o += 8;
	else if (!strncmp(o, "http://", 7))
		o += 7;
	else
		return true; /* "null" (a sandboxed frame, a file) or anything else */
	return !r->host || strcmp(o, r->host) != 0;
}

static bool content_type_is(const struct req *r, const char *type)
{
	size_t n = strlen(type);
	const char *ct = r->content_type ? r->content_type : "";
	return strncmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

static void dispatch_route(struct req *r);

/* every 429 and 503 says when to come back; a handler that knows the wait has said it already */
static void retry_after_default(struct req *r)
{
	if (r->status != 429 && r->status != 503)
		return;
	for (int i = 0; i < r->nresp_headers; i++)
		if (strcasecmp(r->resp_headers[i].name, "Retry-After") == 0)
			return;
	reply_header(r, "Retry-After", r->status == 429 ? "60" : "5");
}

size_t dispatch_body_cap(struct req *r, size_t normal, size_t upload)
{
	if (upload <= normal || (!r->authorization && !kv_get(r->cookies, SESSION_COOKIE)))
		return normal;
	const char *params[REQ_MAX_PARAMS];
	int nparams = 0;
	int idx = router_match(routes, routes_count, r->method, r->path, &r->a, params,
	                       REQ_MAX_PARAMS, &nparams);
	return idx >= 0 && (routes[idx].flags & RF_UPLOAD) ? upload : normal;
}

bool dispatch_may_get(struct req *r, const char *path)
{
	const char *params[REQ_MAX_PARAMS];
	int nparams = 0;
	int idx = router_match(routes, routes_count, M_GET, path, &r->a, params, REQ_MAX_PARAMS,
	                       &nparams);
	if (idx < 0)
		return false;
	if (routes[idx].flags & RF_PUBLIC)
		return true;
	return r->user && (!routes[idx].roles || (routes[idx].roles & r->user->role));
}

void dispatch(struct req *r)
{
	dispatch_route(r);
	retry_after_default(r);
}

static void dispatch_route(struct req *r)
{
	if (serve_asset(r))
		return;
	int idx = router_match(routes, routes_count, r->method, r->path, &r->a, r->params,
	                       REQ_MAX_PARAMS, &r->nparams);
	if (idx == ROUTER_BAD_METHOD) {
		/* RFC 9110: a 405 lists the methods the resource has */
		static const struct { unsigned m; const char *name; } names[] = {
			{M_GET, "GET"}, {M_HEAD, "HEAD"}, {M_POST, "POST"}, {M_PUT, "PUT"},
			{M_PATCH, "PATCH"}, {M_DELETE, "DELETE"},
		};
		unsigned allowed = router_allowed(routes, routes_count, r->path, &r->a);
		struct buf list;
		buf_init(&list, 256);
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (allowed & names[i].m)
				buf_printf(&list, "%s%s", list.len ? ", " : "", names[i].name);
		reply_header(r, "Allow", buf_str(&list));
		buf_free(&list);
		fail(r, 405, "method_not_allowed", "This method is not allowed here.",
		     "Handlingen er ikke tilladt på denne adresse.");
		return;
	}
	if (idx < 0) {
		fail(r, 404, "not_found", "No such resource.", "Siden findes ikke.");
		return;
	}
	const struct route *rt = &routes[idx];
	r->route = rt;
	r->db = db_thread();
	if (!r->db) {
		fail(r, 503, "unavailable", "The database is unavailable.",
		     "Databasen er ikke tilgængelig lige nu. Prøv igen om lidt.");
		return;
	}
	int rc = identify(r, rt);
	if (rc == ERR_AUTH) {
		reply_api_error(r, 401, "unauthorized", "The bearer token is not valid.", NULL);
		return;
	}
	if (rc == ERR_UNAVAILABLE || (rc == ERR_DB && db_away(r->db))) {
		/* the session could not be read: the database is away */
		fail(r, 503, "unavailable", "The database is unavailable.",
		     "Databasen er ikke tilgængelig lige nu. Prøv igen om lidt.");
		return;
	}
	if (rc) {
		fail(r, 500, "internal", "Something went wrong; it has been logged.",
		     T_ERR_LOGGED);
		return;
	}
	anonymous_csrf(r);
	r->log_user_id = r->user ? r->user->id : 0;
	if (!(rt->flags & RF_PUBLIC) && !r->user) {
		if (rt->flags & RF_API) {
			reply_api_error(r, 401, "unauthorized", "Sign in or send a valid bearer token.", NULL);
		} else {
			/* back to where the visitor was going, query string and all */
			struct buf target;
			buf_init(&target, 8192);
			buf_puts(&target, r->path);
			for (const struct kv *q = r->query; q && q->name; q++)
				buf_printf(&target, "%c%s=%s", q == r->query ? '?' : '&', html_url(&r->a, q->name),
				           html_url(&r->a, q->value));
			const char *next = arena_printf(&r->a, "/login?next=%s", html_url(&r->a, buf_str(&target)));
			buf_free(&target);
			reply_redirect(r, next);
		}
		return;
	}
	if (rt->roles && r->user && !(rt->roles & r->user->role)) {
		fail(r, 403, "forbidden", "Your role may not use this.",
		     "Din rolle giver ikke adgang til denne side.");
		return;
	}
	if (rt->flags & RF_FORM) {
		const char *boundary = NULL;
		if (content_type_is(r, "application/x-www-form-urlencoded")) {
			r->form = urlenc_parse(&r->a, r->body ? r->body : "", r->body_len);
		} else if ((rt->flags & RF_UPLOAD) &&
		           (boundary = multipart_boundary(&r->a, r->content_type)) != NULL) {
			const char *why = NULL;
			if (multipart_parse(&r->a, r->body ? r->body : "", r->body_len, boundary, &r->form,
			                    &r->files, &r->nfiles, &why) != 0) {
				reply_page_error(r, 400, why);
				return;
			}
		} else {
			reply_page_error(r, 415, "Formularen blev sendt i et format, vi ikke kan læse.");
			return;
		}
		if (cross_site(r) || !auth_equal(req_form(r, "csrf"), r->csrf)) {
			reply_page_error(r, 403, "Formularen er udløbet eller kom ikke fra Indgang. "
			                         "Gå tilbage, genindlæs siden og prøv igen.");
			return;
		}
	} else if ((rt->flags & RF_API) && r->user && !r->user->via_token && r->method != M_GET &&
	           r->method != M_HEAD) {
		/* a browser session calling the API must prove it is our page, not another site */
		if (!auth_equal(r->x_csrf, r->csrf)) {
			reply_api_error(r, 403, "csrf", "Send the X-CSRF-Token header of your session.", NULL);
			return;
		}
	}
	/* reading the request (query, cookies, form) may already pass the memory cap: then the
	 * handler does not run, so nothing is written on behalf of a request we cannot serve */
	unsigned long audited = audit_count_thread();
	if (!arena_exhausted(&r->a))
		rt->handler(r);
	if ((rt->flags & RF_PERSONAL) && r->status >= 200 && r->status < 300 &&
	    audit_count_thread() == audited) {
		/* personal data are read only with a trace: an answer without one is not sent */
		log_error("http: %s %s read personal data without an audit line", r->method_name, rt->pattern);
		buf_reset(&r->out);
		r->nresp_headers = 0;
		r->status = 0;
		fail(r, 500, "internal", "Something went wrong; it has been logged.", T_ERR_LOGGED);
		return;
	}
	if (arena_exhausted(&r->a)) {
		/* the handler's reply may be cut short: replace it, the request used too much memory */
		log_error("http: %s %s passed the request's memory cap", r->method_name, rt->pattern);
		buf_reset(&r->out);
		r->nresp_headers = 0;
		r->static_data = NULL;
		r->status = 0;
		fail(r, 500, "internal", "Something went wrong; it has been logged.", T_ERR_LOGGED);
		return;
	}
	if (r->status == 0) {
		log_error("http: handler for %s left no reply", rt->pattern);
		fail(r, 500, "internal", "Something went wrong; it has been logged.",
		     T_ERR_LOGGED);
	}
}
