/*
 * page.c — request-to-layout glue. Layer: http.
 */
#include "page.h"

#include <stdlib.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/text.h"
#include "../view/layout.h"

void page_begin(struct req *r, const char *title)
{
	struct layout_info info = {
		.title = title,
		.path = r->path,
		.csrf = r->csrf,
	};
	if (r->user) {
		info.user_email = r->user->email;
		info.user_role = role_label(r->user->role);
		info.kommune_navn = r->user->kommune_navn;
		info.nav_users = access_allowed(r->user, ACC_MANAGE_USERS, r->user->kommune) == 0;
		info.nav_admin = access_allowed(r->user, ACC_NATIONAL, NULL) == 0;
		info.nav_surveys = info.nav_admin || r->user->role == ROLE_KONSULENT;
	}
	buf_reset(&r->out);
	layout_begin(&r->out, &info);
}

int page_end(struct req *r, int status)
{
	layout_end(&r->out);
	return reply_html(r, status);
}

int page_limit(const struct req *r, int def, int max)
{
	long long v;
	if (text_parse_int(req_query(r, "limit"), 1, max, &v) != 0)
		return def;
	return (int)v;
}

int page_offset(const struct req *r)
{
	long long v;
	if (text_parse_int(req_query(r, "offset"), 0, 1000000000, &v) != 0)
		return 0;
	return (int)v;
}
