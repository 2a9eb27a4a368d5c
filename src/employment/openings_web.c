/*
 * openings_web.c — the pages of openings (stillinger og pladser): the list with its filters,
 * one opening, and its status buttons. The form to create and edit is openings_edit_web.c.
 * Layer: handlers of the employment capability. What a caller may see and do is asked of
 * openings.h (which asks auth/access.h); these pages only read the request and render.
 */
#include "openings_web.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/auth.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "openings.h"
#include "openings_text_da.h"

#define LIST_PAGE 50

/* the query parameter name trimmed, or NULL when absent or blank */
static const char *nonblank(struct req *r, const char *name)
{
	const char *v = text_trim(&r->a, req_query(r, name));
	return v && *v ? v : NULL;
}

/* whether key is one of opts[0..n)'s keys */
static bool in_options(const struct option_kv *opts, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (strcmp(opts[i].key, key) == 0)
			return true;
	return false;
}

const char *openings_query_from(struct req *r, struct openings_query *q, int limit)
{
	memset(q, 0, sizeof(*q));
	q->limit = limit;
	q->offset = page_offset(r);
	const char *bad = NULL, *v;
	long long id;
	if ((v = nonblank(r, "kommune")) && text_is_digits(v, 3))
		q->kommune = v;
	else if (v)
		bad = "kommune";
	if ((v = nonblank(r, "enterprise")) && text_parse_int(v, 1, 999999999999999LL, &id) == 0)
		q->enterprise_id = id;
	else if (v && !bad)
		bad = "enterprise";
	if ((v = nonblank(r, "status")) && openings_status_valid(v))
		q->status = v;
	else if (v && !bad)
		bad = "status";
	if ((v = nonblank(r, "scheme")) && employment_flag_parse(employment_schemes, SCHEME_COUNT, v))
		q->scheme = employment_flag_parse(employment_schemes, SCHEME_COUNT, v);
	else if (v && !bad)
		bad = "scheme";
	struct option_kv *tasks;
	int ntasks;
	if ((v = nonblank(r, "task")) && employment_list(r->db, &r->a, false, &tasks, &ntasks) == 0 &&
	    in_options(tasks, ntasks, v))
		q->task = v;
	else if (v && !bad)
		bad = "task";
	if ((v = nonblank(r, "sort")) && !strcmp(v, "title"))
		q->sort = OPENINGS_TITLE;
	else if (v && strcmp(v, "newest") && !bad)
		bad = "sort";
	return bad;
}

/* the labels of the bits in list, joined with commas */
static const char *flag_labels(struct req *r, const struct employment_flag *list, int nlist,
                               int bits)
{
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; i < nlist; i++)
		if (bits & list[i].bit)
			buf_printf(&b, "%s%s", b.len ? ", " : "", list[i].label);
	const char *s = arena_strdup(&r->a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* the labels of keys in the managed list opts, joined with commas */
static const char *key_labels(struct req *r, const struct option_kv *opts, int nopts,
                              const char *const *keys, int n)
{
	struct buf b;
	buf_init(&b, 0);
	for (int i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", registry_label(opts, nopts, keys[i]));
	const char *s = arena_strdup(&r->a, buf_str(&b));
	buf_free(&b);
	return s;
}

/* the hours a week as the pages show them: "10–20", or "15" when both ends are equal */
static const char *hours_text(struct req *r, const struct opening *o)
{
	return o->hours_min == o->hours_max ? arena_printf(&r->a, "%d", o->hours_min)
	                                    : arena_printf(&r->a, "%d–%d", o->hours_min, o->hours_max);
}

/* a select of the filter form: "" for all, then opts; the value the URL gave is selected */
static void filter_select(struct req *r, const char *name, const char *label,
                          const struct form_option *opts, int n, const char *all)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(n + 1));
	fo[0] = (struct form_option){"", all};
	memcpy(fo + 1, opts, sizeof(*fo) * (size_t)n);
	const char *v = nonblank(r, name);
	form_select(&r->out, &(struct form_field){.name = name, .label = label, .value = v ? v : ""},
	            fo, n + 1);
}

