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

/* surveys_web_load_round: the survey and round named by the path's {survey} and {round};
 * 0, ERR_NOTFOUND or ERR_DB. Shared by the pages and the API. */
struct survey;
struct round;
int surveys_web_load_round(struct req *r, struct survey *s, struct round *rd);

#endif
