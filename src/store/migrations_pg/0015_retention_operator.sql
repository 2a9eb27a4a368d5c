-- 0015_retention_operator (PostgreSQL): how long a municipality keeps a closed inquiry before its personal
-- Translated from ../migrations/0015_retention_operator.sql.
-- data are erased (the promise of /privatliv, kept by `indgang inquiries purge`), and the
-- operator's contact on the legal pages.

-- years after an inquiry was closed; a municipality without a row keeps them 5 years
ALTER TABLE entry_settings ADD COLUMN retention_years bigint NOT NULL DEFAULT 5
	CHECK (retention_years BETWEEN 1 AND 10);

-- when the inquiry's personal data were erased (name, contact, message, notes); the row stays
-- with its municipality, topic, status and dates, so the figures still count it
ALTER TABLE inquiries ADD COLUMN purged_at TEXT;
CREATE INDEX inquiries_purge ON inquiries (closed_at) WHERE status = 'closed' AND purged_at IS NULL;

-- the organisation that runs this Indgang (the national operator): named with its contact on
-- the accessibility statement and the privacy notice; one row, kept by the administrator
CREATE TABLE site_operator (
	id bigint PRIMARY KEY CHECK (id = 1),
	name TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	phone TEXT NOT NULL DEFAULT '',
	address TEXT NOT NULL DEFAULT '',
	updated_by bigint REFERENCES users (id) ON DELETE SET NULL,
	updated_at TEXT
);
