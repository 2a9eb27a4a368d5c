/*
 * test_form.c — the accessible form controls (src/view/form.h): every control has a label tied
 * to it by id, the required mark, the error beside its field with aria-invalid and
 * aria-describedby, hints, kept values (never a password), selected and checked options, the
 * error summary linking to the fields, the CSRF field, the question before a destructive action
 * and pagination; labels, values and messages with æøå, invalid UTF-8 and <script>"'& come out
 * escaped.
 * Layer: tests (view: no database).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "src/base/buf.h"
#include "tests/unit/fixture.h"
#include "src/base/errs.h"
#include "src/view/form.h"
#include "src/view/text_da.h"


/* expect: each needle of want[] is in out, each of lacks[] is not (NULL-terminated lists) */
static void expect(const char *what, const char *out, const char *const *want,
                   const char *const *lacks)
{
	for (int i = 0; want && want[i]; i++)
		if (!strstr(out, want[i]))
			fail_msg("%s: \"%s\" is missing from:\n%s", what, want[i], out);
	for (int i = 0; lacks && lacks[i]; i++)
		if (strstr(out, lacks[i]))
			fail_msg("%s: \"%s\" should not be in:\n%s", what, lacks[i], out);
}

#define LIST(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ---------------------------------------------------------------- form_input */

static void test_form_input_cases(void **state)
{
	struct buf *o = *state;
	/* not static: the lists are compound literals of this block */
	const struct {
		const char *name;
		struct form_field f;
		const char *const *want;
		const char *const *lacks;
	} cases[] = {
		{"a plain text field: label for the input's id",
		 {.name = "navn", .label = "Navn"},
		 LIST("<label for=\"f-navn\">Navn</label>", "<input id=\"f-navn\" name=\"navn\" type=\"text\"",
		      "<div class=\"field\">"),
		 LIST("aria-invalid", "aria-describedby", "required", "value=", T_REQUIRED,
		      "has-error", "autocomplete")},
		{"required: the mark in the label and the attribute",
		 {.name = "email", .label = "E-mail", .type = "email", .required = true,
		  .autocomplete = "email"},
		 LIST("<label for=\"f-email\">E-mail <span class=\"req\">" T_REQUIRED "</span></label>",
		      "type=\"email\"", " required", "autocomplete=\"email\""),
		 LIST("aria-invalid")},
		{"an error: beside the field, described by it, invalid",
		 {.name = "cvr", .label = "CVR", .value = "1234", .error = "CVR skal være 8 cifre"},
		 LIST("<div class=\"field has-error\">",
		      "<p class=\"error\" id=\"f-cvr-error\">CVR skal være 8 cifre</p>",
		      "aria-describedby=\"f-cvr-error\"", "aria-invalid=\"true\"", "value=\"1234\""),
		 NULL},
		{"a hint: shown and described",
		 {.name = "tlf", .label = "Telefon", .hint = "8 cifre"},
		 LIST("<p class=\"hint\" id=\"f-tlf-hint\">8 cifre</p>", "aria-describedby=\"f-tlf-hint\""),
		 LIST("aria-invalid")},
		{"error and hint: both ids, error first",
		 {.name = "x", .label = "X", .hint = "h", .error = "e"},
		 LIST("aria-describedby=\"f-x-error f-x-hint\"", "id=\"f-x-error\"", "id=\"f-x-hint\""),
		 NULL},
		{"a password is never written back",
		 {.name = "pw", .label = "Adgangskode", .type = "password", .value = "hemmelig-123",
		  .error = "For kort"},
		 LIST("type=\"password\"", "aria-invalid=\"true\""),
		 LIST("hemmelig-123", "value=")},
		{"an empty value is kept as an empty value",
		 {.name = "n", .label = "N", .value = ""},
		 LIST("value=\"\""), NULL},
		{"Danish letters pass unchanged",
		 {.name = "by", .label = "Bynavn æøå", .value = "Ærø Ålborg Ødis", .hint = "fx Århus"},
		 LIST(">Bynavn æøå", "value=\"Ærø Ålborg Ødis\"", "fx Århus"), NULL},
		{"hostile label, value, hint and error are escaped",
		 {.name = "h", .label = HOSTILE, .value = HOSTILE, .hint = HOSTILE, .error = HOSTILE},
		 LIST("<label for=\"f-h\">" HOSTILE_ESC, "value=\"" HOSTILE_ESC "\"",
		      "id=\"f-h-hint\">" HOSTILE_ESC "</p>", "id=\"f-h-error\">" HOSTILE_ESC "</p>"),
		 LIST("<script>", "\"'&")},
		{"a hostile name cannot leave its attributes",
		 {.name = "a\"><script>", .label = "L", .type = "text\" onfocus=\"x"},
		 LIST("for=\"f-a&quot;&gt;&lt;script&gt;\"", "type=\"text&quot; onfocus=&quot;x\""),
		 LIST("<script>", "\" onfocus=\"")},
		{"invalid UTF-8 does not stop the escaping after it",
		 {.name = "u", .label = "\xff<b>", .value = "\xc3\"x"},
		 LIST("\xff&lt;b&gt;", "value=\"\xc3&quot;x\""), LIST("<b>")},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		buf_reset(o);
		form_input(o, &cases[i].f);
		assert_false(o->failed);
		expect(cases[i].name, buf_str(o), cases[i].want, cases[i].lacks);
	}
}

