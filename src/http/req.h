/*
 * req.h — one HTTP request and its response, as handlers see them.
 * Layer: http. server.c fills it from libmicrohttpd and turns the reply into a response;
 * handlers read fields and call exactly one reply_* function (or a *_or_reply helper).
 * Everything a request allocates lives in r->a, freed when the request completes.
 */
#ifndef INDGANG_REQ_H
#define INDGANG_REQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/errs.h"
#include "multipart.h"

struct db;
struct principal;

#define REQ_MAX_PARAMS 4
#define REQ_MAX_HEADERS 16

enum http_method { M_GET = 1, M_HEAD = 2, M_POST = 4, M_PUT = 8, M_PATCH = 16, M_DELETE = 32,
                   M_OTHER = 64 };

/* a name=value pair from a form, a query string or a cookie header; a list ends with name NULL */
struct kv {
	const char *name;
	const char *value;
};

struct req {
	struct arena a;
	/* the request */
	enum http_method method;
	const char *method_name;
	const char *path;          /* decoded path, no query */
	const char *params[REQ_MAX_PARAMS]; /* typed path parameters, in pattern order */
	int nparams;
	struct kv *query;          /* decoded query arguments */
	struct kv *form;           /* parsed urlencoded or multipart body (form routes), else NULL */
	struct req_file *files;    /* the files of a multipart form (RF_UPLOAD form routes) */
	int nfiles;
	struct kv *cookies;
	const char *content_type;
	const char *authorization;
	const char *if_none_match;
	const char *accept_encoding; /* static assets: gzip when it allows (assets_accepts_gzip) */
	const char *x_csrf;        /* X-CSRF-Token header: API calls with a session cookie */
	const char *host;          /* Host header */
	const char *origin;        /* Origin header, or NULL */
	const char *fetch_site;    /* Sec-Fetch-Site header, or NULL */
	const char *remote_ip;
	bool tls;                  /* reached through HTTPS: cookies get Secure */
	char *body;                /* NUL-terminated, body_len bytes */
	size_t body_len;
	/* who asks: set by the server before the handler runs */
	struct principal *user;    /* NULL when anonymous */
	const char *csrf;          /* the token forms must carry */
	const char *set_cookie_csrf; /* a new anonymous CSRF cookie to send, or NULL */
	struct db *db;             /* this thread's connection */
	const void *route;         /* the matched route */
	/* validation results of the handler, for re-rendering a form */
	struct errs errs;
	/* the response */
	int status;                /* 0 until a reply_* call */
	const char *resp_type;
	struct buf out;
	struct kv resp_headers[REQ_MAX_HEADERS];
	int nresp_headers;
	bool html;                 /* add the HTML security headers */
	const void *static_data;   /* a borrowed body instead of out (assets) */
	size_t static_len;
	int64_t log_user_id;       /* for the access log */
	size_t sent_bytes;         /* body bytes of the response, for the access log */
};

/* req_query / req_form / req_cookie: the first value named name, or NULL. */
const char *req_query(const struct req *r, const char *name);
const char *req_form(const struct req *r, const char *name);
/* req_file: the file sent in the form field called name (a multipart form of an RF_UPLOAD
 * route), or NULL; a file input left empty gives a file of length 0. */
const struct req_file *req_file(const struct req *r, const char *name);
const char *req_cookie(const struct req *r, const char *name);
const char *kv_get(const struct kv *list, const char *name);
/* kv_all: the first max values named name into out, in order; returns how many there are in
 * all, which is more than max when some did not fit (the caller tells the user). */
int kv_all(const struct kv *list, const char *name, const char **out, int max);

/* req_param: the path parameter called name in the matched route's pattern ("{name}" or
 * "{name:type}"), or NULL (logged: a handler asking for a name its route lacks is a bug). */
const char *req_param(const struct req *r, const char *name);
/* req_param_int: the {name:int} parameter as a number, or 0 when there is none. */
int64_t req_param_int(const struct req *r, const char *name);

/* reply_header: adds a response header; refuses (and logs) names or values with CR, LF or NUL. */
int reply_header(struct req *r, const char *name, const char *value);
/* reply_cookie: Set-Cookie with HttpOnly, SameSite=Lax, Path=/ (and under TLS Secure and the
 * name prefixed __Host-, which req_cookie then reads);
 * max_age 0 deletes it, -1 makes a session cookie. */
int reply_cookie(struct req *r, const char *name, const char *value, int max_age);
/* reply_html: status with r->out as an HTML page (the handler has written r->out). */
int reply_html(struct req *r, int status);
/* reply_json: status with r->out as JSON. */
int reply_json(struct req *r, int status);
/* reply_download: status 200 with r->out as type, offered as a file called filename (a fixed,
 * safe name chosen by the program), or shown inline when filename is NULL. */
int reply_download(struct req *r, const char *type, const char *filename);
/* reply_text: status with text as text/plain. */
int reply_text(struct req *r, int status, const char *text);
/* reply_redirect: 303 See Other to a local path (must start with one '/'). */
int reply_redirect(struct req *r, const char *location);
/* reply_api_error: {"error": {"code", "message", "field"}} with status; field may be NULL. */
int reply_api_error(struct req *r, int status, const char *code, const char *message,
                    const char *field);
/* reply_page_error: an HTML error page in the layout with status and a Danish message. */
int reply_page_error(struct req *r, int status, const char *message);
/* reply_static: status with a borrowed body that outlives the request (assets). */
int reply_static(struct req *r, int status, const char *type, const void *data, size_t len);

#endif
