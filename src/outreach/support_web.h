/*
 * support_web.h — the pages of support plans: the list, one enterprise's plan with its checklist
 * and milestones, and the survival table. Layer: handlers of the outreach capability.
 */
#ifndef INDGANG_SUPPORT_WEB_H
#define INDGANG_SUPPORT_WEB_H

struct req;

int support_page_list(struct req *r);
int support_page_plan(struct req *r);
int support_page_plan_post(struct req *r);
int support_page_milestone_add(struct req *r);
int support_page_milestone_post(struct req *r);
int support_page_survival(struct req *r);

#endif
