-- The registry's search index in two columns, the terms of the name and those of the
-- description, so that ranking weighs a name above a description (bm25 with weights 10 and 1,
-- the table's rank); prefix indexes for the 2-5 letters typed so far, so a prefix is one
-- doclist instead of the merge of every term that starts with it; detail=column, as every
-- query is made of one-term phrases and needs no positions.
DROP TABLE enterprise_search;
CREATE VIRTUAL TABLE enterprise_search USING fts5(name, body,
	tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4 5', detail = column);
INSERT INTO enterprise_search (enterprise_search, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
-- The terms are made by the program (folding and Danish stemming), not by SQL: a row here
-- asks the program to make them for every enterprise when it next opens the database.
CREATE TABLE registry_reindex_due (since TEXT NOT NULL);
INSERT INTO registry_reindex_due (since) SELECT datetime('now') WHERE EXISTS (SELECT 1 FROM enterprises);
