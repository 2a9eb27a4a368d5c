/*
 * openings_edit_web.c — creating and editing an opening (stilling eller plads) in the browser.
 * Layer: handlers of the employment capability. The rules are openings_save()'s; these pages
 * only read the form, show it again with the errors next to the fields (422), and redirect
 * (303). Lists of choices are checkbox groups in fieldsets with legends, usable with the
 * keyboard and without JavaScript.
 */
#include <string.h>

#include "../auth/access.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../registry/registry.h"
#include "openings.h"
#include "openings_text_da.h"
#include "openings_web.h"

/* the numbers as the user typed them, so a form sent back shows them unchanged */
struct typed {
	const char *enterprise_id, *hours_min, *hours_max, *seats;
};

/* what the form offers to choose from, read before the page begins so that a failed read
 * answers an error page instead of a form with empty lists */
struct choices {
	struct form_option *tasks, *adaptations, *enterprises;
	int ntasks, nadaptations, nenterprises; /* nenterprises -1: the enterprise is fixed */
	const char *fixed_name;                 /* the fixed enterprise's name */
};

/* kv[0..n) as form options (key as value), in r's arena */
static struct form_option *to_options(struct req *r, const struct option_kv *kv, int n)
{
	struct form_option *fo = arena_alloc(&r->a, sizeof(*fo) * (size_t)(n > 0 ? n : 1));
	for (int i = 0; i < n; i++)
		fo[i] = (struct form_option){kv[i].key, kv[i].label};
	return fo;
}

/* the enterprises a new opening may be at: those whose home is the caller's municipality, or
 * all (with their municipality) for the administrator; the first option asks to choose */
static int enterprise_options(struct req *r, const char *scope, struct choices *c)
{
	struct registry_query q = {.kommune = scope, .registered = -1, .day = page_today(r),
	                           .sort = scope ? 0 : 2, .limit = 2000};
	struct registry_item *items;
	int n, total;
	int rc = registry_list(r->db, &r->a, &q, &items, &n, &total);
	if (rc)
		return rc;
	c->enterprises = arena_alloc(&r->a, sizeof(*c->enterprises) * (size_t)(n + 1));
	c->enterprises[0] = (struct form_option){"", "Vælg virksomhed"};
	c->nenterprises = 1;
	for (int i = 0; i < n; i++) {
		if (!items[i].home) /* it works with the municipality, but its home is another */
			continue;
		const char *label = scope ? items[i].name
		                          : arena_printf(&r->a, "%s (%s)", items[i].name, items[i].kommune_navn);
		c->enterprises[c->nenterprises++] = (struct form_option){
			arena_printf(&r->a, "%lld", (long long)items[i].id), label};
	}
	return 0;
}

/* the lists of the form; for a new opening also the enterprises to choose from, or the one the
 * caller is held to (a virksomhed user) */
static int choices_load(struct req *r, const struct opening *o, struct choices *c)
{
	struct option_kv *kv;
	int rc = employment_list(r->db, &r->a, false, &kv, &c->ntasks);
	if (rc)
		return rc;
	c->tasks = to_options(r, kv, c->ntasks);
	if ((rc = employment_list(r->db, &r->a, true, &kv, &c->nadaptations)) != 0)
		return rc;
	c->adaptations = to_options(r, kv, c->nadaptations);
	c->nenterprises = -1;
	c->fixed_name = o->enterprise_name;
	const char *scope;
	int64_t own;
	if (o->id || access_openings_scope(r->user, &scope, &own) != 0)
		return 0;
	if (!own)
		return enterprise_options(r, scope, c);
	struct enterprise e;
	rc = registry_get(r->db, &r->a, own, &e);
	c->fixed_name = rc == 0 ? e.name : "";
	return rc == ERR_NOTFOUND ? 0 : rc;
}

/* the keys of the bits of list set in bits */
static const char **flag_keys(struct req *r, const struct employment_flag *list, int nlist,
                              int bits, int *n)
{
	const char **keys = arena_alloc(&r->a, sizeof(*keys) * (size_t)nlist);
	*n = 0;
	for (int i = 0; i < nlist; i++)
		if (bits & list[i].bit)
			keys[(*n)++] = list[i].key;
	return keys;
}

