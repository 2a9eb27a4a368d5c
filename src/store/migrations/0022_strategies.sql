-- strategies of a municipality with goals whose values are counted live from Indgang's own
-- data (the collab capability, src/collab/strategies*.c); a `manual` goal keeps dated values
-- entered by the staff.

CREATE TABLE strategies (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	-- who adopted it ("Byrådet") and when
	adopted_by TEXT NOT NULL DEFAULT '',
	adopted_on TEXT CHECK (adopted_on IS NULL OR date(adopted_on) = adopted_on),
	period_start TEXT NOT NULL CHECK (date(period_start) = period_start),
	period_end TEXT NOT NULL CHECK (date(period_end) = period_end),
	-- the strategy as a web address (http or https), '' when none
	link TEXT NOT NULL DEFAULT '',
	-- shown to everybody (the public and other municipalities) when 1
	public INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0, 1)),
	-- the strategy as a PDF, checked by content (pdf_check) and at most 10 MB
	document BLOB,
	document_name TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	CHECK (period_end >= period_start)
);
CREATE INDEX strategies_kommune ON strategies (kommune, period_start);

CREATE TABLE strategy_goals (
	id INTEGER PRIMARY KEY,
	strategy_id INTEGER NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
	metric TEXT NOT NULL CHECK (metric IN ('new_rsv_registered', 'established', 'spinoffs',
		'attracted', 'pipeline', 'advisory_sessions', 'network_meetings', 'positions',
		'fleksjob', 'inhouse_companies', 'soev_spend', 'manual')),
	baseline_date TEXT NOT NULL CHECK (date(baseline_date) = baseline_date),
	-- a count, or for soev_spend an amount in øre
	target INTEGER NOT NULL CHECK (target > 0),
	deadline TEXT NOT NULL CHECK (date(deadline) = deadline),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	CHECK (deadline > baseline_date)
);
CREATE INDEX strategy_goals_strategy ON strategy_goals (strategy_id, id);

-- the dated values of a manual goal, entered by the staff; never changed
CREATE TABLE goal_values (
	id INTEGER PRIMARY KEY,
	goal_id INTEGER NOT NULL REFERENCES strategy_goals (id) ON DELETE CASCADE,
	date TEXT NOT NULL CHECK (date(date) = date),
	value INTEGER NOT NULL,
	-- the user who entered it (an id kept as written, like the audit log; the name beside it)
	created_by INTEGER,
	created_by_name TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE INDEX goal_values_goal ON goal_values (goal_id, date);
