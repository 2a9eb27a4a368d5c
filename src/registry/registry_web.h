/*
 * registry_web.h — the registry's pages and JSON endpoints.
 * Layer: handlers of the registry capability.
 */
#ifndef INDGANG_REGISTRY_WEB_H
#define INDGANG_REGISTRY_WEB_H

#include <stdbool.h>

struct req;
struct registry_query;

/* registry_query_from: the list query from the URL (q, kommune, service, target, kind, status,
 * registered, sort, offset) with limit; shared by the page and the API. kind is left NULL (both
 * kinds) when ?kind is absent, empty, "all" or unknown: the page puts its own default in. */
void registry_query_from(struct req *r, struct registry_query *q, int limit);

int registry_page_list(struct req *r);
int registry_page_profile(struct req *r);
int registry_page_new(struct req *r);
int registry_page_create(struct req *r);
int registry_page_edit(struct req *r);
int registry_page_update(struct req *r);
int registry_page_stats(struct req *r);
int registry_download_export(struct req *r);
int registry_download_stats(struct req *r);
int registry_page_bilag1(struct req *r);
int registry_download_bilag1(struct req *r);

int registry_api_list(struct req *r);
int registry_api_get(struct req *r);
int registry_api_create(struct req *r);
int registry_api_update(struct req *r);
int registry_api_stats(struct req *r);
int registry_api_list_services(struct req *r);
int registry_api_list_target_groups(struct req *r);

/* registry_web_stats_params: ?year (default: last year) and ?kommuner of the statistics page,
 * download and API; false when the 400 answer is written (JSON when api). */
bool registry_web_stats_params(struct req *r, bool api, int *year, const char ***list);

#endif
