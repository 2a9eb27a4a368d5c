-- 0027_registry_search_newest_first (PostgreSQL): translated from
-- ../migrations/0027_registry_search_newest_first.sql, which rebuilds SQLite's FTS5 index with
-- each enterprise under the row number -id. The stand-in table of 0024 is made anew the same
-- way, and the program makes every enterprise's terms anew when it next opens the database.
DROP TABLE enterprise_search;
CREATE TABLE enterprise_search (rowid bigint PRIMARY KEY, name text NOT NULL DEFAULT '',
	body text NOT NULL DEFAULT '');
INSERT INTO registry_reindex_due (since) SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') WHERE EXISTS (SELECT 1 FROM enterprises);
