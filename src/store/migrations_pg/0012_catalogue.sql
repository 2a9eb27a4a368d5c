-- 0012_catalogue (PostgreSQL): the catalogue's search. A product's title and description as folded, stemmed
-- Translated from ../migrations/0012_catalogue.sql.
-- Danish terms (the registry's way, registry_search.c), one row per product with
-- rowid = products.id, written in the same transaction as the product.
-- FTS5's table on PostgreSQL: the same columns, and the terms as a tsvector for fts_query
-- (migration 0002); ranked by fts_bm25, FTS5's bm25.
CREATE TABLE product_search (rowid bigint PRIMARY KEY, terms text NOT NULL DEFAULT '',
	tsv tsvector GENERATED ALWAYS AS (fts_vector(terms, '')) STORED);
CREATE INDEX product_search_tsv ON product_search USING gin (tsv);

-- the pictures of a product in their order are read for every card of a search
CREATE INDEX product_image_files_image ON product_image_files (image_id, size, format);
