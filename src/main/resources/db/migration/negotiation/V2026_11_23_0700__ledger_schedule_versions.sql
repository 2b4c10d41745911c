-- Ledger: a loan's schedule is versioned when an arrangement replaces its future (LoanService.rescheduleFuture).
-- (Owned by the negotiation change to the ledger; kept in this folder so its version stays in this range.)
-- Version 1 is the schedule the loan was booked with; each reschedule archives the rows as they stood and
-- records the new version. The live rows stay in `instalment`: settled rows keep what was paid on them, and
-- the new instalments continue the numbering, so payment allocations never point at a missing row.
ALTER TABLE loan ADD COLUMN schedule_version INT NOT NULL DEFAULT 1;
ALTER TABLE loan ADD COLUMN rescheduled_at TIMESTAMPTZ;

CREATE TABLE loan_schedule_version
(
  loan_id        UUID NOT NULL REFERENCES loan (id),
  version        INT NOT NULL,
  customer_id    UUID NOT NULL,
  effective_from DATE NOT NULL,
  reason         TEXT NOT NULL,
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (loan_id, version)
);

-- The instalments of a superseded version exactly as they stood (amounts and what was paid) when it was replaced.
CREATE TABLE instalment_archive
(
  loan_id        UUID NOT NULL,
  version        INT NOT NULL,
  number         INT NOT NULL,
  customer_id    UUID NOT NULL,
  due_date       DATE NOT NULL,
  principal      NUMERIC(19, 2) NOT NULL,
  interest       NUMERIC(19, 2) NOT NULL,
  fees           NUMERIC(19, 2) NOT NULL,
  penalties      NUMERIC(19, 2) NOT NULL,
  paid_principal NUMERIC(19, 2) NOT NULL,
  paid_interest  NUMERIC(19, 2) NOT NULL,
  paid_fees      NUMERIC(19, 2) NOT NULL,
  paid_penalties NUMERIC(19, 2) NOT NULL,
  archived_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (loan_id, version, number)
);
