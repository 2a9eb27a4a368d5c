/*
 * audit_web.c — the audit log for the national administrator: an HTML page with filters and
 * pagination (audit_api.c has GET /api/v1/audit). Layer: handlers of the auth capability.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/err.h"
#include "../base/text.h"
#include "../http/api.h"
#include "../http/dispatch.h"
#include "../http/page.h"
#include "access.h"
#include "audit.h"
#include "auth.h"
#include "auth_text_da.h"
#include "auth_web.h"

#define AUDIT_PAGE 100

static const char *blank_null(struct req *r, const char *name)
{
	const char *v = text_trim(&r->a, req_query(r, name));
	return v && *v ? v : NULL;
}

/* the page where the entity of an audit line can be seen, or NULL: a user, an enterprise, a
 * case, a citizen, an opening, a placement; NULL too when the reader's role may not open the
 * page (the administrator reads that a placement was changed, not the placement) */
static const char *entity_href(struct req *r, const char *entity, const char *id)
{
	static const struct {
		const char *entity, *prefix;
	} pages[] = {
		{"user", "/brugere/"},        {"enterprise", "/virksomheder/"}, {"inquiry", "/sager/"},
		{"citizen", "/borgere/"},     {"opening", "/stillinger/"},      {"placement", "/forloeb/"},
	};
	if (!id || !*id || !text_is_digits(id, strlen(id)))
		return NULL;
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
		if (!strcmp(entity, pages[i].entity)) {
			const char *href = arena_printf(&r->a, "%s%s", pages[i].prefix, id);
			return dispatch_may_get(r, href) ? href : NULL;
		}
	return NULL;
}

/* an audit line's detail, a JSON object, written as "key: value" pairs; "–" for none */
static void detail_cell(struct req *r, const char *detail)
{
	struct buf *o = &r->out;
	json_t *j = detail ? json_loads(detail, 0, NULL) : NULL;
	if (!json_is_object(j) || json_object_size(j) == 0) {
		if (!j && detail && *detail && strcmp(detail, "{}") != 0)
			htmlf(o, "<td><code>%s</code></td>", detail);
		else
			html(o, "<td>–</td>");
		json_decref(j);
		return;
	}
	html(o, "<td><ul class=\"plain\">");
	const char *key;
	json_t *v;
	json_object_foreach(j, key, v) {
		if (json_is_string(v)) {
			htmlf(o, "<li>%s: %s</li>", key, json_string_value(v));
		} else {
			char *text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
			htmlf(o, "<li>%s: %s</li>", key, text ? text : "");
			free(text);
		}
	}
	html(o, "</ul></td>");
	json_decref(j);
}

void audit_web_filter(struct req *r, struct audit_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->user = blank_null(r, "user");
	f->entity = blank_null(r, "entity");
	f->entity_id = blank_null(r, "entity_id");
	f->from = blank_null(r, "from");
	f->to = blank_null(r, "to");
	f->kommune = access_scope(r->user);
}

/* the Danish words for the log's actions and entities; an unknown key is shown as it is */
static const struct {
	const char *key, *da;
} audit_words[] = {
	{"create", "Oprettet"},          {"update", "Ændret"},
	{"read", "Læst"},                {"login", "Logget ind"},
	{"login_failed", "Forkert adgangskode"},
	{"logout", "Logget ud"},         {"revoke", "Tilbagekaldt"},
	{"submit", "Indsendt"},          {"save", "Gemt som kladde"},
	{"reopen", "Genåbnet"},          {"remind", "Påmindelse sendt"},
	{"user", "bruger"},              {"api_token", "API-nøgle"},
	{"inquiry", "henvendelse"},      {"advisory_session", "rådgivningssamtale"},
	{"enterprise", "virksomhed"},    {"service", "ydelse"},
	{"target_group", "målgruppe"},   {"survey", "undersøgelse"},
	{"survey_round", "runde"},       {"survey_response", "besvarelse"},
	{"entry_unit", "enhed eller partner"},
	{"entry_route", "fordeling af henvendelser"},
	{"entry_settings", "opsætning"},
	{"citizen", "borger"},           {"reveal", "CPR-nummer vist"},
	{"export", "Udleveret (indsigt)"}, {"purge", "Anonymiseret"},
	{"rekey", "Krypteret med ny nøgle"}, {"cpr_key", "nøgle til CPR-numre"},
	{"opening", "stilling"},         {"status", "Status ændret"},
	{"placement", "forløb"},         {"placement_followup", "opfølgning på forløb"},
};

