/*
 * site_web.h — the administrator's page of the site's settings. Layer: handlers of the site
 * capability.
 */
#ifndef INDGANG_SITE_WEB_H
#define INDGANG_SITE_WEB_H

struct req;

int site_page_settings(struct req *r);
int site_page_settings_post(struct req *r);

#endif
