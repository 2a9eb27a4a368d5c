/*
 * contacts_web.h — the pages and JSON endpoints of the contacts with enterprises, and the
 * timeline the registry's profile page shows to the municipality's staff.
 * Layer: handlers of the outreach capability.
 */
#ifndef INDGANG_CONTACTS_WEB_H
#define INDGANG_CONTACTS_WEB_H

struct req;
struct enterprise;

/* contacts_web_timeline: the section "Kontakter" of an enterprise's page: the contacts of the
 * viewer's municipality with e, newest first, and a link to log one; nothing at all for who may
 * not see them (the public, the enterprise's own account, a municipality it does not work
 * with). Returns 0, or an ERR_ code when the contacts could not be read (nothing written). */
int contacts_web_timeline(struct req *r, const struct enterprise *e);

/* pages (contacts_web.c) */
int contacts_page_list(struct req *r);
int contacts_page_new(struct req *r);
int contacts_page_create(struct req *r);
/* the outreach pages' shared sub-navigation (contacts, leads, plans, survival); current is the
 * path of the page showing it */
void contacts_web_subnav(struct req *r, const char *current);

/* JSON endpoints (contacts_api.c) */
int contacts_api_create(struct req *r);
int contacts_api_list(struct req *r);

#endif