static const char *audit_word(const char *key)
{
	for (size_t i = 0; key && i < sizeof(audit_words) / sizeof(audit_words[0]); i++)
		if (!strcmp(audit_words[i].key, key))
			return audit_words[i].da;
	return key ? key : "";
}

/* GET /admin/audit — admin. Filters user (e-mail), entity, entity_id, from, to (dates). */
int audit_page(struct req *r)
{
	if (access_allowed(r->user, ACC_NATIONAL, NULL) != 0)
		return reply_page_error(r, 403, "Kun den nationale administrator kan se revisionsloggen.");
	struct audit_filter f;
	audit_web_filter(r, &f);
	f.limit = page_limit(r, AUDIT_PAGE, 500);
	f.offset = page_offset(r);
	struct audit_row *rows = NULL;
	int n = 0, total = 0;
	int rc = audit_list(r->db, &r->a, &f, &rows, &n, &total);
	if (rc)
		return page_fail(r, rc, NULL);
	page_begin(r, A_AUDIT_TITLE);
	struct buf *o = &r->out;
	html(o, "<form method=\"get\" action=\"/admin/audit\" class=\"filter\">\n");
	form_input(o, &(struct form_field){.name = "user", .label = A_AUDIT_WHO, .value = f.user});
	form_input(o, &(struct form_field){.name = "entity", .label = A_AUDIT_ENTITY, .value = f.entity});
	form_input(o, &(struct form_field){.name = "from", .label = A_AUDIT_FROM, .type = "date",
	                                   .value = f.from});
	form_input(o, &(struct form_field){.name = "to", .label = A_AUDIT_TO, .type = "date",
	                                   .value = f.to});
	htmlf(o, "<button type=\"submit\">%s</button>\n</form>\n", A_FILTER);
	if (n == 0) {
		htmlf(o, "<p class=\"empty\">%s</p>\n", A_AUDIT_EMPTY);
		return page_end(r, 200);
	}
	table_begin(o, A_AUDIT_TITLE, NULL);
	htmlf(o, "<caption class=\"visually-hidden\">%s</caption>\n<thead><tr>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	         "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
	      A_AUDIT_TITLE, A_AUDIT_WHEN, A_AUDIT_WHO, A_AUDIT_ACTION, A_AUDIT_ENTITY, A_AUDIT_DETAIL);
	for (int i = 0; i < n; i++) {
		/* the words in Danish, the keys in a title for whoever filters by them */
		htmlf(o, "<tr><td>%s %.8s</td><td>%s</td><td title=\"%s\">%s</td>",
		      text_date_dk(&r->a, rows[i].at), strlen(rows[i].at) > 11 ? rows[i].at + 11 : "",
		      rows[i].user_email ? rows[i].user_email : "–", rows[i].action,
		      audit_word(rows[i].action));
		const char *href = entity_href(r, rows[i].entity, rows[i].entity_id);
		if (href)
			htmlf(o, "<td title=\"%s\"><a href=\"%s\">%s %s</a></td>", rows[i].entity, href,
			      audit_word(rows[i].entity), rows[i].entity_id);
		else
			htmlf(o, "<td title=\"%s\">%s %s</td>", rows[i].entity, audit_word(rows[i].entity),
			      rows[i].entity_id ? rows[i].entity_id : "");
		detail_cell(r, rows[i].detail);
		html(o, "</tr>\n");
	}
	html(o, "</tbody>\n");
	table_end(o);
	struct buf extra;
	buf_init(&extra, 4096);
	const char *names[] = {"user", "entity", "entity_id", "from", "to"};
	const char *vals[] = {f.user, f.entity, f.entity_id, f.from, f.to};
	for (int i = 0; i < 5; i++)
		if (vals[i])
			buf_printf(&extra, "&%s=%s", names[i], html_url(&r->a, vals[i]));
	form_pagination(o, "/admin/audit", arena_strdup(&r->a, buf_str(&extra)), f.offset, f.limit, total);
	buf_free(&extra);
	return page_end(r, 200);
}
