/*
 * networks_web.h — the pages and JSON endpoints of networks and their meetings.
 * Layer: handlers of the collab capability. The rules are networks.h's and meetings.h's.
 */
#ifndef INDGANG_NETWORKS_WEB_H
#define INDGANG_NETWORKS_WEB_H

struct req;

/* pages (networks_web.c, meetings_web.c) */
int networks_page_list(struct req *r);
int networks_page_new(struct req *r);
int networks_page_create(struct req *r);
int networks_page_show(struct req *r);
int networks_page_post(struct req *r);
int networks_page_feed(struct req *r);
int meetings_page_show(struct req *r);
int meetings_page_post(struct req *r);
int networks_page_stats(struct req *r);
int networks_download_stats(struct req *r);

/* JSON endpoints (networks_api.c, meetings_api.c) */
int networks_api_list(struct req *r);
int networks_api_create(struct req *r);
int networks_api_get(struct req *r);
int networks_api_update(struct req *r);
int networks_api_token(struct req *r);
int networks_api_members(struct req *r);
int networks_api_member_add(struct req *r);
int networks_api_member_remove(struct req *r);
int networks_api_stats(struct req *r);
int meetings_api_list(struct req *r);
int meetings_api_create(struct req *r);
int meetings_api_get(struct req *r);
int meetings_api_update(struct req *r);
int meetings_api_attendance(struct req *r);
int meetings_api_action_add(struct req *r);
int meetings_api_action_update(struct req *r);

/* networks_calendar_path: the feed's address of network id with its token, in r's arena */
const char *networks_calendar_path(struct req *r, long long id, const char *token);

#endif
