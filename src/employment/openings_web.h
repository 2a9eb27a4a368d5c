/*
 * openings_web.h — the pages and JSON endpoints of openings (stillinger og pladser).
 * Layer: handlers of the employment capability. The rules are openings.h's; the handlers read
 * the request, ask the domain, and answer.
 */
#ifndef INDGANG_OPENINGS_WEB_H
#define INDGANG_OPENINGS_WEB_H

struct req;
struct openings_query;

/* openings_query_from: the list query from the URL's parameters kommune (3 digits), enterprise
 * (an id), status (open|filled|closed), scheme (a scheme key), task (a key of the managed list),
 * sort (newest|title) and offset, with limit; shared by the page and the API. A parameter that
 * is present but not valid is left unset; the name of the first such one is returned (the API
 * answers 400 naming it, the page ignores it), NULL when all were valid. A blank parameter is
 * as absent. Reads the managed list of tasks; a failed read leaves task unset and returns
 * "task". */
const char *openings_query_from(struct req *r, struct openings_query *q, int limit);

/* pages: the list, one opening and its status (openings_web.c), the form (openings_edit_web.c) */
int openings_page_list(struct req *r);
int openings_page_new(struct req *r);
int openings_page_create(struct req *r);
int openings_page_show(struct req *r);
int openings_page_edit(struct req *r);
int openings_page_update(struct req *r);
int openings_page_status(struct req *r);

/* JSON endpoints (openings_api.c) */
int openings_api_list(struct req *r);
int openings_api_create(struct req *r);
int openings_api_get(struct req *r);
int openings_api_update(struct req *r);

#endif
