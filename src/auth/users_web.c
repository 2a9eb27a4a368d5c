/*
 * users_web.c — the pages where a konsulent manages the accounts of their municipality (and the
 * national administrator every account). Layer: handlers of the auth capability.
 */
#include <stdlib.h>
#include <string.h>

#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../http/page.h"
#include "../kommune/kommune.h"
#include "../registry/registry.h"
#include "access.h"
#include "auth.h"
#include "auth_text_da.h"
#include "auth_web.h"
#include "users.h"

#define USERS_PAGE 50

static const struct form_option role_options[] = {
	{"konsulent", "Konsulent"},
	{"jobkonsulent", "Jobkonsulent"},
	{"indkoeber", "Indkøber"},
	{"virksomhed", "Virksomhed"},
	{"admin", "National administrator"},
};

/* the municipality whose users the page shows: the caller's own, or ?kommune= for admin */
static const char *users_kommune(struct req *r)
{
	const char *k = req_query(r, "kommune");
	if (access_national(r->user))
		return k && text_is_digits(k, 3) ? k : NULL;
	return r->user->kommune;
}

#define E_USER_NOT_FOUND "Brugeren findes ikke."

/* GET /brugere — konsulent (own municipality) or admin (?kommune=KODE, or all). Paginated. */
int users_page_list(struct req *r)
{
	const char *kommune = users_kommune(r);
	int limit = page_limit(r, USERS_PAGE, 500), offset = page_offset(r);
	struct user_row *rows = NULL;
	int n = 0, total = 0;
	int rc = users_list(r->db, &r->a, r->user, kommune, limit, offset, &rows, &n, &total);
	const char *navn = NULL;
	if (rc == 0 && kommune)
		rc = users_kommune_name(r->db, &r->a, kommune, &navn);
	bool national = access_national(r->user);
	struct kommune *ks = NULL;
	int nk = 0;
	if (rc == 0 && national)
		rc = kommune_list(r->db, &r->a, &ks, &nk);
	if (rc)
		return page_fail(r, rc, E_USER_NOT_FOUND);
	page_begin(r, navn ? arena_printf(&r->a, A_USERS_OF, navn) : A_USERS_ALL);
	struct buf *o = &r->out;
	if (req_query(r, "ok"))
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n",
		      strcmp(req_query(r, "ok"), "oprettet") == 0 ? A_CREATED_OK : A_SAVED_OK);
	htmlf(o, "<p><a class=\"button\" href=\"/brugere/ny%s%s\">%s</a></p>\n",
	      kommune && national ? "?kommune=" : "", kommune && national ? kommune : "", A_USER_NEW);
	if (national) {
		html(o, "<form method=\"get\" action=\"/brugere\" class=\"filter\">\n");
		struct form_option *opts = arena_alloc(&r->a, sizeof(*opts) * (size_t)(nk + 1));
		opts[0] = (struct form_option){"", "Alle kommuner"};
		for (int i = 0; i < nk; i++)
			opts[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
		form_select(o, &(struct form_field){.name = "kommune", .label = A_KOMMUNE,
		                                    .value = kommune ? kommune : ""},
		            opts, nk + 1);
		htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", A_FILTER);
	}
	if (n == 0) {
		htmlf(o, "<p class=\"empty\">%s</p>\n", A_USERS_EMPTY);
		return page_end(r, 200);
	}
	table_begin(o, A_USERS_TITLE, NULL);
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "</tr></thead>\n<tbody>\n",
	      A_USERS_TITLE, A_EMAIL, A_NAME, A_ROLE, A_KOMMUNE, A_STATUS, A_CREATED);
	for (int i = 0; i < n; i++) {
		enum role role = ROLE_VIRKSOMHED;
		role_parse(rows[i].role, &role);
		htmlf(o, "<tr><td><a href=\"/brugere/%lld\">%s</a></td><td>%s</td><td>%s</td><td>%s</td>"
		         "<td>%s</td><td>%s</td></tr>\n",
		      (long long)rows[i].id, rows[i].email, rows[i].name, role_label(role),
		      rows[i].kommune_navn ? rows[i].kommune_navn : "–",
		      rows[i].active ? A_ACTIVE_YES : A_ACTIVE_NO,
		      text_date_dk(&r->a, rows[i].created_at));
	}
	html(o, "</tbody>\n");
	table_end(o);
	const char *extra = kommune && national
	                        ? arena_printf(&r->a, "&kommune=%s", kommune) : "";
	form_pagination(o, "/brugere", extra, offset, limit, total);
	return page_end(r, 200);
}

