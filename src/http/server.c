/*
 * server.c — libmicrohttpd glue: connections in, struct req through dispatch(), responses out.
 * Layer: http. The only file that includes microhttpd.h. Nothing here may exit the process or
 * block a pool thread for long: every request runs on one of MHD's threads.
 */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../base/err.h"
#include "../base/log.h"
#include "../store/db.h"
#include "dispatch.h"
#include "urlenc.h"
#include "req.h"

/*
 * libmicrohttpd is opened when `serve` starts (dlopen), not when the program starts: it brings
 * GnuTLS and eight more libraries, whose loading and relocation were about 1 ms of every other
 * command's start (docs/performance.md, the survey rows). As libcurl in mail.c, each function
 * is called through a pointer of its own type, looked up once by mhd_load before the daemon
 * starts; the macros after mhd_load keep the calls below reading MHD_x(...). The sanitizer
 * builds link it (INDGANG_LINKED_LIBS, see the Makefile's SAN and LAZY_PKGS).
 */
#define MHD_FUNCTIONS(X)                  \
	X(MHD_add_response_header)        \
	X(MHD_create_response_from_buffer) \
	X(MHD_destroy_response)           \
	X(MHD_get_connection_info)        \
	X(MHD_get_connection_values)      \
	X(MHD_get_connection_values_n)    \
	X(MHD_get_daemon_info)            \
	X(MHD_lookup_connection_value)    \
	X(MHD_queue_response)             \
	X(MHD_start_daemon)               \
	X(MHD_stop_daemon)

#ifdef INDGANG_LINKED_LIBS
static int mhd_load(void)
{
	return 0;
}
#else
#include <dlfcn.h>
#define MHD_POINTER(f) __typeof__(f) *f;
static struct {
	MHD_FUNCTIONS(MHD_POINTER)
} mhd_fn;

