/*
 * kommune_web.h — the public list of municipalities, as a page and as JSON.
 * Layer: handlers of the kommune capability.
 */
#ifndef INDGANG_KOMMUNE_WEB_H
#define INDGANG_KOMMUNE_WEB_H

struct req;

int kommune_page_list(struct req *r);
int kommune_api_list(struct req *r);

#endif