static void kommune_select(struct req *r, const struct kommune *ks, int nk, const char *value)
{
	struct form_option *opts = arena_alloc(&r->a, sizeof(*opts) * (size_t)(nk + 1));
	opts[0] = (struct form_option){"", "Ingen (national administrator)"};
	for (int i = 0; i < nk; i++)
		opts[i + 1] = (struct form_option){ks[i].kode, ks[i].navn};
	form_select(&r->out, &(struct form_field){.name = "kommune", .label = A_KOMMUNE,
	                                          .value = value,
	                                          .error = errs_get(&r->errs, "kommune")},
	            opts, nk + 1);
}

/* the enterprise_id field: empty is none; anything else must be a number */
static int64_t form_enterprise(struct req *r)
{
	const char *v = text_trim(&r->a, req_form(r, "enterprise_id"));
	long long id;
	if (!v || !*v)
		return 0;
	if (text_parse_int(v, 1, 1LL << 53, &id) != 0) {
		errs_add(&r->errs, "enterprise_id", "Vælg virksomheden på listen.");
		return 0;
	}
	return id;
}

/* the enterprises a virksomhed account of kommune may represent: those whose home it is */
struct enterprise_choice {
	struct form_option *opts;
	int n; /* 0: no municipality known yet, so no list */
};

/* enterprise_choices: the options of kommune's own enterprises after "Ingen", or none when
 * kommune is NULL or empty. 0 or ERR_DB. */
static int enterprise_choices(struct req *r, const char *kommune, struct enterprise_choice *c)
{
	c->opts = NULL;
	c->n = 0;
	if (!kommune || !*kommune)
		return 0;
	struct registry_query q = {.kommune = kommune, .registered = -1, .day = page_today(r), .limit = 2000};
	struct registry_item *items;
	int n, total;
	int rc = registry_list(r->db, &r->a, &q, &items, &n, &total);
	if (rc)
		return rc;
	c->opts = arena_alloc(&r->a, sizeof(*c->opts) * (size_t)(n + 1));
	c->opts[c->n++] = (struct form_option){"", A_ENTERPRISE_NONE};
	for (int i = 0; i < n; i++)
		if (items[i].home)
			c->opts[c->n++] = (struct form_option){arena_printf(&r->a, "%lld", (long long)items[i].id), items[i].name};
	return 0;
}

/* the enterprise field: a list of the municipality's enterprises by name, or, while the
 * municipality is not chosen yet (a new account made by the administrator), a number */
static void enterprise_field(struct req *r, const struct enterprise_choice *c, const char *value)
{
	if (c->n) {
		/* an enterprise no longer of the municipality stays chosen, never dropped unseen */
		int n = c->n;
		bool listed = !value || !*value;
		for (int i = 0; i < n && !listed; i++)
			listed = !strcmp(c->opts[i].value, value);
		struct form_option *opts = c->opts;
		if (!listed) {
			opts = arena_alloc(&r->a, sizeof(*opts) * (size_t)(n + 1));
			memcpy(opts, c->opts, sizeof(*opts) * (size_t)n);
			opts[n++] = (struct form_option){value, arena_printf(&r->a, A_ENTERPRISE_ELSEWHERE, value)};
		}
		form_select(&r->out, &(struct form_field){.name = "enterprise_id", .label = A_ENTERPRISE,
		                                          .value = value, .hint = A_ENTERPRISE_HINT,
		                                          .error = errs_get(&r->errs, "enterprise_id")},
		            opts, n);
	}
	else {
		form_input(&r->out, &(struct form_field){.name = "enterprise_id", .label = A_ENTERPRISE_NUMBER,
		                                         .type = "number", .value = value,
		                                         .hint = A_ENTERPRISE_NUMBER_HINT,
		                                         .error = errs_get(&r->errs, "enterprise_id")});
	}
}

