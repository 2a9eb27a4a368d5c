-- 0027_registry_search_newest_first (PostgreSQL): translated from
-- ../migrations/0027_registry_search_newest_first.sql, which rebuilds SQLite's FTS5 index with
-- each enterprise under the row number -id. The stand-in table of 0024 is made anew the same
-- way, and the program makes every enterprise's terms anew when it next opens the database.
DROP TABLE enterprise_search;
-- Beside FTS5's columns: each column's number of terms (FTS5's column sizes) for the ranking,
-- and the terms as a tsvector for fts_query (migration 0002), the name's with weight A and the
-- description's with B, so that "{name} : ..." is a tsquery's weight A.
CREATE TABLE enterprise_search (rowid bigint PRIMARY KEY, name text NOT NULL DEFAULT '',
	body text NOT NULL DEFAULT '',
	name_len integer GENERATED ALWAYS AS (fts_length(name)) STORED,
	body_len integer GENERATED ALWAYS AS (fts_length(body)) STORED,
	tsv tsvector GENERATED ALWAYS AS (setweight(fts_vector(name), 'A')
		|| setweight(fts_vector(body), 'B')) STORED);
CREATE INDEX enterprise_search_tsv ON enterprise_search USING gin (tsv);
-- enterprise_search_averages: the average number of terms of the name and of the description
-- over every row, as indgang_rank has them from FTS5 (1 for a column without any)
CREATE FUNCTION enterprise_search_averages() RETURNS float8[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT ARRAY[CASE WHEN count(*) > 0 AND sum(name_len) > 0
			THEN CAST(sum(name_len) AS float8) / CAST(count(*) AS float8) ELSE 1 END,
		CASE WHEN count(*) > 0 AND sum(body_len) > 0
			THEN CAST(sum(body_len) AS float8) / CAST(count(*) AS float8) ELSE 1 END]
	FROM enterprise_search
$$;
INSERT INTO registry_reindex_due (since) SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') WHERE EXISTS (SELECT 1 FROM enterprises);
