-- 0009_registry_indexes (PostgreSQL): indexes that serve each filter and sort order of the registry's list
-- Translated from ../migrations/0009_registry_indexes.sql.
-- (registry_store_list), so that a page of 20 reads about 20 index entries however large the
-- registry is.

-- the Bilag 1 rule: the enterprises that work with a municipality, found from the municipality
-- with their ids in the index itself (the old index on kommune alone held only the rowid)
CREATE INDEX enterprise_kommuner_by_kommune ON enterprise_kommuner (kommune, enterprise_id);
DROP INDEX enterprise_kommuner_kommune;
-- counting the enterprises of a service or target group in the index alone
CREATE INDEX enterprise_services_by_service ON enterprise_services (service, enterprise_id);
DROP INDEX enterprise_services_service;
CREATE INDEX enterprise_targets_by_target ON enterprise_targets (target, enterprise_id);
DROP INDEX enterprise_targets_target;
-- a municipality's own enterprises in Danish name order; also every lookup by kommune alone
CREATE INDEX enterprises_kommune_name ON enterprises (kommune, name_key, id);
DROP INDEX enterprises_kommune;
-- the kind's enterprises in Danish name order (the public page lists SØV only)
CREATE INDEX enterprises_kind_name ON enterprises (kind, name_key, id);
-- newest established first: the list's ORDER BY written as an index on the same expressions
CREATE INDEX enterprises_established_order ON enterprises ((established IS NULL), established DESC, name_key, id);
-- by municipality: each municipality's place in Danish order of names, as a plain number (an
-- index with COLLATE da would make the database unreadable to tools without the collation, such
-- as the sqlite3 shell's integrity_check), so the municipalities are walked in that order and
-- each one's enterprises come from enterprises_kommune_name, with no sort of the whole list.
-- The 98 municipalities are fixed by 0001; this runs inside the program, where "da" exists.
-- Places start at 1; a municipality added later gets the next place after the last (the
-- trigger), so it comes last until a migration places it.
ALTER TABLE kommuner ADD COLUMN sort_da bigint NOT NULL DEFAULT 0;
UPDATE kommuner SET sort_da = 1 + (SELECT count(*) FROM kommuner k2 WHERE k2.navn COLLATE da < kommuner.navn COLLATE da);
CREATE UNIQUE INDEX kommuner_sort_da ON kommuner (sort_da);
-- Before the row is written, not after as in SQLite: PostgreSQL checks the unique index as
-- each row is written and runs AFTER ROW triggers only at the end of the statement, so a
-- statement that adds several municipalities would write a second 0. A BEFORE trigger sees the
-- rows the same statement wrote before (the same numbers as SQLite's).
CREATE FUNCTION kommuner_sort_da_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.sort_da := (SELECT coalesce(max(sort_da), 0) + 1 FROM kommuner);
	RETURN NEW;
END
$$;
CREATE TRIGGER kommuner_sort_da_new BEFORE INSERT ON kommuner
	FOR EACH ROW WHEN (NEW.sort_da = 0) EXECUTE FUNCTION kommuner_sort_da_new();
