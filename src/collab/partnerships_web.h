/*
 * partnerships_web.h — the pages and JSON endpoints of partnership agreements, and the
 * overdue action items on the staff's home page. Layer: handlers of the collab capability;
 * the rules are partnerships.h's.
 */
#ifndef INDGANG_PARTNERSHIPS_WEB_H
#define INDGANG_PARTNERSHIPS_WEB_H

struct req;

/* pages (partnerships_web.c) */
int partnerships_page_list(struct req *r);
int partnerships_download_list(struct req *r);
int partnerships_page_new(struct req *r);
int partnerships_page_create(struct req *r);
int partnerships_page_show(struct req *r);
int partnerships_page_post(struct req *r);
int partnerships_page_upload(struct req *r);
int partnerships_page_document(struct req *r);

/* partnerships_home_due: the section of the staff's home page listing the overdue action items
 * of the caller's municipality's agreements; writes nothing when there are none or the caller
 * may read no collaboration. */
void partnerships_home_due(struct req *r);

/* JSON endpoints (partnerships_api.c) */
int partnerships_api_list(struct req *r);
int partnerships_api_create(struct req *r);
int partnerships_api_get(struct req *r);
int partnerships_api_update(struct req *r);
int partnerships_api_party_add(struct req *r);
int partnerships_api_member_add(struct req *r);
int partnerships_api_action_add(struct req *r);
int partnerships_api_action_update(struct req *r);
int partnerships_api_action_delete(struct req *r);
int partnerships_api_document_put(struct req *r);
int partnerships_api_document_get(struct req *r);

#endif
