-- claimwatch schema, version 9: whose claim about whose people. Each casualty claim gets the
-- party its claimant speaks for, the party whose people were hit and whether they were
-- soldiers or civilians (NULL where the text does not say). `claimwatch retag` fills them for
-- claims stored before this version.
ALTER TABLE casualty_claims ADD COLUMN claimant_party TEXT;
ALTER TABLE casualty_claims ADD COLUMN affected_party TEXT;
ALTER TABLE casualty_claims ADD COLUMN affected_kind TEXT
    CHECK (affected_kind IN ('military', 'civilian'));

DROP VIEW casualty_claims_view;
-- One row per casualty claim with its sentence, item and source, newest first.
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
       i.id            AS item_id,
       c.claimant_party,
       c.affected_party,
       c.affected_kind
FROM items i
CROSS JOIN mentions m ON m.item_id = i.id AND m.revision = i.revision
CROSS JOIN casualty_claims c ON c.mention_id = m.id
JOIN sources s  ON s.id = i.source_id
ORDER BY COALESCE(i.published_at, i.fetched_at) DESC, c.id;
