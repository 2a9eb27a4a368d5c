/*
 * mail.c — delivering the outbox over SMTP with libcurl. Layer: capability (mail).
 */
#include "mail.h"

#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../auth/access.h"
#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/err.h"
#include "../base/log.h"
#include "../store/db.h"
#include "mail_store.h"

int64_t mail_backoff(int attempts)
{
	int64_t s = 60;
	for (int i = 1; i < attempts && s < 6 * 3600; i++)
		s *= 2;
	return s < 6 * 3600 ? s : 6 * 3600;
}

/* RFC 2047: a header word in UTF-8, base64 */
static void header_word(struct buf *o, const char *s)
{
	bool ascii = true;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p >= 0x80 || *p == '\r' || *p == '\n')
			ascii = false;
	if (ascii) {
		buf_puts(o, s);
		return;
	}
	size_t n = strlen(s);
	size_t cap = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char enc[4096];
	if (cap > sizeof(enc)) {
		buf_puts(o, "(subject too long)");
		return;
	}
	sodium_bin2base64(enc, sizeof(enc), (const unsigned char *)s, n, sodium_base64_VARIANT_ORIGINAL);
	buf_printf(o, "=?UTF-8?B?%s?=", enc);
}

/* text with CRLF line ends (libcurl does the SMTP dot-stuffing of lines that start with a dot) */
static void put_crlf(struct buf *o, const char *body)
{
	for (const char *p = body; *p; p++) {
		if (*p == '\n' && (p == body || p[-1] != '\r'))
			buf_putc(o, '\r');
		buf_putc(o, *p);
	}
	buf_puts(o, "\r\n");
}

/* bytes as base64 in lines of 76 characters (RFC 2045) */
static void put_base64(struct buf *o, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t at = 0; at < len; at += 57) {
		size_t n = len - at < 57 ? len - at : 57;
		char line[80];
		sodium_bin2base64(line, sizeof line, p + at, n, sodium_base64_VARIANT_ORIGINAL);
		buf_puts(o, line);
		buf_puts(o, "\r\n");
	}
}

static bool is_calendar(const struct mail_part *p)
{
	return strncmp(p->content_type, "text/calendar", 13) == 0;
}

/* the text, with the calendar parts beside it as its alternatives, then the other parts as
 * attachments: multipart/mixed { multipart/alternative { text/plain, text/calendar },
 * attachment ... }, every part but the text in base64 */
