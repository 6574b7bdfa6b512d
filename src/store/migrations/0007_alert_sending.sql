-- claimwatch schema, version 7: at-most-once alert delivery.
-- Set just before a delivery attempt and cleared when its outcome is recorded: an alert
-- found with it set after a restart was interrupted mid-send.
ALTER TABLE alerts ADD COLUMN sending_at TEXT;
