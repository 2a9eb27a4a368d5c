/*
 * form.c — accessible form controls. Layer: view.
 */
#include "form.h"

#include <stdio.h>
#include <string.h>

#include "../base/errs.h"
#include "html.h"
#include "text_da.h"

static void field_label(struct buf *o, const struct form_field *f)
{
	htmlf(o, "<label for=\"f-%s\">%s", f->name, f->label);
	if (f->required)
		htmlf(o, " <span class=\"req\">%s</span>", f->required_mark ? f->required_mark : T_REQUIRED);
	html(o, "</label>\n");
	if (f->hint)
		htmlf(o, "<p class=\"hint\" id=\"f-%s-hint\">%s</p>\n", f->name, f->hint);
}

static void field_described(struct buf *o, const struct form_field *f)
{
	if (f->error || f->hint) {
		html(o, " aria-describedby=\"");
		if (f->error)
			htmlf(o, "f-%s-error", f->name);
		if (f->error && f->hint)
			html(o, " ");
		if (f->hint)
			htmlf(o, "f-%s-hint", f->name);
		html(o, "\"");
	}
	if (f->error)
		html(o, " aria-invalid=\"true\"");
	if (f->required)
		html(o, " required");
	if (f->maxlength > 0)
		htmlf(o, " maxlength=\"%d\"", f->maxlength);
}

static void field_error(struct buf *o, const struct form_field *f)
{
	if (f->error)
		htmlf(o, "<p class=\"error\" id=\"f-%s-error\">%s</p>\n", f->name, f->error);
}

void form_input(struct buf *o, const struct form_field *f)
{
	htmlf(o, "<div class=\"field%s\">\n", f->error ? " has-error" : "");
	field_label(o, f);
	field_error(o, f);
	htmlf(o, "<input id=\"f-%s\" name=\"%s\" type=\"%s\"", f->name, f->name,
	      f->type ? f->type : "text");
	/* a password is never sent back to the browser */
	if (f->value && !(f->type && strcmp(f->type, "password") == 0))
		htmlf(o, " value=\"%s\"", f->value);
	if (f->autocomplete)
		htmlf(o, " autocomplete=\"%s\"", f->autocomplete);
	field_described(o, f);
	html(o, ">\n</div>\n");
}

void form_select(struct buf *o, const struct form_field *f, const struct form_option *opts, int n)
{
	htmlf(o, "<div class=\"field%s\">\n", f->error ? " has-error" : "");
	field_label(o, f);
	field_error(o, f);
	htmlf(o, "<select id=\"f-%s\" name=\"%s\"", f->name, f->name);
	field_described(o, f);
	html(o, ">\n");
	for (int i = 0; i < n; i++) {
		bool sel = f->value && strcmp(f->value, opts[i].value) == 0;
		htmlf(o, "<option value=\"%s\"%s>%s</option>\n", opts[i].value, sel ? " selected" : "",
		      opts[i].label);
	}
	html(o, "</select>\n</div>\n");
}

void form_textarea(struct buf *o, const struct form_field *f, int rows)
{
	htmlf(o, "<div class=\"field%s\">\n", f->error ? " has-error" : "");
	field_label(o, f);
	field_error(o, f);
	htmlf(o, "<textarea id=\"f-%s\" name=\"%s\" rows=\"%d\"", f->name, f->name, rows);
	field_described(o, f);
	htmlf(o, ">%s</textarea>\n</div>\n", f->value ? f->value : "");
}

static bool in(const char *v, const char *const *set, int n)
{
	for (int i = 0; i < n; i++)
		if (set[i] && strcmp(set[i], v) == 0)
			return true;
	return false;
}

void form_checkboxes(struct buf *o, const struct form_field *f, const struct form_option *opts,
                     int n, const char *const *checked, int nchecked)
{
	/* the id is where the error summary's link to the field leads */
	htmlf(o, "<fieldset id=\"f-%s\" class=\"field checks%s\"", f->name, f->error ? " has-error" : "");
	if (f->error)
		htmlf(o, " aria-describedby=\"f-%s-error\"", f->name);
	htmlf(o, ">\n<legend>%s</legend>\n", f->label);
	field_error(o, f);
	for (int i = 0; i < n; i++)
		htmlf(o, "<div class=\"check\"><input type=\"checkbox\" id=\"f-%s-%s\" name=\"%s\" "
		         "value=\"%s\"%s> <label for=\"f-%s-%s\">%s</label></div>\n",
		      f->name, opts[i].value, f->name, opts[i].value,
		      in(opts[i].value, checked, nchecked) ? " checked" : "", f->name, opts[i].value,
		      opts[i].label);
	html(o, "</fieldset>\n");
}

void form_select_multiple(struct buf *o, const struct form_field *f,
                          const struct form_option *opts, int n, const char *const *chosen,
                          int nchosen, int size)
{
	htmlf(o, "<div class=\"field%s\">\n", f->error ? " has-error" : "");
	field_label(o, f);
	field_error(o, f);
	htmlf(o, "<select id=\"f-%s\" name=\"%s\" multiple size=\"%d\"", f->name, f->name, size);
	field_described(o, f);
	html(o, ">\n");
	for (int i = 0; i < n; i++)
		htmlf(o, "<option value=\"%s\"%s>%s</option>\n", opts[i].value,
		      in(opts[i].value, chosen, nchosen) ? " selected" : "", opts[i].label);
	html(o, "</select>\n</div>\n");
}

