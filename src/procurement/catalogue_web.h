/*
 * catalogue_web.h — the pages and JSON endpoints of the catalogue, and the picture files.
 * Layer: handlers of the procurement capability. The rules are catalogue.h's; the handlers read
 * the request, ask the domain, and answer.
 */
#ifndef INDGANG_CATALOGUE_WEB_H
#define INDGANG_CATALOGUE_WEB_H

#include <stdint.h>

struct arena;
struct req;
struct catalogue_query;

/* catalogue_query_from: the search from the URL's parameters q, service (a key of the managed
 * list), cpv (a division, two digits), kommune (3 digits), price_min and price_max (kroner),
 * agreement (1), enterprise (an id), sort (relevance|title|price|newest) and offset, with limit;
 * shared by the page and the API. A parameter present but not valid is left unset and the name
 * of the first such one returned (the API answers 400, the page ignores it); NULL when all were
 * valid. A blank parameter is as absent. */
const char *catalogue_query_from(struct req *r, struct catalogue_query *q, int limit);

/* catalogue_image_url: the path of a picture file: size 0 the original (always JPEG), else
 * 320 or 960 with ext "webp" or "jpg". In a. */
const char *catalogue_image_url(struct arena *a, int64_t image_id, int size, const char *ext);

/* pages (catalogue_web.c): the search and one product, public */
int catalogue_page_search(struct req *r);
int catalogue_page_product(struct req *r);
/* the picture files, public (catalogue_api.c) */
int catalogue_page_image_file(struct req *r);

/* an enterprise's own catalogue (catalogue_edit_web.c), for who access_catalogue_write allows */
int catalogue_page_manage(struct req *r);
int catalogue_page_new(struct req *r);
int catalogue_page_create(struct req *r);
int catalogue_page_edit(struct req *r);
int catalogue_page_update(struct req *r);
int catalogue_page_status(struct req *r);
int catalogue_page_image_upload(struct req *r);
int catalogue_page_image_post(struct req *r);
int catalogue_page_image_delete_confirm(struct req *r);
int catalogue_page_image_delete(struct req *r);

/* JSON endpoints (catalogue_api.c) */
int catalogue_api_create(struct req *r);
int catalogue_api_get(struct req *r);
int catalogue_api_update(struct req *r);
int catalogue_api_search(struct req *r);
int catalogue_api_image_add(struct req *r);
int catalogue_api_image_update(struct req *r);
int catalogue_api_image_delete(struct req *r);

#endif
