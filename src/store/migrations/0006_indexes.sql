-- claimwatch schema, version 6: indexes for digests over large stores.
-- Digests read items first seen or revised in a window.
CREATE INDEX items_updated ON items(updated_at);
-- recent_mentions and casualty_claims_view list the newest statements first.
CREATE INDEX items_time ON items(COALESCE(published_at, fetched_at));

-- The views read statements newest first through that index (CROSS JOIN keeps items as the
-- outer loop), so "the newest 50" stops after 50 instead of sorting every mention.
DROP VIEW recent_mentions;
DROP VIEW casualty_claims_view;
-- Mentions of each item's current revision, newest first: the place to start reading.
CREATE VIEW recent_mentions AS
SELECT m.id            AS mention_id,
       m.kind,
       s.name          AS source,
       json_extract(s.labels, '$.party') AS party,
       i.title,
       i.url,
       COALESCE(i.published_at, i.fetched_at) AS published_at,
       i.fetched_at,
       m.sentence,
       m.ceasefire_status,
       m.mediator,
       m.location,
       m.field,
       m.span_start,
       m.span_end,
       i.revision,
       m.tagger_version,
       i.id            AS item_id
FROM items i
CROSS JOIN mentions m ON m.item_id = i.id AND m.revision = i.revision
JOIN sources s ON s.id = i.source_id
ORDER BY COALESCE(i.published_at, i.fetched_at) DESC, m.id;

-- One row per casualty claim with its sentence, item and source.
CREATE VIEW casualty_claims_view AS
SELECT c.id            AS claim_id,
       c.category,
       c.count,
       c.approx,
       c.who,
       c.claimant,
       c.claimant_origin,
       c.negated,
       s.name          AS source,
       json_extract(s.labels, '$.party') AS party,
       m.sentence,
       i.title,
       i.url,
       COALESCE(i.published_at, i.fetched_at) AS published_at,
       i.revision,
       m.id            AS mention_id,
       i.id            AS item_id
FROM items i
CROSS JOIN mentions m ON m.item_id = i.id AND m.revision = i.revision
CROSS JOIN casualty_claims c ON c.mention_id = m.id
JOIN sources s  ON s.id = i.source_id
ORDER BY COALESCE(i.published_at, i.fetched_at) DESC, c.id;
