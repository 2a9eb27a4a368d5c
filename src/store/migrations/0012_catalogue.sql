-- 0012_catalogue: the catalogue's search. A product's title and description as folded, stemmed
-- Danish terms (the registry's way, registry_search.c), one row per product with
-- rowid = products.id, written in the same transaction as the product.
CREATE VIRTUAL TABLE product_search USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');

-- the pictures of a product in their order are read for every card of a search
CREATE INDEX product_image_files_image ON product_image_files (image_id, size, format);
