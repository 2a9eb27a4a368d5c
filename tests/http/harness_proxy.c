/*
 * harness_proxy.c — more than one server: a twin on the same database, Debian's haproxy in
 * front of two, and an SMTP relay that counts what the servers' outboxes send.
 * Layer: tests.
 */
#include "harness_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

/* ---------------------------------------------------------------- a twin */

static void twin_drop(void *p)
{
	struct harness_server *s = p;
	if (s->pid > 0)
		harness_server_kill(s);
	if (s->log_fd >= 0)
		close(s->log_fd);
	free(s->dir);
	free(s->db);
	free(s->key);
	free(s->log);
	free(s);
}

static int twins;

struct harness_server *harness_server_twin(struct harness_server *s)
{
	struct harness_server *t = harness_own(calloc(1, sizeof(*t)), twin_drop);
	t->shared = true;
	t->log_fd = -1;
	twins++;
	if (asprintf(&t->log, "%s/server-%d.log", s->dir, twins + 1) < 0)
		t->log = NULL;
	t->dir = strdup(s->dir);
	t->db = strdup(s->db);
	t->pg = s->pg;
	t->key = strdup(s->key);
	if (!t->dir || !t->db || !t->key || !t->log)
		return NULL;
	t->log_fd = open(t->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	return t->log_fd >= 0 ? t : NULL;
}

/* ---------------------------------------------------------------- haproxy */

/* a port of 127.0.0.1 that nothing listens on just now */
static int free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t sl = sizeof(sa);
	int port = -1;
	if (fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0 &&
	    getsockname(fd, (struct sockaddr *)&sa, &sl) == 0)
		port = ntohs(sa.sin_port);
	if (fd >= 0)
		close(fd);
	return port;
}

/* whether something answers HTTP on port */
static bool answers(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bool ok = fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0;
	if (fd >= 0)
		close(fd);
	return ok;
}

struct harness_server *harness_proxy_start(struct harness_server *a, struct harness_server *b)
{
	struct harness_server *p = harness_server_twin(a);
	if (!p)
		return NULL;
	char *cfg;
	if (asprintf(&cfg, "%s/haproxy-%d.cfg", a->dir, twins) < 0)
		return NULL;
	harness_own_str(cfg);
	int port = free_port();
	FILE *f = fopen(cfg, "w");
	if (!f || port < 0) {
		harness_note("cannot write %s", cfg);
		if (f)
			fclose(f);
		return NULL;
	}
	/* the configuration docs/deploy.md shows, on loopback ports */
	fprintf(f,
	        "global\n"
	        "\tmaxconn 2000\n"
	        "defaults\n"
	        "\tmode http\n"
	        "\ttimeout connect 2s\n"
	        "\ttimeout client 60s\n"
	        "\ttimeout server 60s\n"
	        "\tretries 3\n"
	        "\toption redispatch 1\n"
	        "\tretry-on conn-failure empty-response response-timeout\n"
	        "\toption http-buffer-request\n"
	        "frontend indgang\n"
	        "\tbind 127.0.0.1:%d\n"
	        "\toption forwardfor\n"
	        "\tdefault_backend servers\n"
	        "backend servers\n"
	        "\tbalance roundrobin\n"
	        "\toption httpchk GET /healthz\n"
	        "\thttp-check expect status 200\n"
	        "\tdefault-server inter 200ms fastinter 200ms downinter 200ms fall 1 rise 2\n"
	        "\tserver a 127.0.0.1:%d check\n"
	        "\tserver b 127.0.0.1:%d check\n",
	        port, a->port, b->port);
	fclose(f);
	int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid < 0) {
		close(devnull);
		return NULL;
	}
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
		dup2(devnull, 0);
		dup2(p->log_fd, 1);
		dup2(p->log_fd, 2);
		close_range(3, ~0U, 0);
		/* -db: in the foreground, no daemon */
		execlp("haproxy", "haproxy", "-db", "-f", cfg, (char *)NULL);
		_exit(127);
	}
	close(devnull);
	p->pid = pid;
	p->out_fd = -1;
	p->proxy = true;
	p->port = port;
	double end = harness_now() + 10;
	while (!answers(port) && harness_now() < end) {
		if (!harness_server_alive(p))
			break;
		usleep(50 * 1000);
	}
	if (!answers(port)) {
		harness_note("haproxy did not start (is Debian's haproxy installed? sh tools/setup.sh test)");
		harness_note_log_tail(p);
		return NULL;
	}
	return p;
}

/* ---------------------------------------------------------------- an SMTP relay */

#define SMTP_IDS 4096

struct harness_smtp {
	int fd, port;
	pthread_t thread;
	pthread_mutex_t lock;
	int counts[SMTP_IDS]; /* by outbox id */
	int total;
	int active; /* connections being served */
};

/* a relay whose connections did not end in time: kept, not freed under them */
static struct harness_smtp *lingering;

struct smtp_conn {
	struct harness_smtp *m;
	int fd;
};

