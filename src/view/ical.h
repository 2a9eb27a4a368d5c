/*
 * ical.h — iCalendar (RFC 5545) files made with libical: invitations to put in a message
 * (METHOD:REQUEST, and METHOD:CANCEL when a meeting is called off) and calendar feeds that
 * Outlook and Google Calendar subscribe to (no METHOD). Layer: view.
 *
 * Times are given as Danish local time ("2015-11-12T09:00", Europe/Copenhagen, summer time
 * included) and written in UTC, so no VTIMEZONE is needed and every program shows them in its
 * own zone. An event keeps its UID for life; its SEQUENCE is raised on every change the
 * attendees should see, so their programs replace the old version instead of adding one.
 */
#ifndef INDGANG_ICAL_H
#define INDGANG_ICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct arena;

struct ical_event {
	const char *uid;          /* stable for the event's life, e.g. "meeting-12@indgang" */
	int sequence;             /* 0 at first, raised on every change */
	const char *start, *end;  /* Danish local time "YYYY-MM-DDTHH:MM"; end may be NULL (1 hour) */
	const char *summary;      /* the title */
	const char *description, *location, *url; /* each may be NULL */
	const char *organizer_name, *organizer_email; /* NULL: no ORGANIZER */
	const char *const *attendees; /* e-mail addresses, RSVP requested */
	int nattendees;
	bool cancelled;           /* STATUS:CANCELLED (with method CANCEL in an invitation) */
};

/* ical_local_time: "YYYY-MM-DDTHH:MM" (or with ":SS") as Danish local time into *t (UTC
 * seconds); false when s is no such time. */
bool ical_local_time(const char *s, time_t *t);

/* ical_write: a VCALENDAR holding one VEVENT per event of ev[0..n), with PRODID, VERSION 2.0,
 * CALSCALE GREGORIAN, METHOD method (NULL for a feed) and, for a feed, the calendar's name
 * (X-WR-CALNAME, may be NULL). Lines end in CRLF and are folded at 75 octets. The text is owned
 * by a, *len its length; NULL when an event has no UID or summary or a time is not valid. */
char *ical_write(struct arena *a, const char *method, const char *name,
                 const struct ical_event *ev, int n, size_t *len);

#endif
