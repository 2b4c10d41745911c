-- Dispatch state of the outbox: the dispatcher claims QUEUED rows (and SENDING rows whose claim has lapsed after a
-- crash) with FOR UPDATE SKIP LOCKED, sends them with the message id as the provider's idempotency key, and
-- retries with exponential back-off. decision_id is null only for a reply the law requires without a contact
-- decision (the single confirmation of an SMS opt-out keyword).
ALTER TABLE message_outbox
  ALTER COLUMN decision_id DROP NOT NULL,
  ADD COLUMN attempts        INT NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at TIMESTAMPTZ,
  ADD COLUMN claimed_until   TIMESTAMPTZ,
  ADD COLUMN claimed_by      TEXT,
  ADD COLUMN last_error      TEXT,
  ADD COLUMN reason          TEXT,
  ADD COLUMN subject         TEXT,
  ADD COLUMN body            TEXT,
  ADD COLUMN template_version INT,
  ADD COLUMN provider_ref    TEXT,
  ADD COLUMN sent_at         TIMESTAMPTZ,
  ADD COLUMN delivered_at    TIMESTAMPTZ,
  ADD COLUMN updated_at      TIMESTAMPTZ;
UPDATE message_outbox SET next_attempt_at = created_at WHERE next_attempt_at IS NULL;
DROP INDEX IF EXISTS message_outbox_queued_idx;
-- what the dispatcher scans: due messages and lapsed claims
CREATE INDEX message_outbox_due_idx ON message_outbox (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX message_outbox_claimed_idx ON message_outbox (claimed_until) WHERE status = 'SENDING';
CREATE INDEX message_outbox_provider_ref_idx ON message_outbox (provider_ref) WHERE provider_ref IS NOT NULL;

-- Message templates per key (a purpose, a Notice or a special such as VOICEMAIL_LIMITED) x channel x language,
-- versioned: a change is a new version, the highest version is used.
CREATE TABLE message_template
(
  id             UUID PRIMARY KEY,
  template_key   TEXT NOT NULL,
  channel        TEXT NOT NULL,
  language       TEXT NOT NULL,
  version        INT  NOT NULL,
  subject        TEXT,
  body           TEXT NOT NULL,
  claims         TEXT[] NOT NULL DEFAULT '{}',
  limited_content BOOLEAN NOT NULL DEFAULT false,
  opt_out_exempt BOOLEAN NOT NULL DEFAULT false,
  comment        TEXT,
  created_at     TIMESTAMPTZ NOT NULL,
  created_by     TEXT NOT NULL,
  UNIQUE (template_key, channel, language, version)
);

-- Genuine litigation records: a template that mentions legal action is sent only for a loan listed here.
CREATE TABLE litigation_record
(
  id             UUID PRIMARY KEY,
  customer_id    UUID NOT NULL,
  loan_id        UUID NOT NULL,
  court          TEXT NOT NULL,
  case_reference TEXT NOT NULL,
  filed_on       DATE NOT NULL,
  withdrawn_at   TIMESTAMPTZ,
  recorded_at    TIMESTAMPTZ NOT NULL,
  recorded_by    TEXT NOT NULL,
  UNIQUE (court, case_reference)
);
CREATE INDEX litigation_record_loan_idx ON litigation_record (loan_id);

-- Notices that could not be sent on any channel, with every channel's reasons (shown in the console).
CREATE TABLE notification_refused
(
  id              UUID PRIMARY KEY,
  customer_id     UUID NOT NULL,
  loan_id         UUID,
  notice          TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  reasons         JSONB NOT NULL,
  refused_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_refused_customer_idx ON notification_refused (customer_id, refused_at);

-- Inbound SMS from the provider: opt-out keywords and what was done about them.
CREATE TABLE inbound_sms
(
  id           UUID PRIMARY KEY,
  provider_id  TEXT UNIQUE,
  customer_id  UUID,
  from_number  TEXT NOT NULL,
  body         TEXT NOT NULL,
  keyword      TEXT,
  action       TEXT NOT NULL,
  received_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX inbound_sms_customer_idx ON inbound_sms (customer_id, received_at);
