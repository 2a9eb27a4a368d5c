-- 0020_events_guidance: events (seminars, social entrepreneur days, award ceremonies) with
-- sign-ups, a waiting list and attendance; and the guidance library: documents and links the
-- municipality's staff share, national ones from the administrator (kommune NULL).

-- ---- events

-- Times are Danish local time 'YYYY-MM-DDTHH:MM'. sequence is the iCalendar SEQUENCE, raised
-- when the time or place changes; cancelled_at is set when the event is called off.
CREATE TABLE events (
	id INTEGER PRIMARY KEY,
	kommune TEXT REFERENCES kommuner (kode),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	description TEXT NOT NULL DEFAULT '',
	kind TEXT NOT NULL DEFAULT 'andet'
		CHECK (kind IN ('seminar', 'ivaerksaetterdag', 'prisuddeling', 'kursus', 'andet')),
	starts_at TEXT NOT NULL CHECK (length(starts_at) = 16),
	ends_at TEXT NOT NULL CHECK (length(ends_at) = 16 AND ends_at >= starts_at),
	place TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
	public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
	capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity BETWEEN 0 AND 100000),
	signup_deadline TEXT CHECK (signup_deadline IS NULL OR length(signup_deadline) = 10),
	sequence INTEGER NOT NULL DEFAULT 0,
	cancelled_at TEXT,
	created_by INTEGER, -- the user who created it (no foreign key: users are never deleted)
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX events_kommune ON events (kommune, starts_at);
CREATE INDEX events_public ON events (public, starts_at);

-- One person's sign-up. status 'confirmed' or 'waitlist' while active; 'cancelled' once
-- cancelled (kept for the count and the audit, its e-mail free to sign up again).
-- token_hash is the SHA-256 (hex) of the secret in the cancellation link.
CREATE TABLE event_signups (
	id INTEGER PRIMARY KEY,
	event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
	status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlist', 'cancelled')),
	token_hash TEXT NOT NULL,
	attended INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),
	reminded_at TEXT,
	created_at TEXT NOT NULL,
	cancelled_at TEXT
);
CREATE INDEX event_signups_event ON event_signups (event_id, status, id);
-- one active sign-up per e-mail and event (lower-cased by the domain)
CREATE UNIQUE INDEX event_signups_email ON event_signups (event_id, email)
	WHERE status <> 'cancelled';

-- ---- the guidance library

-- A document (file_data with its checked type) or a link (url), never both.
CREATE TABLE guidance (
	id INTEGER PRIMARY KEY,
	kommune TEXT REFERENCES kommuner (kode),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	summary TEXT NOT NULL DEFAULT '',
	-- free words, space-separated, lower-case
	tags TEXT NOT NULL DEFAULT '',
	url TEXT,
	file_type TEXT CHECK (file_type IS NULL OR file_type IN ('pdf', 'docx', 'xlsx')),
	filename TEXT,
	file_data BLOB,
	file_size INTEGER NOT NULL DEFAULT 0,
	owner_id INTEGER, -- the user who owns it (no foreign key: users are never deleted)
	review_date TEXT CHECK (review_date IS NULL OR length(review_date) = 10),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	CHECK ((url IS NULL) <> (file_type IS NULL))
);
CREATE INDEX guidance_kommune ON guidance (kommune, id);

-- Search: title, summary and tags as folded, stemmed Danish terms (registry_search.c)
CREATE VIRTUAL TABLE guidance_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');