/* kv[0..n) as form options (key as value), in r's arena */
static struct form_option *kv_options(struct req *r, const struct option_kv *kv, int n)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(n > 0 ? n : 1));
	for (int i = 0; i < n; i++)
		fo[i] = (struct form_option){kv[i].key, kv[i].label};
	return fo;
}

/* the filter form; national callers also choose the municipality */
static void filter_form(struct req *r, const struct option_kv *tasks, int ntasks,
                        const struct kommune *ks, int nk)
{
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/stillinger\" class=\"filter\" role=\"search\">\n");
	const char *enterprise = nonblank(r, "enterprise");
	if (enterprise)
		htmlf(o, "<input type=\"hidden\" name=\"enterprise\" value=\"%s\">\n", enterprise);
	if (ks) {
		struct form_option *ko = arena_alloc(&r->a, sizeof(*ko) * (size_t)(nk > 0 ? nk : 1));
		for (int i = 0; i < nk; i++)
			ko[i] = (struct form_option){ks[i].kode, ks[i].navn};
		filter_select(r, "kommune", O_KOMMUNE, ko, nk, O_ALL_KOMMUNER);
	}
	filter_select(r, "status", O_STATUS, kv_options(r, openings_statuses, openings_statuses_count),
	              openings_statuses_count, O_ALL);
	struct form_option so[SCHEME_COUNT];
	for (int i = 0; i < SCHEME_COUNT; i++)
		so[i] = (struct form_option){employment_schemes[i].key, employment_schemes[i].label};
	filter_select(r, "scheme", O_SCHEME, so, SCHEME_COUNT, O_ALL);
	filter_select(r, "task", O_TASK, kv_options(r, tasks, ntasks), ntasks, O_ALL);
	static const struct form_option sorts[] = {{"newest", O_SORT_NEWEST}, {"title", O_SORT_TITLE}};
	const char *sort = nonblank(r, "sort");
	form_select(o, &(struct form_field){.name = "sort", .label = O_SORT,
	                                    .value = sort ? sort : "newest"}, sorts, 2);
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", O_FILTER);
}

/* the table of items[0..n): title (linked), enterprise, municipality (for national callers),
 * schemes, hours, seats and status */
