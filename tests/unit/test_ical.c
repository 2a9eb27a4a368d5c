/*
 * test_ical.c — iCalendar files (src/view/ical.h), parsed back with libical: an invitation's
 * method, UID, SEQUENCE and attendees, Danish local time written in UTC across summer time, a
 * cancellation, a feed with its name and one VEVENT per event, CRLF line ends and lines folded
 * at 75 octets, text escaped, and invalid events refused.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "src/base/arena.h"
#include "src/view/ical.h"

static int setup(void **state)
{
	static struct arena a;
	arena_init(&a, 0);
	*state = &a;
	return 0;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

/* every line ends in CRLF and has at most 75 octets */
static void lines_ok(const char *text)
{
	const char *p = text;
	while (*p) {
		const char *eol = strstr(p, "\r\n");
		assert_non_null(eol);
		if (eol - p > 75)
			fail_msg("a line of %d octets: %.*s", (int)(eol - p), (int)(eol - p), p);
		assert_null(memchr(p, '\n', (size_t)(eol - p)));
		p = eol + 2;
	}
}

static void an_invitation(void **state)
{
	struct arena *a = *state;
	static const char *const who[] = {"mette@example.org", "ole@example.org"};
	struct ical_event e = {
		.uid = "meeting-7@indgang.example", .sequence = 2,
		.start = "2015-11-12T09:00", .end = "2015-11-12T11:30",
		.summary = "Virksomhedsnetværk; første møde, Silkeborg",
		.description = "Dagsorden:\n1. Velkomst\n2. Inhouse-modellen",
		.location = "Jobcenter Silkeborg, Drewsensvej 1",
		.organizer_name = "Søren Silkeborg", .organizer_email = "konsulent@silkeborg.example",
		.attendees = who, .nattendees = 2,
	};
	size_t len = 0;
	char *text = ical_write(a, "REQUEST", NULL, &e, 1, &len);
	assert_non_null(text);
	assert_int_equal(len, strlen(text));
	lines_ok(text);
	icalcomponent *cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_REQUEST);
	icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_non_null(v);
	assert_string_equal(icalcomponent_get_uid(v), "meeting-7@indgang.example");
	assert_int_equal(icalcomponent_get_sequence(v), 2);
	assert_string_equal(icalcomponent_get_summary(v), "Virksomhedsnetværk; første møde, Silkeborg");
	assert_string_equal(icalcomponent_get_description(v), "Dagsorden:\n1. Velkomst\n2. Inhouse-modellen");
	assert_string_equal(icalcomponent_get_location(v), "Jobcenter Silkeborg, Drewsensvej 1");
	/* 09:00 in Danish winter time is 08:00 UTC */
	struct icaltimetype start = icalcomponent_get_dtstart(v), end = icalcomponent_get_dtend(v);
	assert_true(icaltime_is_utc(start));
	assert_int_equal(start.hour, 8);
	assert_int_equal(end.hour, 10);
	assert_int_equal(end.minute, 30);
	assert_int_equal(icalcomponent_get_status(v), ICAL_STATUS_CONFIRMED);
	assert_int_equal(icalcomponent_count_properties(v, ICAL_ATTENDEE_PROPERTY), 2);
	icalproperty *org = icalcomponent_get_first_property(v, ICAL_ORGANIZER_PROPERTY);
	assert_string_equal(icalproperty_get_organizer(org), "mailto:konsulent@silkeborg.example");
	assert_non_null(icalcomponent_get_first_property(v, ICAL_DTSTAMP_PROPERTY));
	icalcomponent_free(cal);
	/* in summer time 09:00 is 07:00 UTC; without an end the meeting lasts an hour */
	struct ical_event summer = {.uid = "meeting-8@indgang.example", .start = "2016-06-09T09:00",
	                            .summary = "Sommermøde"};
	text = ical_write(a, "REQUEST", NULL, &summer, 1, &len);
	cal = icalparser_parse_string(text);
	v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_int_equal(icalcomponent_get_dtstart(v).hour, 7);
	assert_int_equal(icalcomponent_get_dtend(v).hour, 8);
	icalcomponent_free(cal);
	time_t t;
	assert_true(ical_local_time("2016-03-27T03:30", &t));
	assert_true(t == 1459042200); /* just after the change to summer time: 01:30 UTC */
}

static void a_cancellation(void **state)
{
	struct arena *a = *state;
	struct ical_event e = {.uid = "meeting-7@indgang.example", .sequence = 3, .start = "2015-11-12T09:00",
	                       .summary = "Virksomhedsnetværk", .cancelled = true};
	size_t len;
	char *text = ical_write(a, "CANCEL", NULL, &e, 1, &len);
	icalcomponent *cal = icalparser_parse_string(text);
	assert_int_equal(icalcomponent_get_method(cal), ICAL_METHOD_CANCEL);
	icalcomponent *v = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	assert_int_equal(icalcomponent_get_status(v), ICAL_STATUS_CANCELLED);
	assert_int_equal(icalcomponent_get_sequence(v), 3);
	icalcomponent_free(cal);
}

static void a_feed(void **state)
{
	struct arena *a = *state;
	struct ical_event ev[3] = {
		{.uid = "m-1@indgang", .start = "2015-11-12T09:00", .summary = "Møde 1"},
		{.uid = "m-2@indgang", .start = "2016-02-12T09:00", .summary = "Møde 2"},
		{.uid = "m-3@indgang", .start = "2016-05-12T09:00", .summary = "Møde 3", .cancelled = true},
	};
	size_t len;
	char *text = ical_write(a, NULL, "Virksomhedsnetværk Silkeborg", ev, 3, &len);
	assert_non_null(text);
	lines_ok(text);
	assert_null(strstr(text, "METHOD:"));
	assert_non_null(strstr(text, "X-WR-CALNAME:Virksomhedsnetværk Silkeborg\r\n"));
	icalcomponent *cal = icalparser_parse_string(text);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 3);
	icalcomponent_free(cal);
	/* an empty feed is still a calendar */
	text = ical_write(a, NULL, "Tom", NULL, 0, &len);
	cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 0);
	icalcomponent_free(cal);
}

static void refuses_invalid_events(void **state)
{
	struct arena *a = *state;
	static const struct ical_event bad[] = {
		{.uid = "x@i", .start = "2015-11-31T09:00", .summary = "31. november"},
		{.uid = "x@i", .start = "2015-11-12 09:00", .summary = "Mellemrum"},
		{.uid = "x@i", .start = "2015-11-12T25:00", .summary = "Klokken 25"},
		{.uid = "x@i", .start = "2015-11-12T09:00", .end = "2015-11-12T08:00", .summary = "Slut før start"},
		{.uid = "", .start = "2015-11-12T09:00", .summary = "Uden UID"},
		{.uid = "x@i", .start = "2015-11-12T09:00", .summary = NULL},
		{.uid = "x@i", .start = NULL, .summary = "Uden tid"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		size_t len = 0;
		if (ical_write(a, "REQUEST", NULL, &bad[i], 1, &len) != NULL)
			fail_msg("event %zu was written", i);
	}
	time_t t;
	assert_false(ical_local_time("2015-02-29T10:00", &t));
	assert_false(ical_local_time("2015-02-28T10:00x", &t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(an_invitation, setup, teardown),
		cmocka_unit_test_setup_teardown(a_cancellation, setup, teardown),
		cmocka_unit_test_setup_teardown(a_feed, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_invalid_events, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
