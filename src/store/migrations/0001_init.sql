-- 0001_init: municipalities, users, sessions, API tokens and the audit log.
-- The 98 municipalities with their official codes and regions (shared/data/kommuner.csv).

CREATE TABLE kommuner (
	kode TEXT PRIMARY KEY CHECK (length(kode) = 3),
	navn TEXT NOT NULL UNIQUE,
	region TEXT NOT NULL
);

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL CHECK (role IN ('admin', 'konsulent', 'jobkonsulent', 'indkoeber', 'virksomhed')),
	kommune TEXT REFERENCES kommuner (kode),
	password_hash TEXT NOT NULL,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	-- the national administrator belongs to no municipality, everyone else to exactly one
	CHECK ((role = 'admin' AND kommune IS NULL) OR (role <> 'admin' AND kommune IS NOT NULL))
);
CREATE INDEX users_kommune ON users (kommune, email);

-- A browser session: the cookie holds a random id, the table only its hash.
CREATE TABLE sessions (
	id_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	last_seen INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Bearer tokens for machine clients, stored as hashes, revocable.
CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	label TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	last_used_at TEXT,
	revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Every change and every read of personal data, appended in the same transaction as the change.
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	user_id INTEGER,
	user_email TEXT,
	kommune TEXT,
	action TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT,
	detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_entity ON audit (entity, entity_id);
CREATE INDEX audit_user ON audit (user_id, at);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;

INSERT INTO kommuner (kode, navn, region) VALUES ('101', 'København', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('147', 'Frederiksberg', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('151', 'Ballerup', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('153', 'Brøndby', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('155', 'Dragør', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('157', 'Gentofte', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('159', 'Gladsaxe', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('161', 'Glostrup', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('163', 'Herlev', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('165', 'Albertslund', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('167', 'Hvidovre', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('169', 'Høje-Taastrup', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('173', 'Lyngby-Taarbæk', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('175', 'Rødovre', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('183', 'Ishøj', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('185', 'Tårnby', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('187', 'Vallensbæk', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('190', 'Furesø', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('201', 'Allerød', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('210', 'Fredensborg', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('217', 'Helsingør', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('219', 'Hillerød', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('223', 'Hørsholm', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('230', 'Rudersdal', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('240', 'Egedal', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('250', 'Frederikssund', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('253', 'Greve', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('259', 'Køge', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('260', 'Halsnæs', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('265', 'Roskilde', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('269', 'Solrød', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('270', 'Gribskov', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('306', 'Odsherred', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('316', 'Holbæk', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('320', 'Faxe', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('326', 'Kalundborg', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('329', 'Ringsted', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('330', 'Slagelse', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('336', 'Stevns', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('340', 'Sorø', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('350', 'Lejre', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('360', 'Lolland', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('370', 'Næstved', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('376', 'Guldborgsund', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('390', 'Vordingborg', 'Sjælland');
INSERT INTO kommuner (kode, navn, region) VALUES ('400', 'Bornholm', 'Hovedstaden');
INSERT INTO kommuner (kode, navn, region) VALUES ('410', 'Middelfart', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('420', 'Assens', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('430', 'Faaborg-Midtfyn', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('440', 'Kerteminde', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('450', 'Nyborg', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('461', 'Odense', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('479', 'Svendborg', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('480', 'Nordfyns', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('482', 'Langeland', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('492', 'Ærø', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('510', 'Haderslev', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('530', 'Billund', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('540', 'Sønderborg', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('550', 'Tønder', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('561', 'Esbjerg', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('563', 'Fanø', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('573', 'Varde', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('575', 'Vejen', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('580', 'Aabenraa', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('607', 'Fredericia', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('615', 'Horsens', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('621', 'Kolding', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('630', 'Vejle', 'Syddanmark');
INSERT INTO kommuner (kode, navn, region) VALUES ('657', 'Herning', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('661', 'Holstebro', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('665', 'Lemvig', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('671', 'Struer', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('706', 'Syddjurs', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('707', 'Norddjurs', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('710', 'Favrskov', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('727', 'Odder', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('730', 'Randers', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('740', 'Silkeborg', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('741', 'Samsø', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('746', 'Skanderborg', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('751', 'Aarhus', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('756', 'Ikast-Brande', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('760', 'Ringkøbing-Skjern', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('766', 'Hedensted', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('773', 'Morsø', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('779', 'Skive', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('787', 'Thisted', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('791', 'Viborg', 'Midtjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('810', 'Brønderslev', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('813', 'Frederikshavn', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('820', 'Vesthimmerlands', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('825', 'Læsø', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('840', 'Rebild', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('846', 'Mariagerfjord', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('849', 'Jammerbugt', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('851', 'Aalborg', 'Nordjylland');
INSERT INTO kommuner (kode, navn, region) VALUES ('860', 'Hjørring', 'Nordjylland');
