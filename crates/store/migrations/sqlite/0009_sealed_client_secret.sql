-- The OpenID Connect client secret is kept encrypted (ChaCha20-Poly1305, with a key that is
-- not in the database: SKILLGYM_SECRET_KEY or the key file in the data folder). 1 when
-- single_sign_on.client_secret holds a sealed value; 0 for a secret saved before encryption,
-- which skillgym seals when it starts.
ALTER TABLE single_sign_on ADD COLUMN client_secret_sealed INTEGER NOT NULL DEFAULT 0;
