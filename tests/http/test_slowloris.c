/*
 * test_slowloris.c — many clients that never finish a request head do not take the server off
 * the air, over real HTTP: 1,000 connections from 50 addresses (127.0.0.2 to 127.0.0.51) that
 * trickle a request line and headers one byte a second are each closed at the head deadline,
 * however often they send; 1,000 connections that send nothing, reconnecting as soon as they
 * are closed, against a ceiling of 500 connections, are closed oldest first to make room. In
 * both cases a normal client on 127.0.0.1 keeps being answered: at least PROBE_SHARE of its
 * probes, one every PROBE_EVERY seconds, get 200 within PROBE_ANSWER seconds.
 * Layer: tests. Runs the real `indgang serve` (harness.h); the attacking sockets are raw,
 * non-blocking and served by one thread with poll(); the probes are raw HTTP/1.1 exchanges with
 * Connection: close, so that a probe that is never answered costs PROBE_WAIT seconds, not
 * libcurl's minute.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

#define ATTACKERS 1000
#define ADDRESSES 50         /* 127.0.0.2 ... 127.0.0.51, 20 connections each */
#define PER_IP "40"          /* room for the 20 of each address, not for the 1,000 */
#define HEAD_TIMEOUT 3       /* seconds: --head-timeout of the trickle case */
#define HEAD_SLACK 2.0       /* seconds past the deadline a trickler may still be open */
#define CEILING "500"        /* --max-connections of the silent case */
#define PROBE_SECONDS 15.0   /* how long the normal client asks, trickle case */
#define SILENT_SECONDS 10.0  /* and silent case: shorter than the default head deadline of 10 s,
                              * so that only closing the oldest near the ceiling can help */
#define RECONNECT 0.25        /* seconds an attacker waits before it connects again */
#define PROBE_EVERY 0.1      /* seconds between probes */
#define PROBE_ANSWER 2.0     /* seconds: a probe answered later counts as not answered */
#define PROBE_WAIT 5.0       /* seconds a probe waits at most */
#define PROBE_SHARE 0.95     /* of the probes that must be answered in time */

