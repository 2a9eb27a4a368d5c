-- 0021_partnerships: partnership agreements of a municipality (or national ones, kommune NULL,
-- kept by the administrator) — partnerships, cooperation agreements for citizens in forløb
-- (the report's 4.3.2), usage agreements in a housing area (chapter 5) — with their parties and
-- roles, a follow-up group with one chair, the signed agreement as a PDF and an action plan.
-- Jammerbugt's agreement of May 2015 (4.2.1-4.2.2) is the model.
CREATE TABLE partnerships (
	id INTEGER PRIMARY KEY,
	kommune TEXT REFERENCES kommuner (kode),
	kind TEXT NOT NULL DEFAULT 'partnerskab'
		CHECK (kind IN ('partnerskab', 'samarbejdsaftale', 'brugsaftale', 'andet')),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	purpose TEXT NOT NULL DEFAULT '',
	starts_on TEXT NOT NULL CHECK (date(starts_on) = starts_on),
	-- NULL: until further notice
	ends_on TEXT CHECK (ends_on IS NULL OR (date(ends_on) = ends_on AND ends_on >= starts_on)),
	-- readable by anyone (without the parties' e-mail addresses)
	public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
	-- the staff member responsible: reminders go here when the owner party has no e-mail
	owner_user_id INTEGER REFERENCES users (id),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX partnerships_kommune ON partnerships (kommune, starts_on);

-- a party is the municipality itself, an enterprise of the registry or another organisation
CREATE TABLE partnership_parties (
	id INTEGER PRIMARY KEY,
	partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('kommune', 'enterprise', 'organisation')),
	enterprise_id INTEGER REFERENCES enterprises (id),
	name TEXT NOT NULL DEFAULT '' CHECK (length(name) <= 200),
	contact_name TEXT NOT NULL DEFAULT '' CHECK (length(contact_name) <= 200),
	email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
	role TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 2000),
	created_at TEXT NOT NULL,
	CHECK ((kind = 'enterprise') = (enterprise_id IS NOT NULL)),
	CHECK (kind <> 'organisation' OR length(name) >= 1)
);
CREATE INDEX partnership_parties_partnership ON partnership_parties (partnership_id, id);

-- the follow-up group (følgegruppe); at most one chair (formand) per agreement
CREATE TABLE partnership_members (
	id INTEGER PRIMARY KEY,
	partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	organisation TEXT NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
	email TEXT NOT NULL DEFAULT '' CHECK (length(email) <= 254),
	chair INTEGER NOT NULL DEFAULT 0 CHECK (chair IN (0, 1)),
	created_at TEXT NOT NULL
);
CREATE INDEX partnership_members_partnership ON partnership_members (partnership_id, id);
CREATE UNIQUE INDEX partnership_members_chair ON partnership_members (partnership_id) WHERE chair = 1;

-- the action plan: every item is owned by a party of the same agreement
CREATE TABLE partnership_actions (
	id INTEGER PRIMARY KEY,
	partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	owner_party_id INTEGER NOT NULL REFERENCES partnership_parties (id),
	due TEXT CHECK (due IS NULL OR date(due) = due),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
	done_at TEXT,
	note TEXT NOT NULL DEFAULT '',
	-- the due date a reminder was sent for: each item is reminded once per due date
	reminded_for TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX partnership_actions_partnership ON partnership_actions (partnership_id, id);
CREATE INDEX partnership_actions_due ON partnership_actions (status, due);

-- the signed agreement: one PDF per agreement, replaced by a new upload
CREATE TABLE partnership_documents (
	partnership_id INTEGER PRIMARY KEY REFERENCES partnerships (id) ON DELETE CASCADE,
	filename TEXT NOT NULL,
	size INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	data BLOB NOT NULL,
	uploaded_at TEXT NOT NULL
);
