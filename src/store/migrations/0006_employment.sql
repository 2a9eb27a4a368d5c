-- 0006_employment: jobs for citizens on the edge of the labour market — ordinary companies in
-- the registry, openings at enterprises, citizens kept by the jobcenter (CPR encrypted), matching
-- weights, placements with follow-ups.

-- an ordinary company hires citizens, takes an Inhouse group or is a CSR partner; it never
-- counts in Tabel 1 and 2
ALTER TABLE enterprises ADD COLUMN kind TEXT NOT NULL DEFAULT 'soev' CHECK (kind IN ('soev', 'company'));
CREATE INDEX enterprises_kind ON enterprises (kind, kommune);

-- the managed list of work tasks (the openings offer them, the citizens can do them)
CREATE TABLE tasks (
	key TEXT PRIMARY KEY,
	label TEXT NOT NULL UNIQUE,
	position INTEGER NOT NULL DEFAULT 0
);

-- the managed list of adaptations (an opening offers them, a citizen needs them)
CREATE TABLE adaptations (
	key TEXT PRIMARY KEY,
	label TEXT NOT NULL UNIQUE,
	position INTEGER NOT NULL DEFAULT 0
);

-- Openings (stillinger og pladser). schemes and times are bit sets of fixed lists (see
-- employment.h): schemes 1 ordinaer, 2 fleksjob, 4 ressourceforloeb, 8 praktik,
-- 16 loentilskud; times 1 morgen, 2 dag, 4 eftermiddag, 8 aften, 16 fleksibel.
CREATE TABLE openings (
	id INTEGER PRIMARY KEY,
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
	title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
	description TEXT NOT NULL DEFAULT '',
	disco TEXT CHECK (disco IS NULL OR (length(disco) = 4 AND disco NOT GLOB '*[^0-9]*')),
	schemes INTEGER NOT NULL CHECK (schemes BETWEEN 1 AND 31),
	hours_min INTEGER NOT NULL CHECK (hours_min BETWEEN 1 AND 37),
	hours_max INTEGER NOT NULL CHECK (hours_max BETWEEN hours_min AND 37),
	times INTEGER NOT NULL CHECK (times BETWEEN 1 AND 31),
	inhouse INTEGER NOT NULL DEFAULT 0 CHECK (inhouse IN (0, 1)),
	seats INTEGER NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 500),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
	starts TEXT CHECK (starts IS NULL OR date(starts) = starts),
	ends TEXT CHECK (ends IS NULL OR date(ends) = ends),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX openings_enterprise ON openings (enterprise_id, status);
CREATE INDEX openings_status ON openings (status, id);

CREATE TABLE opening_tasks (
	opening_id INTEGER NOT NULL REFERENCES openings (id) ON DELETE CASCADE,
	task TEXT NOT NULL REFERENCES tasks (key),
	PRIMARY KEY (opening_id, task)
);
CREATE INDEX opening_tasks_task ON opening_tasks (task);

CREATE TABLE opening_adaptations (
	opening_id INTEGER NOT NULL REFERENCES openings (id) ON DELETE CASCADE,
	adaptation TEXT NOT NULL REFERENCES adaptations (key),
	PRIMARY KEY (opening_id, adaptation)
);

-- Citizens (borgere), kept by the jobkonsulent of their municipality. The CPR number is never
-- stored in clear: cpr_box is libsodium's secretbox (nonce then ciphertext) under the key
-- cpr_key of the key file outside the database, cpr_hash a keyed hash to find it by. After a
-- purge the row stays without name, CPR or profile (anonymized set), so placements still count.
CREATE TABLE citizens (
	id INTEGER PRIMARY KEY,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	name TEXT NOT NULL,
	cpr_box BLOB,
	cpr_key INTEGER,
	cpr_hash BLOB,
	phone TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	strengths TEXT NOT NULL DEFAULT '',
	wishes TEXT NOT NULL DEFAULT '',
	schemes INTEGER NOT NULL DEFAULT 0 CHECK (schemes BETWEEN 0 AND 31),
	hours_max INTEGER NOT NULL DEFAULT 37 CHECK (hours_max BETWEEN 1 AND 37),
	times INTEGER NOT NULL DEFAULT 31 CHECK (times BETWEEN 0 AND 31),
	travel TEXT NOT NULL DEFAULT 'kommune' CHECK (travel IN ('kommune', 'region', 'alle')),
	-- samtykke: the citizen agreed on consent_date to share the profile within consent_scope
	consent_date TEXT CHECK (consent_date IS NULL OR date(consent_date) = consent_date),
	consent_scope TEXT NOT NULL DEFAULT '' CHECK (consent_scope IN ('', 'matching', 'enterprise')),
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	-- the last change to the citizen or one of its placements (purge counts from here)
	active_at TEXT NOT NULL,
	anonymized_at TEXT
);
CREATE UNIQUE INDEX citizens_cpr ON citizens (kommune, cpr_hash) WHERE cpr_hash IS NOT NULL;
CREATE INDEX citizens_kommune ON citizens (kommune, anonymized_at, id);

