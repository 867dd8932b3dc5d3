-- The anonymity threshold is an administrator's setting from 3 to 50
-- (skillgym_domain::analysis::AnonymityThreshold). Earlier versions stored any number; a value
-- outside the range is brought to its nearest end, so that no figure is ever shown for fewer
-- than 3 people.
UPDATE organisations SET anonymity_threshold = 3 WHERE anonymity_threshold < 3;
UPDATE organisations SET anonymity_threshold = 50 WHERE anonymity_threshold > 50;
