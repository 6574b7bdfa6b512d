-- claimwatch schema, version 8: the writer adds items to the full-text index itself.
-- With these triggers every item insert ran as a statement transaction, and FTS5 flushes its
-- pending terms into a new index segment at each one: indexing cost more than everything
-- else a poll writes. Deleting an item still removes it from the index by trigger.
DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_update;
