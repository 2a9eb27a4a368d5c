/*
 * money.c — kroner as whole øre: parsing what people type, writing it for machines and people.
 * Layer: base.
 */
#include "money.h"

#include <stdio.h>
#include <string.h>

#include "err.h"

/* strips a trailing "kr." / "kr" and the spaces before it: the length of the amount itself */
static size_t without_unit(const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	if (n >= 3 && memcmp(s + n - 3, "kr.", 3) == 0)
		n -= 3;
	else if (n >= 2 && memcmp(s + n - 2, "kr", 2) == 0)
		n -= 2;
	while (n && s[n - 1] == ' ')
		n--;
	return n;
}

int money_parse(const char *s, int allow_negative, int64_t *ore)
{
	if (!s)
		return ERR_INVALID;
	while (*s == ' ')
		s++;
	size_t n = without_unit(s, strlen(s));
	int negative = 0;
	if (n && s[0] == '-') {
		if (!allow_negative)
			return ERR_INVALID;
		negative = 1;
		s++;
		n--;
	}
	if (n == 0)
		return ERR_INVALID;
	/* the decimal mark is the last '.' or ',' followed by one or two digits and nothing else;
	 * a '.' followed by exactly three digits is a thousands separator ("1.234") */
	size_t mark = n;
	for (size_t i = n; i-- > 0;) {
		if (s[i] == ',' || s[i] == '.') {
			size_t after = n - i - 1;
			if (s[i] == ',' || after == 1 || after == 2)
				mark = i;
			break;
		}
	}
	int64_t whole = 0;
	size_t digits = 0, group = 0;
	char sep = 0;
	for (size_t i = 0; i < mark; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			if (whole > MONEY_MAX_ORE / 1000)
				return ERR_INVALID;
			whole = whole * 10 + (c - '0');
			digits++;
			group++;
		} else if (c == '.' || c == ' ' || (c == ',' && mark != i)) {
			/* a thousands separator: one kind only, after 1-3 digits first, then exactly 3 */
			if (c == ',' || (sep && c != sep) || digits == 0 || group > 3 ||
			    (sep && group != 3))
				return ERR_INVALID;
			sep = c;
			group = 0;
		} else {
			return ERR_INVALID;
		}
	}
	if (digits == 0 || (sep && group != 3))
		return ERR_INVALID;
	int64_t cents = 0;
	if (mark < n) {
		size_t after = n - mark - 1;
		if (after < 1 || after > 2)
			return ERR_INVALID;
		for (size_t i = mark + 1; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return ERR_INVALID;
			cents = cents * 10 + (s[i] - '0');
		}
		if (after == 1)
			cents *= 10;
	}
	if (whole > (MONEY_MAX_ORE - cents) / 100)
		return ERR_INVALID;
	int64_t v = whole * 100 + cents;
	*ore = negative ? -v : v;
	return 0;
}

char *money_api(char *out, int64_t ore)
{
	uint64_t v = ore < 0 ? (uint64_t)0 - (uint64_t)ore : (uint64_t)ore;
	snprintf(out, MONEY_TEXT, "%s%llu.%02llu", ore < 0 ? "-" : "",
	         (unsigned long long)(v / 100), (unsigned long long)(v % 100));
	return out;
}

char *money_da_plain(char *out, int64_t ore)
{
	uint64_t v = ore < 0 ? (uint64_t)0 - (uint64_t)ore : (uint64_t)ore;
	char whole[24];
	int len = snprintf(whole, sizeof whole, "%llu", (unsigned long long)(v / 100));
	char *p = out;
	if (ore < 0)
		*p++ = '-';
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			*p++ = '.';
		*p++ = whole[i];
	}
	snprintf(p, (size_t)(out + MONEY_TEXT - p), ",%02llu", (unsigned long long)(v % 100));
	return out;
}

char *money_da(char *out, int64_t ore)
{
	money_da_plain(out, ore);
	size_t n = strlen(out);
	snprintf(out + n, MONEY_TEXT - n, " kr.");
	return out;
}
