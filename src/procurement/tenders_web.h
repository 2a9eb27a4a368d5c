/*
 * tenders_web.h — the pages and JSON endpoints of tenders (udbud) and bids.
 * Layer: handlers of the procurement capability. The rules are tenders.h's and bids.h's; the
 * handlers read the request, ask the domain, and answer.
 */
#ifndef INDGANG_TENDERS_WEB_H
#define INDGANG_TENDERS_WEB_H

#include <stdbool.h>
#include <stdint.h>

struct req;
struct tender;

/* bids_section: the part of a tender's page about bids (bids_web.c): for an enterprise's
 * account its bid, documents, question and interest; for the staff the sealed notice, and
 * after the deadline the bids, the scoring forms, the ranking and the award; after the award
 * the result for everyone. 0 or a domain error for page_fail. */
int bids_section(struct req *r, const struct tender *t, bool staff, bool write);
/* tenders_page_render: the page of tender id as GET /udbud/{id} shows it, answered with status;
 * a form handler that failed validation calls it with 422 (or 413), and the errors of r->errs
 * appear in a summary on top and at their fields, with what was typed kept. */
int tenders_page_render(struct req *r, int64_t id, int status);

/* pages: the public list, one tender and the feed (tenders_web.c) */
int tenders_page_list(struct req *r);
int tenders_page_show(struct req *r);
int tenders_page_feed(struct req *r);
/* the staff's forms (tenders_edit_web.c) */
int tenders_page_new(struct req *r);
int tenders_page_create(struct req *r);
int tenders_page_edit(struct req *r);
int tenders_page_update(struct req *r);
int tenders_page_publish(struct req *r);
int tenders_page_cancel_confirm(struct req *r);
int tenders_page_cancel(struct req *r);
int tenders_page_answer(struct req *r);
/* an enterprise's questions, interest and bid; the evaluation and award (bids_web.c) */
int tenders_page_ask(struct req *r);
int tenders_page_interest(struct req *r);
int bids_page_submit(struct req *r);
int bids_page_document(struct req *r);
int bids_page_upload(struct req *r);
int bids_page_score(struct req *r);
int bids_page_award(struct req *r);
int bids_page_decision(struct req *r);
int bids_download_decision(struct req *r);

/* JSON endpoints (tenders_api.c, bids_api.c) */
int tenders_api_list(struct req *r);
int tenders_api_create(struct req *r);
int tenders_api_get(struct req *r);
int tenders_api_update(struct req *r);
int tenders_api_publish(struct req *r);
int tenders_api_cancel(struct req *r);
int tenders_api_questions(struct req *r);
int tenders_api_ask(struct req *r);
int tenders_api_answer(struct req *r);
int bids_api_submit(struct req *r);
int bids_api_list(struct req *r);
int bids_api_document(struct req *r);
int bids_api_scores(struct req *r);
int bids_api_result(struct req *r);
int bids_api_award(struct req *r);

#endif