static int new_form(struct req *r, int status)
{
	struct kommune *ks = NULL;
	int nk = 0;
	int rc = access_national(r->user) ? kommune_list(r->db, &r->a, &ks, &nk) : 0;
	/* the administrator's municipality is the one chosen (or asked for with ?kommune) */
	const char *kommune = !access_national(r->user) ? r->user->kommune
	                      : req_form(r, "kommune")   ? req_form(r, "kommune")
	                                                 : req_query(r, "kommune");
	struct enterprise_choice choice;
	if (rc == 0)
		rc = enterprise_choices(r, kommune && text_is_digits(kommune, 3) ? kommune : NULL, &choice);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, A_USER_NEW);
	struct buf *o = &r->out;
	form_error_summary(o, &r->errs);
	html(o, "<form method=\"post\" action=\"/brugere\" class=\"stack narrow\" novalidate>\n");
	form_csrf(o, r->csrf);
	form_input(o, &(struct form_field){.name = "email", .label = A_EMAIL, .type = "email",
	                                   .value = req_form(r, "email"), .autocomplete = "off",
	                                   .error = errs_get(&r->errs, "email"), .required = true});
	form_input(o, &(struct form_field){.name = "name", .label = A_NAME,
	                                   .value = req_form(r, "name"),
	                                   .error = errs_get(&r->errs, "name")});
	bool admin = access_national(r->user);
	form_select(o, &(struct form_field){.name = "role", .label = A_ROLE,
	                                    .value = req_form(r, "role") ? req_form(r, "role") : "konsulent",
	                                    .error = errs_get(&r->errs, "role"), .required = true},
	            role_options, admin ? 5 : 4);
	if (admin)
		kommune_select(r, ks, nk, req_form(r, "kommune") ? req_form(r, "kommune") : req_query(r, "kommune"));
	enterprise_field(r, &choice, req_form(r, "enterprise_id"));
	form_input(o, &(struct form_field){.name = "password", .label = A_PASSWORD, .type = "password",
	                                   .hint = A_PASSWORD_HINT, .autocomplete = "new-password",
	                                   .error = errs_get(&r->errs, "password"), .required = true});
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button> "
	         "<a href=\"/brugere\">%s</a></div>\n</form>\n", A_CREATE, A_CANCEL);
	return page_end(r, status);
}

/* GET /brugere/ny — konsulent or admin. The form for a new account. */
int users_page_new(struct req *r)
{
	if (access_allowed(r->user, ACC_MANAGE_USERS, r->user->kommune) != 0)
		return page_fail(r, ERR_FORBIDDEN, NULL);
	return new_form(r, 200);
}

/* POST /brugere — konsulent or admin, CSRF. Fields email, name, role, kommune (admin only),
 * password. A konsulent always creates in their own municipality. */
int users_page_create(struct req *r)
{
	struct user_input in = {
		.email = req_form(r, "email"),
		.name = req_form(r, "name"),
		.role = req_form(r, "role"),
		.kommune = access_national(r->user) ? req_form(r, "kommune") : r->user->kommune,
		.password = req_form(r, "password"),
		.active = 1,
		.enterprise_id = form_enterprise(r),
	};
	int64_t id;
	int rc = users_create(r->db, &r->a, r->user, &in, &r->errs, &id);
	if (rc == ERR_INVALID || rc == ERR_CONFLICT)
		return new_form(r, rc == ERR_INVALID ? 422 : 409);
	if (rc)
		return page_fail(r, rc, E_USER_NOT_FOUND);
	return reply_redirect(r, "/brugere?ok=oprettet");
}