/* libmicrohttpd's ABI has been version 12 since 0.9.x (libmicrohttpd.so.12); 0 or ERR_IO */
static int mhd_load(void)
{
	void *h = dlopen("libmicrohttpd.so.12", RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (!h) {
		log_error("serve: cannot open libmicrohttpd.so.12: %s", dlerror());
		return ERR_IO;
	}
#define MHD_LOOKUP(f)                                               \
	if (!(*(void **)&mhd_fn.f = dlsym(h, #f))) {                   \
		log_error("serve: libmicrohttpd.so.12 has no %s", #f); \
		return ERR_IO;                                          \
	}
	MHD_FUNCTIONS(MHD_LOOKUP)
#undef MHD_LOOKUP
	return 0;
}
#define MHD_add_response_header (*mhd_fn.MHD_add_response_header)
#define MHD_create_response_from_buffer (*mhd_fn.MHD_create_response_from_buffer)
#define MHD_destroy_response (*mhd_fn.MHD_destroy_response)
#define MHD_get_connection_info (*mhd_fn.MHD_get_connection_info)
#define MHD_get_connection_values (*mhd_fn.MHD_get_connection_values)
#define MHD_get_connection_values_n (*mhd_fn.MHD_get_connection_values_n)
#define MHD_get_daemon_info (*mhd_fn.MHD_get_daemon_info)
#define MHD_lookup_connection_value (*mhd_fn.MHD_lookup_connection_value)
#define MHD_queue_response (*mhd_fn.MHD_queue_response)
#define MHD_start_daemon (*mhd_fn.MHD_start_daemon)
#define MHD_stop_daemon (*mhd_fn.MHD_stop_daemon)
#endif


static struct server_config cfg;
static atomic_int in_flight;
/* set on SIGTERM/SIGINT: connections accepted from then on are turned away (503) while those
 * already accepted finish; instead of MHD_quiesce_daemon, which with a thread pool on epoll can
 * abort the process in libmicrohttpd 0.9.75 ("Failed to remove listen FD from epoll set") */
static atomic_int stopping;
static char late_connection; /* the socket context of a connection accepted while stopping */

/* ---------------------------------------------------------------- the head watchdog
 * MHD's connection timeout counts idleness, and every byte a client sends resets it: a client
 * that trickles its request line and headers one byte at a time holds its connection for ever,
 * and a thousand such clients fill the server. Each connection therefore has a head deadline
 * that trickling does not reset: from the moment it is accepted (or its previous response is
 * done, on a kept-alive connection) its whole request line and headers must arrive within
 * cfg.head_timeout seconds, or the watchdog thread shuts its socket down. MHD then reads the end
 * of the stream, closes the connection and frees it. And when the open connections near the
 * ceiling, the oldest connections whose head has not arrived are shut down first, so that the
 * ceiling fills with new clients rather than with those that send nothing. "Near the ceiling"
 * is counted for each of MHD's pool threads: MHD gives each its share of the connection limit,
 * and a thread at its share closes the connections it accepts at once, however much room the
 * others have (and the threads do not take turns: one may accept a whole burst).
 *
 * The table is a list of struct watch, one per open connection, in the order their heads began
 * (oldest first), guarded by watch_lock. A connection's socket context points to its entry. MHD
 * calls the CLOSED notification before it closes the socket, and the entry leaves the list there
 * under watch_lock; the watchdog shuts sockets down only under watch_lock, so it can never shut
 * down a descriptor that has been closed and given to another connection or file. */

struct watch {
	struct watch *prev, *next;
	int fd;
	unsigned worker;      /* the pool thread that accepted it (MHD calls STARTED there) */
	long long head_start; /* CLOCK_MONOTONIC milliseconds: when the head now awaited began */
	bool head_complete; /* the request line and headers of the current request have arrived */
	bool shut;          /* the watchdog has shut the socket down */
};

static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t watch_wake; /* on CLOCK_MONOTONIC; signalled near the ceiling and to stop */
static struct watch *watch_head, *watch_tail;
#define WATCH_WORKERS 257         /* more than the most pool threads cmd_serve allows */
static unsigned watch_open[WATCH_WORKERS]; /* entries in the list, by worker */
static unsigned watch_shut[WATCH_WORKERS]; /* of them, shut down and not yet closed by MHD */
static unsigned watch_ceiling;    /* the connection limit MHD was given */
static unsigned watch_share;      /* its share for each pool thread (rounded down) */
static atomic_uint watch_workers; /* pool threads that have numbered themselves */
static _Thread_local unsigned watch_worker_no; /* this thread's number + 1; 0 before the first */
static bool watch_pressed;        /* watch_open reached the high-water mark */
static bool watch_stop;
static atomic_ullong heads_expired, heads_evicted;

static long long mono_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* at and above this many open connections of one pool thread, the oldest unfinished heads of
 * that thread are shut down, down to watch_low() */
static unsigned watch_high(void)
{
	return watch_share - watch_share / 10;
}

static unsigned watch_low(void)
{
	return watch_share - watch_share / 5;
}

/* the number of the calling pool thread */
static unsigned watch_worker(void)
{
	if (!watch_worker_no)
		watch_worker_no = atomic_fetch_add(&watch_workers, 1) % WATCH_WORKERS + 1;
	return watch_worker_no - 1;
}

/* called with watch_lock held */
static void watch_unlink(struct watch *w)
{
	if (w->prev)
		w->prev->next = w->next;
	else
		watch_head = w->next;
	if (w->next)
		w->next->prev = w->prev;
	else
		watch_tail = w->prev;
	w->prev = w->next = NULL;
}

/* called with watch_lock held */
static void watch_append(struct watch *w)
{
	w->prev = watch_tail;
	w->next = NULL;
	if (watch_tail)
		watch_tail->next = w;
	else
		watch_head = w;
	watch_tail = w;
}

/* one pass over the list, with watch_lock held: shuts down every unfinished head past its
 * deadline, and, of each pool thread with watch_high() or more open connections, the oldest
 * unfinished heads until watch_low() stay open */
static void watch_sweep(long long now)
{
	static bool evict[WATCH_WORKERS];
	unsigned evicting = 0;
	for (unsigned i = 0; i < WATCH_WORKERS; i++) {
		evict[i] = watch_open[i] - watch_shut[i] >= watch_high();
		evicting += evict[i];
	}
	for (struct watch *w = watch_head; w; w = w->next) {
		if (w->shut || w->head_complete)
			continue;
		bool late = now - w->head_start >= (long long)cfg.head_timeout * 1000;
		if (!late && !evicting)
			break; /* the list is in order of head_start: later ones are not late either */
		if (!late && !evict[w->worker])
			continue;
		shutdown(w->fd, SHUT_RDWR);
		w->shut = true;
		watch_shut[w->worker]++;
		atomic_fetch_add(late ? &heads_expired : &heads_evicted, 1);
		if (evict[w->worker] && watch_open[w->worker] - watch_shut[w->worker] <= watch_low()) {
			evict[w->worker] = false;
			evicting--;
		}
	}
	watch_pressed = false;
}

static pthread_t watchdog_thread;

static void *watchdog_main(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&watch_lock);
	long long last = 0;
	while (!watch_stop) {
		long long now = mono_ms();
		/* ten sweeps a second at most on time, one at once when pressed */
		if (watch_pressed || now - last >= 100) {
			watch_sweep(now);
			last = now;
		}
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += 100 * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		if (!watch_pressed && !watch_stop)
			pthread_cond_timedwait(&watch_wake, &watch_lock, &until);
	}
	pthread_mutex_unlock(&watch_lock);
	return NULL;
}

static int watchdog_start(void)
{
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	int rc = pthread_cond_init(&watch_wake, &ca);
	pthread_condattr_destroy(&ca);
	if (rc != 0)
		return -1;
	watch_stop = false;
	if (pthread_create(&watchdog_thread, NULL, watchdog_main, NULL) != 0) {
		pthread_cond_destroy(&watch_wake);
		return -1;
	}
	return 0;
}

static void watchdog_stop(void)
{
	pthread_mutex_lock(&watch_lock);
	watch_stop = true;
	pthread_cond_signal(&watch_wake);
	pthread_mutex_unlock(&watch_lock);
	pthread_join(watchdog_thread, NULL);
	pthread_cond_destroy(&watch_wake);
}

/* the entry of connection c, or NULL (a connection turned away while stopping has none) */
static struct watch *watch_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *sc = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	if (!sc || !sc->socket_context || sc->socket_context == &late_connection)
		return NULL;
	return sc->socket_context;
}

/* the request line and headers of c's current request have all arrived: its head deadline no
 * longer applies (on_request calls this on its first call for each request) */
static void watch_head_complete(struct MHD_Connection *c)
{
	struct watch *w = watch_of(c);
	if (!w)
		return;
	pthread_mutex_lock(&watch_lock);
	w->head_complete = true;
	pthread_mutex_unlock(&watch_lock);
}

/* c's response is done; if the connection is kept alive, the next request's head deadline
 * begins now */
static void watch_request_done(struct MHD_Connection *c)
{
	struct watch *w = watch_of(c);
	if (!w)
		return;
	pthread_mutex_lock(&watch_lock);
	w->head_complete = false;
	w->head_start = mono_ms();
	watch_unlink(w);
	watch_append(w);
	pthread_mutex_unlock(&watch_lock);
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe)
{
	(void)cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		*socket_context = NULL;
		if (atomic_load(&stopping)) {
			*socket_context = &late_connection;
			return;
		}
		const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		struct watch *w = ci ? calloc(1, sizeof(*w)) : NULL;
		if (!w)
			return; /* unwatched: MHD's idle timeout still applies */
		w->fd = ci->connect_fd;
		w->worker = watch_worker();
		w->head_start = mono_ms();
		pthread_mutex_lock(&watch_lock);
		watch_append(w);
		watch_open[w->worker]++;
		if (watch_open[w->worker] - watch_shut[w->worker] >= watch_high() && !watch_pressed) {
			watch_pressed = true;
			pthread_cond_signal(&watch_wake);
		}
		pthread_mutex_unlock(&watch_lock);
		*socket_context = w;
	} else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
		struct watch *w = *socket_context;
		*socket_context = NULL;
		if (!w || w == (void *)&late_connection)
			return;
		/* before MHD closes the socket: the watchdog cannot shut down a reused descriptor */
		pthread_mutex_lock(&watch_lock);
		watch_unlink(w);
		watch_open[w->worker]--;
		if (w->shut)
			watch_shut[w->worker]--;
		pthread_mutex_unlock(&watch_lock);
		free(w);
	}
}

