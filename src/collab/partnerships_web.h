/*
 * partnerships_web.h — the pages and JSON endpoints of partnership agreements, and the
 * overdue action items on the staff's home page. Layer: handlers of the collab capability;
 * the rules are partnerships.h's.
 */
#ifndef INDGANG_PARTNERSHIPS_WEB_H
#define INDGANG_PARTNERSHIPS_WEB_H

struct form_option;
struct req;

/* pages (partnerships_web.c: one agreement; partnerships_list_web.c: the list, the exports, a
 * new agreement) */
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

/* shared by the two page files (partnerships_web.c): the kinds as form options with their
 * Danish labels, the label of a kind and of a status, and a date shown the Danish way ("–" for
 * none, in r's arena) */
extern const struct form_option *const partnerships_web_kinds;
extern const int partnerships_web_nkinds;
const char *partnerships_web_kind_da(const char *kind);
const char *partnerships_web_status_da(const char *status);
const char *partnerships_web_date_da(struct req *r, const char *date);

#endif