/* the checkbox group name of a fixed list (at most 8 entries), the bits set in bits checked */
static void flag_boxes(struct req *r, const char *name, const char *label,
                       const struct employment_flag *list, int nlist, int bits)
{
	struct form_option opts[8];
	for (int i = 0; i < nlist && i < 8; i++)
		opts[i] = (struct form_option){list[i].key, list[i].label};
	int n;
	const char **checked = flag_keys(r, list, nlist, bits, &n);
	form_checkboxes(&r->out, &(struct form_field){.name = name, .label = label,
	                                              .error = errs_get(&r->errs, name)},
	                opts, nlist, checked, n);
}

/* the enterprise: a select when the caller chooses (staff creating), else its name, with a
 * hidden enterprise_id for a new opening and the field's error where the summary links */
static void form_enterprise(struct req *r, const struct opening *op, const struct typed *t,
                            const struct choices *c)
{
	struct buf *o = &r->out;
	if (c->nenterprises >= 0) {
		form_select(o, &(struct form_field){.name = "enterprise_id", .label = O_ENTERPRISE,
		                                    .value = t->enterprise_id,
		                                    .error = errs_get(&r->errs, "enterprise_id"),
		                                    .required = true},
		            c->enterprises, c->nenterprises);
		return;
	}
	htmlf(o, "<p>%s: <strong>%s</strong></p>\n", O_ENTERPRISE, c->fixed_name ? c->fixed_name : "");
	if (!op->id)
		htmlf(o, "<input type=\"hidden\" name=\"enterprise_id\" value=\"%s\">\n",
		      t->enterprise_id ? t->enterprise_id : "");
	const char *err = errs_get(&r->errs, "enterprise_id");
	if (err) /* the error summary links here */
		htmlf(o, "<p class=\"error\" id=\"f-enterprise_id\">%s</p>\n", err);
}

/* every field of the form in order, each with its error */
static void form_body(struct req *r, const struct opening *o, const struct typed *t,
                      const struct choices *c)
{
	struct buf *out = &r->out;
	const struct errs *er = &r->errs;
	html(out, "<fieldset><legend>Stillingen</legend>\n");
	form_enterprise(r, o, t, c);
	form_input(out, &(struct form_field){.name = "title", .label = O_COL_TITLE, .value = o->title,
	                                     .error = errs_get(er, "title"), .required = true});
	form_input(out, &(struct form_field){.name = "disco", .label = O_DISCO, .value = o->disco,
	                                     .hint = O_DISCO_HINT, .error = errs_get(er, "disco"),
	                                     .autocomplete = "off"});
	form_textarea(out, &(struct form_field){.name = "description", .label = O_DESCRIPTION,
	                                        .value = o->description,
	                                        .error = errs_get(er, "description")}, 5);
	html(out, "</fieldset>\n");
	form_checkboxes(out, &(struct form_field){.name = "tasks", .label = O_TASKS,
	                                          .error = errs_get(er, "tasks")},
	                c->tasks, c->ntasks, o->tasks, o->ntasks);
	flag_boxes(r, "schemes", O_SCHEMES, employment_schemes, SCHEME_COUNT, o->schemes);
	htmlf(out, "<fieldset><legend>%s (1–37)</legend>\n", O_HOURS);
	form_input(out, &(struct form_field){.name = "hours_min", .label = O_HOURS_MIN, .type = "number",
	                                     .value = t->hours_min, .error = errs_get(er, "hours_min"),
	                                     .required = true});
	form_input(out, &(struct form_field){.name = "hours_max", .label = O_HOURS_MAX, .type = "number",
	                                     .value = t->hours_max, .error = errs_get(er, "hours_max"),
	                                     .required = true});
	html(out, "</fieldset>\n");
	flag_boxes(r, "times", O_TIMES, employment_times, TIME_COUNT, o->times);
	form_checkboxes(out, &(struct form_field){.name = "adaptations", .label = O_ADAPTATIONS,
	                                          .error = errs_get(er, "adaptations")},
	                c->adaptations, c->nadaptations, o->adaptations, o->nadaptations);
	form_checkbox(out, &(struct form_field){.name = "inhouse", .label = O_INHOUSE,
	                                        .hint = O_INHOUSE_HINT, .value = o->inhouse ? "1" : "0"});
	form_input(out, &(struct form_field){.name = "seats", .label = O_SEATS, .type = "number",
	                                     .value = t->seats, .error = errs_get(er, "seats"),
	                                     .required = true});
	htmlf(out, "<fieldset><legend>%s</legend>\n", O_PERIOD);
	form_input(out, &(struct form_field){.name = "starts", .label = O_STARTS, .type = "date",
	                                     .value = o->starts, .error = errs_get(er, "starts")});
	form_input(out, &(struct form_field){.name = "ends", .label = O_ENDS, .type = "date",
	                                     .value = o->ends, .error = errs_get(er, "ends")});
	html(out, "</fieldset>\n");
}