static const char trickle_head[] =
	"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\nX-Slow: "
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* a non-blocking TCP socket from from_ip, connecting to 127.0.0.1:port; -1 on error */
static int connect_from(const char *from_ip, int port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	struct sockaddr_in from = {.sin_family = AF_INET}, to = {.sin_family = AF_INET};
	inet_pton(AF_INET, from_ip, &from.sin_addr);
	inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
	to.sin_port = htons((uint16_t)port);
	if (bind(fd, (struct sockaddr *)&from, sizeof(from)) != 0 ||
	    (connect(fd, (struct sockaddr *)&to, sizeof(to)) != 0 && errno != EINPROGRESS)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* raises this process's descriptor limit to its hard limit; the soft limit afterwards */
static rlim_t raise_nofile(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 0;
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			getrlimit(RLIMIT_NOFILE, &rl);
	}
	return rl.rlim_cur;
}

/* ---------------------------------------------------------------- the attackers
 * One thread holds ATTACKERS sockets, 20 from each address. A trickler sends the next byte of
 * trickle_head (then 'a's) once a second; a silent one sends nothing. A socket the server
 * closes is counted, with how long it lived, and opened again RECONNECT seconds later. */

struct attack {
	int port;
	bool trickle;
	atomic_bool stop;
	pthread_t thread;
	/* written by the thread, read after it is joined */
	int opened;        /* connections made, first ones and again */
	int first_opened;  /* of the first ATTACKERS, how many could be made */
	int closed;        /* connections the server closed */
	int first_closed;  /* of them, first ones */
	int overdue;       /* closed more than HEAD_TIMEOUT + HEAD_SLACK seconds after opening */
	int bytes;         /* bytes trickled */
	double longest;    /* seconds the longest-lived closed connection lived */
	double first_all_closed; /* seconds from the start until every first one was closed, or 0 */
};

struct slot {
	int fd;
	bool first;
	double opened, next_send, reopen;
	size_t sent;
};

static void slot_open(struct attack *a, struct slot *s, int i, double t)
{
	char ip[16];
	snprintf(ip, sizeof(ip), "127.0.0.%d", 2 + i % ADDRESSES);
	s->fd = connect_from(ip, a->port);
	s->opened = t;
	s->reopen = t + RECONNECT;
	s->sent = 0;
	s->next_send = t + (double)(i % 10) / 10.0; /* spread over the second */
	if (s->fd >= 0)
		a->opened++;
}

/* whether the server has closed s (end of file, reset, or a failed send) */
static bool slot_closed(struct slot *s, short revents)
{
	if (!(revents & (POLLIN | POLLHUP | POLLERR)))
		return false;
	char b[512];
	for (;;) {
		ssize_t k = recv(s->fd, b, sizeof(b), MSG_DONTWAIT);
		if (k > 0)
			continue; /* an answer (an error page, say): the close follows */
		return k == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
	}
}

static void *attack_main(void *arg)
{
	struct attack *a = arg;
	static struct slot slots[ATTACKERS];
	static struct pollfd pf[ATTACKERS];
	double start = now();
	for (int i = 0; i < ATTACKERS; i++) {
		slot_open(a, &slots[i], i, start);
		slots[i].first = slots[i].fd >= 0;
		a->first_opened += slots[i].first;
	}
	int first_open = a->first_opened;
	while (!atomic_load(&a->stop)) {
		for (int i = 0; i < ATTACKERS; i++)
			pf[i] = (struct pollfd){.fd = slots[i].fd, .events = POLLIN};
		poll(pf, ATTACKERS, 50);
		double t = now();
		for (int i = 0; i < ATTACKERS; i++) {
			struct slot *s = &slots[i];
			bool gone = s->fd >= 0 && slot_closed(s, pf[i].revents);
			if (!gone && s->fd >= 0 && a->trickle && t >= s->next_send) {
				size_t n = strlen(trickle_head);
				char c = s->sent < n ? trickle_head[s->sent] : 'a';
				ssize_t k = send(s->fd, &c, 1, MSG_NOSIGNAL | MSG_DONTWAIT);
				if (k == 1) {
					s->sent++;
					a->bytes++;
				} else if (k < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != ENOTCONN) {
					gone = true;
				}
				s->next_send += 1.0;
			}
			if (!gone)
				continue;
			a->closed++;
			double lived = t - s->opened;
			if (lived > a->longest)
				a->longest = lived;
			if (lived > HEAD_TIMEOUT + HEAD_SLACK)
				a->overdue++;
			if (s->first) {
				a->first_closed++;
				if (--first_open == 0)
					a->first_all_closed = t - start;
			}
			close(s->fd);
			s->fd = -1;
			s->first = false;
			s->reopen = t + RECONNECT;
		}
		for (int i = 0; i < ATTACKERS; i++)
			if (slots[i].fd < 0 && t >= slots[i].reopen) /* or could not connect: again */
				slot_open(a, &slots[i], i, t);
	}
	for (int i = 0; i < ATTACKERS; i++)
		if (slots[i].fd >= 0)
			close(slots[i].fd);
	return NULL;
}

/* ---------------------------------------------------------------- the normal client */

/* one GET /healthz from 127.0.0.1: seconds until the status line of a 200 arrived, or a negative
 * number when none did within PROBE_WAIT seconds (or another status came) */
static double probe(int port)
{
	double start = now();
	int fd = connect_from("127.0.0.1", port);
	if (fd < 0)
		return -1;
	static const char req[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
	size_t sent = 0;
	char got[64];
	size_t have = 0;
	double answered = -1;
	while (answered < 0 && now() < start + PROBE_WAIT) {
		struct pollfd p = {.fd = fd, .events = (short)(sent < sizeof(req) - 1 ? POLLOUT : POLLIN)};
		if (poll(&p, 1, 50) <= 0)
			continue;
		if (sent < sizeof(req) - 1) {
			ssize_t k = send(fd, req + sent, sizeof(req) - 1 - sent, MSG_NOSIGNAL);
			if (k < 0 && errno != EAGAIN && errno != ENOTCONN)
				break;
			if (k > 0)
				sent += (size_t)k;
			continue;
		}
		ssize_t k = recv(fd, got + have, sizeof(got) - 1 - have, 0);
		if (k <= 0) {
			if (k < 0 && (errno == EAGAIN || errno == EINTR))
				continue;
			break;
		}
		have += (size_t)k;
		got[have] = '\0';
		if (have >= 12)
			answered = strncmp(got, "HTTP/1.1 200", 12) == 0 ? now() - start : -2;
	}
	close(fd);
	return answered == -2 ? -1 : answered;
}

struct probes {
	int sent, in_time, late, never;
	double worst; /* seconds, of those answered */
};

/* probes the server every PROBE_EVERY seconds for seconds */
static void probe_for(int port, double seconds, struct probes *p)
{
	memset(p, 0, sizeof(*p));
	double end = now() + seconds;
	while (now() < end) {
		double begun = now();
		double t = probe(port);
		p->sent++;
		if (t < 0) {
			p->never++;
		} else {
			if (t > p->worst)
				p->worst = t;
			if (t <= PROBE_ANSWER)
				p->in_time++;
			else
				p->late++;
		}
		double rest = begun + PROBE_EVERY - now();
		if (rest > 0)
			usleep((useconds_t)(rest * 1e6));
	}
}

/* ---------------------------------------------------------------- the cases */

/* starts a server with options, runs the attack (trickling or silent) while the normal client
 * probes for seconds, and checks the probes, the server's health and its log */
static const char *siege_problem(const char *const *options, bool trickle, double seconds,
                                 struct attack *a, struct probes *p)
{
	if (raise_nofile() < ATTACKERS + 200)
		return "this process may not open 1,200 descriptors (ulimit -Hn)";
	struct harness_server *s = harness_server_demo();
	if (!s)
		return "no demo database";
	if (harness_server_start(s, options) != 0)
		return "indgang serve did not start";
	memset(a, 0, sizeof(*a));
	a->port = harness_server_port(s);
	a->trickle = trickle;
	atomic_init(&a->stop, false);
	if (pthread_create(&a->thread, NULL, attack_main, a) != 0)
		return "cannot start the attacking thread";
	usleep(500 * 1000); /* the attackers connect first */
	probe_for(a->port, seconds, p);
	atomic_store(&a->stop, true);
	pthread_join(a->thread, NULL);
	harness_note("%s: %d connections from %d addresses, %d made in all, %d closed by the server "
	             "(the longest after %.1f s), %d bytes trickled",
	             trickle ? "trickling" : "silent", ATTACKERS, ADDRESSES, a->opened, a->closed,
	             a->longest, a->bytes);
	harness_note("%s: %d probes, %d answered 200 within %.0f s, %d later (the slowest %.2f s), "
	             "%d not within %.0f s", trickle ? "trickling" : "silent", p->sent, p->in_time,
	             PROBE_ANSWER, p->late, p->worst, p->never, PROBE_WAIT);
	if (!harness_server_alive(s))
		return "the server died under the attack";
	struct harness_resp *r = harness_get(harness_client(s), "/healthz");
	if (r->status != 200)
		return harness_fmt("after the attack, /healthz: %s", harness_status_problem(r, 200));
	const char *why = harness_server_log_problem(s);
	if (why)
		return why;
	int st = harness_server_stop(s);
	if (st != 0)
		return harness_fmt("indgang serve exited with status %d after SIGTERM", st);
	return harness_server_log_problem(s);
}

static const char *probes_problem(const struct probes *p)
{
	if ((double)p->in_time < PROBE_SHARE * (double)p->sent)
		return harness_fmt("%d of %d probes were answered 200 within %.0f s; at least %.0f %% "
		                   "should be", p->in_time, p->sent, PROBE_ANSWER, PROBE_SHARE * 100);
	if (p->sent < 10)
		return harness_fmt("only %d probes could be made", p->sent);
	return NULL;
}

static void trickling_heads(void)
{
	static const char *const opts[] = {"--per-ip", PER_IP, "--head-timeout", "3", NULL};
	static struct attack a;
	struct probes p;
	const char *why = siege_problem(opts, true, PROBE_SECONDS, &a, &p);
	CHECK_OK(probes_problem(&p));
	CHECK_OK(why);
	CHECKF(a.first_opened == ATTACKERS, "only %d of %d trickling connections could be made",
	       a.first_opened, ATTACKERS);
	/* every trickler is closed at the head deadline, however often it sends a byte */
	CHECKF(a.first_closed == ATTACKERS, "%d of the first %d trickling connections were still "
	       "open after %.0f s", ATTACKERS - a.first_closed, ATTACKERS, PROBE_SECONDS);
	CHECKF((double)a.overdue <= 0.05 * a.closed, "%d of %d trickling connections lived longer "
	       "than %.0f s, with a head deadline of %d s", a.overdue, a.closed,
	       HEAD_TIMEOUT + HEAD_SLACK, HEAD_TIMEOUT);
	harness_note("trickling: the first %d were all closed %.1f s after the attack began",
	             ATTACKERS, a.first_all_closed);
}

static void silent_at_the_ceiling(void)
{
	static const char *const opts[] = {"--per-ip", PER_IP, "--max-connections", CEILING, NULL};
	static struct attack a;
	struct probes p;
	const char *why = siege_problem(opts, false, SILENT_SECONDS, &a, &p);
	CHECK_OK(probes_problem(&p));
	CHECK_OK(why);
	CHECKF(a.first_opened == ATTACKERS, "only %d of %d silent connections could be made",
	       a.first_opened, ATTACKERS);
	/* the ceiling is half the attackers: the server must have closed some to make room, long
	 * before the head deadline of 10 s */
	CHECKF(a.closed >= ATTACKERS / 2, "only %d silent connections were closed, with a ceiling of "
	       "%s", a.closed, CEILING);
}

static const struct harness_test tests[] = {
	{"1,000 connections trickling their heads from 50 addresses are cut at the head deadline, "
	 "and a normal client keeps being answered", trickling_heads, 0},
	{"1,000 silent connections from 50 addresses against a ceiling of 500: the oldest make room, "
	 "and a normal client keeps being answered", silent_at_the_ceiling, 0},
};

int main(void)
{
	return harness_main(tests, sizeof(tests) / sizeof(tests[0]));
}
