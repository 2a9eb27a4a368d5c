/*
 * spend_web.h — the handlers of spend: the statistics page, its downloads and the JSON.
 * Layer: handlers of the procurement capability.
 */
#ifndef INDGANG_SPEND_WEB_H
#define INDGANG_SPEND_WEB_H

struct req;

int spend_api_stats(struct req *r);
int spend_page_stats(struct req *r);
int spend_download(struct req *r);

#endif
