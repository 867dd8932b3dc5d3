-- Single sign-on with OpenID Connect: each organisation's provider, and the sign-ins under way.
-- Whether password sign-in is allowed stays in organisations.password_sign_in (0001).

CREATE TABLE single_sign_on (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    issuer_url TEXT NOT NULL,
    client_id TEXT NOT NULL,
    -- Needed in clear to authenticate to the provider; never shown back on a page.
    client_secret TEXT NOT NULL,
    -- The ID token claim that carries an employee number, if the provider sends one.
    employee_number_claim TEXT,
    updated_at BIGINT NOT NULL
);

-- One row per sign-in sent to the provider, so that any instance can take the callback.
-- Single use: deleted when the callback arrives; worthless after expires_at.
CREATE TABLE single_sign_on_attempts (
    state_hash TEXT PRIMARY KEY,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    -- The hash of a cookie set in the browser that started the sign-in, so a callback
    -- link cannot be replayed in somebody else's browser.
    browser_hash TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX single_sign_on_attempts_expiry ON single_sign_on_attempts (expires_at);
