-- 0025_survey_answers_clustered (PostgreSQL): translated from
-- ../migrations/0025_survey_answers_clustered.sql. SQLite stores the answers in the order of
-- their key (WITHOUT ROWID) so that a reader of a whole round follows the key; PostgreSQL's
-- tables are heaps beside their indexes, and CLUSTER puts the rows in the key's order once
-- (new rows go where there is room, which a round's answers, written together, mostly are).
CLUSTER survey_answers USING survey_answers_pkey;
