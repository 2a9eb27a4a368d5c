/*
 * pools_web.h — the pages and JSON endpoints of the national grant pool.
 * Layer: handlers of the collab capability. The rules are pools.h's.
 */
#ifndef INDGANG_POOLS_WEB_H
#define INDGANG_POOLS_WEB_H

struct req;

/* pages (pools_web.c, pools_report_web.c) */
int pools_page_list(struct req *r);
int pools_page_new(struct req *r);
int pools_page_create(struct req *r);
int pools_page_show(struct req *r);
int pools_page_post(struct req *r);
int pools_page_report(struct req *r);

/* JSON endpoints (pools_api.c) */
int pools_api_list(struct req *r);
int pools_api_create(struct req *r);
int pools_api_get(struct req *r);
int pools_api_apply(struct req *r);
int pools_api_grant(struct req *r);
int pools_api_pay(struct req *r);
int pools_api_spend(struct req *r);

#endif
