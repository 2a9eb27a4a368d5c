-- 0028_registry_lists_name_order: the list in name order with a municipality, a service or a
-- target group. A municipality's merges its own enterprises (enterprises_kommune_name) with
-- those that work with it from another, which were found in enterprise_kommuner by the
-- municipality alone: every one of them was read from enterprises and sorted for each page (a
-- few hundred in a large municipality). A service's or a target group's walked the whole
-- registry in name order and looked each enterprise up in the list until the page was full.
-- Each row of the three lists now carries its enterprise's name_key, and an index walks a
-- municipality's, a service's or a target group's rows in name order: a page reads about as
-- many rows as it shows. The copy is kept by the triggers below (a row inserted without it
-- takes its enterprise's; a new name is copied to the enterprise's rows), so every writer, the
-- import and `indgang copy` included, keeps it right.
ALTER TABLE enterprise_kommuner ADD COLUMN name_key BLOB NOT NULL DEFAULT x'';
ALTER TABLE enterprise_services ADD COLUMN name_key BLOB NOT NULL DEFAULT x'';
ALTER TABLE enterprise_targets ADD COLUMN name_key BLOB NOT NULL DEFAULT x'';
UPDATE enterprise_kommuner SET name_key = (SELECT e.name_key FROM enterprises e
	WHERE e.id = enterprise_kommuner.enterprise_id);
UPDATE enterprise_services SET name_key = (SELECT e.name_key FROM enterprises e
	WHERE e.id = enterprise_services.enterprise_id);
UPDATE enterprise_targets SET name_key = (SELECT e.name_key FROM enterprises e
	WHERE e.id = enterprise_targets.enterprise_id);
-- each also serves every lookup by its first column alone, as the index it replaces (0009)
CREATE INDEX enterprise_kommuner_by_name ON enterprise_kommuner (kommune, name_key, enterprise_id);
DROP INDEX enterprise_kommuner_by_kommune;
CREATE INDEX enterprise_services_by_name ON enterprise_services (service, name_key, enterprise_id);
DROP INDEX enterprise_services_by_service;
CREATE INDEX enterprise_targets_by_name ON enterprise_targets (target, name_key, enterprise_id);
DROP INDEX enterprise_targets_by_target;
CREATE TRIGGER enterprise_kommuner_name_key AFTER INSERT ON enterprise_kommuner
WHEN NEW.name_key = x''
BEGIN
	UPDATE enterprise_kommuner SET name_key = (SELECT e.name_key FROM enterprises e
		WHERE e.id = NEW.enterprise_id)
	WHERE enterprise_id = NEW.enterprise_id AND kommune = NEW.kommune;
END;
CREATE TRIGGER enterprise_services_name_key AFTER INSERT ON enterprise_services
WHEN NEW.name_key = x''
BEGIN
	UPDATE enterprise_services SET name_key = (SELECT e.name_key FROM enterprises e
		WHERE e.id = NEW.enterprise_id)
	WHERE enterprise_id = NEW.enterprise_id AND service = NEW.service;
END;
CREATE TRIGGER enterprise_targets_name_key AFTER INSERT ON enterprise_targets
WHEN NEW.name_key = x''
BEGIN
	UPDATE enterprise_targets SET name_key = (SELECT e.name_key FROM enterprises e
		WHERE e.id = NEW.enterprise_id)
	WHERE enterprise_id = NEW.enterprise_id AND target = NEW.target;
END;
CREATE TRIGGER enterprises_name_key_lists AFTER UPDATE OF name_key ON enterprises
WHEN OLD.name_key IS NOT NEW.name_key
BEGIN
	UPDATE enterprise_kommuner SET name_key = NEW.name_key WHERE enterprise_id = NEW.id;
	UPDATE enterprise_services SET name_key = NEW.name_key WHERE enterprise_id = NEW.id;
	UPDATE enterprise_targets SET name_key = NEW.name_key WHERE enterprise_id = NEW.id;
END;
