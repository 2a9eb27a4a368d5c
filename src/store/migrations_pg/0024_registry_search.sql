-- 0024_registry_search (PostgreSQL): translated from ../migrations/0024_registry_search.sql.
-- The registry's search index in two columns, the terms of the name and those of the
-- description, so that ranking weighs a name above a description (bm25 with weights 10 and 1,
-- the table's rank); prefix indexes for the 2-5 letters typed so far, so a prefix is one
-- doclist instead of the merge of every term that starts with it; detail=column, as every
-- query is made of one-term phrases and needs no positions.
DROP TABLE enterprise_search;
-- Only the columns of SQLite's table: migration 0027 makes the table the search reads.
CREATE TABLE enterprise_search (rowid bigint PRIMARY KEY, name text NOT NULL DEFAULT '',
	body text NOT NULL DEFAULT '');
-- The terms are made by the program (folding and Danish stemming), not by SQL: a row here
-- asks the program to make them for every enterprise when it next opens the database.
CREATE TABLE registry_reindex_due (since TEXT NOT NULL);
INSERT INTO registry_reindex_due (since) SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') WHERE EXISTS (SELECT 1 FROM enterprises);
