/*
 * text.h — UTF-8 and small text helpers.
 * Layer: base (libc only).
 */
#ifndef INDGANG_TEXT_H
#define INDGANG_TEXT_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* utf8_valid: true if s[0..n) is well-formed UTF-8 without NUL bytes, overlongs or surrogates. */
bool utf8_valid(const char *s, size_t n);
/* utf8_len: number of code points in a valid UTF-8 string. */
size_t utf8_len(const char *s);
/* text_trim: a copy of s without leading and trailing ASCII whitespace, owned by a. */
char *text_trim(struct arena *a, const char *s);
/* text_email_valid: a plausible address: one @, no spaces or controls, a dot in the domain,
 * at most 254 bytes. Not RFC 5322; the point is to catch typing errors. */
bool text_email_valid(const char *s);
/* text_lower_ascii: a copy with ASCII letters lowered (e-mail addresses), owned by a. */
char *text_lower_ascii(struct arena *a, const char *s);
/* text_is_digits: true if s is exactly n ASCII digits. */
bool text_is_digits(const char *s, size_t n);
/* text_parse_int: parses a whole decimal string into *out within [min, max]; 0 or ERR_INVALID. */
int text_parse_int(const char *s, long long min, long long max, long long *out);
/* text_today: today's local date as YYYY-MM-DD into out. */
void text_today(char out[11]);
/* text_date_valid: s is a real calendar date written YYYY-MM-DD (years 1800-2200). */
bool text_date_valid(const char *s);
/* text_date_dk: "YYYY-MM-DD..." shown the Danish way, "26.11.2026", owned by a. Returns s
 * unchanged when it is not such a date. */
const char *text_date_dk(struct arena *a, const char *iso);
/* text_month_dk: "YYYY-MM" (or a longer date) as Danish words, "december 2025", owned by a.
 * Returns s unchanged when it is not such a month. */
const char *text_month_dk(struct arena *a, const char *ym);
/* text_month_valid: s is a month written YYYY-MM (years 1800-2200); *year and *month get it. */
bool text_month_valid(const char *s, int *year, int *month);

#endif
