/*
 * contracts_web.h — the handlers of contracts and leases: pages and JSON.
 * Layer: handlers of the procurement capability.
 */
#ifndef INDGANG_CONTRACTS_WEB_H
#define INDGANG_CONTRACTS_WEB_H

struct req;

int contracts_api_create(struct req *r);
int contracts_api_list(struct req *r);
int contracts_api_get(struct req *r);

int contracts_page_list(struct req *r);
int contracts_page_new(struct req *r);
int contracts_page_create(struct req *r);
int contracts_page_show(struct req *r);
int contracts_page_edit(struct req *r);
int contracts_page_update(struct req *r);

#endif
