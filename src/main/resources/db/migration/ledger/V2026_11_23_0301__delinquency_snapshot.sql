-- Portfolio delinquency as of a business date, written set-based for reports and the nightly contact plan.
CREATE TABLE delinquency_snapshot
(
  business_date          DATE NOT NULL,
  loan_id                UUID NOT NULL,
  customer_id            UUID NOT NULL,
  days_past_due          INT NOT NULL,
  bucket                 TEXT NOT NULL,
  overdue_amount         NUMERIC(19, 2) NOT NULL,
  oldest_unpaid_due_date DATE,
  grace_days             INT NOT NULL,
  PRIMARY KEY (business_date, loan_id)
);
CREATE INDEX delinquency_snapshot_bucket_idx ON delinquency_snapshot (business_date, bucket);

CREATE TABLE delinquency_snapshot_run
(
  business_date DATE PRIMARY KEY,
  as_of         TIMESTAMPTZ NOT NULL,
  loans         BIGINT NOT NULL,
  elapsed_ms    BIGINT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL
);