static void list_table(struct req *r, const struct opening *items, int n, bool national)
{
	struct buf *o = &r->out;
	table_begin(o, O_TITLE, NULL);
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>", O_TITLE, O_COL_TITLE, O_ENTERPRISE);
	if (national)
		htmlf(o, "<th scope=\"col\">%s</th>", O_KOMMUNE);
	htmlf(o, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n", O_SCHEMES, O_HOURS, O_SEATS, O_STATUS);
	for (int i = 0; i < n; i++) {
		const struct opening *it = &items[i];
		htmlf(o, "<tr><td><a href=\"/stillinger/%lld\">%s</a></td><td>%s</td>", (long long)it->id,
		      it->title, it->enterprise_name);
		if (national)
			htmlf(o, "<td>%s</td>", it->kommune_navn);
		htmlf(o, "<td>%s</td><td>%s</td><td>%d</td><td>%s</td></tr>\n",
		      flag_labels(r, employment_schemes, SCHEME_COUNT, it->schemes), hours_text(r, it),
		      it->seats, openings_status_label(it->status));
	}
	html(o, "</tbody>\n");
	table_end(o);
}

/* GET /stillinger — every signed-in user with openings to see (access_openings_scope): the
 * municipality's, all for the administrator, a virksomhed its own enterprise's. Filters status,
 * scheme, task, enterprise, kommune (administrator); sort newest|title; paginated. */
int openings_page_list(struct req *r)
{
	struct openings_query q;
	openings_query_from(r, &q, page_limit(r, LIST_PAGE, 500));
	bool national = access_national(r->user);
	struct opening *items;
	struct option_kv *tasks;
	struct kommune *ks = NULL;
	int n, total, ntasks, nk = 0;
	int rc = openings_list(r->db, &r->a, r->user, &q, &items, &n, &total);
	if (rc == 0)
		rc = employment_list(r->db, &r->a, false, &tasks, &ntasks);
	if (rc == 0 && national)
		rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return page_fail(r, rc, NULL);
	const char *scope;
	int64_t own = 0;
	access_openings_scope(r->user, &scope, &own);
	page_begin(r, O_TITLE);
	struct buf *o = &r->out;
	htmlf(o, "<p class=\"lead\">%s</p>\n", own ? O_LEAD_OWN : O_LEAD);
	if (openings_may_create(r->user)) {
		if (q.enterprise_id)
			htmlf(o, "<p><a class=\"button\" href=\"/stillinger/ny?enterprise=%lld\">%s</a></p>\n",
			      (long long)q.enterprise_id, O_NEW);
		else
			htmlf(o, "<p><a class=\"button\" href=\"/stillinger/ny\">%s</a></p>\n", O_NEW);
	}
	filter_form(r, tasks, ntasks, national ? ks : NULL, nk);
	if (q.enterprise_id)
		htmlf(o, "<p><a href=\"/stillinger\">%s</a></p>\n", O_ALL_OPENINGS);
	if (n == 0) {
		bool filtered = q.kommune || q.enterprise_id || q.status || q.scheme || q.task;
		htmlf(o, "<p class=\"empty\" role=\"status\">%s</p>\n",
		      filtered || total ? O_EMPTY : O_EMPTY_NONE);
		form_pagination(o, "/stillinger", "", q.offset, q.limit, total);
		return page_end(r, 200);
	}
	list_table(r, items, n, national);
	/* keep the filters in the pagination links */
	struct buf extra;
	buf_init(&extra, 8192);
	static const char *const keep[] = {"kommune", "enterprise", "status", "scheme", "task", "sort"};
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (nonblank(r, keep[i]))
			buf_printf(&extra, "&%s=%s", keep[i], html_url(&r->a, nonblank(r, keep[i])));
	form_pagination(o, "/stillinger", arena_strdup(&r->a, buf_str(&extra)), q.offset, q.limit, total);
	buf_free(&extra);
	return page_end(r, 200);
}

/* a <dt>/<dd> pair, left out when value is NULL or empty */
static void dl_row(struct buf *o, const char *term, const char *value)
{
	if (value && *value)
		htmlf(o, "<dt>%s</dt><dd>%s</dd>\n", term, value);
}

/* the notice after a change, from ?ok= */
static const char *notice_of(const char *ok)
{
	static const struct option_kv notices[] = {
		{"oprettet", O_CREATED}, {"gemt", O_SAVED}, {"open", O_NOW_OPEN},
		{"filled", O_NOW_FILLED}, {"closed", O_NOW_CLOSED},
	};
	for (size_t i = 0; ok && i < sizeof(notices) / sizeof(notices[0]); i++)
		if (!strcmp(notices[i].key, ok))
			return notices[i].label;
	return NULL;
}

/* the buttons that move the opening to each other status, in one form */
static void status_form(struct req *r, const struct opening *op)
{
	struct buf *o = &r->out;
	static const struct option_kv moves[] = {
		{"filled", O_TO_FILLED}, {"closed", O_TO_CLOSED}, {"open", O_TO_OPEN}};
	htmlf(o, "<h2>%s</h2>\n<p>%s: <strong>%s</strong></p>\n<p class=\"hint\">%s</p>\n", O_STATUS,
	      O_STATUS_NOW, openings_status_label(op->status), O_STATUS_HINT);
	htmlf(o, "<form method=\"post\" action=\"/stillinger/%lld/status\" class=\"actions\">\n",
	      (long long)op->id);
	form_csrf(o, r->csrf);
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (strcmp(moves[i].key, op->status) != 0)
			htmlf(o, "<button type=\"submit\" name=\"status\" value=\"%s\">%s</button>\n",
			      moves[i].key, moves[i].label);
	html(o, "</form>\n");
}

/* GET /stillinger/{id} — who may read the opening (access_openings): 404, 403. Its facts; for
 * who may write it the edit link and the status buttons. */
int openings_page_show(struct req *r)
{
	struct opening op;
	struct option_kv *tasks, *adaptations;
	int ntasks, nadaptations;
	int rc = openings_get(r->db, &r->a, r->user, req_param_int(r, "id"), &op);
	if (rc == 0)
		rc = employment_list(r->db, &r->a, false, &tasks, &ntasks);
	if (rc == 0)
		rc = employment_list(r->db, &r->a, true, &adaptations, &nadaptations);
	if (rc)
		return page_fail(r, rc, O_NOT_FOUND);
	bool writer = access_openings(r->user, ACC_WRITE, op.kommune, op.enterprise_id) == 0;
	page_begin(r, op.title);
	struct buf *o = &r->out;
	const char *notice = notice_of(req_query(r, "ok"));
	if (notice)
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", notice);
	if (writer)
		htmlf(o, "<p><a class=\"button\" href=\"/stillinger/%lld/rediger\">%s</a></p>\n",
		      (long long)op.id, O_EDIT);
	html(o, "<dl class=\"facts\">\n");
	htmlf(o, "<dt>%s</dt><dd><a href=\"/virksomheder/%lld\">%s</a></dd>\n", O_ENTERPRISE,
	      (long long)op.enterprise_id, op.enterprise_name);
	dl_row(o, O_KOMMUNE, op.kommune_navn);
	dl_row(o, O_STATUS, openings_status_label(op.status));
	dl_row(o, O_TASKS, key_labels(r, tasks, ntasks, op.tasks, op.ntasks));
	dl_row(o, O_DISCO, op.disco);
	dl_row(o, O_SCHEMES, flag_labels(r, employment_schemes, SCHEME_COUNT, op.schemes));
	dl_row(o, O_HOURS, hours_text(r, &op));
	dl_row(o, O_TIMES, flag_labels(r, employment_times, TIME_COUNT, op.times));
	dl_row(o, O_ADAPTATIONS, key_labels(r, adaptations, nadaptations, op.adaptations, op.nadaptations));
	dl_row(o, O_INHOUSE, op.inhouse ? O_YES : O_NO);
	dl_row(o, O_SEATS, arena_printf(&r->a, "%d", op.seats));
	dl_row(o, O_STARTS, op.starts ? text_date_dk(&r->a, op.starts) : NULL);
	dl_row(o, O_ENDS, op.ends ? text_date_dk(&r->a, op.ends) : NULL);
	dl_row(o, "Oprettet", text_date_dk(&r->a, op.created_at));
	dl_row(o, "Senest ændret", text_date_dk(&r->a, op.updated_at));
	html(o, "</dl>\n");
	if (*op.description)
		htmlf(o, "<p class=\"description\">%s</p>\n", op.description);
	if (writer)
		status_form(r, &op);
	htmlf(o, "<p><a href=\"/stillinger?enterprise=%lld\">", (long long)op.enterprise_id);
	htmlf(o, O_AT_ENTERPRISE, op.enterprise_name);
	html(o, "</a></p>\n");
	return page_end(r, 200);
}

/* POST /stillinger/{id}/status — who may write the opening, CSRF. status=open|filled|closed.
 * 303 to the opening with the confirmation; 404, 403, 422 (an unknown status). */
int openings_page_status(struct req *r)
{
	int64_t id = req_param_int(r, "id");
	const char *status = req_form(r, "status");
	int rc = openings_set_status(r->db, &r->a, r->user, id, status, &r->errs);
	if (rc)
		return page_fail(r, rc, O_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/stillinger/%lld?ok=%s", (long long)id, status));
}