void server_config_defaults(struct server_config *c)
{
	memset(c, 0, sizeof(*c));
	c->db_path = "indgang.db";
	c->host = "127.0.0.1";
	c->port = 8080;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	c->threads = n > 0 ? (unsigned)n * 2 : 4;
	c->max_body = 1024 * 1024;
	c->max_upload = 16u * 1024 * 1024;
	c->request_memory = 64u * 1024 * 1024;
	c->timeout = 15;
	c->head_timeout = 10;
	c->per_ip = 64;
	c->max_conns = 10000;
	c->header_limit = 32 * 1024;
	c->access_log = 1;
}

struct conn {
	struct req r;
	struct timespec start;
	size_t body_cap;
	bool too_big;
	bool counted;
};

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *value)
{
	(void)kind;
	struct req *r = cls;
	size_t n = 0;
	while (r->query[n].name)
		n++;
	if (n >= 199)
		return MHD_NO;
	r->query[n].name = arena_strdup(&r->a, key);
	r->query[n].value = arena_strdup(&r->a, value ? value : "");
	return MHD_YES;
}

static enum http_method method_of(const char *m)
{
	static const struct { const char *name; enum http_method m; } ms[] = {
		{"GET", M_GET}, {"HEAD", M_HEAD}, {"POST", M_POST}, {"PUT", M_PUT},
		{"PATCH", M_PATCH}, {"DELETE", M_DELETE},
	};
	for (size_t i = 0; i < sizeof(ms) / sizeof(ms[0]); i++)
		if (strcmp(m, ms[i].name) == 0)
			return ms[i].m;
	return M_OTHER;
}

