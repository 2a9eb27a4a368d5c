/*
 * funding_web.h — the pages and JSON endpoints of the funding catalogue, the block of suggested
 * sources on an inquiry's case page, and the deadlines on the staff's home page.
 * Layer: handlers of the collab capability. The rules are funding.h's.
 */
#ifndef INDGANG_FUNDING_WEB_H
#define INDGANG_FUNDING_WEB_H

#include <stdint.h>

struct req;

/* pages (funding_web.c) */
int funding_page_list(struct req *r);
int funding_download(struct req *r);
int funding_page_new(struct req *r);
int funding_page_create(struct req *r);
int funding_page_edit(struct req *r);
int funding_page_update(struct req *r);
int funding_page_delete_confirm(struct req *r);
int funding_page_delete(struct req *r);
int funding_page_case_post(struct req *r);

/* JSON endpoints (funding_api.c) */
int funding_api_list(struct req *r);
int funding_api_create(struct req *r);
int funding_api_get(struct req *r);
int funding_api_update(struct req *r);
int funding_api_delete(struct req *r);
int funding_api_suggest(struct req *r);
int funding_api_unsuggest(struct req *r);

/* funding_case_block: on the case page of inquiry inquiry_id (topic funding only), the sources
 * suggested with a form to add and remove them; writes nothing for other topics, and a short
 * notice when the suggestions cannot be read. */
void funding_case_block(struct req *r, int64_t inquiry_id, const char *topic);

/* funding_home_deadlines: on the signed-in staff's home page, the deadlines of the funding
 * sources they may see within the next 30 days; nothing when there are none. */
void funding_home_deadlines(struct req *r);

#endif
