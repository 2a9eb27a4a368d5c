/*
 * login_web.c — sign-in and sign-out pages. Layer: handlers of the auth capability.
 */
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../base/log.h"
#include "../base/text.h"
#include "../http/dispatch.h"
#include "../http/page.h"
#include "auth.h"
#include "auth_text_da.h"
#include "auth_web.h"

/* only local paths may be the target after sign-in */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strchr(next, '\r') ||
	    strchr(next, '\n'))
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

/* POST /login — public, CSRF. Fields email, password, next. Throttled per account and address. */
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
	int rc = auth_login(r->db, &r->a, text_lower_ascii(&r->a, email), password, r->remote_ip, &cookie);
	if (rc == ERR_BUSY) {
		errs_add(&r->errs, NULL, A_LOGIN_BUSY);
		return login_form(r, 429, email, NULL);
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
