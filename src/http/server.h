/*
 * server.h — the HTTP server: libmicrohttpd with its thread pool and epoll.
 * Layer: http. server.c is the only file that includes microhttpd.h.
 */
#ifndef INDGANG_SERVER_H
#define INDGANG_SERVER_H

#include <stddef.h>

struct server_config {
	const char *db_path;
	const char *host;          /* address to listen on, IPv4 or IPv6 literal */
	unsigned port;             /* 0: any free port (printed) */
	unsigned threads;          /* thread pool size */
	size_t max_body;           /* bytes; larger bodies get 413 */
	size_t max_upload;         /* bytes of a body to an upload route (RF_UPLOAD) */
	size_t request_memory;     /* bytes one request may allocate; past it the answer is 500 */
	unsigned timeout;          /* seconds a connection may be idle or slow */
	unsigned head_timeout;     /* seconds for a whole request line and headers, however sent */
	unsigned per_ip;           /* connections from one address */
	unsigned max_conns;        /* connections in all; near it, unfinished heads are closed,
	                            * oldest first; lowered to fit the descriptor limit */
	size_t header_limit;       /* bytes of request line and headers per connection */
	int access_log;            /* nonzero: one line per request on stderr */
	int secure_cookies;        /* nonzero: cookies get Secure (served through HTTPS by a proxy) */
	const char *trusted_proxies; /* comma-separated addresses whose X-Forwarded-For and
	                              * X-Forwarded-Proto are believed; NULL: none */
};

/* server_config_defaults: the values the default run uses. */
void server_config_defaults(struct server_config *c);
/* server_run: serves until SIGTERM or SIGINT, then answers connections opened after the signal
 * 503 while those already open finish their requests (up to 30 s), stops, checkpoints the
 * database and returns 0. ERR_IO if it cannot listen. */
int server_run(const struct server_config *c);

#endif