static const char *header(struct MHD_Connection *c, struct req *r, const char *name)
{
	return arena_strdup(&r->a, MHD_lookup_connection_value(c, MHD_HEADER_KIND, name));
}

/* ip is one of the addresses given with --trusted-proxy */
static bool trusted_proxy(const char *ip)
{
	const char *list = cfg.trusted_proxies;
	size_t n = strlen(ip);
	while (list && *list) {
		const char *end = strchr(list, ',');
		size_t len = end ? (size_t)(end - list) : strlen(list);
		if (len == n && memcmp(list, ip, n) == 0)
			return true;
		list = end ? end + 1 : NULL;
	}
	return false;
}

/* a request a trusted proxy passed on: the client is the last address the proxy appended to
 * X-Forwarded-For (anything before it the client may have written itself), and the proxy says
 * whether the client came over HTTPS */
static void from_proxy(struct MHD_Connection *c, struct req *r)
{
	const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	if (xff) {
		const char *last = strrchr(xff, ',');
		last = last ? last + 1 : xff;
		while (*last == ' ' || *last == '\t')
			last++;
		char ip[INET6_ADDRSTRLEN];
		size_t len = strcspn(last, " \t");
		unsigned char bin[sizeof(struct in6_addr)];
		if (len > 0 && len < sizeof(ip)) {
			memcpy(ip, last, len);
			ip[len] = '\0';
			if (inet_pton(AF_INET, ip, bin) == 1 || inet_pton(AF_INET6, ip, bin) == 1)
				r->remote_ip = arena_strdup(&r->a, ip);
		}
	}
	const char *proto = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-Proto");
	if (proto && strcmp(proto, "https") == 0)
		r->tls = true;
}

