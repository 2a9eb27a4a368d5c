/*
 * registry_web.c — the public registry: search and filters, and the profile page. The list is
 * the registry of social-economy enterprises: it shows the ordinary companies only when asked
 * (?kind=company or all).
 * Layer: handlers of the registry capability.
 */
#include "registry_web.h"

#include <stdlib.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../auth/users.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../employment/openings.h"
#include "../employment/placements.h"
#include "../employment/placements_web.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../outreach/contacts_web.h"
#include "registry.h"
#include "registry_search.h"
#include "registry_text_da.h"

#define LIST_PAGE 50

static const char *nonblank(struct req *r, const char *name)
{
	const char *v = text_trim(&r->a, req_query(r, name));
	return v && *v ? v : NULL;
}

/* the query of the list page and GET /api/v1/enterprises, from the URL's parameters;
 * unknown values are ignored (the page shows the filter as unset) */
void registry_query_from(struct req *r, struct registry_query *q, int limit)
{
	memset(q, 0, sizeof(*q));
	q->match = registry_search_query(&r->a, nonblank(r, "q"));
	q->match_whole = registry_search_query_whole(&r->a, nonblank(r, "q"));
	q->match_last = registry_search_query_last(&r->a, nonblank(r, "q"));
	q->kommune = nonblank(r, "kommune");
	if (q->kommune && !text_is_digits(q->kommune, 3))
		q->kommune = NULL;
	q->service = nonblank(r, "service");
	q->target = nonblank(r, "target");
	q->kind = nonblank(r, "kind");
	if (q->kind && !registry_kind_valid(q->kind))
		q->kind = NULL;
	q->status = nonblank(r, "status");
	if (q->status && strcmp(q->status, "idea") && strcmp(q->status, "pipeline") &&
	    strcmp(q->status, "established") && strcmp(q->status, "closed"))
		q->status = NULL;
	const char *reg = nonblank(r, "registered");
	q->registered = !reg ? -1 : !strcmp(reg, "1") ? 1 : !strcmp(reg, "0") ? 0 : -1;
	q->day = page_today(r);
	/* a search without an order asks for its best matches first */
	const char *sort = nonblank(r, "sort");
	q->sort = !sort ? (q->match ? REGISTRY_SORT_RELEVANCE : REGISTRY_SORT_NAME)
	          : !strcmp(sort, "established") ? REGISTRY_SORT_ESTABLISHED
	          : !strcmp(sort, "kommune") ? REGISTRY_SORT_KOMMUNE
	          : !strcmp(sort, "relevance") && q->match ? REGISTRY_SORT_RELEVANCE
	                                                  : REGISTRY_SORT_NAME;
	q->limit = limit;
	q->offset = page_offset(r);
}

/* the list page's kind: "soev" unless ?kind asks for "company" or "all" (the public page is the
 * registry of social-economy enterprises; the companies are there for the jobcenter's work) */
static const char *page_kind(struct req *r)
{
	const char *k = nonblank(r, "kind");
	return k && (!strcmp(k, "company") || !strcmp(k, "all")) ? k : REGISTRY_KIND_SOEV;
}

static const char *status_label_of(const char *key)
{
	static const char *keys[] = {"idea", "pipeline", "established", "closed"};
	for (int i = 0; i < 4; i++)
		if (key && !strcmp(key, keys[i]))
			return registry_status_label((enum registry_status)i);
	return key ? key : "";
}

/* filter_select: the filter name with the choices opts after a first one (all) that filters
 * nothing; value the one chosen, or NULL for ?name as asked */
static void filter_select(struct req *r, const char *name, const char *label,
                          const struct option_kv *opts, int n, const char *all, const char *value)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(n + 1));
	fo[0] = (struct form_option){"", all};
	for (int i = 0; i < n; i++)
		fo[i + 1] = (struct form_option){opts[i].key, opts[i].label};
	const char *v = value ? value : req_query(r, name);
	form_select(&r->out, &(struct form_field){.name = name, .label = label, .value = v ? v : ""},
	            fo, n + 1);
}