/* the form, filled from o (what is stored, or what the user sent) and t */
static int edit_form(struct req *r, int status, const struct opening *o, const struct typed *t)
{
	struct choices c;
	int rc = choices_load(r, o, &c);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, o->id ? arena_printf(&r->a, "%s: %s", O_EDIT, o->title) : O_NEW);
	struct buf *out = &r->out;
	form_error_summary(out, &r->errs);
	if (o->id)
		htmlf(out, "<form method=\"post\" action=\"/stillinger/%lld\" class=\"stack\" novalidate>\n",
		      (long long)o->id);
	else
		html(out, "<form method=\"post\" action=\"/stillinger\" class=\"stack\" novalidate>\n");
	form_csrf(out, r->csrf);
	form_body(r, o, t, &c);
	htmlf(out, "<div class=\"actions\"><button type=\"submit\">%s</button> ", O_SAVE);
	if (o->id)
		htmlf(out, "<a href=\"/stillinger/%lld\">%s</a></div>\n</form>\n", (long long)o->id, O_CANCEL);
	else
		htmlf(out, "<a href=\"/stillinger\">%s</a></div>\n</form>\n", O_CANCEL);
	return page_end(r, status);
}

/* the stored numbers as the form shows them (0: empty) */
static struct typed typed_of(struct req *r, const struct opening *o)
{
	struct typed t = {
		.enterprise_id = o->enterprise_id ? arena_printf(&r->a, "%lld", (long long)o->enterprise_id) : "",
		.hours_min = o->hours_min ? arena_printf(&r->a, "%d", o->hours_min) : "",
		.hours_max = o->hours_max ? arena_printf(&r->a, "%d", o->hours_max) : "",
		.seats = o->seats ? arena_printf(&r->a, "%d", o->seats) : "",
	};
	return t;
}

/* a typed number: 0 when empty (the rules say it is missing), -1 when not a whole number */
static int number_of(struct req *r, const char *s)
{
	long long v;
	const char *t = s ? text_trim(&r->a, s) : "";
	if (!*t)
		return 0;
	return text_parse_int(t, -1000000, 1000000, &v) == 0 ? (int)v : -1;
}

/* the values of the repeated field name, at most OPENINGS_MAX_LIST; more is a field error */
static const char **form_keys(struct req *r, const char *name, int *n)
{
	const char **out = arena_alloc(&r->a, sizeof(*out) * OPENINGS_MAX_LIST);
	*n = kv_all(r->form, name, out, OPENINGS_MAX_LIST);
	if (*n > OPENINGS_MAX_LIST) {
		errs_add(&r->errs, name, arena_printf(&r->a, "Der kan højst vælges %d.", OPENINGS_MAX_LIST));
		*n = OPENINGS_MAX_LIST;
	}
	return out;
}

