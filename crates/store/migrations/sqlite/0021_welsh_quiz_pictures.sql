-- A knowledge-round question may show Welsh readers a picture of its own (an email or a
-- screen in Welsh) beside the picture everyone else sees; it names one of the campaign's
-- pictures, as `image` does.
ALTER TABLE quiz_items ADD COLUMN image_cy TEXT;
