-- 0026_registry_version (PostgreSQL): translated from ../migrations/0026_registry_version.sql.
-- The registry's version: a counter that every change of an enterprise, its municipalities,
-- services or target groups raises, in the same transaction and by whichever connection,
-- server or process writes. A list page kept in memory (src/base/memo.h) is handed out again
-- only while the counter is the one it was made at. db names this database among others a
-- process may open; n starts at 1, so a cache may take 0 for "nothing kept".
CREATE TABLE registry_version (id bigint PRIMARY KEY CHECK (id = 1), n bigint NOT NULL,
	db bigint NOT NULL);
INSERT INTO registry_version (id, n, db) VALUES (1, 1, floor(random() * 9007199254740991)::bigint);
CREATE FUNCTION registry_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE registry_version SET n = n + 1 WHERE id = 1;
	RETURN NULL;
END
$$;
-- once per statement, not per row: a set-wise import raises it once, and any rise will do
CREATE TRIGGER enterprises_version AFTER INSERT OR UPDATE OR DELETE ON enterprises
	FOR EACH STATEMENT EXECUTE FUNCTION registry_version_bump();
CREATE TRIGGER enterprise_kommuner_version AFTER INSERT OR DELETE ON enterprise_kommuner
	FOR EACH STATEMENT EXECUTE FUNCTION registry_version_bump();
CREATE TRIGGER enterprise_services_version AFTER INSERT OR DELETE ON enterprise_services
	FOR EACH STATEMENT EXECUTE FUNCTION registry_version_bump();
CREATE TRIGGER enterprise_targets_version AFTER INSERT OR DELETE ON enterprise_targets
	FOR EACH STATEMENT EXECUTE FUNCTION registry_version_bump();