/* the link to Bilag 1, of the municipality filtered by if any */
static void bilag1_link(struct req *r, const char *kommune)
{
	if (kommune)
		htmlf(&r->out, "<p><a href=\"/statistik/bilag1?kommune=%s\">%s</a></p>\n", kommune,
		      R_BILAG1_LINK);
	else
		htmlf(&r->out, "<p><a href=\"/statistik/bilag1\">%s</a></p>\n", R_BILAG1_LINK);
}

/* the Type filter: SØV (the default), companies, or both */
static void kind_select(struct req *r, const char *kind)
{
	static const struct form_option kinds[] = {
		{REGISTRY_KIND_SOEV, R_KIND_SOEV}, {REGISTRY_KIND_COMPANY, R_KIND_COMPANY}, {"all", R_KIND_ALL}};
	form_select(&r->out, &(struct form_field){.name = "kind", .label = R_KIND, .value = kind},
	            kinds, 3);
}

/* GET /virksomheder — public. With ?kommune=K also the enterprises that work with K from
 * another municipality, marked as such. Search (q), filters kommune, service, target,
 * kind=soev|company|all (default soev), status, registered; sort name|established|kommune;
 * paginated. The download links keep the search, the filters and the order, not the paging.
 * A signed-in user of a municipality starts with its own (?kommune= empty: all of them). The
 * demo's placeholders (source "filler") are left out unless ?pladsholdere=vis, and the page
 * says how many; they count in the statistics all the same. */