static int edit_form(struct req *r, int status, const struct user_row *u)
{
	struct token_row *tokens;
	int nt = 0;
	int rc = users_tokens_of(r->db, &r->a, r->user, u->id, &tokens, &nt);
	struct enterprise_choice choice = {0};
	if (rc == 0 && !strcmp(u->role, "virksomhed"))
		rc = enterprise_choices(r, u->kommune, &choice);
	if (rc)
		return page_fail(r, rc, E_USER_NOT_FOUND);
	page_begin(r, A_USER_EDIT);
	struct buf *o = &r->out;
	if (req_query(r, "ok"))
		htmlf(o, "<p class=\"notice\" role=\"status\">%s</p>\n", A_SAVED_OK);
	form_error_summary(o, &r->errs);
	htmlf(o, "<p>%s: <strong>%s</strong> · %s: %s</p>\n", A_EMAIL, u->email, A_KOMMUNE,
	      u->kommune_navn ? u->kommune_navn : "–");
	htmlf(o, "<form method=\"post\" action=\"/brugere/%lld\" class=\"stack narrow\" novalidate>\n",
	      (long long)u->id);
	form_csrf(o, r->csrf);
	bool posted = r->form != NULL;
	form_input(o, &(struct form_field){.name = "name", .label = A_NAME,
	                                   .value = posted ? req_form(r, "name") : u->name,
	                                   .error = errs_get(&r->errs, "name")});
	bool admin_user = strcmp(u->role, "admin") == 0;
	form_select(o, &(struct form_field){.name = "role", .label = A_ROLE,
	                                    .value = posted ? req_form(r, "role") : u->role,
	                                    .error = errs_get(&r->errs, "role"), .required = true},
	            admin_user ? role_options + 4 : role_options, admin_user ? 1 : 4);
	form_checkbox(o, &(struct form_field){.name = "active", .label = A_ACTIVE,
	                                      .value = posted ? (req_form(r, "active") ? "1" : "0")
	                                                      : (u->active ? "1" : "0"),
	                                      .hint = A_DEACTIVATE_HINT,
	                                      .error = errs_get(&r->errs, "active")});
	if (!strcmp(u->role, "virksomhed"))
		enterprise_field(r, &choice,
		                 posted ? req_form(r, "enterprise_id")
		                 : u->enterprise_id ? arena_printf(&r->a, "%lld", (long long)u->enterprise_id) : "");
	form_input(o, &(struct form_field){.name = "password", .label = A_NEW_PASSWORD,
	                                   .type = "password", .hint = A_NEW_PASSWORD_HINT,
	                                   .autocomplete = "new-password",
	                                   .error = errs_get(&r->errs, "password")});
	htmlf(o, "<div class=\"actions\"><button type=\"submit\">%s</button> "
	         "<a href=\"/brugere\">%s</a></div>\n</form>\n", A_SAVE, A_CANCEL);
	/* API tokens: each can be revoked here; a new password revokes them all */
	htmlf(o, "<h2>%s</h2>\n<p>%s</p>\n", A_TOKENS, A_TOKENS_HINT);
	int live = 0;
	for (int i = 0; i < nt; i++)
		live += tokens[i].revoked_at == NULL;
	if (live == 0) {
		htmlf(o, "<p class=\"empty\">%s</p>\n", A_TOKENS_NONE);
		return page_end(r, status);
	}
	table_begin(o, A_TOKENS, NULL);
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">"
	         "<span class=\"visually-hidden\">%s</span></th></tr></thead>\n<tbody>\n",
	      A_TOKENS, A_TOKEN_LABEL, A_CREATED, A_TOKEN_REVOKE);
	for (int i = 0; i < nt; i++) {
		if (tokens[i].revoked_at)
			continue;
		htmlf(o, "<tr><td>%s</td><td>%s</td><td><form method=\"post\" action=\"/brugere/%lld\" "
		         "class=\"inline\">", *tokens[i].label ? tokens[i].label : "–",
		      text_date_dk(&r->a, tokens[i].created_at), (long long)u->id);
		form_csrf(o, r->csrf);
		htmlf(o, "<input type=\"hidden\" name=\"action\" value=\"revoke_token\">"
		         "<input type=\"hidden\" name=\"token_id\" value=\"%lld\">"
		         "<button type=\"submit\" aria-label=\"%s %s\">%s</button></form></td></tr>\n",
		      (long long)tokens[i].id, A_TOKEN_REVOKE, *tokens[i].label ? tokens[i].label : "",
		      A_TOKEN_REVOKE);
	}
	html(o, "</tbody>\n");
	table_end(o);
	return page_end(r, status);
}

static int64_t param_id(struct req *r)
{
	return req_param_int(r, "id");
}

/* GET /brugere/{id} — konsulent of the user's municipality, or admin. */
int users_page_edit(struct req *r)
{
	struct user_row u;
	int rc = users_get(r->db, &r->a, r->user, param_id(r), &u);
	if (rc)
		return page_fail(r, rc, E_USER_NOT_FOUND);
	return edit_form(r, 200, &u);
}

/* POST /brugere/{id} — as above, CSRF. Fields name, role, active (checkbox), password
 * (empty: unchanged); or action=revoke_token with token_id. */
int users_page_update(struct req *r)
{
	struct user_row u;
	int rc = users_get(r->db, &r->a, r->user, param_id(r), &u);
	if (rc)
		return page_fail(r, rc, E_USER_NOT_FOUND);
	const char *action = req_form(r, "action");
	if (action && !strcmp(action, "revoke_token")) {
		long long tid;
		if (text_parse_int(req_form(r, "token_id"), 1, 999999999999999LL, &tid) != 0)
			return reply_page_error(r, 400, A_TOKEN_BAD);
		rc = users_token_revoke(r->db, &r->a, r->user, u.id, tid);
		if (rc)
			return page_fail(r, rc, A_TOKEN_GONE);
		return reply_redirect(r, arena_printf(&r->a, "/brugere/%lld?ok=gemt", (long long)u.id));
	}
	struct user_input in = {
		.name = req_form(r, "name") ? req_form(r, "name") : "",
		.role = req_form(r, "role"),
		.password = req_form(r, "password"),
		.active = req_form(r, "active") ? 1 : 0,
		.enterprise_id = form_enterprise(r),
	};
	rc = users_update(r->db, &r->a, r->user, u.id, &in, &r->errs);
	if (rc == ERR_INVALID)
		return edit_form(r, 422, &u);
	if (rc)
		return page_fail(r, rc, E_USER_NOT_FOUND);
	return reply_redirect(r, "/brugere?ok=gemt");
}
