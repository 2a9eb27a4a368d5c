/*
 * workdays.h — Danish working days: Monday to Friday except the public holidays (helligdage)
 * and the days the public sector is closed by agreement. Used for answer deadlines.
 * Layer: base (libc only).
 *
 * Days off: New Year's Day, Maundy Thursday, Good Friday, Easter Sunday and Monday, Great Prayer
 * Day (until 2023; abolished from 2024), Ascension Day, Whit Sunday and Monday, Constitution Day
 * (5 June), Christmas Eve, Christmas Day, Boxing Day and New Year's Eve.
 */
#ifndef INDGANG_WORKDAYS_H
#define INDGANG_WORKDAYS_H

#include <stdbool.h>

/* workdays_easter: month and day of Easter Sunday in year (Gregorian). */
void workdays_easter(int year, int *month, int *day);
/* workdays_is_workday: true for a working day; iso is YYYY-MM-DD (false if malformed). */
bool workdays_is_workday(const char *iso);
/* workdays_holiday_name: the Danish name of the day off on iso, or NULL (weekends too: NULL). */
const char *workdays_holiday_name(const char *iso);
/* workdays_between: the working days after from, up to and including to (0 if to <= from). */
int workdays_between(const char *from, const char *to);
/* workdays_add: the date n working days after from into out (YYYY-MM-DD). */
void workdays_add(const char *from, int n, char out[11]);

#endif
