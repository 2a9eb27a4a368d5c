-- 0014_tenders (PostgreSQL): translated from ../migrations/0014_tenders.sql.
-- 0014_tenders.sql — the award decision's justification per criterion (tenders.award_note of
-- 0011 holds the decision's general note). One row per criterion of the tender; written in the
-- same transaction that sets the tender awarded and queues the letters to the bidders.
CREATE TABLE tender_award_reasons (
	tender_id bigint NOT NULL REFERENCES tenders (id) ON DELETE CASCADE,
	criterion TEXT NOT NULL,
	reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
	PRIMARY KEY (tender_id, criterion)
);
