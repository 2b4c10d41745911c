-- The loan ledger. Every table that belongs to a customer carries customer_id, so the schema can be
-- distributed by customer (e.g. Citus) when a bank outgrows one database.
CREATE TABLE customer
(
  id                UUID PRIMARY KEY,
  external_id       TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  national_id       TEXT NOT NULL,
  national_id_last4 TEXT NOT NULL,
  language          TEXT NOT NULL,
  country           TEXT NOT NULL,
  region            TEXT,
  city              TEXT,
  address_line      TEXT,
  time_zone         TEXT NOT NULL,
  created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX customer_name_idx ON customer (lower(name) text_pattern_ops);
CREATE INDEX customer_national_last4_idx ON customer (national_id_last4);

CREATE TABLE contact_point
(
  id          UUID PRIMARY KEY,
  customer_id UUID NOT NULL REFERENCES customer (id),
  type        TEXT NOT NULL,
  value       TEXT NOT NULL,
  verified    BOOLEAN NOT NULL,
  owner       TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  UNIQUE (customer_id, type, value)
);
CREATE INDEX contact_point_value_idx ON contact_point (value);

CREATE TABLE loan
(
  id             UUID PRIMARY KEY,
  customer_id    UUID NOT NULL REFERENCES customer (id),
  external_id    TEXT NOT NULL UNIQUE,
  product        TEXT NOT NULL,
  currency       TEXT NOT NULL,
  principal      NUMERIC(19, 2) NOT NULL,
  annual_rate    NUMERIC(12, 8) NOT NULL,
  term_months    INT NOT NULL,
  method         TEXT NOT NULL,
  disbursed_on   DATE NOT NULL,
  first_due_date DATE NOT NULL,
  grace_days     INT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX loan_customer_idx ON loan (customer_id);

-- One row per scheduled instalment; paid_* are the current allocation of non-reversed payments.
CREATE TABLE instalment
(
  loan_id         UUID NOT NULL,
  number          INT NOT NULL,
  customer_id     UUID NOT NULL,
  due_date        DATE NOT NULL,
  principal       NUMERIC(19, 2) NOT NULL,
  interest        NUMERIC(19, 2) NOT NULL,
  fees            NUMERIC(19, 2) NOT NULL DEFAULT 0,
  penalties       NUMERIC(19, 2) NOT NULL DEFAULT 0,
  paid_principal  NUMERIC(19, 2) NOT NULL DEFAULT 0,
  paid_interest   NUMERIC(19, 2) NOT NULL DEFAULT 0,
  paid_fees       NUMERIC(19, 2) NOT NULL DEFAULT 0,
  paid_penalties  NUMERIC(19, 2) NOT NULL DEFAULT 0,
  remaining       NUMERIC(19, 2) GENERATED ALWAYS AS
                    (principal + interest + fees + penalties - paid_principal - paid_interest - paid_fees - paid_penalties) STORED,
  PRIMARY KEY (loan_id, number)
);
-- the delinquency snapshot reads only instalments that still have something to pay
CREATE INDEX instalment_unpaid_idx ON instalment (loan_id, due_date) WHERE remaining > 0;

CREATE TABLE payment
(
  id              UUID PRIMARY KEY,
  loan_id         UUID NOT NULL REFERENCES loan (id),
  customer_id     UUID NOT NULL,
  reference       TEXT NOT NULL,
  amount          NUMERIC(19, 2) NOT NULL,
  currency        TEXT NOT NULL,
  received_at     TIMESTAMPTZ NOT NULL,
  recorded_at     TIMESTAMPTZ NOT NULL,
  unallocated     NUMERIC(19, 2) NOT NULL DEFAULT 0,
  reversed_at     TIMESTAMPTZ,
  reversal_reason TEXT,
  UNIQUE (loan_id, reference)
);
CREATE INDEX payment_loan_received_idx ON payment (loan_id, received_at);

CREATE TABLE payment_allocation
(
  payment_id         UUID NOT NULL REFERENCES payment (id),
  loan_id            UUID NOT NULL,
  customer_id        UUID NOT NULL,
  instalment_number  INT NOT NULL,
  component          TEXT NOT NULL,
  amount             NUMERIC(19, 2) NOT NULL,
  received_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (payment_id, instalment_number, component)
);
CREATE INDEX payment_allocation_loan_idx ON payment_allocation (loan_id, instalment_number, received_at);

CREATE TABLE payment_claim
(
  id                 UUID PRIMARY KEY,
  loan_id            UUID NOT NULL REFERENCES loan (id),
  customer_id        UUID NOT NULL,
  evidence_reference TEXT NOT NULL,
  amount             NUMERIC(19, 2),
  paid_on            DATE,
  channel            TEXT NOT NULL,
  claimed_by         TEXT NOT NULL,
  created_at         TIMESTAMPTZ NOT NULL,
  expires_at         TIMESTAMPTZ NOT NULL,
  matched_payment_id UUID,
  matched_at         TIMESTAMPTZ
);
CREATE INDEX payment_claim_loan_idx ON payment_claim (loan_id, expires_at);

CREATE TABLE loan_application
(
  id          UUID PRIMARY KEY,
  customer_id UUID NOT NULL REFERENCES customer (id),
  external_id TEXT NOT NULL UNIQUE,
  product     TEXT NOT NULL,
  amount      NUMERIC(19, 2) NOT NULL,
  currency    TEXT NOT NULL,
  status      TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX loan_application_customer_idx ON loan_application (customer_id);

CREATE TABLE application_event
(
  id             BIGSERIAL PRIMARY KEY,
  application_id UUID NOT NULL REFERENCES loan_application (id),
  customer_id    UUID NOT NULL,
  status         TEXT NOT NULL,
  note           TEXT,
  actor          TEXT NOT NULL,
  occurred_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX application_event_app_idx ON application_event (application_id, id);

CREATE TABLE application_document
(
  application_id UUID NOT NULL REFERENCES loan_application (id),
  customer_id    UUID NOT NULL,
  type           TEXT NOT NULL,
  state          TEXT NOT NULL,
  note           TEXT,
  updated_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (application_id, type)
);

CREATE TABLE import_job
(
  id             UUID PRIMARY KEY,
  kind           TEXT NOT NULL,
  file_name      TEXT,
  status         TEXT NOT NULL,
  processed_rows BIGINT NOT NULL DEFAULT 0,
  imported_rows  BIGINT NOT NULL DEFAULT 0,
  bytes_total    BIGINT NOT NULL DEFAULT 0,
  bytes_read     BIGINT NOT NULL DEFAULT 0,
  errors         TEXT,
  error_count    INT NOT NULL DEFAULT 0,
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  finished_at    TIMESTAMPTZ
);
