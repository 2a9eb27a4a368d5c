/*
 * ical.c — iCalendar files through libical. Layer: view.
 */
#include "ical.h"

#include <libical/ical.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"

#define PRODID "-//Indgang//Indgang 1.0//DA"

static pthread_once_t tz_once = PTHREAD_ONCE_INIT;
static icaltimezone *copenhagen;

/* libical loads its zones on first use, which is not safe from several threads at once */
static void load_zone(void)
{
	copenhagen = icaltimezone_get_builtin_timezone("Europe/Copenhagen");
	(void)icaltimezone_get_utc_timezone();
}

/* "YYYY-MM-DDTHH:MM[:SS]" as a libical time in Danish local time, converted to UTC */
static bool local_to_utc(const char *s, struct icaltimetype *out)
{
	int y, mo, d, h, mi, se = 0;
	char tail;
	if (!s || (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &tail) != 6 &&
	           sscanf(s, "%4d-%2d-%2dT%2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5))
		return false;
	size_t n = strlen(s);
	if (n != 16 && n != 19)
		return false;
	if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59 ||
	    h < 0 || mi < 0 || se < 0 || d > icaltime_days_in_month(mo, y))
		return false;
	pthread_once(&tz_once, load_zone);
	if (!copenhagen)
		return false;
	struct icaltimetype t = icaltime_null_time();
	t.year = y;
	t.month = mo;
	t.day = d;
	t.hour = h;
	t.minute = mi;
	t.second = se;
	t = icaltime_set_timezone(&t, copenhagen);
	*out = icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
	return true;
}

bool ical_local_time(const char *s, time_t *t)
{
	struct icaltimetype u;
	if (!local_to_utc(s, &u))
		return false;
	*t = icaltime_as_timet(u);
	return true;
}

/* one VEVENT, or NULL when the event is not valid */
static icalcomponent *vevent(const struct ical_event *e, struct icaltimetype stamp)
{
	struct icaltimetype start, end;
	if (!e->uid || !*e->uid || !e->summary || !*e->summary || !local_to_utc(e->start, &start))
		return NULL;
	if (e->end) {
		if (!local_to_utc(e->end, &end) || icaltime_compare(end, start) < 0)
			return NULL;
	} else {
		struct icaldurationtype hour = icaldurationtype_null_duration();
		hour.hours = 1;
		end = icaltime_add(start, hour);
	}
	icalcomponent *v = icalcomponent_new_vevent();
	icalcomponent_add_property(v, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(v, icalproperty_new_sequence(e->sequence));
	icalcomponent_add_property(v, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(v, icalproperty_new_dtstart(start));
	icalcomponent_add_property(v, icalproperty_new_dtend(end));
	icalcomponent_add_property(v, icalproperty_new_summary(e->summary));
	if (e->description && *e->description)
		icalcomponent_add_property(v, icalproperty_new_description(e->description));
	if (e->location && *e->location)
		icalcomponent_add_property(v, icalproperty_new_location(e->location));
	if (e->url && *e->url)
		icalcomponent_add_property(v, icalproperty_new_url(e->url));
	icalcomponent_add_property(v, icalproperty_new_status(e->cancelled ? ICAL_STATUS_CANCELLED
	                                                                   : ICAL_STATUS_CONFIRMED));
	if (e->organizer_email && *e->organizer_email) {
		char mailto[320];
		snprintf(mailto, sizeof mailto, "mailto:%s", e->organizer_email);
		icalproperty *org = icalproperty_new_organizer(mailto);
		if (e->organizer_name && *e->organizer_name)
			icalproperty_add_parameter(org, icalparameter_new_cn(e->organizer_name));
		icalcomponent_add_property(v, org);
	}
	for (int i = 0; i < e->nattendees; i++) {
		char mailto[320];
		snprintf(mailto, sizeof mailto, "mailto:%s", e->attendees[i]);
		icalproperty *att = icalproperty_new_attendee(mailto);
		icalproperty_add_parameter(att, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(att, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
		icalproperty_add_parameter(att, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
		icalcomponent_add_property(v, att);
	}
	return v;
}

char *ical_write(struct arena *a, const char *method, const char *name,
                 const struct ical_event *ev, int n, size_t *len)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_prodid(PRODID));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	if (method)
		icalcomponent_add_property(cal, icalproperty_new_method(icalproperty_string_to_method(method)));
	if (name && *name) {
		icalproperty *x = icalproperty_new_x(name);
		icalproperty_set_x_name(x, "X-WR-CALNAME");
		icalcomponent_add_property(cal, x);
	}
	struct icaltimetype stamp = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
	for (int i = 0; i < n; i++) {
		icalcomponent *v = vevent(&ev[i], stamp);
		if (!v) {
			icalcomponent_free(cal);
			return NULL;
		}
		icalcomponent_add_component(cal, v);
	}
	char *text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!text)
		return NULL;
	*len = strlen(text);
	char *out = arena_strndup(a, text, *len);
	free(text);
	return out;
}
