-- 0004_entry: one entry point — inquiries from enterprises and entrepreneurs, routing to units
-- and partners, cases with notes and referrals, advisory sessions, and the outbox of mail.

-- a municipality's units (jobcenter, business centre, procurement, ...) and outside partners
-- (a bank, the unions, rural-development funds)
CREATE TABLE entry_units (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	kind TEXT NOT NULL CHECK (kind IN ('unit', 'partner')),
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	email TEXT NOT NULL DEFAULT '',
	UNIQUE (kommune, name)
);

-- which topic goes to which unit and person, per municipality
CREATE TABLE entry_routes (
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	topic TEXT NOT NULL CHECK (topic IN ('start', 'business', 'employment', 'funding', 'procurement', 'partnership', 'other')),
	unit_id INTEGER REFERENCES entry_units (id) ON DELETE SET NULL,
	assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	PRIMARY KEY (kommune, topic)
);

-- the answer deadline in working days, per municipality
CREATE TABLE entry_settings (
	kommune TEXT PRIMARY KEY REFERENCES kommuner (kode),
	answer_days INTEGER NOT NULL DEFAULT 5 CHECK (answer_days BETWEEN 1 AND 60)
);

CREATE TABLE inquiries (
	id INTEGER PRIMARY KEY,
	year INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	reference TEXT NOT NULL UNIQUE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	name TEXT NOT NULL,
	email TEXT NOT NULL,
	phone TEXT NOT NULL DEFAULT '',
	cvr TEXT,
	organisation TEXT NOT NULL DEFAULT '',
	enterprise_id INTEGER REFERENCES enterprises (id) ON DELETE SET NULL,
	topic TEXT NOT NULL CHECK (topic IN ('start', 'business', 'employment', 'funding', 'procurement', 'partnership', 'other')),
	message TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'referred', 'waiting', 'closed')),
	outcome TEXT NOT NULL DEFAULT '',
	assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	unit_id INTEGER REFERENCES entry_units (id) ON DELETE SET NULL,
	next_action TEXT NOT NULL DEFAULT '',
	next_action_date TEXT CHECK (next_action_date IS NULL OR date(next_action_date) = next_action_date),
	received_at TEXT NOT NULL,
	received_date TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	closed_at TEXT,
	UNIQUE (year, seq)
);
CREATE INDEX inquiries_kommune ON inquiries (kommune, status, received_at);

CREATE TABLE inquiry_notes (
	id INTEGER PRIMARY KEY,
	inquiry_id INTEGER NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
	user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	at TEXT NOT NULL,
	text TEXT NOT NULL
);

CREATE TABLE inquiry_referrals (
	id INTEGER PRIMARY KEY,
	inquiry_id INTEGER NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES entry_units (id),
	at TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	result TEXT NOT NULL DEFAULT ''
);

CREATE TABLE advisory_sessions (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	date TEXT NOT NULL CHECK (date(date) = date),
	topic TEXT NOT NULL CHECK (topic IN ('business', 'employment')),
	minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
	enterprise_id INTEGER REFERENCES enterprises (id) ON DELETE SET NULL,
	entrepreneur TEXT NOT NULL DEFAULT '',
	consultant_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	follow_up TEXT NOT NULL DEFAULT '',
	inquiry_id INTEGER REFERENCES inquiries (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	CHECK (enterprise_id IS NOT NULL OR entrepreneur <> '')
);
CREATE INDEX advisory_sessions_kommune ON advisory_sessions (kommune, date);

-- every outgoing message; never deleted, delivered with retries
CREATE TABLE outbox (
	id INTEGER PRIMARY KEY,
	kommune TEXT REFERENCES kommuner (kode),
	to_addr TEXT NOT NULL,
	subject TEXT NOT NULL,
	body TEXT NOT NULL,
	created_at TEXT NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt INTEGER NOT NULL DEFAULT 0,
	sent_at TEXT,
	last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox (sent_at, next_attempt);
