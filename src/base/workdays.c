/*
 * workdays.c — Danish working days. Layer: base (libc only).
 * Dates are counted as days since 1970-01-01 (days_from_civil), so no time zone can move them.
 */
#include "workdays.h"

#include <stdio.h>
#include <string.h>

void workdays_easter(int y, int *month, int *day)
{
	/* the anonymous Gregorian algorithm (Meeus/Jones/Butcher) */
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	*month = (h + l - 7 * m + 114) / 31;
	*day = ((h + l - 7 * m + 114) % 31) + 1;
}

static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool parse(const char *iso, int *y, int *m, int *d)
{
	return iso && strlen(iso) == 10 && sscanf(iso, "%4d-%2d-%2d", y, m, d) == 3 && *m >= 1 &&
	       *m <= 12 && *d >= 1 && *d <= 31;
}

static const char *day_off(int y, int m, int d)
{
	static const struct { int m, d; const char *name; } fixed[] = {
		{1, 1, "Nytårsdag"}, {6, 5, "Grundlovsdag"}, {12, 24, "Juleaften"},
		{12, 25, "Juledag"}, {12, 26, "2. juledag"}, {12, 31, "Nytårsaftensdag"},
	};
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (fixed[i].m == m && fixed[i].d == d)
			return fixed[i].name;
	int em, ed;
	workdays_easter(y, &em, &ed);
	long off = days_from_civil(y, m, d) - days_from_civil(y, em, ed);
	switch (off) {
	case -3: return "Skærtorsdag";
	case -2: return "Langfredag";
	case 0: return "Påskedag";
	case 1: return "2. påskedag";
	case 26: return y <= 2023 ? "Store bededag" : NULL;
	case 39: return "Kristi himmelfartsdag";
	case 49: return "Pinsedag";
	case 50: return "2. pinsedag";
	}
	return NULL;
}

static bool workday(long z)
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	long wd = (z + 4) % 7; /* 1970-01-01 was a Thursday: 0 = Sunday */
	if (wd < 0)
		wd += 7;
	return wd != 0 && wd != 6 && !day_off(y, m, d);
}

bool workdays_is_workday(const char *iso)
{
	int y, m, d;
	return parse(iso, &y, &m, &d) && workday(days_from_civil(y, m, d));
}

const char *workdays_holiday_name(const char *iso)
{
	int y, m, d;
	return parse(iso, &y, &m, &d) ? day_off(y, m, d) : NULL;
}

int workdays_between(const char *from, const char *to)
{
	int y1, m1, d1, y2, m2, d2;
	if (!parse(from, &y1, &m1, &d1) || !parse(to, &y2, &m2, &d2))
		return 0;
	long a = days_from_civil(y1, m1, d1), b = days_from_civil(y2, m2, d2);
	int n = 0;
	for (long z = a + 1; z <= b && z - a < 20000; z++)
		n += workday(z);
	return n;
}

void workdays_add(const char *from, int n, char out[11])
{
	int y, m, d;
	if (!parse(from, &y, &m, &d)) {
		out[0] = '\0';
		return;
	}
	long z = days_from_civil(y, m, d);
	while (n > 0) {
		z++;
		n -= workday(z);
	}
	civil_from_days(z, &y, &m, &d);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}
