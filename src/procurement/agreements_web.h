/*
 * agreements_web.h — the handlers of voluntary purchase agreements: pages and JSON.
 * Layer: handlers of the procurement capability.
 */
#ifndef INDGANG_AGREEMENTS_WEB_H
#define INDGANG_AGREEMENTS_WEB_H

struct req;

int agreements_api_create(struct req *r);
int agreements_api_list(struct req *r);
int agreements_api_get(struct req *r);
int agreements_api_update(struct req *r);

int agreements_page_list(struct req *r);
int agreements_page_new(struct req *r);
int agreements_page_create(struct req *r);
int agreements_page_show(struct req *r);
int agreements_page_edit(struct req *r);
int agreements_page_update(struct req *r);
int agreements_page_end(struct req *r);

#endif
