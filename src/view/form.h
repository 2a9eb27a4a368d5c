/*
 * form.h — accessible form controls: a label for every control, the error next to its field
 * (aria-invalid, aria-describedby), an error summary linking to the fields, the CSRF field,
 * and pagination links. Layer: view.
 */
#ifndef INDGANG_VIEW_FORM_H
#define INDGANG_VIEW_FORM_H

#include <stdbool.h>

#include "../base/buf.h"

struct errs;
struct arena;

struct form_field {
	const char *name;
	const char *label;
	const char *type;         /* "text", "email", "password", ...; NULL = "text" */
	const char *value;        /* what the user typed, kept on errors */
	const char *error;        /* the message for this field, or NULL */
	const char *hint;         /* help text under the label, or NULL */
	const char *autocomplete; /* NULL = none given */
	bool required;
	int maxlength;            /* the most characters the field takes (maxlength); 0 = no limit */
	const char *required_mark; /* what the label says of a required field; NULL = "(skal udfyldes)" */
};

struct form_option {
	const char *value;
	const char *label;
};

void form_input(struct buf *o, const struct form_field *f);
/* form_select: options in the order given; the one equal to f->value is selected. */
void form_select(struct buf *o, const struct form_field *f, const struct form_option *opts, int n);
/* form_textarea: a multi-line text field. */
void form_textarea(struct buf *o, const struct form_field *f, int rows);
/* form_checkboxes: a fieldset (id "f-" f->name, where form_error_summary links) with legend
 * f->label and one checkbox per option named f->name; the options whose value is in
 * checked[0..nchecked) are checked. */
void form_checkboxes(struct buf *o, const struct form_field *f, const struct form_option *opts,
                     int n, const char *const *checked, int nchecked);
/* form_select_multiple: a <select multiple> (keyboard-usable list) with the same rules. */
void form_select_multiple(struct buf *o, const struct form_field *f,
                          const struct form_option *opts, int n, const char *const *chosen,
                          int nchosen, int size);
/* form_checkbox: checked when f->value is "1". */
void form_checkbox(struct buf *o, const struct form_field *f);
/* form_error_summary: nothing when errs is empty. */
void form_error_summary(struct buf *o, const struct errs *errs);
void form_csrf(struct buf *o, const char *token);

/* one hidden field of a form: name=value */
struct form_hidden {
	const char *name;
	const char *value;
};

/* the question asked before a destructive action (see form_confirm) */
struct form_confirm {
	const char *before;  /* the question's text before the name */
	const char *name;    /* what the action removes or ends, in bold; NULL = no name */
	const char *after;   /* the question's text after the name, or NULL */
	const char *action;  /* where the form posts: a path, with an #anchor if wanted */
	const char *csrf;    /* the session's CSRF token */
	const struct form_hidden *hidden; /* the fields that say what to do, e.g. confirm=1 */
	int nhidden;
	const char *yes;     /* the label of the button that does it */
	const char *back;    /* where the link that does nothing leads */
	const char *back_label; /* its text; NULL = "Fortryd" */
};

/* form_confirm: <div class="confirm" role="alert"> with the question (before, name in
 * <strong>, after) and a form posting to action with the CSRF field, the hidden fields in the
 * order given, a submit button labelled yes (class "danger": the action cannot be undone) and a
 * link to back. Every text, URL, name and value is escaped. Writes only to o. */
void form_confirm(struct buf *o, const struct form_confirm *c);
/* form_pagination: "Viser 1–50 af 120" with previous/next links to base (a path) with
 * ?offset=N plus extra (already encoded "&k=v" pairs, or ""). */
void form_pagination(struct buf *o, const char *base, const char *extra, int offset, int limit,
                     int total);
/* form_pagination_over: form_pagination of a list whose total may be a bound: with exact false
 * it says "Viser 1–20 af over 10.000" (the bound with Danish thousands separators) and always
 * links to the next page. */
void form_pagination_over(struct buf *o, const char *base, const char *extra, int offset,
                          int limit, int total, bool exact);

#endif
