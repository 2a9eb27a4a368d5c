/*
 * mail_web.h — the outbox page. Layer: handlers of the mail capability.
 */
#ifndef INDGANG_MAIL_WEB_H
#define INDGANG_MAIL_WEB_H

struct req;

int mail_page_outbox(struct req *r);

#endif