CREATE TABLE citizen_tasks (
	citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
	task TEXT NOT NULL REFERENCES tasks (key),
	PRIMARY KEY (citizen_id, task)
);
CREATE INDEX citizen_tasks_task ON citizen_tasks (task);

CREATE TABLE citizen_needs (
	citizen_id INTEGER NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
	adaptation TEXT NOT NULL REFERENCES adaptations (key),
	PRIMARY KEY (citizen_id, adaptation)
);

-- the municipality's weights for the matching score (factor keys in employment.h); a factor
-- without a row has its default weight
CREATE TABLE match_weights (
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	factor TEXT NOT NULL,
	points INTEGER NOT NULL CHECK (points BETWEEN 0 AND 100),
	PRIMARY KEY (kommune, factor)
);

-- Placements (forløb og ansættelser). kommune is the citizen's municipality when placed, so the
-- figures count by it even after the citizen is anonymized.
CREATE TABLE placements (
	id INTEGER PRIMARY KEY,
	citizen_id INTEGER NOT NULL REFERENCES citizens (id),
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
	opening_id INTEGER REFERENCES openings (id) ON DELETE SET NULL,
	scheme TEXT NOT NULL CHECK (scheme IN ('ordinaer', 'fleksjob', 'ressourceforloeb', 'praktik', 'loentilskud')),
	start TEXT NOT NULL CHECK (date(start) = start),
	planned_end TEXT CHECK (planned_end IS NULL OR date(planned_end) = planned_end),
	end TEXT CHECK (end IS NULL OR date(end) = end),
	hours INTEGER CHECK (hours IS NULL OR hours BETWEEN 1 AND 37),
	inhouse INTEGER NOT NULL DEFAULT 0 CHECK (inhouse IN (0, 1)),
	outcome TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'ordinaert_job', 'fleksjob', 'uddannelse', 'andet_forloeb', 'afbrudt', 'ingen')),
	created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	CHECK (end IS NULL OR end >= start),
	CHECK (planned_end IS NULL OR planned_end >= start)
);
CREATE INDEX placements_citizen ON placements (citizen_id, start);
CREATE INDEX placements_kommune ON placements (kommune, start);
CREATE INDEX placements_enterprise ON placements (enterprise_id, start);
CREATE INDEX placements_opening ON placements (opening_id);

-- follow-up meetings of a placement; due ones are reminded through the outbox
CREATE TABLE placement_followups (
	id INTEGER PRIMARY KEY,
	placement_id INTEGER NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
	due TEXT NOT NULL CHECK (date(due) = due),
	note TEXT NOT NULL DEFAULT '',
	done_at TEXT,
	reminded_at TEXT
);
CREATE INDEX placement_followups_due ON placement_followups (due) WHERE done_at IS NULL;
CREATE INDEX placement_followups_placement ON placement_followups (placement_id, due);

INSERT INTO tasks (key, label, position) VALUES
	('rengoering', 'Rengøring', 1),
	('koekken', 'Køkken', 2),
	('kantine', 'Kantine og servering', 3),
	('lager', 'Lager og pakning', 4),
	('have', 'Have og park', 5),
	('butik', 'Butik', 6),
	('kundeservice', 'Kundeservice', 7),
	('kontor', 'Kontor og administration', 8),
	('it', 'IT', 9),
	('transport', 'Transport og chauffør', 10),
	('haandvaerk', 'Håndværk', 11),
	('pleje', 'Pleje og omsorg', 12),
	('montage', 'Montage og produktion', 13),
	('genbrug', 'Genbrug og reparation', 14),
	('pedel', 'Pedel og vicevært', 15);

INSERT INTO adaptations (key, label, position) VALUES
	('henteordning', 'Henteordning', 1),
	('fast_mentor', 'Fast mentor', 2),
	('rolige_omgivelser', 'Rolige omgivelser', 3),
	('fleksibel_moedetid', 'Fleksibel mødetid', 4),
	('tilpasset_tempo', 'Tilpasset tempo', 5),
	('korte_dage', 'Korte arbejdsdage', 6),
	('handicapvenlig', 'Handicapvenlige adgangsforhold', 7),
	('faste_opgaver', 'Faste og forudsigelige opgaver', 8),
	('sprogstoette', 'Sprogstøtte', 9);
