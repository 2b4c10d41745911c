-- CSV import jobs: rows skipped as already posted (idempotent payments), and the list of recent jobs.
ALTER TABLE import_job ADD COLUMN skipped_rows BIGINT NOT NULL DEFAULT 0;
CREATE INDEX import_job_created_idx ON import_job (created_at DESC);
