-- 0003_surveys: questionnaires versioned in the database, rounds sent to municipalities, and
-- the municipalities' answers.

CREATE TABLE surveys (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
	title TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- every definition ever given, as sent: the history of the questionnaire
CREATE TABLE survey_versions (
	survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
	version INTEGER NOT NULL,
	definition TEXT NOT NULL,
	created_at TEXT NOT NULL,
	PRIMARY KEY (survey_id, version)
);

CREATE TABLE survey_questions (
	id INTEGER PRIMARY KEY,
	survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
	code TEXT NOT NULL,
	position INTEGER NOT NULL,
	type TEXT NOT NULL CHECK (type IN ('single', 'multi', 'matrix', 'number', 'text')),
	text TEXT NOT NULL,
	help TEXT NOT NULL DEFAULT '',
	required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
	min_value INTEGER,
	max_value INTEGER,
	UNIQUE (survey_id, code)
);

-- options of single, multi and matrix questions, and items of matrix questions, in order
CREATE TABLE survey_choices (
	question_id INTEGER NOT NULL REFERENCES survey_questions (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('option', 'item')),
	key TEXT NOT NULL,
	label TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (question_id, kind, key)
);

CREATE TABLE survey_rounds (
	id INTEGER PRIMARY KEY,
	survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
	code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
	title TEXT NOT NULL DEFAULT '',
	opens TEXT CHECK (opens IS NULL OR date(opens) = opens),
	closes TEXT CHECK (closes IS NULL OR date(closes) = closes),
	created_at TEXT NOT NULL,
	UNIQUE (survey_id, code)
);

-- the municipalities a round was sent to
CREATE TABLE survey_round_kommuner (
	round_id INTEGER NOT NULL REFERENCES survey_rounds (id) ON DELETE CASCADE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	PRIMARY KEY (round_id, kommune)
);

-- one municipality's answer to one round: a draft until submitted
CREATE TABLE survey_responses (
	id INTEGER PRIMARY KEY,
	round_id INTEGER NOT NULL REFERENCES survey_rounds (id) ON DELETE CASCADE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	submitted_at TEXT,
	-- reopened by the administrator after the round closed: the konsulent may answer again
	reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened IN (0, 1)),
	updated_at TEXT NOT NULL,
	UNIQUE (round_id, kommune)
);

-- the answer's cells: a chosen option (single: one, multi: any, matrix: one per item), a number,
-- or a text; item '' and option '' where they do not apply
CREATE TABLE survey_answers (
	response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
	question_id INTEGER NOT NULL REFERENCES survey_questions (id),
	item TEXT NOT NULL DEFAULT '',
	option TEXT NOT NULL DEFAULT '',
	number INTEGER,
	text TEXT,
	PRIMARY KEY (response_id, question_id, item, option)
);
CREATE INDEX survey_answers_question ON survey_answers (question_id, item, option);
