/*
 * auth_web.h — the HTML pages of sign-in, user accounts and the audit log, and their JSON API.
 * Layer: handlers of the auth capability.
 */
#ifndef INDGANG_AUTH_WEB_H
#define INDGANG_AUTH_WEB_H

struct req;

int auth_page_login(struct req *r);
int auth_page_login_post(struct req *r);
int auth_page_logout(struct req *r);

int users_page_list(struct req *r);
int users_page_new(struct req *r);
int users_page_create(struct req *r);
int users_page_edit(struct req *r);
int users_page_update(struct req *r);

int audit_page(struct req *r);

int auth_api_me(struct req *r);
int users_api_list(struct req *r);
int users_api_create(struct req *r);
int users_api_get(struct req *r);
int users_api_update(struct req *r);
int audit_api_list(struct req *r);

/* audit_web_filter: the audit filter of the query (user, entity, entity_id, from, to), scoped
 * to what the caller may list; shared by the page and the API. */
struct audit_filter;
void audit_web_filter(struct req *r, struct audit_filter *f);

#endif
