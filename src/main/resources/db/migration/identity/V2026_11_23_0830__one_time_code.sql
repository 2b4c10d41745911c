-- One-time login codes for the customer portal, sent by SMS. Only a hash of the code is kept; a code expires after a
-- few minutes and after a few wrong attempts, and is used once.
CREATE TABLE one_time_code
(
  id           UUID PRIMARY KEY,
  user_id      UUID NOT NULL,
  customer_id  UUID NOT NULL,
  code_hash    TEXT NOT NULL,
  attempts     INT NOT NULL DEFAULT 0,
  issued_at    TIMESTAMPTZ NOT NULL,
  expires_at   TIMESTAMPTZ NOT NULL,
  used_at      TIMESTAMPTZ
);
CREATE INDEX one_time_code_user_idx ON one_time_code (user_id, issued_at DESC);
