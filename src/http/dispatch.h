/*
 * dispatch.h — from a filled struct req to a finished reply: static assets, route matching,
 * authentication (session cookie or bearer token), the role check, CSRF, the handler, and the
 * security headers. Layer: http, free of libmicrohttpd so a fuzzer or a test can drive it.
 */
#ifndef INDGANG_DISPATCH_H
#define INDGANG_DISPATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "router.h"

struct req;

#define SESSION_COOKIE "indgang_session"
#define CSRF_COOKIE "indgang_csrf"

extern const struct route routes[];
extern const size_t routes_count;

/* dispatch_body_cap: how many body bytes r may send, known from its head alone: upload when
 * its route takes uploads (RF_UPLOAD) and it carries a session cookie or an Authorization
 * header (whether they are valid is checked when the body has come), normal otherwise. */
size_t dispatch_body_cap(struct req *r, size_t normal, size_t upload);
/* dispatch_may_get: whether r's caller passes the role check of the page at path (a GET
 * route): a link to a page the role is refused outright is left out. The page itself still
 * makes its own access decision (municipality, ownership). */
bool dispatch_may_get(struct req *r, const char *path);
/* dispatch: answers r. Always leaves r->status set. */
void dispatch(struct req *r);
/* dispatch_log_target: what the access log names for r: the matched route's pattern with its
 * number and municipality parameters filled in ("/sager/12", "/undersoegelser/{survey}/{round}"),
 * the path of a static asset, or "-" when nothing matched. Never text the client typed
 * freely into the path, which may be an e-mail address or a CPR number. Owned by r's arena. */
const char *dispatch_log_target(struct req *r);
/* dispatch_security_headers: adds the headers every HTML response carries. */
void dispatch_security_headers(struct req *r);

#endif