static void fill_request(struct MHD_Connection *c, struct conn *st, const char *url,
                         const char *method)
{
	struct req *r = &st->r;
	r->method_name = arena_strdup(&r->a, method);
	r->method = method_of(method);
	r->path = arena_strdup(&r->a, url);
	r->query = arena_alloc(&r->a, sizeof(struct kv) * 200);
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, r);
	r->cookies = urlenc_cookies(&r->a, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Cookie"));
	r->content_type = header(c, r, "Content-Type");
	r->authorization = header(c, r, "Authorization");
	r->if_none_match = header(c, r, "If-None-Match");
	r->accept_encoding = header(c, r, "Accept-Encoding");
	r->x_csrf = header(c, r, "X-CSRF-Token");
	r->host = header(c, r, "Host");
	r->origin = header(c, r, "Origin");
	r->fetch_site = header(c, r, "Sec-Fetch-Site");
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char ip[INET6_ADDRSTRLEN] = "?";
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, ip, sizeof(ip));
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, ip, sizeof(ip));
	}
	r->remote_ip = arena_strdup(&r->a, ip);
	r->tls = cfg.secure_cookies != 0;
	if (trusted_proxy(ip))
		from_proxy(c, r);
}

static enum MHD_Result send_reply(struct MHD_Connection *c, struct req *r)
{
	struct MHD_Response *resp;
	if (r->static_data) {
		r->sent_bytes = r->static_len;
		resp = MHD_create_response_from_buffer(r->static_len, (void *)r->static_data,
		                                       MHD_RESPMEM_PERSISTENT);
	} else {
		if (r->out.failed) {
			log_error("http: response for %s over its size cap", dispatch_log_target(r));
			buf_reset(&r->out);
			buf_puts(&r->out, "response too large");
			r->status = 500;
			r->resp_type = "text/plain; charset=utf-8";
		}
		size_t len;
		char *body = buf_steal(&r->out, &len);
		r->sent_bytes = len;
		resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
		if (!resp)
			free(body);
	}
	if (!resp)
		return MHD_NO;
	if (r->resp_type)
		MHD_add_response_header(resp, "Content-Type", r->resp_type);
	if (r->html) {
		dispatch_security_headers(r);
	} else if (!r->static_data) {
		MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	}
	if (r->set_cookie_csrf)
		reply_cookie(r, CSRF_COOKIE, r->set_cookie_csrf, -1);
	/* while stopping, no connection is kept alive for another request */
	if (atomic_load(&stopping))
		MHD_add_response_header(resp, "Connection", "close");
	for (int i = 0; i < r->nresp_headers; i++)
		MHD_add_response_header(resp, r->resp_headers[i].name, r->resp_headers[i].value);
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static enum MHD_Result reply_now(struct MHD_Connection *c, struct conn *st, int status,
                                 const char *msg)
{
	struct req *r = &st->r;
	if (strncmp(r->path ? r->path : "", "/api/", 5) == 0)
		reply_api_error(r, status,
		                status == 413   ? "too_large"
		                : status == 501 ? "not_implemented"
		                : status == 503 ? "unavailable"
		                                : "bad_request",
		                msg, NULL);
	else
		reply_text(r, status, msg);
	return send_reply(c, r);
}

/* ---------------------------------------------------------------- request framing
 * RFC 9112 § 6.3: a request whose body length is ambiguous is refused and its connection
 * closed, so that a proxy in front that read the framing differently cannot smuggle a second
 * request into the body of the first. libmicrohttpd 0.9.75 reads Transfer-Encoding before
 * Content-Length, takes the first of repeated fields and waits for the end of the connection
 * when the coding is not exactly "chunked"; these checks run on the head before any of that
 * matters. What they cannot see: libmicrohttpd cuts a field value at a NUL byte and drops the
 * rest of the line before the application is called (docs/deploy.md). */

struct framing {
	unsigned content_length;    /* Content-Length fields */
	unsigned transfer_encoding; /* Transfer-Encoding fields */
	const char *coding;         /* the value of the last Transfer-Encoding */
	bool control;               /* a name or value holds a NUL or another control byte */
};

/* whether s[0..n) holds a NUL or a control byte other than HTAB (RFC 9110 § 5.5); n is the
 * length libmicrohttpd reports, so a NUL it kept inside a value counts too */
static bool has_control(const char *s, size_t n)
{
	if (!s)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			return true;
	}
	return false;
}

