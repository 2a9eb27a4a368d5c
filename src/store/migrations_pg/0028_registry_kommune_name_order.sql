-- 0028_registry_kommune_name_order (PostgreSQL): translated from
-- ../migrations/0028_registry_kommune_name_order.sql. Each row of enterprise_kommuner carries
-- its enterprise's name_key, kept by triggers, so a municipality's list walks those that work
-- with it in name order from an index instead of sorting them all for each page.
ALTER TABLE enterprise_kommuner ADD COLUMN name_key bytea NOT NULL DEFAULT ''::bytea;
UPDATE enterprise_kommuner ek SET name_key = e.name_key FROM enterprises e
	WHERE e.id = ek.enterprise_id;
CREATE INDEX enterprise_kommuner_by_name ON enterprise_kommuner (kommune, name_key, enterprise_id);
DROP INDEX enterprise_kommuner_by_kommune;
-- a row inserted without the key takes its enterprise's (before the insert: nothing to update)
CREATE FUNCTION enterprise_kommuner_name_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.name_key = ''::bytea THEN
		NEW.name_key := COALESCE((SELECT e.name_key FROM enterprises e WHERE e.id = NEW.enterprise_id),
			''::bytea);
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER enterprise_kommuner_name_key BEFORE INSERT ON enterprise_kommuner
	FOR EACH ROW EXECUTE FUNCTION enterprise_kommuner_name_key();
CREATE FUNCTION enterprises_name_key_kommuner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE enterprise_kommuner SET name_key = NEW.name_key WHERE enterprise_id = NEW.id;
	RETURN NULL;
END
$$;
CREATE TRIGGER enterprises_name_key_kommuner AFTER UPDATE OF name_key ON enterprises
	FOR EACH ROW WHEN (OLD.name_key IS DISTINCT FROM NEW.name_key)
	EXECUTE FUNCTION enterprises_name_key_kommuner();
