/*
 * orders_web.h — the handlers of orders: pages and JSON. Layer: handlers of the procurement
 * capability.
 */
#ifndef INDGANG_ORDERS_WEB_H
#define INDGANG_ORDERS_WEB_H

struct req;

int orders_api_create(struct req *r);
int orders_api_list(struct req *r);
int orders_api_get(struct req *r);
int orders_api_status(struct req *r);

int orders_page_list(struct req *r);
int orders_page_new(struct req *r);
int orders_page_create(struct req *r);
int orders_page_show(struct req *r);
int orders_page_status(struct req *r);
int orders_page_enterprise(struct req *r);

#endif
