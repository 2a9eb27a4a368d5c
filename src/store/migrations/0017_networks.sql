-- 0017_networks: networks of a municipality (or national ones, kommune NULL, kept by the
-- administrator) with their members, meetings, attendance, minutes and action items. The
-- report's Tabel 8 asks whether the municipality creates networks; its figures are counted
-- from these rows.
CREATE TABLE networks (
	id INTEGER PRIMARY KEY,
	kommune TEXT REFERENCES kommuner (kode),
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	purpose TEXT NOT NULL DEFAULT '',
	-- months between meetings: the next meeting is proposed this long after a held one; 0 none
	cadence_months INTEGER NOT NULL DEFAULT 0 CHECK (cadence_months BETWEEN 0 AND 24),
	-- the secret of the calendar feed's address (64 hex digits from libsodium's randombytes);
	-- a new one makes the old address stop working
	feed_token TEXT NOT NULL CHECK (length(feed_token) = 64),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX networks_kommune ON networks (kommune, id);

-- a member is an enterprise of the registry, a unit or partner of the one entry point, or a
-- person; removed members are kept (removed_at) so that past attendance still counts
CREATE TABLE network_members (
	id INTEGER PRIMARY KEY,
	network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'unit', 'person')),
	enterprise_id INTEGER REFERENCES enterprises (id),
	unit_id INTEGER REFERENCES entry_units (id),
	name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),
	email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
	organisation TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
	created_at TEXT NOT NULL,
	removed_at TEXT,
	CHECK ((kind = 'enterprise') = (enterprise_id IS NOT NULL)),
	CHECK ((kind = 'unit') = (unit_id IS NOT NULL)),
	CHECK (kind <> 'person' OR length(name) >= 1)
);
CREATE INDEX network_members_network ON network_members (network_id, id);

CREATE TABLE network_meetings (
	id INTEGER PRIMARY KEY,
	network_id INTEGER NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
	-- Danish local time YYYY-MM-DDTHH:MM
	starts_at TEXT NOT NULL CHECK (length(starts_at) = 16),
	ends_at TEXT CHECK (ends_at IS NULL OR length(ends_at) = 16),
	place TEXT NOT NULL DEFAULT '',
	agenda TEXT NOT NULL DEFAULT '',
	minutes TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
	-- the iCalendar SEQUENCE: raised on every change the invited see
	sequence INTEGER NOT NULL DEFAULT 0,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX network_meetings_network ON network_meetings (network_id, starts_at);

CREATE TABLE meeting_attendance (
	meeting_id INTEGER NOT NULL REFERENCES network_meetings (id) ON DELETE CASCADE,
	member_id INTEGER NOT NULL REFERENCES network_members (id),
	signed_up INTEGER NOT NULL DEFAULT 0 CHECK (signed_up IN (0, 1)),
	-- NULL: not yet recorded
	present INTEGER CHECK (present IS NULL OR present IN (0, 1)),
	PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE meeting_actions (
	id INTEGER PRIMARY KEY,
	meeting_id INTEGER NOT NULL REFERENCES network_meetings (id) ON DELETE CASCADE,
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	owner_member_id INTEGER REFERENCES network_members (id),
	owner_user_id INTEGER REFERENCES users (id),
	due TEXT CHECK (due IS NULL OR date(due) = due),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
	-- the due date a reminder was sent for: each is reminded once per due date
	reminded_for TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX meeting_actions_due ON meeting_actions (status, due);
CREATE INDEX meeting_actions_meeting ON meeting_actions (meeting_id, id);
