-- The survey answers stored in the order of their key (WITHOUT ROWID), so that the cells of
-- one municipality's answer lie together and a reader of a whole round (the report reads every
-- cell of the round's answers in one pass) follows the key alone instead of looking up each
-- row by its rowid. The columns, constraints and index are those of 0003; nothing refers to
-- this table, so it is rebuilt in place.
CREATE TABLE survey_answers_new (
	response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
	question_id INTEGER NOT NULL REFERENCES survey_questions (id),
	item TEXT NOT NULL DEFAULT '',
	option TEXT NOT NULL DEFAULT '',
	number INTEGER,
	text TEXT,
	PRIMARY KEY (response_id, question_id, item, option)
) WITHOUT ROWID;
INSERT INTO survey_answers_new (response_id, question_id, item, option, number, text)
	SELECT response_id, question_id, item, option, number, text FROM survey_answers;
DROP TABLE survey_answers;
ALTER TABLE survey_answers_new RENAME TO survey_answers;
CREATE INDEX survey_answers_question ON survey_answers (question_id, item, option);