/* the form's values over o; the enterprise only for a new opening */
static void read_form(struct req *r, struct opening *o, struct typed *t)
{
	if (!o->id) {
		long long id;
		t->enterprise_id = req_form(r, "enterprise_id");
		o->enterprise_id = text_parse_int(t->enterprise_id, 1, 999999999999999LL, &id) == 0 ? id : 0;
	}
	o->title = req_form(r, "title");
	o->disco = req_form(r, "disco");
	o->description = req_form(r, "description");
	o->tasks = form_keys(r, "tasks", &o->ntasks);
	int n;
	const char **keys = form_keys(r, "schemes", &n);
	o->schemes = openings_flags(&r->a, employment_schemes, SCHEME_COUNT, keys, n, "schemes", &r->errs);
	t->hours_min = req_form(r, "hours_min");
	t->hours_max = req_form(r, "hours_max");
	o->hours_min = number_of(r, t->hours_min);
	o->hours_max = number_of(r, t->hours_max);
	keys = form_keys(r, "times", &n);
	o->times = openings_flags(&r->a, employment_times, TIME_COUNT, keys, n, "times", &r->errs);
	o->adaptations = form_keys(r, "adaptations", &o->nadaptations);
	o->inhouse = req_form(r, "inhouse") != NULL;
	t->seats = req_form(r, "seats");
	o->seats = number_of(r, t->seats);
	o->starts = req_form(r, "starts");
	o->ends = req_form(r, "ends");
}

/* GET /stillinger/ny — who may create an opening (openings_may_create). ?enterprise=ID chooses
 * the enterprise in advance (from its profile). */
int openings_page_new(struct req *r)
{
	if (!openings_may_create(r->user))
		return page_fail(r, ERR_FORBIDDEN, NULL);
	const char *scope;
	int64_t own = 0;
	access_openings_scope(r->user, &scope, &own);
	struct opening o = {.seats = 1, .enterprise_id = own};
	struct typed t = typed_of(r, &o);
	const char *pre = req_query(r, "enterprise");
	if (!own && pre)
		t.enterprise_id = pre;
	return edit_form(r, 200, &o, &t);
}

/* POST /stillinger — who may write at the chosen enterprise, CSRF. The fields of the form
 * above; enterprise_id names the enterprise. 303 to the new opening; 422 with the form; 403. */
int openings_page_create(struct req *r)
{
	struct opening o = {0};
	struct typed t = {0};
	read_form(r, &o, &t);
	int rc = openings_save(r->db, &r->a, r->user, &o, &r->errs);
	if (rc == ERR_INVALID)
		return edit_form(r, 422, &o, &t);
	if (rc)
		return page_fail(r, rc, O_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/stillinger/%lld?ok=oprettet", (long long)o.id));
}

/* the opening of the path that the caller may write, or the error page already answered */
static bool writable_or_reply(struct req *r, struct opening *o)
{
	int rc = openings_get(r->db, &r->a, r->user, req_param_int(r, "id"), o);
	if (rc == 0 && access_openings(r->user, ACC_WRITE, o->kommune, o->enterprise_id) != 0)
		rc = ERR_FORBIDDEN;
	if (rc)
		page_fail(r, rc, O_NOT_FOUND);
	return rc == 0;
}

/* GET /stillinger/{id}/rediger — who may write the opening: 404, 403. */
int openings_page_edit(struct req *r)
{
	struct opening o;
	if (!writable_or_reply(r, &o))
		return 0;
	struct typed t = typed_of(r, &o);
	return edit_form(r, 200, &o, &t);
}

/* POST /stillinger/{id} — as above, CSRF. The fields of the form; the status is kept (it has
 * buttons of its own). 303 to the opening; 422 with the form. */
int openings_page_update(struct req *r)
{
	struct opening o;
	if (!writable_or_reply(r, &o))
		return 0;
	struct typed t = typed_of(r, &o);
	read_form(r, &o, &t);
	int rc = openings_save(r->db, &r->a, r->user, &o, &r->errs);
	if (rc == ERR_INVALID)
		return edit_form(r, 422, &o, &t);
	if (rc)
		return page_fail(r, rc, O_NOT_FOUND);
	return reply_redirect(r, arena_printf(&r->a, "/stillinger/%lld?ok=gemt", (long long)o.id));
}
