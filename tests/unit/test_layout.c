/*
 * test_layout.c — the page shell (src/view/layout.h): doctype and language, the title escaped in
 * <title> and <h1>, the skip link to the main landmark, the navigation links present exactly
 * when the layout_info flags allow them, aria-current on the current page only, the signed-in
 * user with the CSRF token in the sign-out form, and the anonymous sign-in link; the header of
 * Det Fælles Designsystem (the portal line before the menu) and the stylesheet at the address
 * with its content hash.
 * Layer: tests (view: no database).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/base/buf.h"
#include "tests/unit/fixture.h"
#include "src/view/layout.h"
#include "src/view/text_da.h"


static const char *page(struct buf *o, const struct layout_info *info)
{
	buf_reset(o);
	layout_begin(o, info);
	buf_puts(o, "<p>indhold</p>\n");
	layout_end(o);
	assert_false(o->failed);
	return buf_str(o);
}

static int count(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* ---------------------------------------------------------------- the shell */

static void test_layout_shell(void **state)
{
	struct buf *o = *state;
	struct layout_info info = {.title = "Forside", .path = "/"};
	const char *out = page(o, &info);
	assert_non_null(strstr(out, "<!DOCTYPE html>\n<html lang=\"da\">"));
	assert_non_null(strstr(out, "<meta charset=\"utf-8\">"));
	assert_non_null(strstr(out, "<title>Forside · Indgang</title>"));
	assert_non_null(strstr(out, "<h1>Forside</h1>"));
	/* the skip link is the first thing in the body and points at the main landmark */
	const char *body = strstr(out, "<body>\n");
	assert_non_null(body);
	assert_ptr_equal(strstr(out, "<a class=\"skip\" href=\"#main\">" T_SKIP "</a>"), body + 7);
	assert_non_null(strstr(out, "<main id=\"main\" tabindex=\"-1\">"));
	assert_true(strstr(out, "<main") < strstr(out, "<h1>"));
	assert_non_null(strstr(out, "<nav aria-label=\"" T_NAV_MAIN "\">"));
	/* the page ends closed, with the footer after main */
	assert_true(strstr(out, "</main>") < strstr(out, "<footer>"));
	size_t len = strlen(out);
	assert_string_equal(out + len - strlen("</body>\n</html>\n"), "</body>\n</html>\n");
	/* no inline script or style: the CSP allows neither */
	assert_null(strstr(out, "<script"));
	assert_null(strstr(out, "<style"));
	assert_null(strstr(out, "style=\""));
	assert_int_equal(count(out, "<h1>"), 1);
}

/* the look of Det Fælles Designsystem: the stylesheet's address carries the hash the build wrote
 * (so it can be cached for a year and changes with the CSS), one stylesheet and nothing else
 * loaded in the head; the header holds the portal line (Indgang, the municipality, who is signed
 * in) and then the menu */
static void test_layout_design_system(void **state)
{
	struct buf *o = *state;
	struct layout_info info = {.title = "Brugere", .path = "/brugere", .user_email = "k@kolding.dk",
	                           .user_role = "Konsulent", .kommune_navn = "Kolding", .csrf = "t"};
	const char *out = page(o, &info);
	assert_int_equal(strncmp(layout_stylesheet, "/static/app.css?v=", 18), 0);
	assert_true(strlen(layout_stylesheet) == 18 + 16);
	char link[96];
	snprintf(link, sizeof(link), "<link rel=\"stylesheet\" href=\"%s\">", layout_stylesheet);
	assert_non_null(strstr(out, link));
	assert_int_equal(count(out, "rel=\"stylesheet\""), 1);
	assert_null(strstr(out, "<script"));
	const char *header = strstr(out, "<header class=\"top\">");
	const char *portal = strstr(out, "<div class=\"portal-header\">");
	const char *kommune = strstr(out, "<span class=\"kommune\">Kolding " T_KOMMUNE "</span>");
	const char *who = strstr(out, "<span class=\"who\">");
	const char *nav = strstr(out, "<nav aria-label=\"" T_NAV_MAIN "\">");
	const char *end = strstr(out, "</header>");
	assert_non_null(header);
	assert_non_null(portal);
	assert_non_null(kommune);
	assert_non_null(who);
	assert_non_null(nav);
	assert_non_null(end);
	assert_true(header < portal && portal < kommune && kommune < who && who < nav && nav < end);
	/* the sign-out button is in the portal line, before the menu */
	assert_true(strstr(out, "action=\"/logout\"") < nav);
}