/* ---------------------------------------------------------------- selects and text areas */

static const struct form_option roles[] = {
	{"konsulent", "Konsulent"},
	{"indkoeber", "Indkøber"},
	{HOSTILE, HOSTILE},
};

static void test_form_select(void **state)
{
	struct buf *o = *state;
	struct form_field f = {.name = "role", .label = "Rolle", .value = "indkoeber",
	                       .required = true};
	form_select(o, &f, roles, (int)N_OF(roles));
	const char *out = buf_str(o);
	expect("select", out,
	       LIST("<label for=\"f-role\">Rolle <span class=\"req\">",
	            "<select id=\"f-role\" name=\"role\" required>",
	            "<option value=\"konsulent\">Konsulent</option>",
	            "<option value=\"indkoeber\" selected>Indkøber</option>",
	            "<option value=\"" HOSTILE_ESC "\">" HOSTILE_ESC "</option>", "</select>"),
	       LIST("<script>", "\"'&"));
	/* the options keep their order */
	assert_true(strstr(out, "konsulent") < strstr(out, "indkoeber"));
	/* exactly one selected */
	assert_null(strstr(strstr(out, " selected") + 1, " selected"));

	/* no value, or one no option has: nothing selected */
	buf_reset(o);
	f.value = "ukendt";
	form_select(o, &f, roles, (int)N_OF(roles));
	expect("select without a match", buf_str(o), NULL, LIST(" selected"));
	buf_reset(o);
	f.value = NULL;
	form_select(o, &f, roles, (int)N_OF(roles));
	expect("select without a value", buf_str(o), NULL, LIST(" selected"));

	/* an error on a select */
	buf_reset(o);
	f.error = "Vælg en rolle";
	form_select(o, &f, roles, 0);
	expect("select with an error", buf_str(o),
	       LIST("id=\"f-role-error\">Vælg en rolle</p>", "aria-invalid=\"true\"",
	            "aria-describedby=\"f-role-error\""),
	       LIST("<option"));
}

static void test_form_select_multiple(void **state)
{
	struct buf *o = *state;
	const char *const chosen[] = {"konsulent", HOSTILE, NULL};
	struct form_field f = {.name = "roller", .label = "Roller", .hint = "Hold Ctrl nede"};
	form_select_multiple(o, &f, roles, (int)N_OF(roles), chosen, (int)N_OF(chosen), 5);
	expect("select multiple", buf_str(o),
	       LIST("<label for=\"f-roller\">Roller</label>",
	            "<select id=\"f-roller\" name=\"roller\" multiple size=\"5\"",
	            "aria-describedby=\"f-roller-hint\"",
	            "<option value=\"konsulent\" selected>Konsulent</option>",
	            "<option value=\"indkoeber\">Indkøber</option>",
	            "<option value=\"" HOSTILE_ESC "\" selected>"),
	       LIST("<script>"));
}

