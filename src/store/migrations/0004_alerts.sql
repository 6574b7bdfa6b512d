-- claimwatch schema, version 4: the alert outbox.

-- One row per (rule, mention), written before any delivery is attempted, so an alert is
-- never lost and never queued twice. `idempotency_key` travels with every delivery attempt
-- (Idempotency-Key header, Message-ID, JSON field) so a receiver can drop a repeat.
CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY,
    rule            TEXT NOT NULL,
    mention_id      INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    idempotency_key TEXT NOT NULL UNIQUE,
    payload         TEXT NOT NULL,           -- the JSON delivered
    created_at      TEXT NOT NULL,
    delivered_at    TEXT,                    -- NULL until every delivery of the rule succeeded
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    UNIQUE (rule, mention_id)
);
CREATE INDEX alerts_due ON alerts(delivered_at, next_attempt_at);

-- Small key/value state; `alerts_watermark` is the last mention id checked against the rules.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