static enum MHD_Result framing_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                     size_t key_size, const char *value, size_t value_size)
{
	(void)kind;
	struct framing *f = cls;
	if (has_control(key, key_size) || has_control(value, value_size))
		f->control = true;
	if (strcasecmp(key, "Content-Length") == 0) {
		f->content_length++;
	} else if (strcasecmp(key, "Transfer-Encoding") == 0) {
		f->transfer_encoding++;
		f->coding = value ? value : "";
	}
	return MHD_YES;
}

/* 0 when coding is exactly chunked (in any case); 501 when it names a coding other than
 * chunked, which Indgang does not implement (RFC 9112 § 6.1); 400 when it is empty, has an
 * empty element or names chunked more than once */
static int coding_problem(const char *coding)
{
	if (strcasecmp(coding, "chunked") == 0)
		return 0;
	int status = 400;
	const char *p = coding;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		size_t n = strcspn(p, ",");
		size_t m = n;
		while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t'))
			m--;
		if (m == 0)
			return 400;
		if (!(m == 7 && strncasecmp(p, "chunked", 7) == 0))
			status = 501;
		if (p[n] != ',')
			return status;
		p += n + 1;
	}
}

/* framing_problem: the status to refuse the request's head with (400 or 501), with a message
 * in *why, or 0 when its framing is sound. Reads the fields libmicrohttpd has parsed; sends
 * nothing. */