static void test_form_textarea(void **state)
{
	struct buf *o = *state;
	struct form_field f = {.name = "note", .label = "Note", .value = "linje 1\nlinje 2 " HOSTILE,
	                       .error = "For lang"};
	form_textarea(o, &f, 4);
	expect("textarea", buf_str(o),
	       LIST("<label for=\"f-note\">Note</label>",
	            "<textarea id=\"f-note\" name=\"note\" rows=\"4\"", "aria-invalid=\"true\"",
	            ">linje 1\nlinje 2 " HOSTILE_ESC "</textarea>"),
	       LIST("<script>", "value="));
	buf_reset(o);
	f = (struct form_field){.name = "tom", .label = "Tom"};
	form_textarea(o, &f, 2);
	expect("empty textarea", buf_str(o), LIST("rows=\"2\"></textarea>"), NULL);
}

/* ---------------------------------------------------------------- checkboxes */

static void test_form_checkboxes(void **state)
{
	struct buf *o = *state;
	static const struct form_option opts[] = {{"a", "Åben"}, {"b", "Bøde"}, {"c", HOSTILE}};
	const char *const checked[] = {"b", "c", NULL};
	struct form_field f = {.name = "svar", .label = "Svar " HOSTILE, .error = "Vælg mindst én"};
	form_checkboxes(o, &f, opts, (int)N_OF(opts), checked, (int)N_OF(checked));
	expect("checkboxes", buf_str(o),
	       LIST("<fieldset id=\"f-svar\" class=\"field checks has-error\" "
	                 "aria-describedby=\"f-svar-error\">",
	            "<legend>Svar " HOSTILE_ESC "</legend>",
	            "<p class=\"error\" id=\"f-svar-error\">Vælg mindst én</p>",
	            "<input type=\"checkbox\" id=\"f-svar-a\" name=\"svar\" value=\"a\"> "
	            "<label for=\"f-svar-a\">Åben</label>",
	            "id=\"f-svar-b\" name=\"svar\" value=\"b\" checked> <label for=\"f-svar-b\">Bøde",
	            "<label for=\"f-svar-c\">" HOSTILE_ESC "</label>", "</fieldset>"),
	       LIST("<script>", "\"'&"));

	buf_reset(o);
	f.error = NULL;
	form_checkboxes(o, &f, opts, (int)N_OF(opts), NULL, 0);
	expect("checkboxes, none checked", buf_str(o), LIST("<fieldset id=\"f-svar\" class=\"field checks\">"),
	       LIST(" checked", "aria-describedby", "class=\"error\""));
}

static void test_form_checkbox(void **state)
{
	struct buf *o = *state;
	static const struct {
		const char *value;
		bool checked;
	} cases[] = {{"1", true}, {"0", false}, {"", false}, {NULL, false}, {"on", false},
	             {"11", false}};
	for (size_t i = 0; i < N_OF(cases); i++) {
		buf_reset(o);
		struct form_field f = {.name = "aktiv", .label = "Aktiv æøå", .value = cases[i].value};
		form_checkbox(o, &f);
		const char *out = buf_str(o);
		expect("checkbox", out,
		       LIST("<input id=\"f-aktiv\" name=\"aktiv\" type=\"checkbox\" value=\"1\"",
		            "<label for=\"f-aktiv\">Aktiv æøå</label>"),
		       NULL);
		if ((strstr(out, " checked") != NULL) != cases[i].checked)
			fail_msg("checkbox with value \"%s\": checked should be %d", cases[i].value,
			         cases[i].checked);
	}
	buf_reset(o);
	struct form_field f = {.name = "ok", .label = HOSTILE, .value = "1", .error = HOSTILE};
	form_checkbox(o, &f);
	expect("checkbox with an error", buf_str(o),
	       LIST("<div class=\"field check has-error\">", "id=\"f-ok-error\">" HOSTILE_ESC "</p>",
	            "aria-invalid=\"true\"", "aria-describedby=\"f-ok-error\"",
	            "<label for=\"f-ok\">" HOSTILE_ESC "</label>"),
	       LIST("<script>"));
	/* a hint is written where the input's aria-describedby points, once */
	buf_reset(o);
	f = (struct form_field){.name = "aktiv", .label = "Aktiv", .hint = "Lukker " HOSTILE};
	form_checkbox(o, &f);
	expect("checkbox with a hint", buf_str(o),
	       LIST("aria-describedby=\"f-aktiv-hint\"",
	            "<p class=\"hint\" id=\"f-aktiv-hint\">Lukker " HOSTILE_ESC "</p>"),
	       LIST("<script>"));
	const char *first = strstr(buf_str(o), "id=\"f-aktiv-hint\"");
	assert_non_null(first);
	assert_null(strstr(first + 1, "id=\"f-aktiv-hint\""));
}

