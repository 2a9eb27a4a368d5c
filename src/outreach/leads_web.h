/*
 * leads_web.h — the pages (the board per municipality, the list with CSV, one lead, the forms)
 * and JSON endpoints of leads. Layer: handlers of the outreach capability.
 */
#ifndef INDGANG_LEADS_WEB_H
#define INDGANG_LEADS_WEB_H

struct req;

/* pages (leads_web.c) */
int leads_page_board(struct req *r);
int leads_page_new(struct req *r);
int leads_page_create(struct req *r);
int leads_page_show(struct req *r);
int leads_page_stage(struct req *r);

/* JSON endpoints (leads_api.c) */
int leads_api_list(struct req *r);
int leads_api_create(struct req *r);
int leads_api_get(struct req *r);
int leads_api_update(struct req *r);

#endif
