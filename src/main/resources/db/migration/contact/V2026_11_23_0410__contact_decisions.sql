-- Every decision the engine makes, allowed or not, with its reasons: the contact history agents and compliance
-- read, and — for reserved, allowed decisions — the attempt ledger that frequency caps count.
CREATE TABLE contact_decision
(
  id              UUID PRIMARY KEY,
  customer_id     UUID NOT NULL,
  loan_id         UUID,
  purpose         TEXT NOT NULL,
  channel         TEXT NOT NULL,
  destination     TEXT,
  evaluated_at    TIMESTAMPTZ NOT NULL,
  decided_at      TIMESTAMPTZ NOT NULL,
  allowed         BOOLEAN NOT NULL,
  reserved        BOOLEAN NOT NULL,
  reasons         TEXT NOT NULL,
  next_allowed_at TIMESTAMPTZ,
  alternatives    TEXT NOT NULL,
  policy_version  TEXT NOT NULL,
  idempotency_key TEXT UNIQUE,
  requested_by    TEXT NOT NULL,
  outcome         TEXT,
  outcome_at      TIMESTAMPTZ,
  outcome_by      TEXT
);
-- frequency caps read a customer's attempts of the last weeks
CREATE INDEX contact_decision_attempts_idx ON contact_decision (customer_id, evaluated_at) WHERE reserved;
CREATE INDEX contact_decision_history_idx ON contact_decision (customer_id, decided_at);
