-- 0010_placements_seats (PostgreSQL): a placement holds its seat until its end date has passed, not only
-- Translated from ../migrations/0010_placements_seats.sql.
-- while it has none, so the seats taken at an opening are counted from placements_opening
-- (opening_id) with the end tested per row; the partial index of placements without an end is
-- no longer read.
DROP INDEX placements_open;
