-- Repayment negotiation (协商还款). Every table that belongs to a customer carries customer_id.

-- Arrangement policy documents per product as versioned YAML; rows are never updated or deleted (the history).
CREATE TABLE arrangement_policy_version
(
  id             UUID PRIMARY KEY,
  product        TEXT NOT NULL,
  version        TEXT NOT NULL,
  yaml           TEXT NOT NULL,
  effective_from TIMESTAMPTZ NOT NULL,
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  comment        TEXT,
  UNIQUE (product, version)
);
CREATE INDEX arrangement_policy_effective_idx ON arrangement_policy_version (product, effective_from DESC, created_at DESC);

-- A hardship request and its preliminary assessment.
CREATE TABLE hardship_request
(
  id                 UUID PRIMARY KEY,
  customer_id        UUID NOT NULL,
  loan_id            UUID NOT NULL,
  channel            TEXT NOT NULL,
  reason             TEXT NOT NULL,
  monthly_income     NUMERIC(19, 2) NOT NULL,
  essential_expenses NUMERIC(19, 2) NOT NULL,
  dependants         INT NOT NULL,
  complexity         TEXT NOT NULL,
  complexity_reasons TEXT NOT NULL,
  created_by         TEXT NOT NULL,
  created_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX hardship_request_customer_idx ON hardship_request (customer_id, created_at DESC);

CREATE TABLE hardship_document
(
  id           UUID PRIMARY KEY,
  request_id   UUID NOT NULL REFERENCES hardship_request (id),
  customer_id  UUID NOT NULL,
  file_name    TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes   INT NOT NULL,
  content      BYTEA NOT NULL,
  uploaded_by  TEXT NOT NULL,
  uploaded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX hardship_document_request_idx ON hardship_document (request_id);

-- A quote exactly as answered (options as JSON), so that a choice is made among the options the customer saw.
CREATE TABLE arrangement_quote
(
  id             UUID PRIMARY KEY,
  customer_id    UUID NOT NULL,
  loan_id        UUID NOT NULL,
  request_id     UUID NOT NULL REFERENCES hardship_request (id),
  policy_version TEXT NOT NULL,
  business_date  DATE NOT NULL,
  complexity     TEXT NOT NULL,
  complexity_reasons TEXT NOT NULL,
  affordable_limit   NUMERIC(19, 2) NOT NULL,
  disposable_income  NUMERIC(19, 2) NOT NULL,
  current_total      NUMERIC(19, 2) NOT NULL,
  currency           TEXT NOT NULL,
  body           TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX arrangement_quote_customer_idx ON arrangement_quote (customer_id, created_at DESC);

CREATE TABLE arrangement
(
  id                 UUID PRIMARY KEY,
  customer_id        UUID NOT NULL,
  loan_id            UUID NOT NULL,
  quote_id           UUID NOT NULL REFERENCES arrangement_quote (id),
  option_id          TEXT NOT NULL,
  type               TEXT NOT NULL,
  status             TEXT NOT NULL,
  complexity         TEXT NOT NULL,
  requires_approval  BOOLEAN NOT NULL,
  term_months        INT NOT NULL,
  monthly_payment    NUMERIC(19, 2) NOT NULL,
  total_payable      NUMERIC(19, 2) NOT NULL,
  waived_amount      NUMERIC(19, 2) NOT NULL,
  current_total      NUMERIC(19, 2) NOT NULL,
  currency           TEXT NOT NULL,
  policy_version     TEXT NOT NULL,
  grace_days         INT NOT NULL,
  proposed_by        TEXT NOT NULL,
  proposed_channel   TEXT NOT NULL,
  proposed_at        TIMESTAMPTZ NOT NULL,
  approved_by        TEXT,
  approved_at        TIMESTAMPTZ,
  decision_note      TEXT,
  accepted_by        TEXT,
  accepted_channel   TEXT,
  accepted_at        TIMESTAMPTZ,
  schedule_version   INT,
  closed_at          TIMESTAMPTZ,
  escalation         TEXT NOT NULL DEFAULT 'NONE',
  reviewer           TEXT,
  review_outcome     TEXT,
  mediation_org      TEXT,
  mediation_ref      TEXT,
  mediation_outcome  TEXT,
  version            INT NOT NULL DEFAULT 0
);
CREATE INDEX arrangement_customer_idx ON arrangement (customer_id, proposed_at DESC);
CREATE INDEX arrangement_loan_idx ON arrangement (loan_id, status);
-- at most one open arrangement per loan
CREATE UNIQUE INDEX arrangement_one_open_per_loan ON arrangement (loan_id)
  WHERE status IN ('AWAITING_APPROVAL', 'AWAITING_ACCEPTANCE', 'ACTIVE');

-- The plan's instalments and whether each was kept; ledger_number is the instalment's number in the ledger.
CREATE TABLE arrangement_instalment
(
  arrangement_id UUID NOT NULL REFERENCES arrangement (id),
  number         INT NOT NULL,
  customer_id    UUID NOT NULL,
  due_date       DATE NOT NULL,
  principal      NUMERIC(19, 2) NOT NULL,
  interest       NUMERIC(19, 2) NOT NULL,
  amount         NUMERIC(19, 2) NOT NULL,
  ledger_number  INT,
  status         TEXT NOT NULL DEFAULT 'PENDING',
  decided_at     TIMESTAMPTZ,
  PRIMARY KEY (arrangement_id, number)
);
CREATE INDEX arrangement_instalment_pending_idx ON arrangement_instalment (due_date) WHERE status = 'PENDING';

-- Every step of an arrangement: who, when, through which channel.
CREATE TABLE arrangement_event
(
  id             BIGSERIAL PRIMARY KEY,
  arrangement_id UUID NOT NULL REFERENCES arrangement (id),
  customer_id    UUID NOT NULL,
  step           TEXT NOT NULL,
  from_status    TEXT,
  to_status      TEXT,
  actor          TEXT NOT NULL,
  channel        TEXT,
  note           TEXT,
  occurred_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX arrangement_event_arrangement_idx ON arrangement_event (arrangement_id, id);

-- The bank checks back after an agreement.
CREATE TABLE arrangement_task
(
  id             UUID PRIMARY KEY,
  arrangement_id UUID NOT NULL REFERENCES arrangement (id),
  customer_id    UUID NOT NULL,
  kind           TEXT NOT NULL,
  due_on         DATE NOT NULL,
  status         TEXT NOT NULL DEFAULT 'OPEN',
  done_by        TEXT,
  done_at        TIMESTAMPTZ,
  note           TEXT,
  notified_at    TIMESTAMPTZ,
  created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX arrangement_task_open_idx ON arrangement_task (due_on) WHERE status = 'OPEN';
