/*
 * router.h — matching a method and path against the route table.
 * Layer: http. Pure: no I/O, fuzzed in tests/fuzz/.
 *
 * Patterns are literal segments and named parameters, each a whole segment, with a type:
 *   /api/v1/kommuner/{kode:kommune}/users  {NAME:kommune}: a municipality code, three digits
 *   /brugere/{id:int}                      {NAME:int}: a positive integer below 10^15
 *   /undersoegelser/{survey}/{round}       {NAME}: any non-empty segment (decoded), up to 200
 *                                          bytes
 * Names are lower-case letters and '_', distinct within a pattern; handlers read a parameter by
 * its name (req_param, req_param_int), never by position.
 */
#ifndef INDGANG_ROUTER_H
#define INDGANG_ROUTER_H

#include <stddef.h>

struct req;
struct arena;

typedef int (*route_handler)(struct req *r);

enum route_flag {
	RF_PUBLIC = 1,     /* no sign-in needed */
	RF_API = 2,        /* JSON errors; bearer tokens accepted */
	RF_FORM = 4,       /* an HTML form post: urlencoded body, csrf field checked */
	RF_JSON = 8,       /* the body must be application/json */
	RF_PERSONAL = 16,  /* reads personal data: a 2xx answer without a new audit line is refused
	                    * by dispatch() with 500 (GET routes only) */
	RF_UPLOAD = 32,    /* takes a picture or a document: the body may be as large as the upload
	                    * cap (serve --max-upload, 16 MiB) when the request carries a session or
	                    * a token, and an RF_FORM route also reads multipart/form-data (req_file).
	                    * Never with RF_PUBLIC (router_check_table refuses it). */
};

struct route {
	unsigned methods;  /* M_GET | M_POST ... */
	const char *pattern;
	route_handler handler;
	unsigned flags;
	unsigned roles;    /* bits of enum role allowed; 0 = any signed-in user */
};

#define ROUTER_NOT_FOUND (-1)
#define ROUTER_BAD_METHOD (-2)

/* router_match: the index of the first route in table[0..n) whose pattern matches path and
 * which allows method; ROUTER_BAD_METHOD if the path matches but no route has the method;
 * ROUTER_NOT_FOUND otherwise. params[] gets up to max typed parameters (copies owned by a),
 * *nparams their count. path must be decoded and start with '/'. */
int router_match(const struct route *table, size_t n, unsigned method, const char *path,
                 struct arena *a, const char **params, int max, int *nparams);

/* router_allowed: the methods (M_GET | ...) of the routes whose pattern matches path; with GET
 * comes HEAD. 0 when none does. */
unsigned router_allowed(const struct route *table, size_t n, const char *path, struct arena *a);

/* router_param_index: the position of the parameter called name in pattern, or -1. */
int router_param_index(const char *pattern, const char *name);

/* router_check_table: 0 if every route is well-formed (parameters whole segments with a known
 * type and distinct names, at most REQ_MAX_PARAMS of them) and every route that changes state
 * (not GET/HEAD) is protected by a CSRF token (RF_FORM) or is an API route; otherwise logs the
 * offending pattern and returns ERR_INVALID. The server refuses to start on failure. */
int router_check_table(const struct route *table, size_t n);

#endif
