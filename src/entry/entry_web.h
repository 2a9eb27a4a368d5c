/*
 * entry_web.h — the one entry point's pages and JSON endpoints. Layer: handlers of the entry
 * capability.
 */
#ifndef INDGANG_ENTRY_WEB_H
#define INDGANG_ENTRY_WEB_H

#include <stdint.h>

struct form_option;
struct option_pair;
struct req;

/* the sentence of a 404 for a case: it does not exist, or the caller may not see it */
#define E_CASE_NOT_FOUND "Sagen findes ikke, eller du har ikke adgang til den."

/* entry_web_options: p[0..n) as form options, after an empty first choice labelled first
 * (when not NULL); owned by the request. */
struct form_option *entry_web_options(struct req *r, const struct option_pair *p, int n,
                                      const char *first);
/* entry_web_unit_options / entry_web_worker_options: the municipality's units and partners, or
 * the people cases can be given to, as options after a first empty choice labelled first;
 * owned by the request. */
struct unit_row;
struct user_row;
struct form_option *entry_web_unit_options(struct req *r, const struct unit_row *units, int n,
                                           const char *first);
struct form_option *entry_web_worker_options(struct req *r, const struct user_row *users, int n,
                                             const char *first);
/* entry_web_id_field: the form field name as an id: 0 when empty or missing, -2 when it is not
 * a positive number. */
int64_t entry_web_id_field(struct req *r, const char *name);

int entry_page_contact(struct req *r);
int entry_page_contact_post(struct req *r);
int entry_page_receipt(struct req *r);
int entry_page_cases(struct req *r);
int entry_page_case(struct req *r);
int entry_page_case_post(struct req *r);
int advisory_page_list(struct req *r);
int advisory_page_post(struct req *r);
int entry_page_setup(struct req *r);
int entry_page_setup_post(struct req *r);

int entry_api_inquiry_create(struct req *r);
int entry_api_inquiries(struct req *r);
int entry_api_inquiry_update(struct req *r);
int entry_api_advisory_session_create(struct req *r);
int entry_api_advisory_stats(struct req *r);

/* the public form and endpoint accept this many inquiries a minute from one address */
#define ENTRY_RATE_PER_MINUTE 10

#endif
