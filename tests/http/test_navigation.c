/*
 * test_navigation.c — no dead ends: signed in as each of the six demo accounts (and without
 * signing in), every link of the front page, its menu and its footer leads to a page the caller
 * may use (no 403, no 404, no server error); each role finds what it came for (the jobkonsulent
 * its cases, the enterprise's account its own enterprise) and nothing that would refuse it (the
 * national administrator no municipal desk). The privacy notice and the accessibility statement
 * are linked from every page's footer and from the forms that collect personal data.
 * Layer: tests. Runs the real `indgang serve` on a demo database (harness.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "harness.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static struct harness_server *srv;

/* the six demo accounts of the README, and the public */
static const char *const accounts[] = {
	NULL,
	"admin@indgang.example",
	"konsulent@kolding.example",
	"job@kolding.example",
	"indkoeb@kolding.example",
	"virksomhed@kolding.example",
	"konsulent@silkeborg.example",
};

static void start(void)
{
	srv = harness_server_demo();
	CHECKF(srv, "no demo database");
	CHECKF(harness_server_start(srv, NULL) == 0, "indgang serve did not start");
}

static void stop(void)
{
	CHECK(harness_server_stop(srv) == 0);
	CHECK_OK(harness_server_log_problem(srv));
}

/* the client of account i, signed in through the form (the public's has no session) */
static struct harness_client *client_of(size_t i)
{
	if (!accounts[i])
		return harness_client(srv);
	return harness_login(srv, accounts[i], HARNESS_DEMO_PASSWORD);
}

/* the local links of an HTML body: every href="/..." but the static files, "&amp;" decoded;
 * up to max into out, owned by the test. Returns how many. */
static size_t local_links(const char *body, const char **out, size_t max)
{
	size_t n = 0;
	for (const char *p = strstr(body, "href=\""); p && n < max; p = strstr(p, "href=\"")) {
		p += 6;
		const char *end = strchr(p, '"');
		if (!end)
			break;
		if (*p == '/' && strncmp(p, "/static/", 8) != 0) {
			char *link = harness_fmt("%.*s", (int)(end - p), p);
			char *w = link;
			for (const char *q = link; *q; q++) {
				*w++ = *q;
				if (!strncmp(q, "&amp;", 5))
					q += 4;
			}
			*w = '\0';
			bool seen = false;
			for (size_t k = 0; k < n && !seen; k++)
				seen = !strcmp(out[k], link);
			if (!seen)
				out[n++] = link;
		}
		p = end;
	}
	return n;
}

/* has_link: body links to exactly href */
static bool has_link(const char *body, const char *href)
{
	return strstr(body, harness_fmt("href=\"%s\"", href)) != NULL;
}

/* every link of the front page, its menu and its footer answers a page the account may use */
static void no_dead_ends(void)
{
	for (size_t i = 0; i < COUNT(accounts); i++) {
		const char *who = accounts[i] ? accounts[i] : "the public";
		struct harness_client *c = client_of(i);
		CHECKF(c, "%s could not sign in", who);
		struct harness_resp *home = harness_get(c, "/");
		CHECK_STATUS(home, 200);
		CHECK_HTML(home);
		const char *links[128];
		size_t n = local_links(home->body, links, COUNT(links));
		CHECKF(n >= 5, "%s: the front page has only %zu links", who, n);
		for (size_t k = 0; k < n; k++) {
			struct harness_resp *r = harness_get(c, links[k]);
			CHECKF(r->status == 200 || r->status == 303, "%s: the link %s answers %ld", who, links[k],
			       r->status);
			if (r->status == 200 && !strstr(links[k], "eksport"))
				CHECK_OK(harness_html_problem(r));
		}
		harness_note("%s: %zu links from the front page, none a dead end", who, n);
	}
}

/* ---------------------------------------------------------------- every page a role reaches */

/* a set of strings (owned by the test) for the crawl: open addressing, FNV-1a, in a fixed
 * table of cap slots (a power of two) */
struct set {
	const char **slot;
	size_t cap, n;
};

static uint64_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* set_add: true when s was not in the set (and is now); the caller keeps n below cap / 2 */
static bool set_add(struct set *t, const char *s)
{
	size_t i = fnv(s) & (t->cap - 1);
	for (; t->slot[i]; i = (i + 1) & (t->cap - 1))
		if (!strcmp(t->slot[i], s))
			return false;
	t->slot[i] = s;
	t->n++;
	return true;
}

