-- Pictures an admin uploads for knowledge-round questions sit beside the shipped SVGs in
-- campaign_pictures (so every instance sees them, and cloning a campaign copies them); a PNG
-- or JPEG upload keeps the width and height read from its header, for the page's <img>. The
-- shipped SVGs leave them empty.
ALTER TABLE campaign_pictures ADD COLUMN width INTEGER;
ALTER TABLE campaign_pictures ADD COLUMN height INTEGER;
