-- 0012_catalogue (PostgreSQL): the catalogue's search. A product's title and description as folded, stemmed
-- Translated from ../migrations/0012_catalogue.sql.
-- Danish terms (the registry's way, registry_search.c), one row per product with
-- rowid = products.id, written in the same transaction as the product.
-- Full-text search is a later step on PostgreSQL: a plain table with the same columns stands
-- in for the FTS5 table, so the rows the stores write have their place; MATCH and rank do not
-- work on it yet (docs/postgresql.md).
CREATE TABLE product_search (rowid bigint PRIMARY KEY, terms text NOT NULL DEFAULT '');

-- the pictures of a product in their order are read for every card of a search
CREATE INDEX product_image_files_image ON product_image_files (image_id, size, format);
