-- The outbox: a message is written here in the same transaction as the contact decision that allowed it, and a
-- dispatcher sends it afterwards. The idempotency key makes a repeated request (a re-run plan, a redelivered event)
-- one message; the provider receives the message id as its own idempotency key.
CREATE TABLE message_outbox
(
  id              UUID PRIMARY KEY,
  customer_id     UUID NOT NULL,
  loan_id         UUID,
  purpose         TEXT NOT NULL,
  channel         TEXT NOT NULL,
  destination     TEXT NOT NULL,
  language        TEXT NOT NULL,
  template_key    TEXT,
  variables       JSONB NOT NULL DEFAULT '{}'::jsonb,
  decision_id     UUID NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL,
  created_by      TEXT NOT NULL
);
CREATE INDEX message_outbox_customer_idx ON message_outbox (customer_id, created_at);
CREATE INDEX message_outbox_queued_idx ON message_outbox (created_at) WHERE status = 'QUEUED';
