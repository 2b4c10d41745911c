-- Contact policy documents (the presets CN, US_REG_F, UK_FCA and the bank's house rules) as versioned YAML.
-- A version applies from effective_from until the next version of the same document takes effect; decisions
-- use the versions in effect at the decision's instant. Rows are never updated or deleted: this is the history.
CREATE TABLE contact_policy_version
(
  id             UUID PRIMARY KEY,
  document_id    TEXT NOT NULL CHECK (document_id IN ('CN', 'US_REG_F', 'UK_FCA', 'house')),
  version        TEXT NOT NULL,
  yaml           TEXT NOT NULL,
  effective_from TIMESTAMPTZ NOT NULL,
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  comment        TEXT,
  UNIQUE (document_id, version)
);
-- "which version is in effect at t": the latest effective_from <= t per document
CREATE INDEX contact_policy_version_effective_idx ON contact_policy_version (document_id, effective_from DESC, created_at DESC);

-- Public holidays and adjusted working days (调休) of one jurisdiction and year; an administrator loads a year
-- (e.g. when the State Council publishes the next year's arrangement), which replaces the stored one.
CREATE TABLE holiday_calendar_year
(
  jurisdiction TEXT NOT NULL,
  year         INT NOT NULL,
  yaml         TEXT NOT NULL,
  loaded_by    TEXT NOT NULL,
  loaded_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (jurisdiction, year)
);
