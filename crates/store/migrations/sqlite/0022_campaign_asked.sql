-- Who a campaign asked, kept as it was when the campaign ran: each person in its audience while
-- it was open, with their team, job family and sites at the time. Every figure that counts the
-- people asked (response rates, groupings by site or team) reads these rows, so importing
-- today's staff file, moving people or marking leavers does not move a past campaign's figures.
--
-- Rows are added while the campaign is open (Store::record_audience: before figures are read,
-- before a staff import, before an erasure, and by a scheduled job) and never afterwards; a
-- person who moves keeps the site and team they were first recorded with. On erasure the row
-- loses the person, their team, job family and sites (it still counts as one person asked, in
-- no group), and is removed if they had finished (their response then counts as an ungrouped
-- answer, which adds one to those asked), so the totals stay the same.
CREATE TABLE campaign_asked (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    -- Ids, not references: a team or site removed later still counts its people here.
    team_id INTEGER,
    job_family TEXT,
    -- The person's site ids, joined by commas ('' for none).
    sites TEXT NOT NULL DEFAULT '',
    UNIQUE (campaign_id, person_id)
);
CREATE INDEX campaign_asked_person ON campaign_asked (person_id);
CREATE INDEX campaign_asked_organisation ON campaign_asked (organisation_id);

-- The last day the audience was recorded, and the organisation's people_version then: a
-- campaign is recorded again only while it is open (or once more, the first time after it
-- closed), and not while nobody has changed since.
ALTER TABLE campaigns ADD COLUMN audience_recorded_on TEXT;
ALTER TABLE campaigns ADD COLUMN audience_people_version INTEGER;

CREATE TRIGGER campaign_asked_version_insert AFTER INSERT ON campaign_asked
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1 WHERE id = NEW.campaign_id;
END;

CREATE TRIGGER campaign_asked_version_update AFTER UPDATE ON campaign_asked
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1
    WHERE id IN (NEW.campaign_id, OLD.campaign_id);
END;

CREATE TRIGGER campaign_asked_version_delete AFTER DELETE ON campaign_asked
BEGIN
    UPDATE campaigns SET answers_version = answers_version + 1 WHERE id = OLD.campaign_id;
END;

-- Campaigns that have already opened, as best the data allows: nobody kept who was asked, so
-- the audience is today's people who match the campaign's audience rule, less those who could
-- not have been asked (added to skillgym after it closed, starting after it closed, or gone
-- before it opened), plus anyone who started or finished a response (they were asked, whatever
-- their record says now). Sites and teams are today's: no history of them was kept. See
-- docs/analysis.md.
INSERT INTO campaign_asked (organisation_id, campaign_id, person_id, team_id, job_family, sites)
SELECT c.organisation_id, c.id, p.id, p.team_id, p.job_family,
    COALESCE((SELECT group_concat(s.site_id, ',') FROM person_sites s WHERE s.person_id = p.id), '')
FROM campaigns c JOIN people p ON p.organisation_id = c.organisation_id
WHERE c.opens_on <= date('now')
  AND (EXISTS (SELECT 1 FROM responses r WHERE r.campaign_id = c.id AND r.person_id = p.id)
    OR (p.created_at < CAST(strftime('%s', c.closes_on, '+1 day') AS INTEGER)
      AND (p.start_date IS NULL OR p.start_date <= c.closes_on)
      AND (p.left_on IS NULL OR p.left_on >= c.opens_on)
      AND (NOT EXISTS (SELECT 1 FROM campaign_audience a WHERE a.campaign_id = c.id AND a.kind = 'site')
        OR EXISTS (SELECT 1 FROM campaign_audience a JOIN person_sites ps ON a.value = CAST(ps.site_id AS TEXT)
            WHERE a.campaign_id = c.id AND a.kind = 'site' AND ps.person_id = p.id))
      AND (NOT EXISTS (SELECT 1 FROM campaign_audience a WHERE a.campaign_id = c.id AND a.kind = 'team')
        OR EXISTS (SELECT 1 FROM campaign_audience a
            WHERE a.campaign_id = c.id AND a.kind = 'team' AND a.value = CAST(p.team_id AS TEXT)))
      AND (NOT EXISTS (SELECT 1 FROM campaign_audience a WHERE a.campaign_id = c.id AND a.kind = 'job_family')
        OR EXISTS (SELECT 1 FROM campaign_audience a
            WHERE a.campaign_id = c.id AND a.kind = 'job_family' AND a.value = p.job_family))));

UPDATE campaigns SET audience_recorded_on = date('now') WHERE opens_on <= date('now');
