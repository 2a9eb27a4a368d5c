-- The registry's version: a counter that every change of an enterprise, its municipalities,
-- services or target groups raises, in the same transaction and by whichever connection or
-- process writes (the server, an import from the command line). A list page kept in memory
-- (src/base/memo.h) is handed out again only while the counter is the one it was made at.
-- db names this database among others a process may open (a test's, a copy's source and
-- target), so a cache never takes one database's answer for another's; n starts at 1, so a
-- cache may take 0 for "nothing kept".
CREATE TABLE registry_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL,
	db INTEGER NOT NULL);
INSERT INTO registry_version (id, n, db) VALUES (1, 1, abs(random() % 9007199254740991));
CREATE TRIGGER enterprises_version_insert AFTER INSERT ON enterprises
BEGIN UPDATE registry_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enterprises_version_update AFTER UPDATE ON enterprises
BEGIN UPDATE registry_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enterprises_version_delete AFTER DELETE ON enterprises
BEGIN UPDATE registry_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enterprise_kommuner_version_insert AFTER INSERT ON enterprise_kommuner
BEGIN UPDATE registry_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enterprise_kommuner_version_delete AFTER DELETE ON enterprise_kommuner
BEGIN UPDATE registry_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enterprise_services_version_insert AFTER INSERT ON enterprise_services
BEGIN UPDATE registry_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enterprise_services_version_delete AFTER DELETE ON enterprise_services
BEGIN UPDATE registry_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enterprise_targets_version_insert AFTER INSERT ON enterprise_targets
BEGIN UPDATE registry_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER enterprise_targets_version_delete AFTER DELETE ON enterprise_targets
BEGIN UPDATE registry_version SET n = n + 1 WHERE id = 1; END;
