/*
 * events_web.h — the handlers of events (arrangementer): pages (events_web.c) and the JSON API
 * (events_api.c), for the route table. Layer: handlers of the outreach capability.
 */
#ifndef INDGANG_EVENTS_WEB_H
#define INDGANG_EVENTS_WEB_H

struct req;
struct buf;

int events_page_list(struct req *r);
int events_page_new(struct req *r);
int events_page_create(struct req *r);
int events_page_show(struct req *r);
int events_page_edit(struct req *r);
int events_page_update(struct req *r);
int events_page_signup(struct req *r);
int events_page_cancel_confirm(struct req *r);
int events_page_cancel(struct req *r);
int events_page_attendance(struct req *r);
int events_page_signup_remove_confirm(struct req *r);
int events_page_signup_remove(struct req *r);
int events_page_csv(struct req *r);
int events_page_ics(struct req *r);
int events_page_unsubscribe(struct req *r);
int events_page_unsubscribe_post(struct req *r);

/* events_home_cards: the next three public events as a list for the front page (nothing when
 * there are none) */
void events_home_list(struct req *r);

int events_api_list(struct req *r);
int events_api_get(struct req *r);
int events_api_create(struct req *r);
int events_api_update(struct req *r);
int events_api_cancel(struct req *r);
int events_api_signup(struct req *r);
int events_api_signups(struct req *r);
int events_api_signup_cancel(struct req *r);
int events_api_attendance(struct req *r);

#endif