int registry_page_list(struct req *r)
{
	struct registry_query q;
	registry_query_from(r, &q, page_limit(r, LIST_PAGE, 500));
	const char *kind = page_kind(r);
	q.kind = strcmp(kind, "all") ? kind : NULL;
	/* the municipality's own, unless the address says which (an empty one: all) */
	bool own_default = !req_query(r, "kommune") && r->user && r->user->kommune && !access_national(r->user);
	bool all_asked = req_query(r, "kommune") && !q.kommune;
	if (own_default)
		q.kommune = r->user->kommune;
	bool fillers = nonblank(r, "pladsholdere") && !strcmp(nonblank(r, "pladsholdere"), "vis");
	q.source_not = fillers ? NULL : REGISTRY_SOURCE_FILLER;
	struct registry_item *items, *none;
	int n, total, hidden = 0;
	bool exact;
	struct kommune *ks;
	struct option_kv *services, *targets;
	int nk, nservices, ntargets;
	int rc = registry_list_page(r->db, &r->a, &q, &items, &n, &total, &exact);
	if (rc == 0 && !fillers && exact) {
		/* how many placeholders the filters would show */
		struct registry_query with = q;
		with.source_not = NULL;
		with.limit = 1;
		with.offset = 0;
		int nw;
		bool with_exact;
		rc = registry_list_page(r->db, &r->a, &with, &none, &nw, &hidden, &with_exact);
		hidden = with_exact ? hidden - total : 0;
	}
	if (rc == 0)
		rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc == 0)
		rc = registry_options(r->db, &r->a, false, &services, &nservices);
	if (rc == 0)
		rc = registry_options(r->db, &r->a, true, &targets, &ntargets);
	if (rc)
		return page_fail(r, rc, NULL);
	bool companies = !strcmp(kind, REGISTRY_KIND_COMPANY), all = !strcmp(kind, "all");
	page_begin(r, companies ? R_TITLE_COMPANY : all ? R_TITLE_ALL : R_TITLE);
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s</p>\n", companies ? R_LEAD_COMPANY : all ? R_LEAD_ALL : R_LEAD);
	if (r->user && access_allowed(r->user, ACC_WRITE, r->user->kommune) == 0) {
		if (companies)
			htmlf(o, "<p><a class=\"button\" href=\"/virksomheder/ny?kind=company\">%s</a></p>\n",
			      R_NEW_COMPANY);
		else
			htmlf(o, "<p><a class=\"button\" href=\"/virksomheder/ny\">%s</a></p>\n", R_NEW);
	}
	html(o, "<form method=\"get\" action=\"/virksomheder\" class=\"filter\" role=\"search\">\n");
	form_input(o, &(struct form_field){.name = "q", .label = R_SEARCH, .type = "search",
	                                   .value = req_query(r, "q"), .hint = R_SEARCH_HINT});
	struct option_kv *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk > 0 ? nk : 1));
	for (int i = 0; i < nk; i++)
		ko[i] = (struct option_kv){ks[i].kode, ks[i].navn};
	filter_select(r, "kommune", R_KOMMUNE, ko, nk, R_ALL_KOMMUNER, q.kommune ? q.kommune : "");
	if (fillers)
		html(o, "<input type=\"hidden\" name=\"pladsholdere\" value=\"vis\">\n");
	kind_select(r, kind);
	filter_select(r, "service", R_SERVICE, services, nservices, R_ALL, NULL);
	filter_select(r, "target", R_TARGET, targets, ntargets, R_ALL, NULL);
	static const struct option_kv statuses[] = {
		{"established", "Etableret"}, {"pipeline", "På vej"}, {"idea", "Idé"}, {"closed", "Lukket"}};
	filter_select(r, "status", R_STATUS, statuses, 4, R_ALL, NULL);
	static const struct option_kv yesno[] = {{"1", R_YES}, {"0", R_NO}};
	filter_select(r, "registered", R_REGISTERED, yesno, 2, R_ALL, NULL);
	/* the best matches first is an order only while searching */
	static const struct option_kv sorts[] = {{"relevance", R_SORT_RELEVANCE},
		{"name", R_SORT_NAME}, {"established", R_SORT_ESTABLISHED}, {"kommune", R_SORT_KOMMUNE}};
	struct form_option so[4];
	int nso = 0;
	for (int i = q.match ? 0 : 1; i < 4; i++)
		so[nso++] = (struct form_option){sorts[i].key, sorts[i].label};
	static const char *const sort_keys[] = {"name", "established", "kommune", "relevance"};
	form_select(o, &(struct form_field){.name = "sort", .label = R_SORT, .value = sort_keys[q.sort]},
	            so, nso);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", R_FILTER);
	if (own_default)
		htmlf(o, "<p>%s %s. <a href=\"/virksomheder?kommune=\">%s</a></p>\n", R_SHOWING_OWN,
		      r->user->kommune_navn ? r->user->kommune_navn : r->user->kommune, R_SHOW_ALL_KOMMUNER);
	if (hidden > 0)
		htmlf(o, "<p class=\"hint\">" R_FILLERS_HIDDEN " <a href=\"/virksomheder?pladsholdere=vis%s\">%s</a></p>\n",
		      hidden, q.kommune ? arena_printf(&r->a, "&kommune=%s", q.kommune) : all_asked ? "&kommune=" : "",
		      R_FILLERS_SHOW);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\" role=\"status\">%s</p>\n", R_EMPTY);
		bilag1_link(r, q.kommune);
		return page_end(r, 200);
	}
	table_begin(o, R_TITLE, NULL);
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	      R_TITLE, R_NAME, R_KOMMUNE, R_STATUS, R_ESTABLISHED, R_REGISTERED, R_CVR);
	for (int i = 0; i < n; i++) {
		const struct registry_item *it = &items[i];
		bool reg = it->rsv_registered && strcmp(it->rsv_registered, q.day) <= 0;
		htmlf(o, "<tr><td><a href=\"/virksomheder/%lld\">%s</a>", (long long)it->id, it->name);
		if (all && !strcmp(it->kind, REGISTRY_KIND_COMPANY))
			htmlf(o, "<br><span class=\"hint\">(%s)</span>", R_KIND_ONE_COMPANY);
		if (!it->home) /* it works with the municipality filtered by, from another (Bilag 1) */
			htmlf(o, "<br><span class=\"hint\">(%s %s)</span>", R_WORKS_IN, it->kommune_navn);
		htmlf(o, "</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
		      it->kommune_navn, status_label_of(it->status),
		      it->established ? text_date_dk(&r->a, it->established) : "–", reg ? R_YES : R_NO,
		      it->cvr ? it->cvr : "–");
	}
	html(o, "</tbody>\n");
	table_end(o);
	/* keep the filters in the pagination links */
	struct buf extra;
	buf_init(&extra, 8192);
	const char *keep[] = {"q", "kommune", "service", "target", "kind", "status", "registered", "sort",
	                      "pladsholdere"};
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (nonblank(r, keep[i]))
			buf_printf(&extra, "&%s=%s", keep[i], html_url(&r->a, nonblank(r, keep[i])));
	if (all_asked)
		buf_puts(&extra, "&kommune=");
	form_pagination_over(o, "/virksomheder", arena_strdup(&r->a, buf_str(&extra)), q.offset, q.limit,
	                     total, exact);
	buf_free(&extra);
	/* the downloads hold every row the list holds (all its pages): the kind on screen, then
	 * each filter, the search and the order that is set (the default order left out) */
	buf_init(&extra, 8192);
	buf_printf(&extra, "&kind=%s", kind);
	const char *dl[] = {"kommune", "q", "service", "target", "status", "registered", "sort",
	                    "pladsholdere"};
	for (size_t i = 0; i < sizeof(dl) / sizeof(dl[0]); i++) {
		/* the municipality shown, also when it is the user's own by default */
		const char *v = i == 0 ? q.kommune : nonblank(r, dl[i]);
		if (v && !(i == 0 && !q.kommune) && !(!strcmp(dl[i], "sort") && !strcmp(v, "name")))
			buf_printf(&extra, "&%s=%s", dl[i], html_url(&r->a, v));
	}
	const char *kq = arena_strdup(&r->a, buf_str(&extra));
	buf_free(&extra);
	htmlf(o, "<p>%s (%d %s): <a href=\"/virksomheder/eksport?format=csv%s\">CSV</a> · "
	         "<a href=\"/virksomheder/eksport?format=xlsx%s\">Excel (XLSX)</a> · "
	         "<a href=\"/virksomheder/eksport?format=json%s\">JSON</a></p>\n", R_EXPORT, total,
	      total == 1 ? "virksomhed" : "virksomheder", kq, kq, kq);
	bilag1_link(r, q.kommune);
	return page_end(r, 200);
}