void form_checkbox(struct buf *o, const struct form_field *f)
{
	bool on = f->value && strcmp(f->value, "1") == 0;
	htmlf(o, "<div class=\"field check%s\">\n", f->error ? " has-error" : "");
	field_error(o, f);
	htmlf(o, "<input id=\"f-%s\" name=\"%s\" type=\"checkbox\" value=\"1\"%s", f->name, f->name,
	      on ? " checked" : "");
	field_described(o, f);
	htmlf(o, "> <label for=\"f-%s\">%s</label>\n", f->name, f->label);
	/* the hint the input's aria-describedby names */
	if (f->hint)
		htmlf(o, "<p class=\"hint\" id=\"f-%s-hint\">%s</p>\n", f->name, f->hint);
	html(o, "</div>\n");
}

void form_error_summary(struct buf *o, const struct errs *errs)
{
	if (!errs || errs->n == 0)
		return;
	htmlf(o, "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\">\n<h2>%s</h2>\n<ul>\n",
	      T_ERRORS_TITLE);
	for (int i = 0; i < errs->n; i++) {
		if (errs->e[i].field)
			htmlf(o, "<li><a href=\"#f-%s\">%s</a></li>\n", errs->e[i].field, errs->e[i].message);
		else
			htmlf(o, "<li>%s</li>\n", errs->e[i].message);
	}
	html(o, "</ul>\n</div>\n");
}

void form_csrf(struct buf *o, const char *token)
{
	htmlf(o, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">\n", token ? token : "");
}

void form_confirm(struct buf *o, const struct form_confirm *c)
{
	/* role="alert": a screen reader reads the question out as soon as the page shows it */
	htmlf(o, "<div class=\"confirm\" role=\"alert\"><p>%s", c->before ? c->before : "");
	if (c->name)
		htmlf(o, "<strong>%s</strong>", c->name);
	htmlf(o, "%s</p>\n<form method=\"post\" action=\"%s\" class=\"actions\">\n",
	      c->after ? c->after : "", c->action);
	form_csrf(o, c->csrf);
	for (int i = 0; i < c->nhidden; i++)
		htmlf(o, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", c->hidden[i].name,
		      c->hidden[i].value ? c->hidden[i].value : "");
	htmlf(o, "<button type=\"submit\" class=\"danger\">%s</button> <a href=\"%s\">%s</a></form></div>\n",
	      c->yes, c->back, c->back_label ? c->back_label : T_CONFIRM_BACK);
}

void form_pagination(struct buf *o, const char *base, const char *extra, int offset, int limit,
                     int total)
{
	if (total <= 0)
		return;
	int last = offset + limit < total ? offset + limit : total;
	htmlf(o, "<nav class=\"pagination\" aria-label=\"%s\"><p>", T_PAGINATION);
	if (offset >= total) {
		/* an address past the end (the list got shorter): say so and lead back */
		htmlf(o, T_PAST_END, total);
		htmlf(o, "</p><a href=\"%s?offset=0&amp;limit=%d%s\">%s</a></nav>\n", base, limit, extra,
		      T_FIRST_PAGE);
		return;
	}
	htmlf(o, T_SHOWING, offset + 1, last, total);
	html(o, "</p>");
	/* the links keep the page size, so "next" after ?limit=20 shows 20 more */
	if (offset > 0) {
		int prev = offset - limit > 0 ? offset - limit : 0;
		htmlf(o, "<a href=\"%s?offset=%d&amp;limit=%d%s\" rel=\"prev\">%s</a> ", base, prev, limit, extra, T_PREV);
	}
	if (last < total)
		htmlf(o, "<a href=\"%s?offset=%d&amp;limit=%d%s\" rel=\"next\">%s</a>", base, last, limit, extra, T_NEXT);
	html(o, "</nav>\n");
}

/* n >= 0 with a dot between each group of three digits, as Danish writes 10.000 */
static void thousands(char *out, size_t size, int n)
{
	char digits[16];
	snprintf(digits, sizeof(digits), "%d", n < 0 ? 0 : n);
	size_t len = strlen(digits), j = 0;
	for (size_t i = 0; i < len && j + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[j++] = '.';
		out[j++] = digits[i];
	}
	out[j] = '\0';
}

void form_pagination_over(struct buf *o, const char *base, const char *extra, int offset,
                          int limit, int total, bool exact)
{
	if (exact) {
		form_pagination(o, base, extra, offset, limit, total);
		return;
	}
	char over[24];
	thousands(over, sizeof(over), total);
	htmlf(o, "<nav class=\"pagination\" aria-label=\"%s\"><p>", T_PAGINATION);
	htmlf(o, T_SHOWING_OVER, offset + 1, offset + limit, over);
	html(o, "</p>");
	if (offset > 0) {
		int prev = offset - limit > 0 ? offset - limit : 0;
		htmlf(o, "<a href=\"%s?offset=%d&amp;limit=%d%s\" rel=\"prev\">%s</a> ", base, prev, limit, extra, T_PREV);
	}
	htmlf(o, "<a href=\"%s?offset=%d&amp;limit=%d%s\" rel=\"next\">%s</a>", base, offset + limit, limit, extra, T_NEXT);
	html(o, "</nav>\n");
}
