-- 0001_init (PostgreSQL): municipalities, users, sessions, API tokens and the audit log.
-- The 98 municipalities with their official codes and regions (shared/data/kommuner.csv).
-- Translated from ../migrations/0001_init.sql: INTEGER PRIMARY KEY is an identity column,
-- other integers bigint, dates and times stay TEXT (the stores compare them as text), the
-- append-only triggers call a function. Also what later migrations and the stores share: the
-- Danish collation "da" (ICU, as the SQLite build's), date_ok(), SQLite's "date(x) = x" check,
-- and SQLite's date and time functions (date, datetime, julianday, strftime).

CREATE COLLATION IF NOT EXISTS da (provider = icu, locale = 'da-DK');

-- a valid date written YYYY-MM-DD, as SQLite's CHECK (date(x) = x) has it
CREATE FUNCTION date_ok(t text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
	RETURN t ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND to_char(t::date, 'YYYY-MM-DD') = t;
EXCEPTION WHEN others THEN
	RETURN false;
END
$$;

-- SQLite's date and time functions as the stores call them, with SQLite's results: the time
-- value is 'now' (the statement's time, UTC) or text YYYY-MM-DD[THH:MM[:SS[.fff]]][Z] (a space
-- for the T too); the modifiers are '+N days', '-N hours', ... (day, hour, minute, second,
-- month, year; months and years as SQLite adds them: 31 January + 1 month is 2 or 3 March),
-- 'start of day', 'start of month', 'start of year', and 'localtime' and 'utc' (the session's
-- time zone, UTC on the connections of db_pg.c). A value that is not a time gives NULL,
-- as in SQLite; a modifier not listed here is an error, so that no statement silently reads
-- another time than on SQLite. strftime knows %Y %m %d %H %M %S %f %j %w %s %%.
CREATE FUNCTION sqlite_time(t text, mods text[]) RETURNS timestamp
LANGUAGE plpgsql STABLE AS $$
DECLARE
	v timestamp;
	m text;
	p text[];
	n numeric;
	months bigint;
BEGIN
	IF t IS NULL THEN
		RETURN NULL;
	END IF;
	IF lower(t) = 'now' THEN
		v := date_trunc('milliseconds', statement_timestamp() AT TIME ZONE 'UTC');
	ELSIF t ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?)?Z?$' THEN
		BEGIN
			v := CAST(replace(rtrim(t, 'Z'), 'T', ' ') AS timestamp);
		EXCEPTION WHEN others THEN
			RETURN NULL;
		END;
	ELSE
		RETURN NULL;
	END IF;
	FOREACH m IN ARRAY coalesce(mods, '{}') LOOP
		IF m IS NULL THEN
			RETURN NULL;
		END IF;
		m := lower(trim(m));
		p := regexp_match(m, '^([+-]?[0-9]+(\.[0-9]+)?) *(day|hour|minute|second|month|year)s?$');
		IF p IS NOT NULL THEN
			n := CAST(p[1] AS numeric);
			IF p[3] IN ('month', 'year') THEN
				months := CAST(trunc(n) AS bigint) * CASE p[3] WHEN 'year' THEN 12 ELSE 1 END;
				months := extract(year FROM v) * 12 + extract(month FROM v) - 1 + months;
				v := make_timestamp(CAST(months / 12 AS int), CAST(months % 12 + 1 AS int), 1, 0, 0, 0)
					+ (v - date_trunc('month', v));
			ELSE
				v := v + n * CAST('1 ' || p[3] AS interval);
			END IF;
		ELSIF m = 'start of day' THEN
			v := date_trunc('day', v);
		ELSIF m = 'start of month' THEN
			v := date_trunc('month', v);
		ELSIF m = 'start of year' THEN
			v := date_trunc('year', v);
		ELSIF m = 'localtime' THEN
			v := (v AT TIME ZONE 'UTC') AT TIME ZONE current_setting('TimeZone');
		ELSIF m = 'utc' THEN
			v := (v AT TIME ZONE current_setting('TimeZone')) AT TIME ZONE 'UTC';
		ELSE
			RAISE EXCEPTION 'sqlite_time: modifier "%" is not known here', m;
		END IF;
	END LOOP;
	RETURN v;
END
$$;

CREATE FUNCTION date(t text) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT to_char(sqlite_time(t, NULL), 'YYYY-MM-DD')
$$;
CREATE FUNCTION date(t text, VARIADIC mods text[]) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT to_char(sqlite_time(t, mods), 'YYYY-MM-DD')
$$;
CREATE FUNCTION datetime(t text) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT to_char(sqlite_time(t, NULL), 'YYYY-MM-DD HH24:MI:SS')
$$;
CREATE FUNCTION datetime(t text, VARIADIC mods text[]) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT to_char(sqlite_time(t, mods), 'YYYY-MM-DD HH24:MI:SS')
$$;
CREATE FUNCTION julianday(t text) RETURNS double precision LANGUAGE sql STABLE AS $$
	SELECT extract(epoch FROM sqlite_time(t, NULL)) / 86400.0 + 2440587.5
$$;
CREATE FUNCTION julianday(t text, VARIADIC mods text[]) RETURNS double precision
LANGUAGE sql STABLE AS $$
	SELECT extract(epoch FROM sqlite_time(t, mods)) / 86400.0 + 2440587.5
$$;

CREATE FUNCTION sqlite_strftime(f text, v timestamp) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
	out text := '';
	i int := 1;
	c text;
BEGIN
	IF f IS NULL OR v IS NULL THEN
		RETURN NULL;
	END IF;
	WHILE i <= length(f) LOOP
		c := substr(f, i, 1);
		IF c = '%' AND i < length(f) THEN
			i := i + 1;
			c := substr(f, i, 1);
			out := out || CASE c
				WHEN 'Y' THEN to_char(v, 'YYYY')
				WHEN 'm' THEN to_char(v, 'MM')
				WHEN 'd' THEN to_char(v, 'DD')
				WHEN 'H' THEN to_char(v, 'HH24')
				WHEN 'M' THEN to_char(v, 'MI')
				WHEN 'S' THEN to_char(v, 'SS')
				WHEN 'f' THEN to_char(v, 'SS.MS')
				WHEN 'j' THEN to_char(v, 'DDD')
				WHEN 'w' THEN CAST(extract(dow FROM v) AS text)
				WHEN 's' THEN CAST(CAST(floor(extract(epoch FROM v)) AS bigint) AS text)
				WHEN '%' THEN '%'
				ELSE NULL END;
			IF out IS NULL THEN
				RAISE EXCEPTION 'strftime: %% % is not known here', c;
			END IF;
		ELSE
			out := out || c;
		END IF;
		i := i + 1;
	END LOOP;
	RETURN out;
END
$$;
CREATE FUNCTION strftime(f text, t text) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT sqlite_strftime(f, sqlite_time(t, NULL))
$$;
CREATE FUNCTION strftime(f text, t text, VARIADIC mods text[]) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT sqlite_strftime(f, sqlite_time(t, mods))
$$;

CREATE TABLE kommuner (
	kode TEXT PRIMARY KEY CHECK (length(kode) = 3),
	navn TEXT NOT NULL UNIQUE,
	region TEXT NOT NULL
);

CREATE TABLE users (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	email TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL CHECK (role IN ('admin', 'konsulent', 'jobkonsulent', 'indkoeber', 'virksomhed')),
	kommune TEXT REFERENCES kommuner (kode),
	password_hash TEXT NOT NULL,
	active bigint NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	-- the national administrator belongs to no municipality, everyone else to exactly one
	CHECK ((role = 'admin' AND kommune IS NULL) OR (role <> 'admin' AND kommune IS NOT NULL))
);
CREATE INDEX users_kommune ON users (kommune, email);

-- A browser session: the cookie holds a random id, the table only its hash.
CREATE TABLE sessions (
	id_hash TEXT PRIMARY KEY,
	user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf TEXT NOT NULL,
	created_at bigint NOT NULL,
	last_seen bigint NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Bearer tokens for machine clients, stored as hashes, revocable.
CREATE TABLE api_tokens (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	label TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL,
	last_used_at TEXT,
	revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Every change and every read of personal data, appended in the same transaction as the change.
CREATE TABLE audit (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	at TEXT NOT NULL,
	user_id bigint,
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

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- a constraint, as SQLite's RAISE(ABORT) in a trigger is: ERR_CONFLICT to the caller
	RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'check_violation';
END
$$;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
	FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
	FOR EACH ROW EXECUTE FUNCTION audit_append_only();

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
