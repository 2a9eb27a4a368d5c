-- 0027_registry_search_newest_first (PostgreSQL): translated from
-- ../migrations/0027_registry_search_newest_first.sql, which rebuilds SQLite's FTS5 index with
-- each enterprise under the row number -id. The stand-in table of 0024 is made anew the same
-- way, and the program makes every enterprise's terms anew when it next opens the database.
DROP TABLE enterprise_search;
-- Beside FTS5's columns: each column's number of terms (FTS5's column sizes) for the ranking,
-- and the terms as a tsvector for fts_query (migration 0002): every term, and the name's again
-- marked for "{name} : ..." (fts_vector).
CREATE TABLE enterprise_search (rowid bigint PRIMARY KEY, name text NOT NULL DEFAULT '',
	body text NOT NULL DEFAULT '',
	name_len integer GENERATED ALWAYS AS (fts_length(name)) STORED,
	body_len integer GENERATED ALWAYS AS (fts_length(body)) STORED,
	tsv tsvector GENERATED ALWAYS AS (fts_vector(name || ' ' || body, '')
		|| fts_vector(name, '~')) STORED);
CREATE INDEX enterprise_search_tsv ON enterprise_search USING gin (tsv);
-- the number of rows and of each column's terms, which FTS5 keeps for its ranking: kept here by
-- the triggers below, so that a search reads them in one row instead of summing every row
CREATE TABLE enterprise_search_totals (
	id integer PRIMARY KEY CHECK (id = 1),
	rows bigint NOT NULL,
	name_terms bigint NOT NULL,
	body_terms bigint NOT NULL
);
INSERT INTO enterprise_search_totals (id, rows, name_terms, body_terms) VALUES (1, 0, 0, 0);
-- "derived": made from other tables by their triggers; indgang copy leaves it to them
COMMENT ON TABLE enterprise_search_totals IS 'derived: kept by the triggers of enterprise_search';
CREATE FUNCTION enterprise_search_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		UPDATE enterprise_search_totals t SET rows = t.rows - r.n, name_terms = t.name_terms - r.nl,
			body_terms = t.body_terms - r.bl
		FROM (SELECT count(*) AS n, coalesce(sum(name_len), 0) AS nl,
			coalesce(sum(body_len), 0) AS bl FROM removed) r
		WHERE t.id = 1;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		UPDATE enterprise_search_totals t SET rows = t.rows + a.n, name_terms = t.name_terms + a.nl,
			body_terms = t.body_terms + a.bl
		FROM (SELECT count(*) AS n, coalesce(sum(name_len), 0) AS nl,
			coalesce(sum(body_len), 0) AS bl FROM added) a
		WHERE t.id = 1;
	END IF;
	IF TG_OP = 'TRUNCATE' THEN
		UPDATE enterprise_search_totals SET rows = 0, name_terms = 0, body_terms = 0 WHERE id = 1;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER enterprise_search_added AFTER INSERT ON enterprise_search
	REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION enterprise_search_count();
CREATE TRIGGER enterprise_search_removed AFTER DELETE ON enterprise_search
	REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION enterprise_search_count();
CREATE TRIGGER enterprise_search_changed AFTER UPDATE ON enterprise_search
	REFERENCING OLD TABLE AS removed NEW TABLE AS added
	FOR EACH STATEMENT EXECUTE FUNCTION enterprise_search_count();
CREATE TRIGGER enterprise_search_emptied AFTER TRUNCATE ON enterprise_search
	FOR EACH STATEMENT EXECUTE FUNCTION enterprise_search_count();
-- enterprise_search_averages: the average number of terms of the name and of the description
-- over every row, as indgang_rank has them from FTS5 (1 for a column without any)
CREATE FUNCTION enterprise_search_averages() RETURNS float8[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT ARRAY[CASE WHEN rows > 0 AND name_terms > 0
			THEN CAST(name_terms AS float8) / CAST(rows AS float8) ELSE 1 END,
		CASE WHEN rows > 0 AND body_terms > 0
			THEN CAST(body_terms AS float8) / CAST(rows AS float8) ELSE 1 END]
	FROM enterprise_search_totals WHERE id = 1
$$;
INSERT INTO registry_reindex_due (since) SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') WHERE EXISTS (SELECT 1 FROM enterprises);
