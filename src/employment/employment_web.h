/*
 * employment_web.h — the employment capability's pages and JSON endpoints.
 * Layer: handlers of the employment capability.
 */
#ifndef INDGANG_EMPLOYMENT_WEB_H
#define INDGANG_EMPLOYMENT_WEB_H

struct req;

/* ---- the managed lists (employment_api.c) */
int employment_api_list_tasks(struct req *r);
int employment_api_list_adaptations(struct req *r);

#endif
