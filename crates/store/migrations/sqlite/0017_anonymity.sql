-- The anonymity threshold is an administrator's setting from 3 to 50
-- (skillgym_domain::analysis::AnonymityThreshold). Earlier versions stored any number; a value
-- outside the range is brought to its nearest end, so that no figure is ever shown for fewer
-- than 3 people.
UPDATE organisations SET anonymity_threshold = 3 WHERE anonymity_threshold < 3;
UPDATE organisations SET anonymity_threshold = 50 WHERE anonymity_threshold > 50;

-- The order responses were submitted in, exactly: an open anonymous campaign's figures count
-- the first whole steps of the threshold in this order, so a response submitted later must
-- never come before one already counted (submitted_at has whole seconds only). Each
-- transaction that submits responses takes the next number of its campaign's counter (the
-- update locks the campaign's row, so concurrent submissions are numbered in the order they
-- commit); responses from before this migration keep none and come first, by submitted_at.
ALTER TABLE campaigns ADD COLUMN submissions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE responses ADD COLUMN submitted_seq INTEGER;
