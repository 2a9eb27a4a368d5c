-- 0023_funding_pools: the national grant pool (the report's Forord: 17 municipalities, 7 mio.
-- kr., at most 500,000 kr. each, four national network meetings) with applications, grants,
-- payments, reported spend and the obligation to attend the pool's network meetings; and the
-- catalogue of funding sources entrepreneurs cannot find (3.10) with the sources an advisor
-- suggests on an inquiry of topic funding. Amounts are whole øre.
CREATE TABLE pools (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	total_ore INTEGER NOT NULL CHECK (total_ore > 0),
	max_ore INTEGER NOT NULL CHECK (max_ore > 0 AND max_ore <= total_ore),
	period_start TEXT NOT NULL CHECK (date(period_start) = period_start),
	period_end TEXT NOT NULL CHECK (date(period_end) = period_end AND period_end >= period_start),
	obligations TEXT NOT NULL DEFAULT '',
	-- the network meetings of network_id each municipality must attend; 0 none
	meetings_required INTEGER NOT NULL DEFAULT 0 CHECK (meetings_required BETWEEN 0 AND 100),
	network_id INTEGER REFERENCES networks (id),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- the survey rounds that follow the pool's projects (the final report links to them)
CREATE TABLE pool_rounds (
	pool_id INTEGER NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	survey TEXT NOT NULL,
	round TEXT NOT NULL,
	PRIMARY KEY (pool_id, survey, round)
);

-- one application per municipality and pool
CREATE TABLE pool_applications (
	id INTEGER PRIMARY KEY,
	pool_id INTEGER NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
	activities TEXT NOT NULL DEFAULT '',
	status TEXT NOT NULL DEFAULT 'ansøgt' CHECK (status IN ('ansøgt', 'bevilget', 'afslået')),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	UNIQUE (pool_id, kommune)
);

CREATE TABLE pool_budget_lines (
	id INTEGER PRIMARY KEY,
	application_id INTEGER NOT NULL REFERENCES pool_applications (id) ON DELETE CASCADE,
	label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
	amount_ore INTEGER NOT NULL CHECK (amount_ore >= 0)
);
CREATE INDEX pool_budget_lines_application ON pool_budget_lines (application_id, id);

-- grants; the sum of a pool's grants never passes its total, nor a municipality's its maximum
-- (pools.c checks both in the transaction that inserts)
CREATE TABLE pool_grants (
	id INTEGER PRIMARY KEY,
	pool_id INTEGER NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
	application_id INTEGER REFERENCES pool_applications (id),
	-- the date of the decision (today when none is given)
	granted_on TEXT NOT NULL CHECK (date(granted_on) = granted_on),
	created_at TEXT NOT NULL
);
CREATE INDEX pool_grants_pool ON pool_grants (pool_id, kommune);

CREATE TABLE pool_payments (
	id INTEGER PRIMARY KEY,
	pool_id INTEGER NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	paid_on TEXT NOT NULL CHECK (date(paid_on) = paid_on),
	amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
	created_at TEXT NOT NULL
);
CREATE INDEX pool_payments_pool ON pool_payments (pool_id, kommune);

-- what a municipality reports it spent and did
CREATE TABLE pool_spend (
	id INTEGER PRIMARY KEY,
	pool_id INTEGER NOT NULL REFERENCES pools (id) ON DELETE CASCADE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	spent_on TEXT NOT NULL CHECK (date(spent_on) = spent_on),
	amount_ore INTEGER NOT NULL CHECK (amount_ore >= 0),
	text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
	created_at TEXT NOT NULL
);
CREATE INDEX pool_spend_pool ON pool_spend (pool_id, kommune);

-- funding sources: national (kommune NULL, kept by the administrator) or a municipality's own
CREATE TABLE funding_sources (
	id INTEGER PRIMARY KEY,
	kommune TEXT REFERENCES kommuner (kode),
	kind TEXT NOT NULL CHECK (kind IN ('fond', 'offentlig_pulje', 'bank', 'lag', 'crowdfunding', 'andet')),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	description TEXT NOT NULL DEFAULT '',
	amount_min_ore INTEGER CHECK (amount_min_ore IS NULL OR amount_min_ore >= 0),
	amount_max_ore INTEGER CHECK (amount_max_ore IS NULL OR amount_max_ore >= 0),
	-- the next deadline, or NULL; recurring says it in words ("hvert år 1. marts")
	deadline TEXT CHECK (deadline IS NULL OR date(deadline) = deadline),
	recurring TEXT NOT NULL DEFAULT '',
	eligible TEXT NOT NULL DEFAULT '',
	url TEXT NOT NULL DEFAULT '',
	public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX funding_sources_deadline ON funding_sources (deadline);
-- Search: title, description and who may apply as folded, stemmed Danish terms
CREATE VIRTUAL TABLE funding_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');

-- the sources an advisor suggests on an inquiry of topic funding
CREATE TABLE inquiry_funding (
	inquiry_id INTEGER NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
	source_id INTEGER NOT NULL REFERENCES funding_sources (id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	PRIMARY KEY (inquiry_id, source_id)
);