static void test_layout_title_escaped(void **state)
{
	struct buf *o = *state;
	static const struct {
		const char *title, *esc;
	} cases[] = {
		{HOSTILE, HOSTILE_ESC},
		{"Ærø Kommune – æøå", "Ærø Kommune – æøå"},
		{"</title><script>x</script>", "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;"},
		{"\xff<i>", "\xff&lt;i&gt;"},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct layout_info info = {.title = cases[i].title, .path = "/",
		                           .user_email = HOSTILE, .user_role = HOSTILE,
		                           .kommune_navn = HOSTILE, .csrf = HOSTILE};
		const char *out = page(o, &info);
		char want[256];
		snprintf(want, sizeof(want), "<title>%s · Indgang</title>", cases[i].esc);
		if (!strstr(out, want))
			fail_msg("case %zu: %s is missing", i, want);
		snprintf(want, sizeof(want), "<h1>%s</h1>", cases[i].esc);
		if (!strstr(out, want))
			fail_msg("case %zu: %s is missing", i, want);
		assert_null(strstr(out, "<script"));
		assert_null(strstr(out, "\"'&"));
	}
}

/* ---------------------------------------------------------------- navigation */

static void test_layout_nav_flags(void **state)
{
	struct buf *o = *state;
	static const char *const always[] = {"/", "/virksomheder", "/statistik", "/kommuner"};
	static const struct {
		const char *name;
		bool users, cases, admin, surveys;
		const char *has[4], *lacks[4];
	} cases[] = {
		{"anonymous", false, false, false, false, {"/kontakt"},
		 {"/sager", "/brugere", "/admin/audit", "/undersoegelser"}},
		{"surveys only", false, false, false, true, {"/kontakt", "/undersoegelser"},
		 {"/sager", "/brugere", "/admin/audit"}},
		{"users", true, true, false, false, {"/sager", "/brugere"},
		 {"/kontakt", "/admin/audit", "/undersoegelser"}},
		{"cases without users (a jobkonsulent)", false, true, false, false, {"/sager"},
		 {"/kontakt", "/brugere", "/admin/audit", "/undersoegelser"}},
		{"admin only", false, false, true, false, {"/kontakt", "/admin/audit"},
		 {"/sager", "/brugere", "/undersoegelser"}},
		{"everything", true, true, true, true, {"/sager", "/brugere", "/admin/audit", "/undersoegelser"},
		 {"/kontakt"}},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct layout_info info = {.title = "T", .path = "/", .nav_users = cases[i].users,
		                           .nav_cases = cases[i].cases, .nav_admin = cases[i].admin, .nav_surveys = cases[i].surveys};
		const char *out = page(o, &info);
		char want[128];
		for (size_t k = 0; k < N_OF(always); k++) {
			snprintf(want, sizeof(want), "<a href=\"%s\"", always[k]);
			if (!strstr(out, want))
				fail_msg("%s: the link %s is missing", cases[i].name, always[k]);
		}
		for (size_t k = 0; k < 4 && cases[i].has[k]; k++) {
			snprintf(want, sizeof(want), "<li><a href=\"%s\"", cases[i].has[k]);
			if (!strstr(out, want))
				fail_msg("%s: the link %s is missing", cases[i].name, cases[i].has[k]);
		}
		for (size_t k = 0; k < 4 && cases[i].lacks[k]; k++) {
			snprintf(want, sizeof(want), "href=\"%s\"", cases[i].lacks[k]);
			if (strstr(out, want))
				fail_msg("%s: the link %s should be absent", cases[i].name, cases[i].lacks[k]);
		}
	}
}

static void test_layout_aria_current(void **state)
{
	struct buf *o = *state;
	static const struct {
		const char *path, *current; /* current: the link marked, NULL for none */
	} cases[] = {
		{"/", "/"},
		{"/virksomheder", "/virksomheder"},
		{"/virksomheder/42", "/virksomheder"},
		{"/virksomheder/42/rediger", "/virksomheder"},
		{"/virksomhederne", NULL}, /* a longer word is not a sub-page */
		{"/statistik", "/statistik"},
		{"/brugere/7", "/brugere"},
		{"/admin/audit", "/admin/audit"},
		{"/admin", NULL},
		{"/login", NULL},
		{"/ukendt", NULL}, /* "/" marks only the front page */
		{NULL, NULL},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		struct layout_info info = {.title = "T", .path = cases[i].path, .nav_users = true,
		                           .nav_cases = true, .nav_admin = true, .nav_surveys = true};
		const char *out = page(o, &info);
		int marks = count(out, "aria-current=\"page\"");
		if (!cases[i].current) {
			if (marks != 0)
				fail_msg("path %s: %d links marked current, expected none", cases[i].path, marks);
			continue;
		}
		char want[128];
		snprintf(want, sizeof(want), "<a href=\"%s\" aria-current=\"page\">", cases[i].current);
		if (marks != 1 || !strstr(out, want))
			fail_msg("path %s: %d marks, expected one on %s", cases[i].path, marks,
			         cases[i].current);
	}
}

