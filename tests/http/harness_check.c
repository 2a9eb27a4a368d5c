/*
 * harness_check.c — the checkers behind the CHECK macros of harness.h: status, strings, HTML
 * validated by tidy, security headers and the API's error body. Each returns NULL when all is
 * well, or a one-line reason owned by the running test.
 * Layer: tests.
 */
#include "harness_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---------------------------------------------------------------- checkers */

/* a short, one-line view of a body for a failure message */
static const char *excerpt(const char *s, size_t len)
{
	if (!s)
		return "(none)";
	size_t n = len < 300 ? len : 300;
	char *e = harness_own_strndup(s, n);
	for (char *p = e; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return len > n ? harness_fmt("%s...", e) : e;
}

const char *harness_status_problem(const struct harness_resp *resp, long want)
{
	if (resp->status == 0)
		return harness_fmt("no response (expected %ld): %s", want, resp->error);
	if (resp->status != want)
		return harness_fmt("status %ld, expected %ld; body: %s", resp->status, want,
		                   excerpt(resp->body, resp->len));
	return NULL;
}

const char *harness_str_problem(const char *what, const char *got, const char *want)
{
	if (!got && !want)
		return NULL;
	if (!got || !want || strcmp(got, want) != 0)
		return harness_fmt("%s is %s%s%s, expected %s%s%s", what, got ? "\"" : "",
		                   got ? excerpt(got, strlen(got)) : "NULL", got ? "\"" : "",
		                   want ? "\"" : "", want ? want : "NULL", want ? "\"" : "");
	return NULL;
}

const char *harness_has_problem(const char *text, const char *needle, bool want)
{
	bool has = text && strstr(text, needle);
	if (has == want)
		return NULL;
	if (want)
		return harness_fmt("\"%s\" is missing from: %s", needle,
		                   excerpt(text, text ? strlen(text) : 0));
	const char *at = strstr(text, needle);
	size_t from = (size_t)(at - text) > 80 ? (size_t)(at - text) - 80 : 0;
	return harness_fmt("\"%s\" is present, at: %s", needle,
	                   excerpt(text + from, strlen(text + from)));
}

/*
 * Warnings of tidy 5.6 (Debian 12) that are not problems of the page. Each is an attribute the
 * HTML standard allows but tidy's tables, frozen at WAI-ARIA 1.0, do not know: the ARIA 1.1
 * states and properties (aria-current marks the current page in the navigation), and two
 * input attributes added to HTML later. Everything else tidy says fails the page: an unknown
 * attribute that is not on this list is a typo or invented markup, and tidy's other warnings
 * (unclosed or misnested elements, duplicate ids, empty or missing titles, bad entities,
 * invalid UTF-8) are real faults. Tidy in HTML5 mode does not give the HTML 4 accessibility
 * noise ("<table> lacks summary"), so nothing of that kind needs ignoring.
 */
static const char *const tidy_unknown_standard_attributes[] = {
	"aria-colcount", "aria-colindex", "aria-colspan", "aria-current",
	"aria-details", "aria-errormessage", "aria-keyshortcuts", "aria-modal",
	"aria-placeholder", "aria-roledescription", "aria-rowcount", "aria-rowindex",
	"aria-rowspan", "enterkeyhint", "inputmode",
};

static bool tidy_line_ignored(const char *line)
{
	const char *w = strstr(line, " - Warning: ");
	const char *pa = w ? strstr(w, "> proprietary attribute \"") : NULL;
	if (!pa)
		return false;
	const char *name = pa + strlen("> proprietary attribute \"");
	const char *q = strchr(name, '"');
	if (!q || q[1] != '\0')
		return false;
	for (size_t i = 0; i < sizeof(tidy_unknown_standard_attributes) /
	                           sizeof(tidy_unknown_standard_attributes[0]); i++) {
		const char *a = tidy_unknown_standard_attributes[i];
		if (strlen(a) == (size_t)(q - name) && strncmp(a, name, (size_t)(q - name)) == 0)
			return true;
	}
	return false;
}

const char *harness_html_problem(const struct harness_resp *resp)
{
	const char *type = harness_header(resp, "Content-Type");
	if (!type || strncmp(type, "text/html", 9) != 0)
		return harness_fmt("Content-Type is %s, not text/html", type ? type : "missing");
	if (!resp->body || strncasecmp(resp->body, "<!DOCTYPE html>", 15) != 0)
		return harness_fmt("the body does not start with the HTML5 doctype: %s",
		                   excerpt(resp->body, resp->len));
	/* what src/view/html.c writes for a conversion it does not know, and stops the line at */
	const char *mark = strstr(resp->body, "[bad format]");
	if (mark) {
		const char *from = mark - resp->body > 60 ? mark - 60 : resp->body;
		return harness_fmt("the page holds \"[bad format]\": a format the HTML writer does not "
		                   "know cut it short; at: %s", excerpt(from, 120));
	}
	const char *argv[] = {"tidy", "-q", "-e", "--show-warnings", "yes", "-utf8", NULL};
	struct harness_run r = {.argv = argv, .input = resp->body, .input_len = resp->len, .err_fd = -1};
	int st = harness_run_process(&r);
	char *out = harness_own_str(r.out);
	if (st == 127)
		return "tidy is not installed (sh tools/setup.sh test installs it)";
	if (st < 0 || st > 2)
		return harness_fmt("tidy exited with status %d: %s", st, excerpt(out, r.out_len));
	struct harness_grow bad = {0};
	int nbad = 0;
	for (char *line = out, *nl; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (!*line || tidy_line_ignored(line))
			continue;
		if (nbad++ < 5) {
			harness_grow_add(&bad, nbad > 1 ? " | " : "", nbad > 1 ? 3 : 0);
			harness_grow_add(&bad, line, strlen(line));
		}
	}
	if (st == 2 && nbad == 0)
		harness_grow_add(&bad, "tidy found errors", 17);
	if (nbad || st == 2) {
		char *msg = harness_own_str(harness_grow_take(&bad, NULL));
		return harness_fmt("tidy: %s%s", msg, nbad > 5 ? " | ..." : "");
	}
	free(bad.p);
	return NULL;
}

const char *harness_security_headers_problem(const struct harness_resp *resp)
{
	const char *csp = harness_header(resp, "Content-Security-Policy");
	if (!csp)
		return "no Content-Security-Policy";
	if (strstr(csp, "'unsafe-inline'") || strstr(csp, "'unsafe-eval'"))
		return harness_fmt("the Content-Security-Policy allows inline or eval'd code: %s", csp);
	if (!strstr(csp, "frame-ancestors"))
		return harness_fmt("the Content-Security-Policy has no frame-ancestors: %s", csp);
	const char *xcto = harness_header(resp, "X-Content-Type-Options");
	if (!xcto || strcasecmp(xcto, "nosniff") != 0)
		return harness_fmt("X-Content-Type-Options is %s, not nosniff", xcto ? xcto : "missing");
	const char *rp = harness_header(resp, "Referrer-Policy");
	static const char *const good[] = {"no-referrer", "same-origin", "strict-origin",
	                                   "strict-origin-when-cross-origin"};
	for (size_t i = 0; rp && i < sizeof(good) / sizeof(good[0]); i++)
		if (strcasecmp(rp, good[i]) == 0)
			return NULL;
	return harness_fmt("Referrer-Policy is %s, which may send paths to other sites",
	                   rp ? rp : "missing");
}

const char *harness_api_error_problem(struct harness_resp *resp, long status, const char *code,
                                      const char *field)
{
	const char *why = harness_status_problem(resp, status);
	if (why)
		return why;
	const char *type = harness_header(resp, "Content-Type");
	if (!type || strncmp(type, "application/json", 16) != 0)
		return harness_fmt("Content-Type is %s, not application/json", type ? type : "missing");
	json_t *root = harness_json(resp);
	json_t *err = root ? json_object_get(root, "error") : NULL;
	if (!json_is_object(root) || json_object_size(root) != 1 || !json_is_object(err))
		return harness_fmt("the body is not {\"error\": {...}}: %s", excerpt(resp->body, resp->len));
	json_t *c = json_object_get(err, "code"), *m = json_object_get(err, "message"),
	       *f = json_object_get(err, "field");
	if (json_object_size(err) != 3 || !json_is_string(c) || !json_is_string(m) || !f ||
	    !*json_string_value(m))
		return harness_fmt("the error is not {code, message, field}: %s",
		                   excerpt(resp->body, resp->len));
	if (strcmp(json_string_value(c), code) != 0)
		return harness_fmt("error code \"%s\", expected \"%s\"", json_string_value(c), code);
	if (field ? (!json_is_string(f) || strcmp(json_string_value(f), field) != 0) : !json_is_null(f))
		return harness_fmt("error field %s, expected %s", excerpt(resp->body, resp->len),
		                   field ? field : "null");
	return NULL;
}