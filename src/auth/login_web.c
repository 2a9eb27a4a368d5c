/*
 * login_web.c — sign-in and sign-out pages. Layer: handlers of the auth capability.
 */
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/log.h"
#include "../base/text.h"
#include "../http/dispatch.h"
#include "../http/page.h"
#include "auth.h"
#include "auth_text_da.h"
#include "auth_web.h"

/* safe_next: where to go after sign-in: next (already percent-decoded) when it is a path on
 * this site, else "/". Browsers drop tabs and line breaks from a Location and read a backslash
 * as a slash, so "/\t/evil.example" or "/\\evil.example" would lead to another host: a
 * control character or a backslash anywhere, or a second slash right after the first, and
 * the answer is "/". */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || strlen(next) > 2000)
		return "/";
	for (const unsigned char *p = (const unsigned char *)next; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			return "/";
	return next;
}

static int login_form(struct req *r, int status, const char *email, const char *notice)
{
	page_begin(r, A_LOGIN_TITLE);
	struct buf *o = &r->out;
	if (notice)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", notice);
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/login\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	htmlf(o, "<input type=\"hidden\" name=\"next\" value=\"%s\">\n",
	      safe_next(req_form(r, "next") ? req_form(r, "next") : req_query(r, "next")));
	form_input(o, &(struct form_field){.name = "email", .label = A_EMAIL, .type = "email",
	                                   .value = email, .error = errs_get(&r->errs, "email"),
	                                   .autocomplete = "username", .required = true});
	form_input(o, &(struct form_field){.name = "password", .label = A_PASSWORD,
	                                   .type = "password", .error = errs_get(&r->errs, "password"),
	                                   .autocomplete = "current-password", .required = true});
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", A_LOGIN_BUTTON);
	return page_end(r, status);
}

/* GET /login — public. The sign-in form; ?next= is where to go afterwards. */
int auth_page_login(struct req *r)
{
	if (r->user)
		return reply_redirect(r, safe_next(req_query(r, "next")));
	return login_form(r, 200, NULL, req_query(r, "ud") ? A_LOGGED_OUT : NULL);
}

/* POST /login — public, CSRF. Fields email, password, next. Throttled per address, account and
 * pair: 429 with Retry-After; 503 with Retry-After when no hashing slot is free. */
int auth_page_login_post(struct req *r)
{
	const char *email = text_trim(&r->a, req_form(r, "email"));
	const char *password = req_form(r, "password");
	if (!email || !*email)
		errs_add(&r->errs, "email", A_LOGIN_EMPTY_EMAIL);
	if (!password || !*password)
		errs_add(&r->errs, "password", A_LOGIN_EMPTY_PASSWORD);
	if (r->errs.n)
		return login_form(r, 422, email, NULL);
	char *cookie = NULL;
	int wait = 0;
	int rc = auth_login(r->db, &r->a, text_lower_ascii(&r->a, email), password, r->remote_ip,
	                    &cookie, &wait);
	if (rc == ERR_BUSY || rc == ERR_UNAVAILABLE) {
		/* throttled (429) or every hashing slot taken (503): say at once when to come back */
		reply_header(r, "Retry-After", arena_printf(&r->a, "%d", wait));
		errs_add(&r->errs, NULL, rc == ERR_BUSY ? A_LOGIN_BUSY : A_LOGIN_UNAVAILABLE);
		return login_form(r, rc == ERR_BUSY ? 429 : 503, email, NULL);
	}
	if (rc == ERR_AUTH) {
		errs_add(&r->errs, "email", A_LOGIN_WRONG);
		return login_form(r, 401, email, NULL);
	}
	if (rc)
		return page_fail(r, rc, NULL);
	reply_cookie(r, SESSION_COOKIE, cookie, -1);
	return reply_redirect(r, safe_next(req_form(r, "next")));
}

/* POST /logout — signed in, CSRF. Ends the session and clears its cookie. */
int auth_page_logout(struct req *r)
{
	if (auth_logout(r->db, &r->a, req_cookie(r, SESSION_COOKIE)) != 0)
		log_warn("auth: logout could not delete the session");
	reply_cookie(r, SESSION_COOKIE, "", 0);
	return reply_redirect(r, "/login?ud=1");
}
