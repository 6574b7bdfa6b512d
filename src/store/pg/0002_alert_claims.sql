-- Alerts are delivered by one instance at a time: the instance that claimed an alert for an
-- attempt, and until when its claim holds (a dead instance's claims run out).
ALTER TABLE alerts ADD COLUMN claimed_by TEXT;
ALTER TABLE alerts ADD COLUMN claimed_until TIMESTAMPTZ;
