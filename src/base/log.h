/*
 * log.h — one-line logging to stderr.
 * Layer: base (libc only). Never log secrets, passwords, tokens, CPR numbers or query strings.
 */
#ifndef INDGANG_LOG_H
#define INDGANG_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

/* log_set_level: messages below level are dropped. Default LOG_INFO. */
void log_set_level(enum log_level level);
/* log_set_tag: a few words put after the level of every line (NULL: none), e.g. for a test
 * program to say that the errors it provokes are expected. Call before threads start. */
void log_set_tag(const char *tag);
/* log_msg: writes "TIME LEVEL message" as one line; safe from any thread. */
void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

#endif
