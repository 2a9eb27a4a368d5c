-- 0007_matching (PostgreSQL): indexes for matching citizens and openings (src/employment/matching_store.c).
-- Translated from ../migrations/0007_matching.sql.

-- An enterprise's openings with every column the hard rules and the score read: the match of a
-- citizen walks the enterprises within reach and, for each, its open openings in this index
-- alone, never the table (whose rows hold titles and descriptions).
CREATE INDEX openings_match ON openings (enterprise_id, status, schemes, times, hours_min, seats, inhouse, created_at);

-- The seats taken at an opening: its placements that have not ended, counted from the index
-- alone.
CREATE INDEX placements_open ON placements (opening_id) WHERE "end" IS NULL;