/* ---------------------------------------------------------------- the user */

static void test_layout_signed_in(void **state)
{
	struct buf *o = *state;
	struct layout_info info = {.title = "T", .path = "/", .user_email = "børge@kolding.dk",
	                           .user_role = "Konsulent", .kommune_navn = "Kolding",
	                           .csrf = "tok-123"};
	const char *out = page(o, &info);
	assert_non_null(strstr(out, "<span class=\"kommune\">Kolding " T_KOMMUNE "</span>"));
	assert_non_null(strstr(out, "børge@kolding.dk <span class=\"role\">(Konsulent)</span>"));
	assert_non_null(strstr(out, "<form method=\"post\" action=\"/logout\""));
	assert_non_null(strstr(out, "<input type=\"hidden\" name=\"csrf\" value=\"tok-123\">"));
	/* the token sits inside the sign-out form */
	const char *form = strstr(out, "action=\"/logout\"");
	assert_true(strstr(form, "value=\"tok-123\"") < strstr(form, "</form>"));
	assert_null(strstr(out, "href=\"/login\""));

	/* a national user: no municipality, the national label */
	info.kommune_navn = NULL;
	out = page(o, &info);
	assert_non_null(strstr(out, "<span class=\"kommune\">" T_NATIONAL "</span>"));

	/* no token given: an empty field, never "(null)" */
	info.csrf = NULL;
	out = page(o, &info);
	assert_non_null(strstr(out, "name=\"csrf\" value=\"\""));
	assert_null(strstr(out, "(null)"));

	/* hostile user fields and token stay escaped */
	info = (struct layout_info){.title = "T", .user_email = HOSTILE, .user_role = HOSTILE,
	                            .kommune_navn = HOSTILE, .csrf = "\"><script>"};
	out = page(o, &info);
	assert_non_null(strstr(out, "value=\"&quot;&gt;&lt;script&gt;\""));
	assert_non_null(strstr(out, HOSTILE_ESC " <span class=\"role\">(" HOSTILE_ESC ")</span>"));
	assert_null(strstr(out, "<script"));
}

static void test_layout_anonymous(void **state)
{
	struct buf *o = *state;
	struct layout_info info = {.title = "Log ind", .path = "/login", .csrf = "tok"};
	const char *out = page(o, &info);
	assert_non_null(strstr(out, "<a href=\"/login\">" T_LOGIN "</a>"));
	assert_null(strstr(out, "/logout"));
	assert_null(strstr(out, "class=\"kommune\""));
	assert_null(strstr(out, "class=\"who\""));
}

/* the enterprise's own account: "Min virksomhed" in the menu, marked on its pages instead of
 * the registry; every page's footer links the privacy notice and the accessibility statement */
static void test_layout_own_enterprise_and_footer(void **state)
{
	struct buf *o = *state;
	struct layout_info info = {.title = "T", .path = "/virksomheder/42/rediger", .nav_enterprise = 42};
	const char *out = page(o, &info);
	assert_non_null(strstr(out, "<a href=\"/virksomheder/42\" aria-current=\"page\">" T_NAV_OWN_ENTERPRISE "</a>"));
	assert_non_null(strstr(out, "<a href=\"/virksomheder\">" T_NAV_REGISTRY "</a>"));
	info.path = "/virksomheder/43";
	out = page(o, &info);
	assert_non_null(strstr(out, "<a href=\"/virksomheder/42\">" T_NAV_OWN_ENTERPRISE "</a>"));
	assert_non_null(strstr(out, "<a href=\"/virksomheder\" aria-current=\"page\">"));
	info.nav_enterprise = 0;
	out = page(o, &info);
	assert_null(strstr(out, T_NAV_OWN_ENTERPRISE));
	assert_non_null(strstr(out, "<footer>"));
	assert_non_null(strstr(strstr(out, "<footer>"), "<a href=\"/privatliv\">"));
	assert_non_null(strstr(strstr(out, "<footer>"), "<a href=\"/tilgaengelighed\">"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_layout_shell, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_layout_design_system, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_layout_title_escaped, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_layout_nav_flags, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_layout_aria_current, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_layout_signed_in, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_layout_anonymous, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_layout_own_enterprise_and_footer, fixture_buf_setup,
		                                fixture_buf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