/* the link as the crawl tells pages apart: the order of a list left out, and a list's pages
 * past the first taken as one (its second page is visited, not every page of a long list) */
static const char *crawl_key(const char *link)
{
	const char *q = strchr(link, '?');
	if (!q)
		return link;
	const char *key = harness_fmt("%.*s", (int)(q - link), link);
	char sep = '?';
	for (const char *p = q + 1; *p;) {
		size_t len = strcspn(p, "&");
		const char *part = harness_fmt("%.*s", (int)len, p);
		if (!strncmp(part, "offset=", 7))
			part = strcmp(part, "offset=0") ? "offset=more" : "";
		else if (!strncmp(part, "sort=", 5) || !strncmp(part, "order=", 6))
			part = "";
		if (*part) {
			key = harness_fmt("%s%c%s", key, sep, part);
			sep = '&';
		}
		p += len + (p[len] == '&');
	}
	return key;
}

/* the page's kind: the path with each number as N and no query ("/virksomheder/N/plan") */
static const char *page_shape(const char *link)
{
	char *shape = harness_fmt("%.*s", (int)strcspn(link, "?"), link), *w = shape;
	for (const char *p = shape; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			while (p[1] >= '0' && p[1] <= '9')
				p++;
			*w++ = 'N';
		} else {
			*w++ = *p;
		}
	}
	*w = '\0';
	return shape;
}

/* ---------------------------------------------------------------- the forms a role is shown */

