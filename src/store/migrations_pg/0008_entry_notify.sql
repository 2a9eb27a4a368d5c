-- 0008_entry_notify (PostgreSQL): who hears of a new inquiry whose route names no person: the
-- Translated from ../migrations/0008_entry_notify.sql.
-- municipality's coordinators (its konsulenter, the default), the e-mail of the unit the topic
-- goes to (the coordinators when it has none), or nobody (the inquiry waits under Sager).
ALTER TABLE entry_settings ADD COLUMN notify TEXT NOT NULL DEFAULT 'coordinators'
	CHECK (notify IN ('coordinators', 'unit', 'none'));
