-- claimwatch schema, version 1. Never edit a released migration; add a new file instead.
-- Times are UTC text, 'YYYY-MM-DDTHH:MM:SSZ', which sorts and works with SQLite's date functions.

CREATE TABLE sources (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE,
    url                TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('feed', 'page')),
    labels             TEXT NOT NULL DEFAULT '{}',   -- JSON object of the config's labels
    etag               TEXT,                         -- conditional-GET validators
    last_modified      TEXT,
    last_poll_at       TEXT,
    last_ok_at         TEXT,
    last_status        INTEGER,
    last_error         TEXT,
    consecutive_errors INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE fetches (
    id            INTEGER PRIMARY KEY,
    source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    started_at    TEXT NOT NULL,
    finished_at   TEXT NOT NULL,
    http_status   INTEGER,          -- NULL when no response came back
    bytes         INTEGER NOT NULL DEFAULT 0,
    items_seen    INTEGER NOT NULL DEFAULT 0,
    new_items     INTEGER NOT NULL DEFAULT 0,
    revised_items INTEGER NOT NULL DEFAULT 0,
    error         TEXT              -- NULL on success
);
CREATE INDEX fetches_source_time ON fetches(source_id, started_at);

CREATE TABLE items (
    id           INTEGER PRIMARY KEY,
    source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    guid         TEXT NOT NULL,
    url          TEXT,
    title        TEXT NOT NULL,
    published_at TEXT,
    fetched_at   TEXT NOT NULL,     -- first seen
    updated_at   TEXT NOT NULL,     -- when the current revision was seen
    text         TEXT NOT NULL,     -- plain text, what the tagger read
    raw          TEXT NOT NULL,     -- the body as published
    content_hash TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (source_id, guid)
);
CREATE INDEX items_published ON items(published_at);

-- Earlier versions of items whose title or text changed after publication.
CREATE TABLE item_revisions (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    revision     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    text         TEXT NOT NULL,
    raw          TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    seen_at      TEXT NOT NULL,
    UNIQUE (item_id, revision)
);

CREATE TABLE mentions (
    id               INTEGER PRIMARY KEY,
    item_id          INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    revision         INTEGER NOT NULL,   -- the item revision it was found in
    field            TEXT NOT NULL CHECK (field IN ('title', 'text')),
    kind             TEXT NOT NULL CHECK (kind IN ('ceasefire', 'clash', 'casualty')),
    sentence         TEXT NOT NULL,
    span_start       INTEGER NOT NULL,   -- character offsets of the sentence in items.<field>,
    span_end         INTEGER NOT NULL,   -- 0-based, end exclusive: substr(text, span_start + 1, span_end - span_start)
    ceasefire_status TEXT CHECK (ceasefire_status IN ('agreed', 'proposed', 'violated', 'holding', 'collapsed')),
    mediator         TEXT,
    location         TEXT,
    parties          TEXT NOT NULL DEFAULT '[]',  -- JSON array
    tagger_version   TEXT NOT NULL,
    tagged_at        TEXT NOT NULL
);
CREATE INDEX mentions_item ON mentions(item_id, revision);
CREATE INDEX mentions_kind ON mentions(kind);

CREATE TABLE casualty_claims (
    id              INTEGER PRIMARY KEY,
    mention_id      INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    category        TEXT NOT NULL CHECK (category IN ('killed', 'wounded', 'killed_or_wounded', 'captured', 'missing')),
    count           INTEGER,            -- NULL when vague ("dozens")
    approx          INTEGER NOT NULL,   -- 0/1
    who             TEXT,
    claimant        TEXT,
    claimant_origin TEXT CHECK (claimant_origin IN ('sentence', 'passage', 'source')),
    negated         INTEGER NOT NULL    -- 0/1
);
CREATE INDEX casualty_claims_mention ON casualty_claims(mention_id);

CREATE TABLE digests (
    id         INTEGER PRIMARY KEY,
    written_at TEXT NOT NULL,
    since      TEXT NOT NULL,
    path       TEXT NOT NULL,
    mentions   INTEGER NOT NULL
);

CREATE VIRTUAL TABLE items_fts USING fts5(
    title, text, content = 'items', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, text ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO items_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

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
