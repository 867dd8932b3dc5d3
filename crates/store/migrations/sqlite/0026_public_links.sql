-- Audits open to people outside the staff file, through a public link (at most one per
-- campaign). For a network's campaign, each respondent chooses the member whose opening of it
-- they answer; otherwise they answer the campaign itself.
CREATE TABLE public_links (
    campaign_id INTEGER PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    code TEXT NOT NULL UNIQUE,
    confirm_email INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    closed_at INTEGER
);

-- Someone answering through a public link. Their response has no person. Where the link
-- confirms an email address, only a keyed hash of it is kept: enough for one response per
-- address, with nothing to write to or to leak.
CREATE TABLE public_respondents (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    link_campaign_id INTEGER NOT NULL REFERENCES public_links(campaign_id) ON DELETE CASCADE,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    response_id INTEGER NOT NULL UNIQUE REFERENCES responses(id) ON DELETE CASCADE,
    email_hash TEXT,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX public_respondents_email ON public_respondents (link_campaign_id, email_hash)
    WHERE email_hash IS NOT NULL;
CREATE INDEX public_respondents_organisation ON public_respondents (organisation_id);
CREATE INDEX public_respondents_campaign ON public_respondents (campaign_id);

-- A confirmation link sent to an address: single use, and nothing else is made until it is
-- followed.
CREATE TABLE public_confirmations (
    token_hash TEXT PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    link_campaign_id INTEGER NOT NULL REFERENCES public_links(campaign_id) ON DELETE CASCADE,
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    email_hash TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX public_confirmations_expiry ON public_confirmations (expires_at);

-- A public respondent's session: it reaches only their campaign's answering pages.
CREATE TABLE public_sessions (
    token_hash TEXT PRIMARY KEY,
    respondent_id INTEGER NOT NULL REFERENCES public_respondents(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX public_sessions_respondent ON public_sessions (respondent_id);
CREATE INDEX public_sessions_expiry ON public_sessions (expires_at);

-- Starts and confirmation emails asked for, by client address and by address hash: what the
-- rate limits count. Kept for a day.
CREATE TABLE public_link_requests (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    ip TEXT NOT NULL,
    email_hash TEXT,
    at INTEGER NOT NULL
);
CREATE INDEX public_link_requests_ip ON public_link_requests (ip, at);
CREATE INDEX public_link_requests_email ON public_link_requests (email_hash, at);