/* ---------------------------------------------------------------- summary, CSRF, pages */

static void test_form_error_summary(void **state)
{
	struct buf *o = *state;
	form_error_summary(o, NULL);
	assert_int_equal(o->len, 0);
	struct errs errs = {0};
	form_error_summary(o, &errs);
	assert_int_equal(o->len, 0);

	errs_add(&errs, "cvr", "CVR skal være 8 cifre");
	errs_add(&errs, NULL, "Noget gik galt " HOSTILE);
	errs_add(&errs, "navn\"x", HOSTILE);
	form_error_summary(o, &errs);
	const char *out = buf_str(o);
	expect("summary", out,
	       LIST("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">",
	            "<h2>" T_ERRORS_TITLE "</h2>",
	            "<li><a href=\"#f-cvr\">CVR skal være 8 cifre</a></li>",
	            "<li>Noget gik galt " HOSTILE_ESC "</li>",
	            "<li><a href=\"#f-navn&quot;x\">" HOSTILE_ESC "</a></li>"),
	       LIST("<script>", "\"'&"));
	/* in the order they were added */
	assert_true(strstr(out, "#f-cvr") < strstr(out, "Noget gik galt"));
}

/* count: how often needle occurs in hay */
static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* a failed form written with every writer: each link of the summary at its top leads to an
 * element of the form (exactly one id), and that field names its message (aria-describedby), so
 * a keyboard or screen-reader user gets from the summary to the field and hears why */
static void test_form_error_summary_links_to_fields(void **state)
{
	struct buf *o = *state;
	struct errs errs = {0};
	errs_add(&errs, "navn", "Skriv et navn");
	errs_add(&errs, "kommune", "Vælg en kommune");
	errs_add(&errs, "beskrivelse", "Beskrivelsen er for lang");
	errs_add(&errs, "ydelser", "Vælg mindst én ydelse");
	errs_add(&errs, "maalgrupper", "Vælg mindst én målgruppe");
	errs_add(&errs, "samtykke", "Borgeren skal give samtykke");
	form_error_summary(o, &errs);
	static const struct form_option opts[] = {{"a", "A"}, {"b", "B"}};
	form_input(o, &(struct form_field){.name = "navn", .label = "Navn", .error = errs_get(&errs, "navn")});
	form_select(o, &(struct form_field){.name = "kommune", .label = "Kommune",
	                                    .error = errs_get(&errs, "kommune")}, opts, 2);
	form_textarea(o, &(struct form_field){.name = "beskrivelse", .label = "Beskrivelse",
	                                      .error = errs_get(&errs, "beskrivelse")}, 4);
	form_checkboxes(o, &(struct form_field){.name = "ydelser", .label = "Ydelser",
	                                        .error = errs_get(&errs, "ydelser")}, opts, 2, NULL, 0);
	form_select_multiple(o, &(struct form_field){.name = "maalgrupper", .label = "Målgrupper",
	                                             .error = errs_get(&errs, "maalgrupper")},
	                     opts, 2, NULL, 0, 2);
	form_checkbox(o, &(struct form_field){.name = "samtykke", .label = "Samtykke",
	                                      .error = errs_get(&errs, "samtykke")});
	const char *out = buf_str(o);
	/* the summary comes first, before any field */
	assert_ptr_equal(strstr(out, "<div class=\"error-summary\""), out);
	for (int i = 0; i < errs.n; i++) {
		char link[96], id[96], err_id[96], described[96];
		snprintf(link, sizeof(link), "<a href=\"#f-%s\">%s</a>", errs.e[i].field, errs.e[i].message);
		snprintf(id, sizeof(id), " id=\"f-%s\"", errs.e[i].field);
		snprintf(err_id, sizeof(err_id), "<p class=\"error\" id=\"f-%s-error\">%s</p>",
		         errs.e[i].field, errs.e[i].message);
		snprintf(described, sizeof(described), "aria-describedby=\"f-%s-error", errs.e[i].field);
		if (count(out, link) != 1)
			fail_msg("the summary has no one link %s in:\n%s", link, out);
		if (count(out, id) != 1)
			fail_msg("the summary's link #f-%s leads to %d elements in:\n%s", errs.e[i].field,
			         count(out, id), out);
		if (count(out, err_id) != 1 || !strstr(strstr(out, id), described))
			fail_msg("the field %s does not name its message in:\n%s", errs.e[i].field, out);
	}
}

