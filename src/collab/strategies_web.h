/*
 * strategies_web.h — the pages and JSON endpoints of strategies and their goals.
 * Layer: handlers of the collab capability. The rules are strategies.h's.
 */
#ifndef INDGANG_STRATEGIES_WEB_H
#define INDGANG_STRATEGIES_WEB_H

struct req;

/* pages (strategies_web.c, strategies_report_web.c) */
int strategies_page_list(struct req *r);
int strategies_page_export(struct req *r);
int strategies_page_new(struct req *r);
int strategies_page_create(struct req *r);
int strategies_page_show(struct req *r);
int strategies_page_post(struct req *r);
int strategies_page_document_post(struct req *r);
int strategies_page_document(struct req *r);
int strategies_page_report(struct req *r);
int strategies_page_report_xlsx(struct req *r);

/* JSON endpoints (strategies_api.c) */
int strategies_api_list(struct req *r);
int strategies_api_create(struct req *r);
int strategies_api_get(struct req *r);
int strategies_api_update(struct req *r);
int strategies_api_delete(struct req *r);
int strategies_api_document(struct req *r);
int strategies_api_goal_add(struct req *r);
int strategies_api_goal_update(struct req *r);
int strategies_api_goal_delete(struct req *r);
int strategies_api_value_add(struct req *r);
int strategies_api_values(struct req *r);

#endif
