/*
 * harness_client.c — HTTP clients of the harness: libcurl handles with their own cookie jars,
 * bearer tokens, signing in through the form, and the requests with their responses (headers,
 * cookies, JSON, the CSRF field of a page).
 * Layer: tests. Talks to nothing but 127.0.0.1: libcurl runs with proxies off and HTTP only.
 */
#include "harness_int.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---------------------------------------------------------------- clients */

static size_t on_body(char *data, size_t size, size_t n, void *ud);
static size_t on_header(char *data, size_t size, size_t n, void *ud);

struct harness_client {
	CURL *h;
	int port;     /* of the server run it was made for */
	char *bearer;
	char *csrf;
	char *bind;
	char errbuf[CURL_ERROR_SIZE];
};

static void client_drop(void *p)
{
	struct harness_client *c = p;
	curl_easy_cleanup(c->h);
	free(c->bearer);
	free(c->csrf);
	free(c->bind);
	free(c);
}

struct harness_client *harness_client(struct harness_server *s)
{
	struct harness_client *c = harness_own(calloc(1, sizeof(struct harness_client)), client_drop);
	c->h = curl_easy_init();
	c->port = s->port;
	if (!c->h) {
		fputs("harness: libcurl cannot make a handle\n", stderr);
		abort();
	}
	CURL *h = c->h;
	/* an empty jar that libcurl keeps for this handle */
	curl_easy_setopt(h, CURLOPT_COOKIEFILE, "");
	/* plain HTTP to 127.0.0.1 only: no proxy from the environment, no other protocol */
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http");
	curl_easy_setopt(h, CURLOPT_PROXY, "");
	curl_easy_setopt(h, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)REQUEST_SECONDS);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, c->errbuf);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	return c;
}

void harness_client_set_bearer(struct harness_client *c, const char *token)
{
	free(c->bearer);
	c->bearer = token ? strdup(token) : NULL;
}

void harness_client_bind(struct harness_client *c, const char *local_ip)
{
	free(c->bind);
	c->bind = local_ip ? strdup(local_ip) : NULL;
}

struct harness_client *harness_bearer(struct harness_server *s, const char *email)
{
	const char *t = harness_token(s, email);
	if (!t)
		return NULL;
	struct harness_client *c = harness_client(s);
	harness_client_set_bearer(c, t);
	return c;
}

const char *harness_client_csrf(struct harness_client *c)
{
	/* signed in, every page's sign-out form holds it; anonymous, the sign-in form does */
	if (!c->csrf) {
		const char *v = harness_csrf_field(harness_get(c, "/"));
		if (!v)
			v = harness_csrf_field(harness_get(c, "/login"));
		c->csrf = v ? strdup(v) : NULL;
	}
	return c->csrf;
}

struct harness_client *harness_login(struct harness_server *s, const char *email,
                                     const char *password)
{
	struct harness_client *c = harness_client(s);
	struct harness_resp *r = harness_get(c, "/login");
	const char *csrf = harness_csrf_field(r);
	if (r->status != 200 || !csrf) {
		harness_note("GET /login answered %ld without a csrf field", r->status);
		return NULL;
	}
	r = harness_post_form(c, "/login",
	                      harness_form("csrf", csrf, "email", email, "password", password, NULL));
	if (r->status != 303 || !harness_cookie(c, "indgang_session")) {
		harness_note("signing in as %s answered %ld", email, r->status);
		return NULL;
	}
	if (!harness_client_csrf(c)) {
		harness_note("signed in as %s, but \"/\" has no csrf field", email);
		return NULL;
	}
	return c;
}

const char *harness_cookie(struct harness_client *c, const char *name)
{
	struct curl_slist *list = NULL;
	const char *found = NULL;
	if (curl_easy_getinfo(c->h, CURLINFO_COOKIELIST, &list) != CURLE_OK)
		return NULL;
	/* Netscape format: domain, tailmatch, path, secure, expires, name, value */
	for (struct curl_slist *l = list; l && !found; l = l->next) {
		const char *f = l->data;
		for (int tab = 0; tab < 5 && f; tab++) {
			f = strchr(f, '\t');
			if (f)
				f++;
		}
		if (!f)
			continue;
		const char *t = strchr(f, '\t');
		if (t && (size_t)(t - f) == strlen(name) && strncmp(f, name, (size_t)(t - f)) == 0)
			found = harness_own_str(strdup(t + 1));
	}
	curl_slist_free_all(list);
	return found;
}

void harness_set_cookie(struct harness_client *c, const char *name, const char *value)
{
	char *line = harness_fmt("127.0.0.1\tFALSE\t/\tFALSE\t0\t%s\t%s", name, value);
	curl_easy_setopt(c->h, CURLOPT_COOKIELIST, line);
}

/* ---------------------------------------------------------------- requests */

static void resp_drop(void *p)
{
	struct harness_resp *r = p;
	free(r->body);
	free(r->headers);
	free((char *)r->error);
	if (r->json)
		json_decref(r->json);
	free(r);
}

static size_t on_body(char *data, size_t size, size_t n, void *ud)
{
	return harness_grow_add(ud, data, size * n) == 0 ? size * n : 0;
}

static size_t on_header(char *data, size_t size, size_t n, void *ud)
{
	struct harness_grow *g = ud;
	/* a new status line (after 100 Continue, say): keep only the final response's headers */
	if (size * n >= 5 && strncmp(data, "HTTP/", 5) == 0)
		harness_grow_reset(g);
	else if (harness_grow_add(g, data, size * n) != 0)
		return 0;
	return size * n;
}

struct upload {
	const char *p;
	size_t left;
};

