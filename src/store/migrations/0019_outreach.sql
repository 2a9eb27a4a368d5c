-- 0019_outreach: outreach and the establishment phase (issue 17, items 1-3): the municipality's
-- contacts with enterprises (visits, calls, meetings, mails) with follow-ups reminded through the
-- outbox; leads (possible new enterprises or branches) with the history of their stages; and
-- support plans for enterprises in their establishment phase (a checklist and milestones).

-- A contact the staff of a municipality had with an enterprise of the registry. Only the staff of
-- that municipality see it (the public and the enterprise never do).
CREATE TABLE outreach_contacts (
	id INTEGER PRIMARY KEY,
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
	-- the municipality whose staff logged it: the enterprise's home or one it works with
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	user_email TEXT NOT NULL DEFAULT '',
	date TEXT NOT NULL CHECK (date(date) = date),
	kind TEXT NOT NULL CHECK (kind IN ('besoeg', 'telefon', 'moede', 'mail')),
	participants TEXT NOT NULL DEFAULT '' CHECK (length(participants) <= 500),
	topic TEXT NOT NULL CHECK (length(topic) BETWEEN 1 AND 300),
	notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
	follow_up TEXT CHECK (follow_up IS NULL OR date(follow_up) = follow_up),
	-- when the follow-up's reminder was queued (each is reminded once)
	reminded_at TEXT,
	created_at TEXT NOT NULL
);
CREATE INDEX outreach_contacts_kommune ON outreach_contacts (kommune, date);
CREATE INDEX outreach_contacts_enterprise ON outreach_contacts (enterprise_id, date);
CREATE INDEX outreach_contacts_due ON outreach_contacts (follow_up) WHERE reminded_at IS NULL;

-- A possible new enterprise or branch, and where it stands.
CREATE TABLE outreach_leads (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
	origin TEXT NOT NULL CHECK (origin IN ('company_spinoff', 'kommune_spinoff', 'existing_outside', 'local_idea')),
	-- the company or person behind it
	behind TEXT NOT NULL DEFAULT '' CHECK (length(behind) <= 300),
	stage TEXT NOT NULL CHECK (stage IN ('ide', 'dialog', 'forberedelse', 'etableret', 'opgivet')),
	stage_since TEXT NOT NULL CHECK (date(stage_since) = stage_since),
	owner_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	next_step TEXT NOT NULL DEFAULT '' CHECK (length(next_step) <= 500),
	next_step_date TEXT CHECK (next_step_date IS NULL OR date(next_step_date) = next_step_date),
	-- the registry entry it became or was linked to at `etableret`
	enterprise_id INTEGER REFERENCES enterprises (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX outreach_leads_kommune ON outreach_leads (kommune, stage);

-- Every stage a lead entered, with the date: the lead's history.
CREATE TABLE outreach_lead_stages (
	id INTEGER PRIMARY KEY,
	lead_id INTEGER NOT NULL REFERENCES outreach_leads (id) ON DELETE CASCADE,
	stage TEXT NOT NULL CHECK (stage IN ('ide', 'dialog', 'forberedelse', 'etableret', 'opgivet')),
	date TEXT NOT NULL CHECK (date(date) = date),
	user_email TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outreach_lead_stages_lead ON outreach_lead_stages (lead_id, id);

-- The support plan of an enterprise in its establishment phase: one per enterprise, kept by the
-- staff of its home municipality.
CREATE TABLE outreach_plans (
	id INTEGER PRIMARY KEY,
	enterprise_id INTEGER NOT NULL UNIQUE REFERENCES enterprises (id) ON DELETE CASCADE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX outreach_plans_kommune ON outreach_plans (kommune);

-- The business-plan checklist: each item done or not, with a note.
CREATE TABLE outreach_plan_items (
	plan_id INTEGER NOT NULL REFERENCES outreach_plans (id) ON DELETE CASCADE,
	item TEXT NOT NULL CHECK (item IN ('crit_purpose', 'crit_sells', 'crit_reinvests', 'crit_independent', 'crit_cvr', 'budget', 'market', 'target_groups', 'jobcenter_agreement', 'collective_agreements')),
	done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
	note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
	PRIMARY KEY (plan_id, item)
);

-- Milestones of a plan, reminded like a contact's follow-up.
CREATE TABLE outreach_milestones (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES outreach_plans (id) ON DELETE CASCADE,
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	owner_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
	due TEXT NOT NULL CHECK (date(due) = due),
	done_at TEXT,
	reminded_at TEXT,
	created_at TEXT NOT NULL
);
CREATE INDEX outreach_milestones_plan ON outreach_milestones (plan_id, due);
CREATE INDEX outreach_milestones_due ON outreach_milestones (due) WHERE reminded_at IS NULL AND done_at IS NULL;
