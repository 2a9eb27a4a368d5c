/*
 * entry_web.h — the one entry point's pages and JSON endpoints. Layer: handlers of the entry
 * capability.
 */
#ifndef INDGANG_ENTRY_WEB_H
#define INDGANG_ENTRY_WEB_H

struct req;

int entry_page_contact(struct req *r);
int entry_page_contact_post(struct req *r);
int entry_page_receipt(struct req *r);
int entry_page_cases(struct req *r);
int entry_page_case(struct req *r);
int entry_page_case_post(struct req *r);
int entry_page_advisory(struct req *r);
int entry_page_advisory_post(struct req *r);
int entry_page_setup(struct req *r);
int entry_page_setup_post(struct req *r);
int entry_page_outbox(struct req *r);

int entry_api_inquiry_create(struct req *r);
int entry_api_inquiries(struct req *r);
int entry_api_inquiry_update(struct req *r);
int entry_api_advisory_session_create(struct req *r);
int entry_api_advisory_stats(struct req *r);

/* the public form and endpoint accept this many inquiries a minute from one address */
#define ENTRY_RATE_PER_MINUTE 10

#endif
