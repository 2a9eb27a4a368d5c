/*
 * strategies_web_common.h — what the pages of strategies share (strategies_web.c): values,
 * progress and on track written the Danish way, and one goal's chart. Layer: handlers of the
 * collab capability.
 */
#ifndef INDGANG_STRATEGIES_WEB_COMMON_H
#define INDGANG_STRATEGIES_WEB_COMMON_H

#include <stdbool.h>
#include <stdint.h>

#include "strategies.h"

struct req;

/* a goal's value: "1.234,50 kr." for soev_spend, "<3" for a masked count of 1 or 2, else the
 * number; in r's arena */
const char *strategies_value_text(struct req *r, const struct goal *g, int64_t v, bool masked);
/* "45 % af målet" (or that it is not shown for a masked count) */
const char *strategies_progress_text(struct req *r, const struct goal_status *st);
/* "Nået", "Ikke nået ved fristen D" (past the deadline), "På sporet" or "Bagud: forventet N nu" */
const char *strategies_track_text(struct req *r, const struct goal_status *st);
/* "01.01.2016–31.12.2020" */
const char *strategies_period_text(struct req *r, const struct strategy *s);
/* strategies_chart: the goal's monthly series as bars with the straight target line as a
 * second series (at most 24 points: every k-th month, the latest always), into r->out */
void strategies_chart(struct req *r, const struct goal_status *st);

/* strategies_form_fields: the fields of a strategy's form filled from s, the errors of er at
 * them; with_kommune adds the municipality (a new one by the administrator). 0 or ERR_DB. */
struct errs;
int strategies_form_fields(struct req *r, const struct strategy *s, bool with_kommune,
                           const struct errs *er);
/* strategies_form_read: the strategy's fields from the posted form into s */
void strategies_form_read(struct req *r, struct strategy *s);

#endif
