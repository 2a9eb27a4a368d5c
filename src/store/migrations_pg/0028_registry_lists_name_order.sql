-- 0028_registry_lists_name_order (PostgreSQL): translated from
-- ../migrations/0028_registry_lists_name_order.sql. Each row of enterprise_kommuner,
-- enterprise_services and enterprise_targets carries its enterprise's name_key, kept by
-- triggers, so the list of a municipality, a service or a target group walks them in name
-- order from an index instead of sorting or probing for each page.
ALTER TABLE enterprise_kommuner ADD COLUMN name_key bytea NOT NULL DEFAULT ''::bytea;
ALTER TABLE enterprise_services ADD COLUMN name_key bytea NOT NULL DEFAULT ''::bytea;
ALTER TABLE enterprise_targets ADD COLUMN name_key bytea NOT NULL DEFAULT ''::bytea;
UPDATE enterprise_kommuner x SET name_key = e.name_key FROM enterprises e WHERE e.id = x.enterprise_id;
UPDATE enterprise_services x SET name_key = e.name_key FROM enterprises e WHERE e.id = x.enterprise_id;
UPDATE enterprise_targets x SET name_key = e.name_key FROM enterprises e WHERE e.id = x.enterprise_id;
CREATE INDEX enterprise_kommuner_by_name ON enterprise_kommuner (kommune, name_key, enterprise_id);
DROP INDEX enterprise_kommuner_by_kommune;
CREATE INDEX enterprise_services_by_name ON enterprise_services (service, name_key, enterprise_id);
DROP INDEX enterprise_services_by_service;
CREATE INDEX enterprise_targets_by_name ON enterprise_targets (target, name_key, enterprise_id);
DROP INDEX enterprise_targets_by_target;
-- a row inserted without the key takes its enterprise's (before the insert: nothing to update)
CREATE FUNCTION registry_list_name_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.name_key = ''::bytea THEN
		NEW.name_key := COALESCE((SELECT e.name_key FROM enterprises e WHERE e.id = NEW.enterprise_id),
			''::bytea);
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER enterprise_kommuner_name_key BEFORE INSERT ON enterprise_kommuner
	FOR EACH ROW EXECUTE FUNCTION registry_list_name_key();
CREATE TRIGGER enterprise_services_name_key BEFORE INSERT ON enterprise_services
	FOR EACH ROW EXECUTE FUNCTION registry_list_name_key();
CREATE TRIGGER enterprise_targets_name_key BEFORE INSERT ON enterprise_targets
	FOR EACH ROW EXECUTE FUNCTION registry_list_name_key();
CREATE FUNCTION enterprises_name_key_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE enterprise_kommuner SET name_key = NEW.name_key WHERE enterprise_id = NEW.id;
	UPDATE enterprise_services SET name_key = NEW.name_key WHERE enterprise_id = NEW.id;
	UPDATE enterprise_targets SET name_key = NEW.name_key WHERE enterprise_id = NEW.id;
	RETURN NULL;
END
$$;
CREATE TRIGGER enterprises_name_key_lists AFTER UPDATE OF name_key ON enterprises
	FOR EACH ROW WHEN (OLD.name_key IS DISTINCT FROM NEW.name_key)
	EXECUTE FUNCTION enterprises_name_key_lists();
