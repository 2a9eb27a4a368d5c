/*
 * log.c — one-line logging to stderr. Layer: base (libc only).
 * Each line is formatted in full before one write(2), so lines from threads never interleave.
 */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "err.h"

static enum log_level log_level = LOG_INFO;
static const char *log_tag;

void log_set_tag(const char *tag)
{
	log_tag = tag;
}

void log_set_level(enum log_level level)
{
	log_level = level;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *names[] = {"debug", "info", "warn", "error"};
	if (level < log_level)
		return;
	char line[2048];
	struct timespec ts;
	struct tm tm;
	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	int n = (int)strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ ", &tm);
	n += snprintf(line + n, sizeof(line) - (size_t)n, "%s ", names[level]);
	if (log_tag)
		n += snprintf(line + n, sizeof(line) - (size_t)n, "(%s) ", log_tag);
	va_list ap;
	va_start(ap, fmt);
	int m = vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
	va_end(ap);
	if (m < 0)
		m = 0;
	n += m;
	if (n > (int)sizeof(line) - 2)
		n = (int)sizeof(line) - 2;
	/* a message must stay one line */
	for (int i = 0; i < n; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	line[n++] = '\n';
	ssize_t w = write(STDERR_FILENO, line, (size_t)n);
	(void)w;
}

const char *err_str(int code)
{
	switch (code) {
	case ERR_OK: return "ok";
	case ERR_NOMEM: return "out of memory or over a size limit";
	case ERR_DB: return "database error";
	case ERR_NOTFOUND: return "not found";
	case ERR_CONFLICT: return "conflict";
	case ERR_INVALID: return "invalid input";
	case ERR_FORBIDDEN: return "forbidden";
	case ERR_IO: return "input/output error";
	case ERR_BUSY: return "busy, try again later";
	case ERR_AUTH: return "not authenticated";
	case ERR_TOOBIG: return "too large";
	case ERR_UNAVAILABLE: return "overloaded, try again soon";
	}
	return "unknown error";
}
