/*
 * kommune_web.h — the public list of municipalities, as a page and as JSON; and the picker of
 * municipalities the other capabilities' forms share (checkboxes grouped by region, never codes
 * to type). Layer: handlers of the kommune capability.
 */
#ifndef INDGANG_KOMMUNE_WEB_H
#define INDGANG_KOMMUNE_WEB_H

struct arena;
struct buf;
struct form_field;
struct kommune;
struct kv;
struct req;

int kommune_page_list(struct req *r);
int kommune_api_list(struct req *r);

/* kommune_web_picker: the municipalities ks[0..n) as checkboxes named f->name, one group per
 * region (a <details> that is open when one of its municipalities is checked), in a fieldset
 * with id "f-" f->name (where the error summary links), legend f->label, the hint f->hint and
 * the error f->error. The codes in chosen[0..nchosen) are checked. Works without JavaScript. */
void kommune_web_picker(struct buf *o, struct arena *a, const struct form_field *f,
                        const struct kommune *ks, int n, const char *const *chosen, int nchosen);
/* kommune_web_codes: every value named name in list (a form or a query string: one code per
 * checkbox, or codes separated by commas as people and links write them) joined with commas,
 * owned by a; NULL when there is none. */
const char *kommune_web_codes(struct arena *a, const struct kv *list, const char *name);
/* kommune_web_split: s ("740,621", trimmed parts, empty ones skipped) as codes into out[0..max),
 * owned by a; returns how many (at most max). The picker's chosen. */
int kommune_web_split(struct arena *a, const char *s, const char **out, int max);

#endif
