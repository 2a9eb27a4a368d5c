-- The registry's search index anew, with each enterprise under the rowid -id instead of id:
-- FTS5 reads a doclist cheaply only in ascending rowid order (in descending order it reads a
-- term's whole doclist first), and the search reads the newest matches first. Otherwise as
-- migration 0024. The program makes every enterprise's terms anew when it next opens the
-- database (registry_reindex_due).
DROP TABLE enterprise_search;
CREATE VIRTUAL TABLE enterprise_search USING fts5(name, body,
	tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4 5', detail = column);
INSERT INTO enterprise_search (enterprise_search, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
INSERT INTO registry_reindex_due (since) SELECT datetime('now') WHERE EXISTS (SELECT 1 FROM enterprises);
