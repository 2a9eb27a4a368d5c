/*
 * citizens.c — citizens kept by the jobcenter: access, purpose-bound and audited reads, the
 * sealed CPR number, and the citizen's rights (access log, export, purge).
 */
#include "citizens.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../auth/access.h"
#include "../auth/audit.h"
#include "../auth/auth.h"
#include "../base/arena.h"
#include "../base/err.h"
#include "../base/errs.h"
#include "../store/db.h"
#include "citizens_store.h"
#include "employment.h"

bool citizens_purpose_valid(const char *purpose)
{
	for (int i = 0; purpose && i < employment_purposes_count; i++)
		if (strcmp(employment_purposes[i].key, purpose) == 0)
			return true;
	return false;
}

int citizens_access(const struct principal *who, const char *kommune)
{
	return access_allowed(who, ACC_READ_PERSONAL, kommune);
}

int citizens_audit_read(struct db *db, const struct principal *who, int64_t id,
                        const char *kommune, const char *purpose)
{
	char eid[24];
	snprintf(eid, sizeof eid, "%" PRId64, id);
	return audit_record(db, who, "read", "citizen", eid, kommune,
	                    AUDIT_DETAIL(AUDIT_TEXT("purpose", purpose)));
}

int citizens_count(struct db *db, const char *kommune, int *count)
{
	return citizens_store_count(db, kommune, count);
}