static int framing_problem(struct MHD_Connection *c, const char *version, const char **why)
{
	struct framing f = {0};
	MHD_get_connection_values_n(c, MHD_HEADER_KIND, framing_field, &f);
	if (f.control) {
		*why = "A header holds a control character.";
		return 400;
	}
	if (f.content_length > 1) {
		*why = "Content-Length is given more than once.";
		return 400;
	}
	if (f.transfer_encoding == 0)
		return 0;
	if (f.content_length > 0) {
		*why = "Content-Length and Transfer-Encoding are both given.";
		return 400;
	}
	if (f.transfer_encoding > 1) {
		*why = "Transfer-Encoding is given more than once.";
		return 400;
	}
	/* RFC 9112 § 6.1: HTTP/1.0 has no Transfer-Encoding, so its framing is faulty */
	if (!version || strcmp(version, MHD_HTTP_VERSION_1_1) != 0) {
		*why = "Transfer-Encoding needs HTTP/1.1.";
		return 400;
	}
	int status = coding_problem(f.coding);
	if (status)
		*why = status == 501 ? "Only the chunked transfer coding is implemented."
		                     : "Transfer-Encoding must be exactly chunked.";
	return status;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **con_cls)
{
	(void)cls;
	struct conn *st = *con_cls;
	if (!st) {
		st = calloc(1, sizeof(*st));
		if (!st)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &st->start);
		arena_init(&st->r.a, cfg.request_memory);
		buf_init(&st->r.out, 0);
		atomic_fetch_add(&in_flight, 1);
		st->counted = true;
		*con_cls = st;
		watch_head_complete(c);
		fill_request(c, st, url, method);
		const union MHD_ConnectionInfo *sc = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
		if (sc && sc->socket_context == &late_connection) {
			reply_header(&st->r, "Connection", "close");
			reply_header(&st->r, "Retry-After", "5");
			return reply_now(c, st, 503, "The server is restarting; try again in a moment.");
		}
		const char *why = NULL;
		int framing = framing_problem(c, version, &why);
		if (framing) {
			reply_header(&st->r, "Connection", "close");
			return reply_now(c, st, framing, why);
		}
		st->body_cap = dispatch_body_cap(&st->r, cfg.max_body, cfg.max_upload);
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > st->body_cap)
			return reply_now(c, st, 413, "The request body is too large.");
		return MHD_YES;
	}
	if (*upload_size) {
		struct req *r = &st->r;
		if (!st->too_big && r->body_len + *upload_size > st->body_cap) {
			st->too_big = true;
		} else if (!st->too_big) {
			char *nb = realloc(r->body, r->body_len + *upload_size + 1);
			if (!nb) {
				st->too_big = true;
			} else {
				r->body = nb;
				memcpy(r->body + r->body_len, upload_data, *upload_size);
				r->body_len += *upload_size;
				r->body[r->body_len] = '\0';
			}
		}
		*upload_size = 0;
		return MHD_YES;
	}
	if (st->too_big)
		return reply_now(c, st, 413, "The request body is too large.");
	dispatch(&st->r);
	return send_reply(c, &st->r);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	watch_request_done(c);
	struct conn *st = *con_cls;
	if (!st)
		return;
	if (cfg.access_log) {
		struct timespec end;
		clock_gettime(CLOCK_MONOTONIC, &end);
		long long us = (end.tv_sec - st->start.tv_sec) * 1000000LL +
		               (end.tv_nsec - st->start.tv_nsec) / 1000;
		/* the route, never the path as typed nor the query string: either may hold personal data */
		log_info("access %s %s %d %zu %lldus user=%lld%s", st->r.method_name ? st->r.method_name : "-",
		         dispatch_log_target(&st->r), st->r.status, st->r.sent_bytes, us,
		         (long long)st->r.log_user_id,
		         toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted");
	}
	free(st->r.body);
	buf_free(&st->r.out);
	arena_free(&st->r.a);
	if (st->counted)
		atomic_fetch_sub(&in_flight, 1);
	free(st);
	*con_cls = NULL;
}

/* libmicrohttpd's own messages; fmt is its printf format, which the attribute lets the
 * compiler accept as one (and check at the call sites it can see). MHD writes one for each
 * connection that ends early, so a flood of clients would flood the log: past MHD_LOG_PER_SECOND
 * messages in a second the rest are counted, and the count is logged with the next message. */
#define MHD_LOG_PER_SECOND 20
static void mhd_log(void *cls, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	static long long second;
	static unsigned in_second, dropped;
	long long now = mono_ms() / 1000;
	unsigned was_dropped = 0;
	pthread_mutex_lock(&lock);
	if (now != second) {
		second = now;
		in_second = 0;
	}
	bool write = in_second < MHD_LOG_PER_SECOND;
	if (write) {
		in_second++;
		was_dropped = dropped;
		dropped = 0;
	} else {
		dropped++;
	}
	pthread_mutex_unlock(&lock);
	if (!write)
		return;
	if (was_dropped)
		log_warn("microhttpd: %u more messages were not logged", was_dropped);
	char line[512];
	vsnprintf(line, sizeof(line), fmt, ap);
	log_warn("microhttpd: %s", line);
}

/* connection_ceiling: cfg.max_conns, lowered to what the descriptor limit allows after raising
 * its soft limit to the hard one. Each connection is a socket; the rest is kept for the
 * database files, MHD's epoll and signalling descriptors, the log and the mail thread. */
