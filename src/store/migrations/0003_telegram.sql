-- claimwatch schema, version 3: Telegram channels as a source kind.
-- SQLite cannot change a CHECK constraint in place, so sources is rebuilt (the migration
-- runner turns foreign keys off around it and checks them before committing).
CREATE TABLE sources_new (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE,
    url                TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('feed', 'page', 'telegram')),
    labels             TEXT NOT NULL DEFAULT '{}',
    etag               TEXT,
    last_modified      TEXT,
    last_poll_at       TEXT,
    last_ok_at         TEXT,
    last_status        INTEGER,
    last_error         TEXT,
    consecutive_errors INTEGER NOT NULL DEFAULT 0,
    next_attempt_at    TEXT,
    body_hash          TEXT
);
INSERT INTO sources_new SELECT id, name, url, kind, labels, etag, last_modified, last_poll_at,
    last_ok_at, last_status, last_error, consecutive_errors, next_attempt_at, body_hash FROM sources;
DROP VIEW recent_mentions;
DROP VIEW casualty_claims_view;
DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;
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
FROM mentions m
JOIN items i   ON i.id = m.item_id AND m.revision = i.revision
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
FROM casualty_claims c
JOIN mentions m ON m.id = c.mention_id
JOIN items i    ON i.id = m.item_id AND m.revision = i.revision
JOIN sources s  ON s.id = i.source_id
ORDER BY COALESCE(i.published_at, i.fetched_at) DESC, c.id;
