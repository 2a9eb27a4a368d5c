/*
 * page.h — glue between a request and the page shell: who is signed in, which navigation to
 * show, the CSRF token for forms. Layer: http.
 */
#ifndef INDGANG_PAGE_H
#define INDGANG_PAGE_H

#include "../view/form.h"
#include "../view/html.h"
#include "../view/table.h"
#include "req.h"

/* page_begin: starts r->out with the layout and an h1 of title. */
void page_begin(struct req *r, const char *title);
/* page_end: closes the layout and replies with status. Returns 0. */
int page_end(struct req *r, int status);
/* page_fail: answers the error page for a domain result rc other than 0 and returns 0.
 * ERR_NOTFOUND gives 404 with not_found (a sentence saying what does not exist, or NULL for a
 * plain "Siden findes ikke."), ERR_FORBIDDEN 403, ERR_CONFLICT 409, ERR_INVALID 422 with the
 * first field error's message, ERR_TOOBIG 413, ERR_BUSY 429, and every other code 500 (the
 * cause was logged where it happened). The one way a page handler fails. */
int page_fail(struct req *r, int rc, const char *not_found);
/* page_today: today's date, YYYY-MM-DD, owned by the request. */
const char *page_today(struct req *r);
/* page_limit / page_offset: ?limit (1..max, default def) and ?offset (>= 0, default 0). */
int page_limit(const struct req *r, int def, int max);
int page_offset(const struct req *r);

struct csv_out;
/* page_csv_begin: empties r->out and starts a CSV download in it, as a Danish Excel opens it:
 * ';' between fields and a UTF-8 byte-order mark first; ?sep=, gives commas and no mark, for
 * machines. */
void page_csv_begin(struct req *r, struct csv_out *w);

#endif
