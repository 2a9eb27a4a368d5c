/*
 * surveys_web.h — the surveys' pages and JSON endpoint. Layer: handlers of the surveys
 * capability.
 */
#ifndef INDGANG_SURVEYS_WEB_H
#define INDGANG_SURVEYS_WEB_H

struct req;

int surveys_page_list(struct req *r);
int surveys_page_survey(struct req *r);
int surveys_page_round_create(struct req *r);
int surveys_page_answer(struct req *r);
int surveys_page_answer_post(struct req *r);
int surveys_page_overview(struct req *r);
int surveys_page_reopen(struct req *r);
int surveys_page_remind(struct req *r);
int surveys_page_report(struct req *r);
int surveys_api_report(struct req *r);

#endif
