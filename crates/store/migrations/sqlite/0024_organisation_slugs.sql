-- One skillgym serves many organisations: each has a short name for its addresses and for the
-- command line's --organisation. Those created before are given one from their name when the
-- store migrates (Store::migrate), as SQL cannot make one as the domain does.
ALTER TABLE organisations ADD COLUMN slug TEXT;
CREATE UNIQUE INDEX organisations_slug ON organisations (slug);

-- A sign-in sent to an organisation's provider comes back to one callback address for all:
-- the attempt remembers whose provider it went to. (Attempts from before last ten minutes.)
ALTER TABLE single_sign_on_attempts ADD COLUMN organisation_id INTEGER REFERENCES organisations(id);
