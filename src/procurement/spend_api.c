/*
 * spend_api.c — GET /api/v1/stats/spend. Layer: handlers of the procurement capability;
 * spend_rows() decides who may see which breakdown.
 */
#include <string.h>
#include <time.h>

#include "../base/err.h"
#include "../base/text.h"
#include "../http/api.h"
#include "spend.h"
#include "spend_web.h"

/* GET /api/v1/stats/spend?year=Y[&kommune=K][&by=kommune|enterprise|service] — per
 * municipality public; per enterprise or service the municipality's staff (access_figures), or
 * for every municipality access_national_figures. {"year", "rows": [{"kommune", "navn",
 * "amount": "12345.00", "purchases", "enterprises"}], "total": "..."}. 400 for a bad year,
 * kommune or by; 403. */
int spend_api_stats(struct req *r)
{
	long long year;
	const char *ys = req_query(r, "year");
	if (!ys || text_parse_int(ys, 1900, 2200, &year) != 0)
		return reply_api_error(r, 400, "bad_parameter", "year must be a year such as 2015.", "year");
	const char *k = req_query(r, "kommune");
	const char *kommune = k && *k ? k : NULL;
	if (kommune && !text_is_digits(kommune, 3))
		return reply_api_error(r, 400, "bad_parameter", "kommune must be a three-digit code.", "kommune");
	enum spend_by what;
	if (!spend_by_parse(req_query(r, "by"), &what))
		return reply_api_error(r, 400, "bad_parameter", "by must be kommune, enterprise or service.", "by");
	struct spend_row *rows, total;
	int n;
	int rc = spend_rows(r->db, &r->a, r->user, false, (int)year, kommune, what, &rows, &n, &total);
	if (rc)
		return api_fail(r, rc);
	buf_reset(&r->out);
	spend_json(&r->out, (int)year, kommune, what, rows, n, &total);
	return reply_json(r, 200);
}
