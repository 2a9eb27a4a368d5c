/*
 * placements_web.h — the pages and JSON endpoints of placements (forløb og ansættelser) and of
 * Tabel 4 from data, and the block of people in each scheme now on an enterprise's profile.
 * Layer: handlers of the employment capability.
 */
#ifndef INDGANG_PLACEMENTS_WEB_H
#define INDGANG_PLACEMENTS_WEB_H

#include <stdbool.h>
#include <stdint.h>

#include "employment.h"

struct req;

/* pages (placements_web.c) */
int placements_page_list(struct req *r);
int placements_page_new(struct req *r);
int placements_page_create(struct req *r);
int placements_page_detail(struct req *r);
int placements_page_post(struct req *r);
int placements_page_enterprise(struct req *r);

/* Tabel 4 from data (employment_stats_web.c) */
int employment_page_stats(struct req *r);
int employment_download_stats(struct req *r);

/* JSON API (placements_api.c) */
int placements_api_create(struct req *r);
int placements_api_list(struct req *r);
int placements_api_get(struct req *r);
int placements_api_update(struct req *r);
int placements_api_followup_create(struct req *r);
int placements_api_followup_update(struct req *r);
int employment_api_stats(struct req *r);

/* employment_web_stats_params: ?year (default: last year) and ?kommune (three digits, or none)
 * of the statistics page, its download and the API; false when the 400 answer is written
 * (JSON when api). */
bool employment_web_stats_params(struct req *r, bool api, int *year, const char **kommune);

/* placements_web_now_block: the section "Borgere i job og forløb nu" of an enterprise's
 * profile: the people at enterprise_id of kommune (its home) in each scheme today, from
 * counts (placements_now_by_scheme), each shown exactly to whom access_counts_exact allows and
 * below 3 as "<3" to the rest. Writes nothing when every count is 0. */
void placements_web_now_block(struct req *r, int64_t enterprise_id, const char *kommune,
                              const int counts[SCHEME_COUNT]);

#endif
