/*
 * page.h — glue between a request and the page shell: who is signed in, which navigation to
 * show, the CSRF token for forms. Layer: http.
 */
#ifndef INDGANG_PAGE_H
#define INDGANG_PAGE_H

#include "../view/form.h"
#include "../view/html.h"
#include "req.h"

/* page_begin: starts r->out with the layout and an h1 of title. */
void page_begin(struct req *r, const char *title);
/* page_end: closes the layout and replies with status. Returns 0. */
int page_end(struct req *r, int status);
/* page_limit / page_offset: ?limit (1..max, default def) and ?offset (>= 0, default 0). */
int page_limit(const struct req *r, int def, int max);
int page_offset(const struct req *r);

#endif
