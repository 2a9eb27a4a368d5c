/*
 * strategies_web_common.h — what the pages of strategies share: the strategy's form fields
 * (strategies_web.c). The texts, charts and the report are strategies_report.h's. Layer:
 * handlers of the collab capability.
 */
#ifndef INDGANG_STRATEGIES_WEB_COMMON_H
#define INDGANG_STRATEGIES_WEB_COMMON_H

#include <stdbool.h>

#include "strategies.h"

struct errs;
struct req;

/* strategies_form_fields: the fields of a strategy's form filled from s, the errors of er at
 * them; with_kommune adds the municipality (a new one by the administrator). 0 or ERR_DB. */
int strategies_form_fields(struct req *r, const struct strategy *s, bool with_kommune,
                           const struct errs *er);
/* strategies_form_read: the strategy's fields from the posted form into s */
void strategies_form_read(struct req *r, struct strategy *s);

#endif
