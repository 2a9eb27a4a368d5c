/*
 * core_web.h — pages that belong to no capability: the front page, the privacy notice and the
 * accessibility statement (legal_web.c), and the health check.
 * Layer: http handlers.
 */
#ifndef INDGANG_CORE_WEB_H
#define INDGANG_CORE_WEB_H

struct req;

int core_page_home(struct req *r);
int core_page_privacy(struct req *r);
int core_page_accessibility(struct req *r);
int core_api_health(struct req *r);

#endif