static void dl_row(struct buf *o, const char *term, const char *value)
{
	if (value && *value)
		htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", term, value);
}

/* the labels of keys in the managed list opts, joined with commas; NULL for none */
static const char *labels_of(struct req *r, const struct option_kv *opts, int nopts,
                             const char *const *keys, int n)
{
	if (n == 0)
		return NULL;
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, ", ");
		buf_puts(&b, registry_label(opts, nopts, keys[i]));
	}
	const char *s = arena_strdup(&r->a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* the names of the other municipalities e works with, joined with commas (a code that names
 * no municipality stands as itself); NULL for none */
static int others_of(struct req *r, const struct enterprise *e, const char **out)
{
	*out = NULL;
	if (e->nothers == 0)
		return 0;
	struct buf b;
	buf_init(&b, 0);
	int rc = 0;
	for (int i = 0; rc == 0 && i < e->nothers; i++) {
		struct kommune k;
		rc = kommune_get(r->db, &r->a, e->others[i], &k);
		if (i)
			buf_puts(&b, ", ");
		buf_puts(&b, rc == 0 ? k.navn : e->others[i]);
		if (rc == ERR_NOTFOUND)
			rc = 0;
	}
	if (rc == 0)
		*out = arena_strdup(&r->a, buf_str(&b));
	buf_free(&b);
	return rc;
}

static int64_t param_id(struct req *r)
{
	return req_param_int(r, "id");
}

/* the enterprise's open openings (n of total shown) with links, and to all of them */
static void openings_section(struct req *r, const struct enterprise *e, const struct opening *open,
                             int n, int total)
{
	struct buf *o = &r->out;
	htmlf(o, "<h2>%s</h2>\n", R_OPENINGS);
	if (n == 0)
		htmlf(o, "<p class=\"empty\">%s</p>\n", R_OPENINGS_EMPTY);
	else
		html(o, "<ul>\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<li><a href=\"/stillinger/%lld\">%s</a> (%d %s)</li>\n", (long long)open[i].id,
		      open[i].title, open[i].seats, open[i].seats == 1 ? "plads" : "pladser");
	if (n)
		html(o, "</ul>\n");
	htmlf(o, "<p><a href=\"/stillinger?enterprise=%lld\">%s</a>", (long long)e->id,
	      total > n ? R_OPENINGS_MORE : R_OPENINGS_ALL);
	if (access_openings(r->user, ACC_WRITE, e->kommune, e->id) == 0)
		htmlf(o, " · <a href=\"/stillinger/ny?enterprise=%lld\">%s</a>", (long long)e->id, R_OPENINGS_NEW);
	html(o, "</p>\n");
}

/* GET /virksomheder/{id} — public. The profile; the municipality's staff also see the edit
 * link and the history of changes; who may read its openings (access_openings) its open ones. */
int registry_page_profile(struct req *r)
{
	struct enterprise e;
	struct option_kv *services, *targets;
	int nservices, ntargets;
	const char *others;
	struct audit_row *rows = NULL;
	int nr = 0, total;
	int rc = registry_get(r->db, &r->a, param_id(r), &e);
	if (rc == 0)
		rc = registry_options(r->db, &r->a, false, &services, &nservices);
	if (rc == 0)
		rc = registry_options(r->db, &r->a, true, &targets, &ntargets);
	if (rc == 0)
		rc = others_of(r, &e, &others);
	int now[SCHEME_COUNT]; /* the people in each scheme at the enterprise today */
	if (rc == 0)
		rc = placements_now_by_scheme(r->db, e.id, now);
	/* the history of changes, for the municipality's staff */
	bool staff = rc == 0 && access_allowed(r->user, ACC_READ, e.kommune) == 0;
	if (staff) {
		struct audit_filter f = {.entity = "enterprise",
		                         .entity_id = arena_printf(&r->a, "%lld", (long long)e.id),
		                         .kommune = access_scope(r->user), .limit = 50};
		rc = audit_list(r->db, &r->a, &f, &rows, &nr, &total);
	}
	/* its open openings, for who may read them */
	struct opening *openings = NULL;
	int nopenings = 0, nopenings_total = 0;
	bool see_openings = rc == 0 && access_openings(r->user, ACC_READ, e.kommune, e.id) == 0;
	if (see_openings) {
		struct openings_query oq = {.enterprise_id = e.id, .status = "open", .limit = 10};
		rc = openings_list(r->db, &r->a, r->user, &oq, &openings, &nopenings, &nopenings_total);
	}
	if (rc)
		return page_fail(r, rc, R_NOT_FOUND);
	page_begin(r, e.name);
	struct buf *o = &r->out;
	const char *ok = req_query(r, "ok");
	if (ok)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", !strcmp(ok, "oprettet") ? R_CREATED : R_SAVED);
	bool own_only;
	if (access_enterprise_profile(r->user, e.id, e.kommune, &own_only) == 0)
		htmlf(o, "<p><a class=\"button\" href=\"/virksomheder/%lld/rediger\">%s</a></p>\n",
		      (long long)e.id, R_EDIT);
	enum registry_status st = registry_status_on(&e, page_today(r));
	html(o, "<dl class=\"facts\">\n");
	dl_row(o, R_STATUS, registry_status_label(st));
	dl_row(o, R_KOMMUNE, e.kommune_navn);
	dl_row(o, R_CVR, e.cvr);
	dl_row(o, R_KIND, e.entrepreneur ? "Social iværksætter (endnu ingen virksomhed)"
	                                 : registry_label(registry_kinds, registry_kinds_count, e.kind));
	dl_row(o, "Selskabsform", *e.legal_form ? registry_label(registry_legal_forms, registry_legal_forms_count, e.legal_form) : NULL);
	dl_row(o, "Oprindelse", *e.origin ? registry_label(registry_origins_one, registry_origins_count, e.origin) : NULL);
	dl_row(o, "På vej siden", e.pipeline_since ? text_date_dk(&r->a, e.pipeline_since) : NULL);
	dl_row(o, R_ESTABLISHED, e.established ? text_date_dk(&r->a, e.established) : NULL);
	dl_row(o, "RSV-registreret", e.rsv_registered ? text_date_dk(&r->a, e.rsv_registered) : NULL);
	dl_row(o, "Lukket", e.closed ? text_date_dk(&r->a, e.closed) : NULL);
	dl_row(o, "Ydelser", labels_of(r, services, nservices, e.services, e.nservices));
	dl_row(o, "Målgrupper", labels_of(r, targets, ntargets, e.targets, e.ntargets));
	dl_row(o, "Samarbejder også med", others);
	dl_row(o, "Kontaktperson", e.contact_name);
	dl_row(o, "E-mail", e.contact_email);
	dl_row(o, "Telefon", e.contact_phone);
	dl_row(o, "Adresse", e.address);
	html(o, "</dl>\n");
	if (*e.website)
		htmlf(o, "<p><a href=\"%s\" rel=\"noopener nofollow\">%s</a></p>\n", e.website, e.website);
	if (*e.description)
		htmlf(o, "<p class=\"description\">%s</p>\n", e.description);
	placements_web_now_block(r, e.id, e.kommune, now);
	if (!strcmp(e.source, "filler"))
		html(o, "<p class=\"hint\">Demodata: en pladsholder for en virksomhed, som rapporten tæller "
		        "med, men ikke nævner ved navn.</p>\n");
	else if (!strcmp(e.source, "invented"))
		html(o, "<p class=\"hint\">Demodata: en opdigtet virksomhed, der viser, hvordan almindelige "
		        "virksomheder står i registret.</p>\n");
	if (see_openings)
		openings_section(r, &e, openings, nopenings, nopenings_total);
	/* outreach: the municipality's contacts with the enterprise, for its staff only */
	if (contacts_web_timeline(r, &e) != 0)
		html(o, "<p class=\"error\" role=\"alert\">Kontakterne med virksomheden kunne ikke hentes.</p>\n");
	if (staff) {
		htmlf(o, "<h2>%s</h2>\n", R_HISTORY);
		if (nr == 0) {
			htmlf(o, "<p class=\"empty\">%s</p>\n", R_HISTORY_EMPTY);
		} else {
			html(o, "<ul class=\"history\">\n");
			for (int i = 0; i < nr; i++) {
				/* the command line (an import, the demo) is no person */
				bool cli = rows[i].user_email && !strcmp(rows[i].user_email, users_cli.email);
				htmlf(o, "<li>%s %.5s — %s %s %s</li>\n", text_date_dk(&r->a, rows[i].at),
				      strlen(rows[i].at) > 11 ? rows[i].at + 11 : "",
				      !strcmp(rows[i].action, "create") ? "oprettet" : "ændret", cli ? "fra" : "af",
				      cli ? "kommandolinjen" : rows[i].user_email ? rows[i].user_email : "systemet");
			}
			html(o, "</ul>\n");
		}
	}
	return page_end(r, 200);
}