/* s[0..n) with the HTML writer's five entities decoded, owned by the test */
static const char *unescape(const char *s, size_t n)
{
	static const struct { const char *ent, *ch; } ents[] = {
		{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"},
	};
	char *out = harness_fmt("%.*s", (int)n, s), *w = out;
	for (const char *p = out; *p;) {
		size_t k = 0;
		while (k < COUNT(ents) && strncmp(p, ents[k].ent, strlen(ents[k].ent)) != 0)
			k++;
		if (k < COUNT(ents)) {
			*w++ = *ents[k].ch;
			p += strlen(ents[k].ent);
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
	return out;
}

/* the value of attribute name in the tag tag[0..n), or NULL */
static const char *attr(const char *tag, size_t n, const char *name)
{
	const char *key = harness_fmt(" %s=\"", name);
	const char *t = harness_fmt("%.*s", (int)n, tag), *p = strstr(t, key);
	if (!p)
		return NULL;
	p += strlen(key);
	return unescape(p, strcspn(p, "\""));
}

/* whether the tag tag[0..n) carries the bare attribute name */
static bool flag(const char *tag, size_t n, const char *name)
{
	const char *t = harness_fmt("%.*s>", (int)n, tag); /* n stops before the tag's '>' */
	return strstr(t, harness_fmt(" %s ", name)) || strstr(t, harness_fmt(" %s>", name));
}

/* body with name=value added, urlencoded */
static const char *add_field(const char *body, const char *name, const char *value)
{
	char *n = curl_easy_escape(NULL, name, 0), *v = curl_easy_escape(NULL, value, 0);
	const char *out = harness_fmt("%s%s%s=%s", body, *body ? "&" : "", n, v);
	curl_free(n);
	curl_free(v);
	return out;
}

/* the body a browser sends for the form inner[0..n) as it stands (checked boxes, the selected
 * or first option, the first named button), or NULL when it has no field a person fills in
 * (a bare button, as a confirmation's: the crawl does not delete what it found) */
static const char *form_as_it_stands(const char *inner, size_t n)
{
	const char *f = harness_fmt("%.*s", (int)n, inner), *body = "";
	bool visible = false;
	for (const char *p = strstr(f, "<input "); p; p = strstr(p + 1, "<input ")) {
		size_t len = strcspn(p, ">");
		const char *name = attr(p, len, "name"), *type = attr(p, len, "type"), *value = attr(p, len, "value");
		type = type ? type : "text";
		if (!name || !strcmp(type, "submit") || !strcmp(type, "file"))
			continue;
		visible |= strcmp(type, "hidden") != 0;
		if ((!strcmp(type, "checkbox") || !strcmp(type, "radio")) && !flag(p, len, "checked"))
			continue;
		body = add_field(body, name, value ? value : (!strcmp(type, "checkbox") ? "on" : ""));
	}
	for (const char *p = strstr(f, "<select "); p; p = strstr(p + 1, "<select ")) {
		const char *name = attr(p, strcspn(p, ">"), "name"), *end = strstr(p, "</select>");
		if (!name || !end)
			continue;
		visible = true;
		const char *pick = NULL;
		for (const char *o = strstr(p, "<option"); o && o < end; o = strstr(o + 1, "<option")) {
			size_t olen = strcspn(o, ">");
			const char *v = attr(o, olen, "value");
			if (!pick)
				pick = v ? v : "";
			if (flag(o, olen, "selected")) {
				pick = v ? v : "";
				break;
			}
		}
		body = add_field(body, name, pick ? pick : "");
	}
	for (const char *p = strstr(f, "<textarea "); p; p = strstr(p + 1, "<textarea ")) {
		size_t len = strcspn(p, ">");
		const char *name = attr(p, len, "name"), *text = p + len + 1, *end = strstr(text, "</textarea>");
		if (!name || !end)
			continue;
		visible = true;
		body = add_field(body, name, unescape(text, (size_t)(end - text)));
	}
	const char *button = strstr(f, "<button ");
	if (button) {
		size_t len = strcspn(button, ">");
		const char *name = attr(button, len, "name"), *value = attr(button, len, "value");
		if (name)
			body = add_field(body, name, value ? value : "");
	}
	return visible ? body : NULL;
}

/* the forms the crawl found, one of each kind (its address's shape and its fields' names) */
#define FORMS_MAX 512
static struct {
	const char *page, *action, *body;
} forms[FORMS_MAX];
static size_t nforms;

/* collect_forms: the POST forms of body (on page path) with a field a person fills in into
 * forms[], one of each kind (keys); false when there are more than FORMS_MAX kinds. Forms
 * that upload a file are left out. */
static bool collect_forms(const char *body, const char *path, struct set *keys)
{
	for (const char *p = strstr(body, "<form "); p; p = strstr(p + 1, "<form ")) {
		size_t len = strcspn(p, ">");
		const char *method = attr(p, len, "method"), *enctype = attr(p, len, "enctype");
		const char *action = attr(p, len, "action"), *end = strstr(p, "</form>");
		if (!end || !method || strcmp(method, "post") != 0 || (enctype && strstr(enctype, "multipart")))
			continue;
		const char *inner = p + len + 1;
		const char *fields = form_as_it_stands(inner, (size_t)(end - inner));
		if (!fields)
			continue;
		action = action && *action ? action : harness_fmt("%.*s", (int)strcspn(path, "?"), path);
		if (strncmp(action, "/", 1) != 0 || !strncmp(action, "/logout", 7))
			continue;
		/* the kind: the address and the names of the fields, numbers as N */
		const char *names = "";
		for (const char *f = fields; *f; f += strcspn(f, "&"), f += *f == '&')
			names = harness_fmt("%s&%.*s", names, (int)strcspn(f, "="), f);
		if (!set_add(keys, page_shape(harness_fmt("%s%s", action, names))))
			continue;
		if (nforms == FORMS_MAX)
			return false;
		forms[nforms].page = path, forms[nforms].action = action, forms[nforms++].body = fields;
	}
	return true;
}

/* the most pages a role may reach (the administrator reaches about 2,100 of the demo) */
#define CRAWL_MAX 8192

/* what a crawl of one account gathered */
struct crawl {
	const char *who;
	struct harness_client *c;
	struct set seen;  /* the links followed (crawl_key) */
	struct set paths; /* the pages reached, without queries */
	size_t reached, checked;
	int passed; /* the phases that went through (a failed check returns from its phase) */
};

/* follow_links: every page cr's account reaches by following links from the front page,
 * breadth first, answers 200 or a redirect to a page of the site (never 403, 404 or a server
 * error: a link to a page the role may not open is a defect, and so is one that nothing
 * answers); the first page of each kind is a valid HTML document; links to exports and
 * downloads must answer too. The POST forms met on the way go to forms[]. */
static void follow_links(struct crawl *cr)
{
	static const char *shape_slot[1024], *form_slot[4 * FORMS_MAX], *queue[CRAWL_MAX], *from[CRAWL_MAX];
	memset(shape_slot, 0, sizeof shape_slot);
	memset(form_slot, 0, sizeof form_slot);
	struct set shapes = {shape_slot, COUNT(shape_slot), 0}, formkeys = {form_slot, COUNT(form_slot), 0};
	const char *who = cr->who;
	size_t head = 0, tail = 0;
	set_add(&cr->seen, "/");
	set_add(&cr->paths, "/");
	queue[tail] = "/", from[tail++] = "-";
	while (head < tail) {
		const char *path = queue[head], *parent = from[head++];
		struct harness_resp *r = harness_get(cr->c, path);
		const char *links[512];
		size_t n = 0;
		if (r->status == 303 || r->status == 302) {
			links[n++] = harness_header(r, "Location");
			CHECKF(links[0] && links[0][0] == '/', "%s: %s (linked from %s) redirects off the site",
			       who, path, parent);
		} else {
			CHECKF(r->status == 200, "%s: %s (linked from %s) answers %ld", who, path, parent, r->status);
			const char *type = harness_header(r, "Content-Type");
			if (!type || strncmp(type, "text/html", 9) != 0)
				continue;
			CHECKF(shapes.n < COUNT(shape_slot) / 2, "%s: too many kinds of page", who);
			if (set_add(&shapes, page_shape(path))) {
				const char *problem = harness_html_problem(r);
				CHECKF(!problem, "%s: %s (linked from %s): %s", who, path, parent, problem);
				cr->checked++;
			}
			n = local_links(r->body, links, COUNT(links));
			CHECKF(collect_forms(r->body, path, &formkeys), "%s: more than %d forms", who, FORMS_MAX);
		}
		for (size_t k = 0; k < n; k++) {
			if (!strncmp(links[k], "/logout", 7) || !set_add(&cr->seen, crawl_key(links[k])))
				continue;
			CHECKF(tail < CRAWL_MAX, "%s: more than %d pages; raise CRAWL_MAX", who, CRAWL_MAX);
			queue[tail] = links[k], from[tail++] = path;
			set_add(&cr->paths, harness_fmt("%.*s", (int)strcspn(links[k], "?"), links[k]));
		}
	}
	cr->reached = tail;
	cr->passed++;
}

/* send_forms: each kind of form the crawl met, sent as it stands: saved, or the form again
 * with what is missing (never refused, missing or a server error). The public forms limit how
 * often one address may send them, and every account here shares 127.0.0.1: 429 too. */
static void send_forms(struct crawl *cr)
{
	for (size_t k = 0; k < nforms; k++) {
		struct harness_resp *r = harness_post_form(cr->c, forms[k].action, forms[k].body);
		CHECKF(r->status == 200 || r->status == 303 || r->status == 422 || r->status == 429,
		       "%s: the form of %s (to %s) sent as it stands answers %ld: %.300s", cr->who, forms[k].page,
		       forms[k].action, r->status, forms[k].body);
	}
	cr->passed++;
}

/* the GET routes without parameters (`indgang routes`), but the API's and those reached by a
 * form or meant for machines (the receipt after the contact form, the sign-in page, the health
 * check); read by the first crawl, kept for the others (its own copies: a test's strings go
 * with the test) */
static char *plain_pages[512];
static size_t nplain;

static bool read_plain_pages(void)
{
	static const char *const not_linked[] = {"/kontakt/kvittering", "/login", "/healthz"};
	char *table = NULL;
	if (nplain > 0)
		return true;
	if (harness_cli(srv, NULL, &table, "routes", NULL) != 0)
		return false;
	for (char *line = table; *line && nplain < COUNT(plain_pages);
	     line += strcspn(line, "\n"), line += *line == '\n') {
		if (strncmp(line, "GET\t/", 5) != 0)
			continue;
		const char *page = harness_fmt("%.*s", (int)strcspn(line + 4, "\t\n"), line + 4);
		bool skip = strchr(page, '{') || !strncmp(page, "/api/", 5);
		for (size_t k = 0; k < COUNT(not_linked) && !skip; k++)
			skip = !strcmp(page, not_linked[k]);
		if (!skip && !(plain_pages[nplain++] = strdup(page)))
			abort();
	}
	return nplain > 0;
}

/* check_reach: no page cr's account may open lacks a link: every page of plain_pages that
 * answers it 200 with HTML is among the pages the crawl reached */
static void check_reach(struct crawl *cr)
{
	size_t unlinked = 0;
	for (size_t k = 0; k < nplain; k++) {
		if (!set_add(&cr->paths, plain_pages[k]))
			continue;
		struct harness_resp *r = harness_get(cr->c, plain_pages[k]);
		const char *type = harness_header(r, "Content-Type");
		if (r->status == 200 && type && !strncmp(type, "text/html", 9)) {
			harness_note("%s may open %s, but no link leads there", cr->who, plain_pages[k]);
			unlinked++;
		}
	}
	CHECKF(unlinked == 0, "%s: %zu pages it may open have no link to them", cr->who, unlinked);
	cr->passed++;
}

/* crawl: account (NULL: the public) follows every link, sends every kind of form and has a link
 * to every page it may open; true when all held */
static bool crawl(const char *account)
{
	static const char *seen_slot[4 * CRAWL_MAX], *path_slot[4 * CRAWL_MAX];
	memset(seen_slot, 0, sizeof seen_slot);
	memset(path_slot, 0, sizeof path_slot);
	struct crawl cr = {.who = account ? account : "the public",
	                   .c = account ? harness_login(srv, account, HARNESS_DEMO_PASSWORD) : harness_client(srv),
	                   .seen = {seen_slot, COUNT(seen_slot), 0},
	                   .paths = {path_slot, COUNT(path_slot), 0}};
	nforms = 0;
	if (!cr.c) {
		harness_fail(__FILE__, __LINE__, "%s could not sign in", cr.who);
		return false;
	}
	if (!read_plain_pages()) {
		harness_fail(__FILE__, __LINE__, "indgang routes gave no pages");
		return false;
	}
	follow_links(&cr);
	if (cr.passed == 1)
		send_forms(&cr);
	if (cr.passed == 2)
		check_reach(&cr);
	if (cr.passed != 3)
		return false;
	harness_note("%s: %zu pages reached by links, none refused; %zu kinds of page valid HTML; %zu kinds "
	             "of form sent as they stand", cr.who, cr.reached, cr.checked, nforms);
	return true;
}

/* each role finds its own work on the front page, and no desk that is not its own */
static void each_role_finds_its_work(void)
{
	struct harness_client *admin = client_of(1), *konsulent = client_of(2), *job = client_of(3),
	                      *indkoeb = client_of(4), *own = client_of(5);
	CHECK(admin && konsulent && job && indkoeb && own);
	const char *a = harness_get(admin, "/")->body;
	CHECK(!has_link(a, "/raadgivning") && !has_link(a, "/opsaetning"));
	CHECK(has_link(a, "/admin/audit") && has_link(a, "/admin/udbakke") && has_link(a, "/undersoegelser"));
	const char *k = harness_get(konsulent, "/")->body;
	CHECK(has_link(k, "/sager") && has_link(k, "/raadgivning") && has_link(k, "/opsaetning") &&
	      has_link(k, "/undersoegelser") && has_link(k, "/brugere"));
	/* the jobkonsulent has cases given to it: in the menu and on the front page */
	const char *j = harness_get(job, "/")->body;
	CHECK(has_link(j, "/sager") && has_link(j, "/borgere") && has_link(j, "/stillinger"));
	CHECK(!has_link(j, "/raadgivning") && !has_link(j, "/brugere"));
	const char *b = harness_get(indkoeb, "/")->body;
	CHECK(!has_link(b, "/sager") && !has_link(b, "/brugere") && has_link(b, "/kontakt"));
	/* the enterprise's account: its own enterprise, in the menu and with its edit form */
	struct harness_resp *soul = harness_get(admin, "/api/v1/enterprises?q=soul&kommune=621");
	CHECK_STATUS(soul, 200);
	long long id = (long long)json_integer_value(
		json_object_get(json_array_get(json_object_get(harness_json(soul), "items"), 0), "id"));
	CHECKF(id > 0, "Soul Café is not in the registry: %s", soul->body);
	struct harness_resp *r = harness_get(own, "/");
	CHECK_HAS(r->body, harness_fmt("<li><a href=\"/virksomheder/%lld\">Min virksomhed</a></li>", id));
	CHECK(has_link(r->body, harness_fmt("/virksomheder/%lld/rediger", id)));
	CHECK_HAS(r->body, "Soul Café");
	/* on its own page the menu marks "Min virksomhed", not the registry */
	r = harness_get(own, harness_fmt("/virksomheder/%lld", id));
	CHECK_HAS(r->body, harness_fmt("<a href=\"/virksomheder/%lld\" aria-current=\"page\">Min virksomhed</a>", id));
	CHECK_HAS(r->body, "<a href=\"/virksomheder\">Virksomheder</a>");
}

/* the privacy notice and the accessibility statement: on every page's footer, from the forms
 * that collect personal data, with what the law asks them to say */
static void legal_pages(void)
{
	struct harness_client *anon = harness_client(srv);
	struct harness_resp *r = harness_get(anon, "/kontakt");
	CHECK(has_link(r->body, "/privatliv") && has_link(r->body, "/tilgaengelighed"));
	CHECK_HAS(r->body, "dataansvarlig");
	CHECK_HAS(r->body, "maxlength=\"5000\"");
	r = harness_get(anon, "/privatliv");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	CHECK_HAS(r->body, "<h1>Privatlivspolitik og databeskyttelse</h1>");
	const char *const privacy[] = {"dataansvarlig", "Formålet", "Hvor længe", "indsigt",
	                               "https://www.datatilsynet.dk/", "Cookies"};
	for (size_t i = 0; i < COUNT(privacy); i++)
		CHECK_HAS(r->body, privacy[i]);
	r = harness_get(anon, "/tilgaengelighed");
	CHECK_STATUS(r, 200);
	CHECK_HTML(r);
	const char *const statement[] = {"<h1>Tilgængelighedserklæring</h1>", "WCAG 2.1", "Kendte mangler",
	                                 "Feedback og kontakt", "Håndhævelsesprocedure", "https://digst.dk/"};
	for (size_t i = 0; i < COUNT(statement); i++)
		CHECK_HAS(r->body, statement[i]);
	/* the enterprise form says the contact details are public, and links the notice */
	struct harness_client *k = client_of(2);
	CHECK(k);
	r = harness_get(k, "/virksomheder/ny");
	CHECK_STATUS(r, 200);
	CHECK_HAS(r->body, "kontaktpersonens navn, e-mail og telefon er offentlige");
	CHECK(has_link(r->body, "/privatliv"));
}

/* every demo account of the README (the administrator last: the audit log then holds the
 * others' reads of placements and citizens, pages it must not link to), each crawled until one
 * fails */
static void crawl_each(const char *const *who, size_t n)
{
	for (size_t i = 0; i < n && crawl(who[i]); i++)
		;
}

static void crawl_public(void)
{
	crawl(NULL);
}

static void crawl_kolding(void)
{
	static const char *const who[] = {"konsulent@kolding.example", "job@kolding.example",
	                                  "indkoeb@kolding.example", "virksomhed@kolding.example",
	                                  "legehytten@kolding.example", "porten@kolding.example"};
	crawl_each(who, COUNT(who));
}

static void crawl_others(void)
{
	static const char *const who[] = {"konsulent@silkeborg.example", "job@silkeborg.example",
	                                  "indkoeb@silkeborg.example", "konsulent@slagelse.example",
	                                  "job@slagelse.example", "indkoeb@slagelse.example",
	                                  "indkoeb@albertslund.example"};
	crawl_each(who, COUNT(who));
}

static void crawl_admin(void)
{
	crawl("admin@indgang.example");
}

static const struct harness_test tests[] = {
	{"the server starts on a demo database", start, HARNESS_FATAL | HARNESS_KEEP},
	{"every link of each role's front page, menu and footer leads to a page it may use", no_dead_ends, 0},
	{"the public: every page reached by following links answers, none refused or missing", crawl_public, 0},
	{"Kolding's konsulent, jobkonsulent, indkøber and three enterprises: every page reached by links answers",
	 crawl_kolding, 0},
	{"the staff of Silkeborg, Slagelse and Albertslund: every page reached by links answers", crawl_others, 0},
	{"the administrator: every page reached by links answers, the audit log's links included", crawl_admin, 0},
	{"each role finds its own work on the front page and no desk that would refuse it",
	 each_role_finds_its_work, 0},
	{"the privacy notice and accessibility statement: in every footer and from the forms", legal_pages, 0},
	{"the server stops cleanly with SIGTERM and logged no sanitizer report", stop, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
