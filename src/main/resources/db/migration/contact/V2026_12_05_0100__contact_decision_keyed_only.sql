-- Only decisions asked with an idempotency key are indexed by it: most callers send none, and each decision recorded
-- then wrote a null entry into this index for nothing. (ON CONFLICT names the index by its predicate.)
ALTER TABLE contact_decision DROP CONSTRAINT contact_decision_idempotency_key_key;
CREATE UNIQUE INDEX contact_decision_idempotency_key_idx ON contact_decision (idempotency_key) WHERE idempotency_key IS NOT NULL;