static void compose_parts(struct buf *o, const struct outbox_row *m, const char *body)
{
	unsigned char rnd[9];
	randombytes_buf(rnd, sizeof rnd);
	char mixed[40], alt[40], hex[19];
	sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
	snprintf(mixed, sizeof mixed, "=_indgang_m_%s", hex);
	snprintf(alt, sizeof alt, "=_indgang_a_%s", hex);
	bool calendar = false;
	for (int i = 0; i < m->nparts; i++)
		calendar |= is_calendar(&m->parts[i]);
	buf_printf(o, "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n--%s\r\n", mixed, mixed);
	if (calendar)
		buf_printf(o, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n--%s\r\n", alt, alt);
	buf_puts(o, "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
	put_crlf(o, body);
	for (int i = 0; calendar && i < m->nparts; i++) {
		if (!is_calendar(&m->parts[i]))
			continue;
		buf_printf(o, "--%s\r\nContent-Type: %s\r\nContent-Transfer-Encoding: base64\r\n\r\n", alt,
		           m->parts[i].content_type);
		put_base64(o, m->parts[i].data, m->parts[i].len);
	}
	if (calendar)
		buf_printf(o, "--%s--\r\n", alt);
	for (int i = 0; i < m->nparts; i++) {
		if (is_calendar(&m->parts[i]))
			continue;
		buf_printf(o, "--%s\r\nContent-Type: %s; name=\"%s\"\r\nContent-Disposition: attachment;"
		              " filename=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
		           mixed, m->parts[i].content_type, m->parts[i].filename, m->parts[i].filename);
		put_base64(o, m->parts[i].data, m->parts[i].len);
	}
	buf_printf(o, "--%s--\r\n", mixed);
}

/* the message as it goes on the wire: headers, a blank line, the body with CRLF line ends */
static void compose(struct buf *o, const struct mail_config *cfg, const struct outbox_row *m)
{
	char date[64];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	buf_printf(o, "Date: %s\r\nFrom: Indgang <%s>\r\nTo: <%s>\r\nSubject: ", date, cfg->from, m->to);
	header_word(o, m->subject);
	buf_printf(o, "\r\nMessage-ID: <indgang-%lld-%lld@%s>\r\nMIME-Version: 1.0\r\n",
	           (long long)m->id, (long long)t, strchr(cfg->from, '@') ? strchr(cfg->from, '@') + 1 : "localhost");
	const char *body = m->body ? m->body : "";
	if (m->nparts > 0) {
		compose_parts(o, m, body);
		return;
	}
	buf_puts(o, "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
	put_crlf(o, body);
}

struct upload {
	const char *data;
	size_t len, pos;
};

static size_t read_cb(char *ptr, size_t size, size_t nmemb, void *userp)
{
	struct upload *u = userp;
	size_t room = size * nmemb, left = u->len - u->pos;
	size_t n = left < room ? left : room;
	memcpy(ptr, u->data + u->pos, n);
	u->pos += n;
	return n;
}

/*
 * libcurl is opened when the first message is sent (dlopen), not when the program starts: it
 * brings TLS, Kerberos, LDAP, SSH and RTMP libraries that most commands and a server without
 * --smtp-url never use. Its header still declares every function, so C(f) calls f through a
 * pointer of f's own type, looked up once by load_curl. The sanitizer builds link it
 * (INDGANG_LINKED_LIBS, see the Makefile's SAN).
 */
#define CURL_FUNCTIONS(X)  \
	X(curl_easy_cleanup)   \
	X(curl_easy_init)      \
	X(curl_easy_perform)   \
	X(curl_easy_setopt)    \
	X(curl_easy_strerror)  \
	X(curl_slist_append)   \
	X(curl_slist_free_all)

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static bool curl_ready;

#ifdef INDGANG_LINKED_LIBS
#define C(f) f
static void load_curl(void)
{
	curl_ready = true;
}
#else
#define C(f) (*curl_fn.f)
#define CURL_POINTER(f) __typeof__(f) *f;
static struct {
	CURL_FUNCTIONS(CURL_POINTER)
} curl_fn;

/* libcurl's ABI has been version 4 since 2006 (libcurl.so.4) */
static void load_curl(void)
{
	void *h = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (!h) {
		log_msg(LOG_ERROR, "mail: cannot open libcurl.so.4: %s", dlerror());
		return;
	}
	const char *missing = NULL;
#define CURL_LOOKUP(f)                                          \
	if (!missing && !(*(void **)&curl_fn.f = dlsym(h, #f)))      \
		missing = #f;
	CURL_FUNCTIONS(CURL_LOOKUP)
#undef CURL_LOOKUP
	if (missing) {
		log_msg(LOG_ERROR, "mail: libcurl.so.4 has no %s", missing);
		return;
	}
	curl_ready = true;
}
#endif

/* sends one message; 0 or ERR_IO with *why set */
static int send_one(const struct mail_config *cfg, const struct outbox_row *m, const char *wire,
                    size_t len, char *why, size_t whylen)
{
	pthread_once(&curl_once, load_curl);
	if (!curl_ready) {
		snprintf(why, whylen, "libcurl could not be opened (see the log)");
		return ERR_IO;
	}
	CURL *c = C(curl_easy_init)();
	if (!c) {
		snprintf(why, whylen, "libcurl could not start");
		return ERR_IO;
	}
	struct upload u = {wire, len, 0};
	struct curl_slist *rcpt = C(curl_slist_append)(NULL, m->to);
	char err[CURL_ERROR_SIZE] = "";
	C(curl_easy_setopt)(c, CURLOPT_URL, cfg->smtp_url);
	C(curl_easy_setopt)(c, CURLOPT_MAIL_FROM, cfg->from);
	C(curl_easy_setopt)(c, CURLOPT_MAIL_RCPT, rcpt);
	C(curl_easy_setopt)(c, CURLOPT_READFUNCTION, read_cb);
	C(curl_easy_setopt)(c, CURLOPT_READDATA, &u);
	C(curl_easy_setopt)(c, CURLOPT_UPLOAD, 1L);
	C(curl_easy_setopt)(c, CURLOPT_USE_SSL, (long)(cfg->require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
	C(curl_easy_setopt)(c, CURLOPT_CONNECTTIMEOUT, 10L);
	C(curl_easy_setopt)(c, CURLOPT_TIMEOUT, 60L);
	C(curl_easy_setopt)(c, CURLOPT_NOSIGNAL, 1L);
	C(curl_easy_setopt)(c, CURLOPT_ERRORBUFFER, err);
	CURLcode rc = C(curl_easy_perform)(c);
	if (rc != CURLE_OK)
		snprintf(why, whylen, "%s", *err ? err : C(curl_easy_strerror)(rc));
	C(curl_slist_free_all)(rcpt);
	C(curl_easy_cleanup)(c);
	return rc == CURLE_OK ? 0 : ERR_IO;
}

/* how long a claimed message is held for its sender: CURLOPT_CONNECTTIMEOUT and CURLOPT_TIMEOUT
 * together are 70 s */
#define MAIL_LEASE 300

int mail_deliver_due(struct db *db, struct arena *a, const struct mail_config *cfg, int64_t now,
                     int max, int *sent, int *failed)
{
	*sent = *failed = 0;
	if (!cfg->smtp_url || !*cfg->smtp_url)
		return 0;
	/* The messages are claimed first, in a transaction of their own: each is held for
	 * MAIL_LEASE seconds, longer than a delivery may take, so a second server sending from the
	 * same outbox passes over them and every message goes out once. A server that stops mid-way
	 * leaves its claims to run out; the message is then sent by whoever comes next. */
	struct outbox_row *rows;
	int n;
	int rc = db_write_begin(db);
	if (rc)
		return rc;
	rc = db_write_end(db, mail_store_claim(db, a, now, now + MAIL_LEASE, max, &rows, &n));
	for (int i = 0; rc == 0 && i < n; i++) {
		struct buf wire;
		buf_init(&wire, 0);
		compose(&wire, cfg, &rows[i]);
		char why[512] = "";
		int s = wire.failed ? ERR_NOMEM : send_one(cfg, &rows[i], buf_str(&wire), wire.len, why, sizeof(why));
		buf_free(&wire);
		/* the network is outside any transaction; the result is written after */
		if ((rc = db_write_begin(db)) != 0)
			return rc;
		rc = s == 0 ? mail_store_sent(db, rows[i].id)
		            : mail_store_failed(db, rows[i].id, now + mail_backoff(rows[i].attempts + 1), why);
		if (rc == 0)
			rc = db_commit(db);
		else
			db_rollback(db);
		if (s == 0) {
			(*sent)++;
		} else {
			(*failed)++;
			log_warn("mail: message %lld not delivered (attempt %d): %s", (long long)rows[i].id,
			         rows[i].attempts + 1, why);
		}
	}
	return rc;
}

int mail_queue(struct db *db, const char *kommune, const char *to, const char *subject, const char *body)
{
	return mail_store_insert(db, kommune, to, subject, body);
}

/* a MIME type or a file name that can stand in a header: printable ASCII without quotes,
 * backslashes or line breaks (the type may carry its parameters, "a/b; method=REQUEST") */
static bool header_safe(const char *s, bool type)
{
	if (!s || !*s || strlen(s) > 200)
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e || *p == '"' || *p == '\\' ||
		    (!type && (*p == '/' || *p == ';')))
			return false;
	return type ? strchr(s, '/') != NULL : true;
}

int mail_queue_parts(struct db *db, const char *kommune, const char *to, const char *subject,
                     const char *body, const struct mail_part *parts, int nparts)
{
	if (nparts < 0 || nparts > MAIL_MAX_PARTS)
		return ERR_INVALID;
	for (int i = 0; i < nparts; i++)
		if (!header_safe(parts[i].content_type, true) || !header_safe(parts[i].filename, false) ||
		    !parts[i].data || parts[i].len == 0)
			return ERR_INVALID;
	int rc = mail_store_insert(db, kommune, to, subject, body);
	int64_t id = rc == 0 ? db_last_id(db) : 0;
	for (int i = 0; rc == 0 && i < nparts; i++)
		rc = mail_store_part_insert(db, id, parts[i].content_type, parts[i].filename, parts[i].data,
		                            parts[i].len);
	return rc;
}

int mail_outbox(struct db *db, struct arena *a, const struct principal *by, bool pending_only,
                int limit, int offset, struct outbox_row **rows, int *n, int *total)
{
	if (!access_national(by))
		return ERR_FORBIDDEN;
	return mail_store_list(db, a, pending_only, limit, offset, rows, n, total);
}

/* ---------------------------------------------------------------- the delivery thread */

static pthread_t mail_thread;
static bool mail_running;
static pthread_mutex_t mail_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t mail_wake = PTHREAD_COND_INITIALIZER;
static bool mail_quit;
static struct mail_config mail_cfg;
static char *mail_db_path;

static void *mail_loop(void *arg)
{
	(void)arg;
	struct db *db;
	if (db_open(mail_db_path, &db) != 0) {
		log_error("mail: cannot open the database; messages stay in the outbox");
		return NULL;
	}
	pthread_mutex_lock(&mail_lock);
	while (!mail_quit) {
		pthread_mutex_unlock(&mail_lock);
		struct arena a;
		arena_init(&a, 0);
		int sent, failed;
		mail_deliver_due(db, &a, &mail_cfg, (int64_t)time(NULL), 20, &sent, &failed);
		arena_free(&a);
		pthread_mutex_lock(&mail_lock);
		if (mail_quit)
			break;
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 5;
		pthread_cond_timedwait(&mail_wake, &mail_lock, &until);
	}
	pthread_mutex_unlock(&mail_lock);
	db_close(db);
	return NULL;
}

int mail_start(const char *db_path, const struct mail_config *cfg)
{
	if (!cfg->smtp_url || !*cfg->smtp_url)
		return 0;
	mail_cfg = *cfg;
	mail_db_path = strdup(db_path);
	mail_quit = false;
	if (!mail_db_path || pthread_create(&mail_thread, NULL, mail_loop, NULL) != 0)
		return ERR_NOMEM;
	mail_running = true;
	return 0;
}

void mail_stop(void)
{
	if (!mail_running)
		return;
	pthread_mutex_lock(&mail_lock);
	mail_quit = true;
	pthread_cond_signal(&mail_wake);
	pthread_mutex_unlock(&mail_lock);
	pthread_join(mail_thread, NULL);
	mail_running = false;
	free(mail_db_path);
	mail_db_path = NULL;
}