static size_t on_read(char *dest, size_t size, size_t n, void *ud)
{
	struct upload *u = ud;
	size_t k = size * n < u->left ? size * n : u->left;
	/* in pieces of at most 64 KiB, so the body really arrives in several chunks */
	if (k > 65536)
		k = 65536;
	memcpy(dest, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

struct harness_resp *harness_send(struct harness_client *c, const struct harness_req *q)
{
	struct harness_resp *r = harness_own(calloc(1, sizeof(struct harness_resp)), resp_drop);
	CURL *h = c->h;
	const char *method = q->method ? q->method : "GET";
	size_t len = q->body ? (q->len ? q->len : strlen(q->body)) : 0;
	struct curl_slist *hdrs = NULL;
	struct harness_grow body = {0}, head = {0};
	struct upload up = {q->body, len};

	/* every option a request may change is set here each time: curl_easy_reset() would keep
	 * the cookies, but re-enabling the cookie engine after it leaks inside libcurl 7.88 */
	c->errbuf[0] = '\0';
	curl_easy_setopt(h, CURLOPT_URL, harness_fmt("http://127.0.0.1:%d%s", c->port, q->path));
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, &head);
	curl_easy_setopt(h, CURLOPT_INTERFACE, c->bind ? harness_fmt("host!%s", c->bind) : NULL);
	if (c->bearer)
		hdrs = curl_slist_append(hdrs, harness_fmt("Authorization: Bearer %s", c->bearer));
	if (q->body)
		/* an empty value removes the form type libcurl would add on its own */
		hdrs = curl_slist_append(hdrs, harness_fmt("Content-Type:%s%s", q->type ? " " : "",
		                                           q->type ? q->type : ""));
	for (int i = 0; q->headers && q->headers[i]; i++)
		hdrs = curl_slist_append(hdrs, q->headers[i]);
	curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, NULL);
	curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, on_read);
	curl_easy_setopt(h, CURLOPT_READDATA, &up);
	if (q->body && q->chunked) {
		hdrs = curl_slist_append(hdrs, "Transfer-Encoding: chunked");
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, NULL);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)-1);
		curl_easy_setopt(h, CURLOPT_POST, 1L);
	} else if (q->body) {
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, q->body);
	}
	if (strcmp(method, "HEAD") == 0)
		curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
	else if (strcmp(method, "GET") != 0 && !(q->body && strcmp(method, "POST") == 0))
		curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);

	double t0 = harness_now();
	CURLcode rc = curl_easy_perform(h);
	r->seconds = harness_now() - t0;
	if (rc == CURLE_OK) {
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
	} else {
		r->status = 0;
		r->error = strdup(c->errbuf[0] ? c->errbuf : curl_easy_strerror(rc));
	}
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(hdrs);
	r->body = harness_grow_take(&body, &r->len);
	r->headers = harness_grow_take(&head, NULL);
	return r;
}

struct harness_resp *harness_get(struct harness_client *c, const char *path)
{
	return harness_send(c, &(struct harness_req){.path = path});
}

struct harness_resp *harness_post_form(struct harness_client *c, const char *path,
                                       const char *body)
{
	return harness_send(c, &(struct harness_req){.method = "POST", .path = path,
	                                             .type = "application/x-www-form-urlencoded",
	                                             .body = body});
}

struct harness_resp *harness_post_json(struct harness_client *c, const char *path,
                                       const char *json)
{
	return harness_send(c, &(struct harness_req){.method = "POST", .path = path,
	                                             .type = "application/json", .body = json});
}

struct harness_resp *harness_patch_json(struct harness_client *c, const char *path,
                                        const char *json)
{
	return harness_send(c, &(struct harness_req){.method = "PATCH", .path = path,
	                                             .type = "application/json", .body = json});
}

/* header_at: the value of the i-th header called name, or NULL */
static const char *header_at(const struct harness_resp *resp, const char *name, int want)
{
	size_t n = strlen(name);
	int seen = 0;
	for (const char *l = resp->headers; l && *l;) {
		const char *end = strstr(l, "\r\n");
		size_t ll = end ? (size_t)(end - l) : strlen(l);
		if (ll > n && l[n] == ':' && strncasecmp(l, name, n) == 0 && seen++ == want) {
			const char *v = l + n + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			size_t vl = ll - (size_t)(v - l);
			while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
				vl--;
			return harness_own_strndup(v, vl);
		}
		l = end ? end + 2 : l + ll;
	}
	return NULL;
}

const char *harness_header(const struct harness_resp *resp, const char *name)
{
	return header_at(resp, name, 0);
}

const char *harness_set_cookie_line(const struct harness_resp *resp, const char *name)
{
	size_t n = strlen(name);
	for (int i = 0;; i++) {
		const char *v = header_at(resp, "Set-Cookie", i);
		if (!v)
			return NULL;
		if (strncmp(v, name, n) == 0 && v[n] == '=')
			return v;
	}
}

json_t *harness_json(struct harness_resp *resp)
{
	if (!resp->json && resp->body)
		resp->json = json_loadb(resp->body, resp->len, 0, NULL);
	return resp->json;
}

const char *harness_json_str(const json_t *obj, const char *key)
{
	const json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;
	return json_is_string(v) ? json_string_value(v) : NULL;
}

const char *harness_json_text(json_t *v)
{
	/* json_pack() gives NULL for a NULL string: send JSON null, and let the test fail on it */
	if (!v)
		return "null";
	char *s = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	return harness_own_str(s);
}

const char *harness_csrf_field(const struct harness_resp *resp)
{
	static const char mark[] = "name=\"csrf\" value=\"";
	const char *p = resp->body ? strstr(resp->body, mark) : NULL;
	if (!p)
		return NULL;
	p += strlen(mark);
	const char *q = strchr(p, '"');
	return q && q > p ? harness_own_strndup(p, (size_t)(q - p)) : NULL;
}
