/*
 * page.c — request-to-layout glue. Layer: http.
 */
#include "page.h"

#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/csv.h"
#include "../base/err.h"
#include "../store/db.h"
#include "../base/log.h"
#include "../base/text.h"
#include "../view/layout.h"
#include "../view/text_da.h"
#include "dispatch.h"

void page_begin(struct req *r, const char *title)
{
	struct layout_info info = {
		.title = title,
		.path = r->path,
		.csrf = r->csrf,
	};
	/* tenders: the pages under /udbud name their Atom feed in the head */
	if (r->path && strncmp(r->path, "/udbud", 6) == 0)
		info.feed = "/udbud/feed.xml";
	if (r->user) {
		info.user_email = r->user->email;
		info.user_role = role_label(r->user->role);
		info.kommune_navn = r->user->kommune_navn;
		info.nav_users = access_allowed(r->user, ACC_MANAGE_USERS, r->user->kommune) == 0;
		info.nav_cases = access_national(r->user) ||
		                 access_case_worker(r->user, r->user->kommune) == 0;
		info.nav_admin = access_allowed(r->user, ACC_NATIONAL, NULL) == 0;
		info.nav_surveys = access_allowed(r->user, ACC_ANSWER_SURVEY, r->user->kommune) == 0;
		info.nav_citizens = access_allowed(r->user, ACC_READ_PERSONAL, r->user->kommune) == 0;
		const char *scope;
		int64_t enterprise_id;
		info.nav_openings = access_openings_scope(r->user, &scope, &enterprise_id) == 0;
		info.nav_matching = access_match_settings(r->user, r->user->kommune) == 0;
		/* networks and meetings (collab) */
		const char *collab_scope;
		info.nav_networks = access_collaboration_scope(r->user, &collab_scope) == 0;
		/* outreach: the staff who may read their municipality's collaboration */
		const char *outreach_scope;
		info.nav_outreach = access_collaboration_scope(r->user, &outreach_scope) == 0;
		/* the guidance library: whoever may read some collaboration */
		info.nav_guidance = access_collaboration_scope(r->user, &collab_scope) == 0;
		if (access_national(r->user))
			info.nav_overview = "/statistik/landet";
		else if (access_figures(r->user, r->user->kommune) == 0)
			info.nav_overview = arena_printf(&r->a, "/kommuner/%s/overblik", r->user->kommune);
		const char *pk;
		int64_t pe;
		if (access_placement_scope(r->user, &pk, &pe) == 0)
			info.nav_placements = pk ? "/forloeb"
			                         : arena_printf(&r->a, "/virksomheder/%lld/forloeb", (long long)pe);
		/* purchasing: who keeps a municipality's (konsulent, indkøber, administrator), or a
		 * supplier's own orders */
		info.nav_purchasing = access_national(r->user) ||
		                      access_procurement(r->user, ACC_WRITE, r->user->kommune) == 0;
		if (access_supplier(r->user, r->user->enterprise_id) == 0)
			info.nav_supplier = (long long)r->user->enterprise_id;
		bool own_only;
		/* the enterprise a virksomhed user represents (its home is the user's municipality) */
		if (r->user->enterprise_id &&
		    access_enterprise_profile(r->user, r->user->enterprise_id, r->user->kommune, &own_only) == 0)
			info.nav_enterprise = (long long)r->user->enterprise_id;
		/* the catalogue a virksomhed user keeps for its enterprise: "Vores katalog" */
		if (r->user->enterprise_id &&
		    access_catalogue_write(r->user, r->user->kommune, r->user->enterprise_id) == 0)
			info.nav_own_catalogue = (long long)r->user->enterprise_id;
	}
	buf_reset(&r->out);
	layout_begin(&r->out, &info);
}

int page_end(struct req *r, int status)
{
	layout_end(&r->out);
	return reply_html(r, status);
}

int page_fail(struct req *r, int rc, const char *not_found)
{
	const struct field_error *fe = r->errs.n ? &r->errs.e[0] : NULL;
	if (rc == ERR_DB && db_away(r->db)) /* a store that said only "failed" */
		rc = ERR_UNAVAILABLE;
	switch (rc) {
	case ERR_NOTFOUND:
		return reply_page_error(r, 404, not_found ? not_found : T_ERR_NOT_FOUND);
	case ERR_FORBIDDEN:
	case ERR_AUTH:
		return reply_page_error(r, 403, T_ERR_FORBIDDEN);
	case ERR_CONFLICT:
		return reply_page_error(r, 409, fe ? fe->message : T_ERR_CONFLICT);
	case ERR_INVALID:
		return reply_page_error(r, 422, fe ? fe->message : T_ERR_INVALID);
	case ERR_TOOBIG:
		return reply_page_error(r, 413, T_ERR_TOOBIG);
	case ERR_BUSY:
		return reply_page_error(r, 429, T_ERR_BUSY);
	case ERR_UNAVAILABLE:
		return reply_page_error(r, 503, T_ERR_UNAVAILABLE);
	}
	if (rc == 0)
		log_error("http: page_fail called without an error for %s", dispatch_log_target(r));
	return reply_page_error(r, 500, T_ERR_LOGGED);
}

const char *page_today(struct req *r)
{
	char day[11];
	text_today(day);
	return arena_strdup(&r->a, day);
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

void page_csv_begin(struct req *r, struct csv_out *w)
{
	const char *sep = req_query(r, "sep");
	bool commas = sep && !strcmp(sep, ",");
	buf_reset(&r->out);
	csv_out_begin(w, &r->out, commas ? ',' : ';', !commas);
}
