/*
 * collab_web.h — the page that gathers the collaboration: networks, partnership agreements,
 * strategies, the grant pool and funding sources. Layer: handlers of the collab capability.
 */
#ifndef INDGANG_COLLAB_WEB_H
#define INDGANG_COLLAB_WEB_H

struct req;

/* GET /samarbejde: the municipality's staff and the administrator (access_collaboration) */
int collab_page_hub(struct req *r);

#endif
