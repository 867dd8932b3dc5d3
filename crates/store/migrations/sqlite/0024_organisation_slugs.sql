-- One skillgym serves many organisations: each has a short name for its addresses and for the
-- command line's --organisation. Those created before are given one from their name when the
-- store migrates (Store::migrate), as SQL cannot make one as the domain does.
ALTER TABLE organisations ADD COLUMN slug TEXT;
CREATE UNIQUE INDEX organisations_slug ON organisations (slug);
