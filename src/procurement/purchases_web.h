/*
 * purchases_web.h — the handlers of purchases (pages and JSON), and small readers the
 * purchasing handlers share (agreements, contracts, spend). Layer: handlers of the procurement
 * capability.
 */
#ifndef INDGANG_PURCHASES_WEB_H
#define INDGANG_PURCHASES_WEB_H

#include <jansson.h>
#include <stdint.h>

struct req;

/* purchases_api_read_id: the whole-number member name of body (> 0) into *out; absent or null
 * leaves *out; another type or a number below 1 is a field error on name (and *out -1). */
void purchases_api_read_id(struct req *r, json_t *body, const char *name, int64_t *out);
/* purchases_web_id: the query or form value name as an id > 0, or 0. */
int64_t purchases_web_id(const char *s);
/* purchases_web_nav: the purchasing subnavigation (agreements, orders, purchases, contracts,
 * spend) with the current one marked; current is the path prefix of the page. */
void purchases_web_nav(struct req *r, const char *current);

int purchases_api_create(struct req *r);
int purchases_api_list(struct req *r);
int purchases_api_delete(struct req *r);

int purchases_page_list(struct req *r);
int purchases_page_create(struct req *r);
int purchases_page_delete_confirm(struct req *r);
int purchases_page_delete(struct req *r);
int purchases_download(struct req *r);

/* GET /indkoeb: the purchasing start page */
int purchases_page_home(struct req *r);



struct form_option;
/* purchases_web_enterprises: every enterprise of the registry as options of a select (value
 * its id, label "name (municipality)"), the first asking to choose; allocated in r's arena.
 * 0 or ERR_DB. */
int purchases_web_enterprises(struct req *r, struct form_option **opts, int *n);
/* purchases_web_kommuner: the 98 municipalities as options, the first asking to choose. */
int purchases_web_kommuner(struct req *r, struct form_option **opts, int *n);
#endif
