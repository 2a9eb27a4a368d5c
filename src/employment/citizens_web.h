/*
 * citizens_web.h — the citizens' pages and JSON endpoints. Layer: handlers of the employment
 * capability.
 */
#ifndef INDGANG_CITIZENS_WEB_H
#define INDGANG_CITIZENS_WEB_H

struct req;

/* JSON API */
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
