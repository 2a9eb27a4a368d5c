-- 0028_registry_kommune_name_order: a municipality's list in name order merges its own
-- enterprises (enterprises_kommune_name) with those that work with it from another. Those were
-- found in enterprise_kommuner by the municipality alone, so every one of them was read from
-- enterprises and sorted for each page (a few hundred in a large municipality). Each row now
-- carries its enterprise's name_key, and an index walks them in name order too: a page reads
-- about as many rows as it shows. The copy is kept by the triggers below (a row inserted
-- without it takes its enterprise's; a new name is copied to the enterprise's rows), so every
-- writer, the import and `indgang copy` included, keeps it right.
ALTER TABLE enterprise_kommuner ADD COLUMN name_key BLOB NOT NULL DEFAULT x'';
UPDATE enterprise_kommuner SET name_key = (SELECT e.name_key FROM enterprises e
	WHERE e.id = enterprise_kommuner.enterprise_id);
-- also every lookup by municipality alone, as the index it replaces (0009)
CREATE INDEX enterprise_kommuner_by_name ON enterprise_kommuner (kommune, name_key, enterprise_id);
DROP INDEX enterprise_kommuner_by_kommune;
CREATE TRIGGER enterprise_kommuner_name_key AFTER INSERT ON enterprise_kommuner
WHEN NEW.name_key = x''
BEGIN
	UPDATE enterprise_kommuner SET name_key = (SELECT e.name_key FROM enterprises e
		WHERE e.id = NEW.enterprise_id)
	WHERE enterprise_id = NEW.enterprise_id AND kommune = NEW.kommune;
END;
CREATE TRIGGER enterprises_name_key_kommuner AFTER UPDATE OF name_key ON enterprises
WHEN OLD.name_key IS NOT NEW.name_key
BEGIN
	UPDATE enterprise_kommuner SET name_key = NEW.name_key WHERE enterprise_id = NEW.id;
END;
