-- claimwatch schema, version 2: backoff, unchanged-body detection, syndication fingerprints.

-- Scheduled polls of a failing source wait until this time (exponential backoff, Retry-After).
ALTER TABLE sources ADD COLUMN next_attempt_at TEXT;
-- SHA-256 of the last body parsed; an identical body is not parsed again.
ALTER TABLE sources ADD COLUMN body_hash TEXT;
-- Hash of the item's normalised words: the same wire story in several feeds shares it.
ALTER TABLE items ADD COLUMN fingerprint TEXT;
CREATE INDEX items_fingerprint ON items(fingerprint);
