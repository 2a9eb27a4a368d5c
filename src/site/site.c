/*
 * site.c — the settings of this Indgang as a whole: the operator's contact. Layer: capability
 * domain (site).
 */
#include "site.h"

#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../base/text.h"
#include "../store/db.h"
#include "site_store.h"

void site_operator_get(struct db *db, struct arena *a, struct site_operator *op)
{
	memset(op, 0, sizeof *op);
	if (site_store_operator(db, a, op) != 0)
		memset(op, 0, sizeof *op);
	op->name = op->name ? op->name : "";
	op->email = op->email ? op->email : "";
	op->phone = op->phone ? op->phone : "";
	op->address = op->address ? op->address : "";
}

/* a phone number as people write it: digits, spaces and one leading +, 8 to 20 characters */
static bool phone_valid(const char *s)
{
	size_t n = strlen(s), digits = 0;
	if (n < 8 || n > 20)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!(s[i] == ' ' || (s[i] == '+' && i == 0)))
			return false;
	}
	return digits >= 8;
}

int site_operator_set(struct db *db, struct arena *a, const struct principal *by,
                      const struct site_operator *in, struct errs *errs)
{
	if (!access_national(by))
		return ERR_FORBIDDEN;
	struct site_operator op = {
		.name = text_trim(a, in->name ? in->name : ""),
		.email = text_trim(a, in->email ? in->email : ""),
		.phone = text_trim(a, in->phone ? in->phone : ""),
		.address = text_trim(a, in->address ? in->address : ""),
	};
	if (!*op.name)
		errs_add(errs, "name", "Skriv navnet på den organisation, der driver Indgang.");
	else if (utf8_len(op.name) > 200)
		errs_add(errs, "name", "Navnet må højst have 200 tegn.");
	if (!*op.email)
		errs_add(errs, "email", "Skriv en e-mailadresse, som brugerne kan skrive til.");
	else if (!text_email_valid(op.email))
		errs_add(errs, "email", "Skriv en gyldig e-mailadresse, fx support@indgang.dk.");
	if (*op.phone && !phone_valid(op.phone))
		errs_add(errs, "phone", "Skriv telefonnummeret med 8 til 20 cifre, fx 33 12 34 56.");
	if (utf8_len(op.address) > 300)
		errs_add(errs, "address", "Adressen må højst have 300 tegn.");
	if (errs->n)
		return ERR_INVALID;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	rc = site_store_operator_set(db, &op, by->id);
	if (rc == 0)
		rc = audit_record(db, by, "update", "site_operator", "1", NULL,
		                  AUDIT_DETAIL(AUDIT_TEXT("name", op.name), AUDIT_TEXT("email", op.email)));
	return db_write_end(db, rc);
}