static void say(int c, const char *s)
{
	ssize_t w = write(c, s, strlen(s));
	(void)w;
}

/* one connection: enough of RFC 5321 for libcurl, any number of messages */
static void *smtp_conn_run(void *arg)
{
	struct smtp_conn *sc = arg;
	struct harness_smtp *m = sc->m;
	int c = sc->fd;
	free(sc);
	int n = 0;
	say(c, "220 relay ESMTP\r\n");
	char buf[16384];
	size_t have = 0;
	bool in_data = false;
	long long id = -1;
	for (;;) {
		ssize_t r = read(c, buf + have, sizeof(buf) - have - 1);
		if (r <= 0)
			break;
		have += (size_t)r;
		buf[have] = '\0';
		char *line;
		while ((line = strstr(buf, "\r\n"))) {
			*line = '\0';
			size_t used = (size_t)(line - buf) + 2;
			if (in_data) {
				const char *mid = "Message-ID: <indgang-";
				if (!strcmp(buf, ".")) {
					in_data = false;
					pthread_mutex_lock(&m->lock);
					m->total++;
					if (id >= 0 && id < SMTP_IDS)
						m->counts[id]++;
					pthread_mutex_unlock(&m->lock);
					id = -1;
					say(c, "250 queued\r\n");
				} else if (!strncmp(buf, mid, strlen(mid))) {
					id = strtoll(buf + strlen(mid), NULL, 10);
				}
			} else if (!strncmp(buf, "EHLO", 4) || !strncmp(buf, "HELO", 4)) {
				say(c, "250-relay\r\n250 8BITMIME\r\n");
			} else if (!strcmp(buf, "DATA")) {
				in_data = true;
				say(c, "354 go ahead\r\n");
			} else if (!strcmp(buf, "QUIT")) {
				say(c, "221 bye\r\n");
				n = -1;
				break;
			} else {
				say(c, "250 ok\r\n");
			}
			memmove(buf, buf + used, have - used + 1);
			have -= used;
		}
		if (n < 0)
			break;
		if (have == sizeof(buf) - 1)
			have = 0; /* a line longer than the buffer: dropped */
	}
	close(c);
	pthread_mutex_lock(&m->lock);
	m->active--;
	pthread_mutex_unlock(&m->lock);
	return NULL;
}

static void *smtp_accept_run(void *arg)
{
	struct harness_smtp *m = arg;
	for (;;) {
		int c = accept4(m->fd, NULL, NULL, SOCK_CLOEXEC);
		if (c < 0) {
			if (errno == EINTR)
				continue;
			return NULL; /* the socket was shut down */
		}
		struct smtp_conn *sc = malloc(sizeof(*sc));
		pthread_t t;
		if (!sc) {
			close(c);
			continue;
		}
		sc->m = m;
		sc->fd = c;
		pthread_mutex_lock(&m->lock);
		m->active++;
		pthread_mutex_unlock(&m->lock);
		if (pthread_create(&t, NULL, smtp_conn_run, sc) != 0) {
			pthread_mutex_lock(&m->lock);
			m->active--;
			pthread_mutex_unlock(&m->lock);
			close(c);
			free(sc);
			continue;
		}
		pthread_detach(t);
	}
}

static void smtp_drop(void *p)
{
	struct harness_smtp *m = p;
	shutdown(m->fd, SHUT_RDWR);
	pthread_join(m->thread, NULL);
	close(m->fd);
	/* the servers close their connections after QUIT; wait for them, at most 5 s */
	for (int i = 0; i < 500; i++) {
		pthread_mutex_lock(&m->lock);
		int active = m->active;
		pthread_mutex_unlock(&m->lock);
		if (!active) {
			pthread_mutex_destroy(&m->lock);
			free(m);
			return;
		}
		usleep(10 * 1000);
	}
	lingering = m;
}

struct harness_smtp *harness_smtp_start(void)
{
	struct harness_smtp *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	pthread_mutex_init(&m->lock, NULL);
	m->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t sl = sizeof(sa);
	if (m->fd < 0 || bind(m->fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(m->fd, 64) != 0 || getsockname(m->fd, (struct sockaddr *)&sa, &sl) != 0 ||
	    pthread_create(&m->thread, NULL, smtp_accept_run, m) != 0) {
		if (m->fd >= 0)
			close(m->fd);
		free(m);
		return NULL;
	}
	m->port = ntohs(sa.sin_port);
	return harness_own(m, smtp_drop);
}

int harness_smtp_port(const struct harness_smtp *m)
{
	return m->port;
}

int harness_smtp_count(struct harness_smtp *m, long long id)
{
	pthread_mutex_lock(&m->lock);
	int n = id >= 0 && id < SMTP_IDS ? m->counts[id] : 0;
	pthread_mutex_unlock(&m->lock);
	return n;
}

int harness_smtp_total(struct harness_smtp *m)
{
	pthread_mutex_lock(&m->lock);
	int n = m->total;
	pthread_mutex_unlock(&m->lock);
	return n;
}
