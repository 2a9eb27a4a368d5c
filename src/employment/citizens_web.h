/*
 * citizens_web.h — the citizens' pages and JSON endpoints. Layer: handlers of the employment
 * capability.
 */
#ifndef INDGANG_CITIZENS_WEB_H
#define INDGANG_CITIZENS_WEB_H

struct req;

/* JSON API */
/* citizens_api_purpose_or_reply: the purpose of a read, from given (a body's value) or else
 * ?purpose=; when it is missing or not a key of employment_purposes, a 422 naming the field
 * purpose is answered and NULL returned. */
const char *citizens_api_purpose_or_reply(struct req *r, const char *given);
int citizens_api_create(struct req *r);
int citizens_api_list(struct req *r);
int citizens_api_get(struct req *r);
int citizens_api_update(struct req *r);
int citizens_api_reveal(struct req *r);
int citizens_api_search(struct req *r);

/* pages */
int citizens_page_list(struct req *r);
int citizens_page_new(struct req *r);
int citizens_page_create(struct req *r);
int citizens_page_search(struct req *r);
int citizens_page_view(struct req *r);
int citizens_page_edit(struct req *r);
int citizens_page_update(struct req *r);
int citizens_page_reveal(struct req *r);

#endif
