-- 0016_outbox_parts: what a message carries besides its text: a calendar invitation
-- (text/calendar, shown by mail programs as an invitation to accept or decline) or a file.
CREATE TABLE outbox_parts (
	id INTEGER PRIMARY KEY,
	outbox_id INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
	-- the MIME type with its parameters, e.g. 'text/calendar; method=REQUEST; charset=utf-8'
	content_type TEXT NOT NULL CHECK (length(content_type) BETWEEN 3 AND 200),
	filename TEXT NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
	data BLOB NOT NULL
);
CREATE INDEX outbox_parts_outbox ON outbox_parts (outbox_id, id);
