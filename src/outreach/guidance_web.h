/*
 * guidance_web.h — the handlers of the guidance library: pages (guidance_web.c) and the JSON
 * API (guidance_api.c), for the route table. Layer: handlers of the outreach capability.
 */
#ifndef INDGANG_GUIDANCE_WEB_H
#define INDGANG_GUIDANCE_WEB_H

struct req;

int guidance_page_list(struct req *r);
int guidance_page_new(struct req *r);
int guidance_page_create(struct req *r);
int guidance_page_show(struct req *r);
int guidance_page_edit(struct req *r);
int guidance_page_update(struct req *r);
int guidance_page_delete_confirm(struct req *r);
int guidance_page_delete(struct req *r);
int guidance_page_file(struct req *r);
int guidance_page_csv(struct req *r);

int guidance_api_list(struct req *r);
int guidance_api_create(struct req *r);
int guidance_api_get(struct req *r);
int guidance_api_update(struct req *r);
int guidance_api_delete(struct req *r);
int guidance_api_file(struct req *r);

/* guidance_reply_file: answers d's bytes as an attachment with its checked type and nosniff */
struct guidance_doc;
int guidance_reply_file(struct req *r, const struct guidance_doc *d);

#endif
