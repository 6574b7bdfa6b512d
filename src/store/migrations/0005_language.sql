-- claimwatch schema, version 5: the language of each statement (from the source's config,
-- else detected from the text: en, ru, uk).
ALTER TABLE items ADD COLUMN language TEXT;
