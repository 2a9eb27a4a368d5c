/*
 * money.h — amounts of Danish kroner, kept as whole øre in an int64_t so sums are exact.
 * Layer: base (libc only).
 *
 * Written two ways: for machines "1234.50" (the API, CSV with ?raw=1, JSON exports), for people
 * "1.234,50 kr." (pages, letters, CSV for spreadsheets).
 */
#ifndef INDGANG_MONEY_H
#define INDGANG_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* the largest amount accepted: 999,999,999,999.99 kr. (a tender's estimate fits many times) */
#define MONEY_MAX_ORE INT64_C(99999999999999)

/* MONEY_TEXT: room for any amount written by money_api or money_da, with " kr." and the NUL */
#define MONEY_TEXT 32

/* money_parse: reads an amount into *ore. Accepts what people and machines type: "1234",
 * "1234.5", "1234.50", "1234,50", "1.234,50", "1 234,50", "-12.00" only when allow_negative,
 * with optional " kr." or "kr" after it; at most two decimals; thousands separators only in
 * groups of three. 0, or ERR_INVALID (nothing written) for anything else, and above
 * MONEY_MAX_ORE. */
int money_parse(const char *s, int allow_negative, int64_t *ore);

/* money_api: the amount as "1234.50" into out (at least MONEY_TEXT bytes). Returns out. */
char *money_api(char *out, int64_t ore);

/* money_da: the amount the Danish way, "1.234,50 kr.", into out (MONEY_TEXT bytes). Returns out. */
char *money_da(char *out, int64_t ore);

/* money_da_plain: as money_da without " kr." ("1.234,50"), for table cells with a kr. heading. */
char *money_da_plain(char *out, int64_t ore);

#endif