static unsigned connection_ceiling(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return cfg.max_conns;
	if (rl.rlim_cur < rl.rlim_max) {
		rlim_t soft = rl.rlim_max;
		if (soft == RLIM_INFINITY || soft > 1u << 20)
			soft = 1u << 20;
		if (soft > rl.rlim_cur) {
			struct rlimit up = {.rlim_cur = soft, .rlim_max = rl.rlim_max};
			if (setrlimit(RLIMIT_NOFILE, &up) == 0)
				rl.rlim_cur = soft;
		}
	}
	rlim_t reserve = 64 + 8 * (rlim_t)cfg.threads;
	rlim_t room = rl.rlim_cur > reserve + 16 ? rl.rlim_cur - reserve : 16;
	if (rl.rlim_cur != RLIM_INFINITY && room < cfg.max_conns) {
		log_warn("serve: %u connections wanted, but the descriptor limit (ulimit -n) of %llu "
		         "allows %llu; raise the limit (LimitNOFILE= under systemd)", cfg.max_conns,
		         (unsigned long long)rl.rlim_cur, (unsigned long long)room);
		return (unsigned)room;
	}
	return cfg.max_conns;
}

int server_run(const struct server_config *c)
{
	cfg = *c;
	if (mhd_load() != 0)
		return ERR_IO;
	if (db_thread_setup(cfg.db_path, DB_WAIT_WEB_MS) != 0)
		return ERR_NOMEM;
	/* signals are taken by sigwait() below, never by a pool thread */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof(ss));
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
	                 MHD_USE_ERROR_LOG;
	socklen_t sl;
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	if (inet_pton(AF_INET, cfg.host, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)cfg.port);
		sl = sizeof(*s4);
	} else if (inet_pton(AF_INET6, cfg.host, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)cfg.port);
		flags |= MHD_USE_IPv6;
		sl = sizeof(*s6);
	} else {
		log_error("serve: '%s' is not an IPv4 or IPv6 address; use e.g. --listen 127.0.0.1:8080", cfg.host);
		return ERR_INVALID;
	}
	(void)sl;
	watch_ceiling = connection_ceiling();
	watch_share = watch_ceiling / cfg.threads > 0 ? watch_ceiling / cfg.threads : 1;
	if (watchdog_start() != 0) {
		log_error("serve: cannot start the connection watchdog thread");
		return ERR_NOMEM;
	}
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, (uint16_t)cfg.port, NULL, NULL, on_request, NULL,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, cfg.threads,
		MHD_OPTION_CONNECTION_TIMEOUT, cfg.timeout,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg.per_ip,
		MHD_OPTION_CONNECTION_LIMIT, watch_ceiling,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg.header_limit,
		MHD_OPTION_STRICT_FOR_CLIENT, 1,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
		MHD_OPTION_END);
	if (!d) {
		watchdog_stop();
		log_error("serve: cannot listen on %s:%u: %s; is the port in use?", cfg.host, cfg.port,
		          strerror(errno));
		return ERR_IO;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	unsigned port = di ? di->port : cfg.port;
	printf("Indgang serves http://%s%s%s:%u/\n", strchr(cfg.host, ':') ? "[" : "", cfg.host,
	       strchr(cfg.host, ':') ? "]" : "", port);
	fflush(stdout);

	int sig = 0;
	sigwait(&sigs, &sig);
	log_info("serve: signal %d, finishing requests in flight", sig);
	atomic_store(&stopping, 1);
	for (int i = 0; i < 3000 && atomic_load(&in_flight) > 0; i++)
		usleep(10 * 1000);
	MHD_stop_daemon(d);
	watchdog_stop();
	log_info("serve: %llu request heads cut off after %u s, %llu unfinished heads closed near "
	         "the ceiling of %u connections", atomic_load(&heads_expired), cfg.head_timeout,
	         atomic_load(&heads_evicted), watch_ceiling);

	struct db *db;
	if (db_open(cfg.db_path, &db) == 0) {
		db_checkpoint(db);
		db_close(db);
	}
	log_info("serve: stopped");
	return 0;
}
