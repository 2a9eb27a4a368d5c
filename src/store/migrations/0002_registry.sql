-- 0002_registry: social-economy enterprises and social entrepreneurs, their lifecycle by dates,
-- the managed lists of services and target groups, and the search index.

CREATE TABLE services (
	key TEXT PRIMARY KEY,
	label TEXT NOT NULL UNIQUE,
	position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE target_groups (
	key TEXT PRIMARY KEY,
	label TEXT NOT NULL UNIQUE,
	position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE enterprises (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
	-- ICU's Danish sort key of name: ORDER BY name_key is Danish order from a plain index
	name_key BLOB NOT NULL DEFAULT x'',
	-- 8 digits with the modulus-11 check; optional while an idea or on the way
	cvr TEXT UNIQUE CHECK (cvr IS NULL OR length(cvr) = 8),
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	-- a social entrepreneur with no company yet: a person and an idea
	entrepreneur INTEGER NOT NULL DEFAULT 0 CHECK (entrepreneur IN (0, 1)),
	legal_form TEXT NOT NULL DEFAULT '' CHECK (legal_form IN ('', 'aps', 'ivs', 'as', 'smba', 'amba', 'fond', 'forening', 'selvejende', 'anden')),
	origin TEXT NOT NULL DEFAULT '' CHECK (origin IN ('', 'social_entrepreneur', 'company_spinoff', 'kommune_spinoff', 'existing', 'existing_outside', 'association')),
	purpose_social INTEGER NOT NULL DEFAULT 0 CHECK (purpose_social IN (0, 1)),
	purpose_health INTEGER NOT NULL DEFAULT 0 CHECK (purpose_health IN (0, 1)),
	purpose_environment INTEGER NOT NULL DEFAULT 0 CHECK (purpose_environment IN (0, 1)),
	-- the five criteria of the government's definition, as bits: 1 purpose, 2 sells goods or
	-- services, 4 reinvests any surplus, 8 independent of the public sector, 16 has a CVR number
	criteria INTEGER NOT NULL DEFAULT 0 CHECK (criteria BETWEEN 0 AND 31),
	contact_name TEXT NOT NULL DEFAULT '',
	contact_email TEXT NOT NULL DEFAULT '',
	contact_phone TEXT NOT NULL DEFAULT '',
	address TEXT NOT NULL DEFAULT '',
	website TEXT NOT NULL DEFAULT '',
	description TEXT NOT NULL DEFAULT '',
	-- lifecycle: the status on any day is derived from these dates, never stored
	pipeline_since TEXT CHECK (pipeline_since IS NULL OR date(pipeline_since) = pipeline_since),
	established TEXT CHECK (established IS NULL OR date(established) = established),
	rsv_registered TEXT CHECK (rsv_registered IS NULL OR date(rsv_registered) = rsv_registered),
	closed TEXT CHECK (closed IS NULL OR date(closed) = closed),
	-- where the row came from: '' entered here, 'report-2015' or 'filler' for the demo data
	source TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX enterprises_kommune ON enterprises (kommune);
CREATE INDEX enterprises_name ON enterprises (name);
CREATE INDEX enterprises_name_key ON enterprises (name_key, id);

-- a virksomhed user represents one enterprise and may edit its profile
ALTER TABLE users ADD COLUMN enterprise_id INTEGER REFERENCES enterprises (id) ON DELETE SET NULL;

-- other municipalities that work with the enterprise (Bilag 1: across borders)
CREATE TABLE enterprise_kommuner (
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
	kommune TEXT NOT NULL REFERENCES kommuner (kode),
	PRIMARY KEY (enterprise_id, kommune)
);
CREATE INDEX enterprise_kommuner_kommune ON enterprise_kommuner (kommune);

CREATE TABLE enterprise_services (
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
	service TEXT NOT NULL REFERENCES services (key),
	PRIMARY KEY (enterprise_id, service)
);
CREATE INDEX enterprise_services_service ON enterprise_services (service);

CREATE TABLE enterprise_targets (
	enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
	target TEXT NOT NULL REFERENCES target_groups (key),
	PRIMARY KEY (enterprise_id, target)
);
CREATE INDEX enterprise_targets_target ON enterprise_targets (target);

-- Search: the name and description as folded, stemmed Danish terms (see registry_search.c),
-- one row per enterprise with rowid = enterprises.id.
CREATE VIRTUAL TABLE enterprise_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');

INSERT INTO services (key, label, position) VALUES
	('kantine', 'Kantine og catering', 1),
	('rengoering', 'Rengøring', 2),
	('haveservice', 'Have- og parkservice', 3),
	('pedel', 'Pedel og vicevært', 4),
	('it', 'IT og digitalisering', 5),
	('cafe', 'Café', 6),
	('hotel', 'Hotel og overnatning', 7),
	('genbrug', 'Genbrug og reparation', 8),
	('koebmand', 'Købmand og butik', 9),
	('haandvaerk', 'Håndværk og byggeri', 10),
	('pakning', 'Pakning og montage', 11),
	('tekstil', 'Tekstil og syning', 12),
	('transport', 'Transport og cykler', 13),
	('kultur', 'Kultur og oplevelser', 14),
	('design', 'Design og tryk', 15),
	('fodevarer', 'Fødevarer og landbrug', 16),
	('raadgivning', 'Rådgivning og uddannelse', 17),
	('omsorg', 'Omsorg og sundhed', 18);

INSERT INTO target_groups (key, label, position) VALUES
	('fleksjob', 'Fleksjob', 1),
	('ressourceforloeb', 'Ressourceforløb', 2),
	('udsatte_ledige', 'Udsatte ledige', 3),
	('handicap', 'Mennesker med handicap', 4),
	('unge', 'Unge', 5),
	('flygtninge', 'Flygtninge og indvandrere', 6),
	('psykisk_saarbare', 'Psykisk sårbare', 7),
	('misbrug', 'Mennesker med misbrug', 8),
	('hjemloese', 'Hjemløse', 9),
	('seniorer', 'Seniorer', 10);
