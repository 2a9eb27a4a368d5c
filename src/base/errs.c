/*
 * errs.c — field errors. Layer: base.
 */
#include "errs.h"

#include <string.h>

#include "err.h"

int errs_add(struct errs *errs, const char *field, const char *message)
{
	if (errs && errs->n < ERRS_MAX) {
		errs->e[errs->n].field = field;
		errs->e[errs->n].message = message;
		errs->n++;
	}
	return ERR_INVALID;
}

const char *errs_get(const struct errs *errs, const char *field)
{
	for (int i = 0; errs && i < errs->n; i++)
		if (errs->e[i].field && field && strcmp(errs->e[i].field, field) == 0)
			return errs->e[i].message;
	return NULL;
}
