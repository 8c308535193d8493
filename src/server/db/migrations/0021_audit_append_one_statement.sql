-- 0021 The audit append in one statement (SPEC §11, §13; issue 7 item 7).
--
-- appendAudit used four round trips under the head's row lock (lock the head, take an id from the sequence, insert
-- the row, move the head). It is now one UPDATE of the head joined to the INSERT of the row: the UPDATE takes the row
-- lock, numbers the entry last_id + 1 and computes the new hash from the head's own previous hash, so a concurrent
-- append that waited for the lock re-reads the head it follows (READ COMMITTED re-evaluates the updated row). The
-- head keeps the hash it replaced in prev_hash so that the same statement can write it into the new row. Entries are
-- numbered by the head from now on (no gaps: a rolled-back append rolls back the head with it); audit_log_id_seq is
-- no longer used.
ALTER TABLE audit_head ADD COLUMN prev_hash text NOT NULL DEFAULT 'genesis';
