-- Snapshots are report artefacts that can always be recomputed from the ledger: one partition per business
-- date (retaking a date truncates its partition instead of deleting a million rows), created UNLOGGED by the
-- application, and no index (reports and the nightly plan read a whole date).
DROP TABLE delinquency_snapshot;
CREATE TABLE delinquency_snapshot
(
  business_date          DATE NOT NULL,
  loan_id                UUID NOT NULL,
  customer_id            UUID NOT NULL,
  days_past_due          INT NOT NULL,
  bucket                 TEXT NOT NULL,
  overdue_amount         NUMERIC(19, 2) NOT NULL,
  oldest_unpaid_due_date DATE,
  grace_days             INT NOT NULL
) PARTITION BY LIST (business_date);

-- Covering the remaining amount lets the snapshot read only unpaid instalments, from the index alone.
DROP INDEX instalment_unpaid_idx;
CREATE INDEX instalment_unpaid_idx ON instalment (loan_id, due_date) INCLUDE (remaining) WHERE remaining > 0;