static void test_form_csrf(void **state)
{
	struct buf *o = *state;
	form_csrf(o, "abc123");
	assert_string_equal(buf_str(o), "<input type=\"hidden\" name=\"csrf\" value=\"abc123\">\n");
	buf_reset(o);
	form_csrf(o, NULL);
	assert_string_equal(buf_str(o), "<input type=\"hidden\" name=\"csrf\" value=\"\">\n");
	buf_reset(o);
	form_csrf(o, HOSTILE);
	assert_string_equal(buf_str(o),
	                    "<input type=\"hidden\" name=\"csrf\" value=\"" HOSTILE_ESC "\">\n");
}

static void test_form_confirm(void **state)
{
	struct buf *o = *state;
	const struct form_hidden hidden[] = {{"action", "party_delete"}, {"item", "42"}, {"confirm", "1"}};
	form_confirm(o, &(struct form_confirm){.before = "Vil du fjerne ", .name = "Kolding Kommune",
	                                       .after = " som part i aftalen?", .action = "/partnerskaber/7#parter",
	                                       .csrf = "tok", .hidden = hidden, .nhidden = 3,
	                                       .yes = "Ja, fjern parten", .back = "/partnerskaber/7#parter"});
	assert_string_equal(buf_str(o),
	                    "<div class=\"confirm\" role=\"alert\"><p>Vil du fjerne <strong>Kolding Kommune</strong>"
	                    " som part i aftalen?</p>\n"
	                    "<form method=\"post\" action=\"/partnerskaber/7#parter\" class=\"actions\">\n"
	                    "<input type=\"hidden\" name=\"csrf\" value=\"tok\">\n"
	                    "<input type=\"hidden\" name=\"action\" value=\"party_delete\">"
	                    "<input type=\"hidden\" name=\"item\" value=\"42\">"
	                    "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
	                    "<button type=\"submit\" class=\"danger\">Ja, fjern parten</button> "
	                    "<a href=\"/partnerskaber/7#parter\">" T_CONFIRM_BACK "</a></form></div>\n");

	/* no name: no <strong>; no hidden fields: the CSRF field all the same; the link's own text */
	buf_reset(o);
	form_confirm(o, &(struct form_confirm){.before = "Vil du aflyse mødet?", .action = "/m/1",
	                                       .csrf = "tok", .yes = "Ja, aflys", .back = "/m/1#aendr",
	                                       .back_label = "Nej, tilbage"});
	expect("no name", buf_str(o),
	       LIST("<p>Vil du aflyse mødet?</p>", "<input type=\"hidden\" name=\"csrf\" value=\"tok\">",
	            "<a href=\"/m/1#aendr\">Nej, tilbage</a>"),
	       LIST("<strong>", "name=\"confirm\"", T_CONFIRM_BACK));

	/* every text, URL, name and value is escaped */
	buf_reset(o);
	const struct form_hidden bad[] = {{HOSTILE, HOSTILE}, {"x", NULL}};
	form_confirm(o, &(struct form_confirm){.before = HOSTILE, .name = HOSTILE, .after = HOSTILE,
	                                       .action = HOSTILE, .csrf = HOSTILE, .hidden = bad,
	                                       .nhidden = 2, .yes = HOSTILE, .back = HOSTILE,
	                                       .back_label = HOSTILE});
	expect("hostile confirm", buf_str(o),
	       LIST("<p>" HOSTILE_ESC "<strong>" HOSTILE_ESC "</strong>" HOSTILE_ESC "</p>",
	            "action=\"" HOSTILE_ESC "\"", "name=\"csrf\" value=\"" HOSTILE_ESC "\"",
	            "name=\"" HOSTILE_ESC "\" value=\"" HOSTILE_ESC "\"", "name=\"x\" value=\"\">",
	            "class=\"danger\">" HOSTILE_ESC "</button>",
	            "<a href=\"" HOSTILE_ESC "\">" HOSTILE_ESC "</a>"),
	       LIST("<script>", "\"'&"));
}

