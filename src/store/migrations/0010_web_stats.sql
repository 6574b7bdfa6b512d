-- The web site's request counters, recorded by the daemon (or `serve`) every minute and at
-- shutdown, so that `claimwatch status` can show them whether or not the site runs.
CREATE TABLE web_stats (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    listen      TEXT NOT NULL,
    started_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    requests    INTEGER NOT NULL,
    failures    INTEGER NOT NULL,
    seconds     REAL NOT NULL,
    p95_ms      INTEGER
);