static void test_form_pagination(void **state)
{
	struct buf *o = *state;
	const struct {
		int offset, limit, total;
		const char *const *want;
		const char *const *lacks;
	} cases[] = {
		{0, 50, 0, NULL, LIST("<nav")},
		{0, 50, 120, LIST("<nav class=\"pagination\" aria-label=\"" T_PAGINATION "\">",
		                  "Viser 1–50 af 120",
		                  "<a href=\"/v?offset=50&amp;limit=50&amp;q=%C3%A6\" rel=\"next\">"),
		 LIST("rel=\"prev\"")},
		{50, 50, 120, LIST("Viser 51–100 af 120", "href=\"/v?offset=0&amp;limit=50&amp;q=%C3%A6\" rel=\"prev\"",
		                   "href=\"/v?offset=100&amp;limit=50&amp;q=%C3%A6\" rel=\"next\""),
		 NULL},
		{100, 50, 120, LIST("Viser 101–120 af 120", "rel=\"prev\""), LIST("rel=\"next\"")},
		{0, 50, 50, LIST("Viser 1–50 af 50"), LIST("rel=\"prev\"", "rel=\"next\"")},
		{10, 20, 25, LIST("Viser 11–25 af 25", "offset=0&amp;limit=20"), LIST("rel=\"next\"")},
		/* past the end (the list got shorter): no "Viser 121–120", a way back instead */
		{120, 50, 120, LIST("Siden er tom: listen har 120 i alt.",
		                    "<a href=\"/v?offset=0&amp;limit=50&amp;q=%C3%A6\">Til første side</a>"),
		 LIST("Viser", "rel=\"next\"")},
		{500, 20, 3, LIST("listen har 3 i alt"), LIST("Viser 501")},
	};
	for (size_t i = 0; i < N_OF(cases); i++) {
		buf_reset(o);
		form_pagination(o, "/v", "&q=%C3%A6", cases[i].offset, cases[i].limit, cases[i].total);
		expect("pagination", buf_str(o), cases[i].want, cases[i].lacks);
	}
	/* a hostile base or extra stays inside the attribute */
	buf_reset(o);
	form_pagination(o, "/v\"><script>", "&x=\"'", 0, 10, 20);
	expect("hostile pagination", buf_str(o), LIST("href=\"/v&quot;&gt;&lt;script&gt;?offset="),
	       LIST("<script>", "\"'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_form_input_cases, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_select, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_select_multiple, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_textarea, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_checkboxes, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_checkbox, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_error_summary, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_error_summary_links_to_fields, fixture_buf_setup,
		                                fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_csrf, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_confirm, fixture_buf_setup, fixture_buf_teardown),
		cmocka_unit_test_setup_teardown(test_form_pagination, fixture_buf_setup, fixture_buf_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
