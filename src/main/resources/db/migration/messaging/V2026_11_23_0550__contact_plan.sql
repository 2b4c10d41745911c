-- The daily contact plan's cadence (reminder offsets, collection ladder) as versioned YAML. Rows are never updated
-- or deleted: the latest effective_from not after a run's start is the version it uses; earlier rows are the history.
CREATE TABLE contact_cadence_version
(
  id             UUID PRIMARY KEY,
  version        TEXT NOT NULL UNIQUE,
  yaml           TEXT NOT NULL,
  effective_from TIMESTAMPTZ NOT NULL,
  created_by     TEXT NOT NULL,
  created_at     TIMESTAMPTZ NOT NULL,
  comment        TEXT
);

-- One run of the plan for a business date. At most one runs per date at a time; heartbeat_at lets another start
-- (or a restart) tell a run that died with its instance from one still working.
CREATE TABLE contact_plan_run
(
  id              UUID PRIMARY KEY,
  business_date   DATE NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
  cadence_version TEXT,
  started_by      TEXT NOT NULL,
  started_at      TIMESTAMPTZ NOT NULL,
  heartbeat_at    TIMESTAMPTZ NOT NULL,
  finished_at     TIMESTAMPTZ,
  candidates      BIGINT,
  processed       BIGINT NOT NULL DEFAULT 0,
  report          JSONB,
  error           TEXT
);
CREATE UNIQUE INDEX contact_plan_run_running_uq ON contact_plan_run (business_date) WHERE status = 'RUNNING';
CREATE INDEX contact_plan_run_started_idx ON contact_plan_run (started_at DESC);

-- What the plan decided for each loan and purpose on a date: PLANNED (a message queued or a call listed; never
-- repeated for that date) or BLOCKED (re-evaluated by a later run of the same date, since e.g. quiet hours pass).
CREATE TABLE contact_plan_item
(
  business_date DATE NOT NULL,
  loan_id       UUID NOT NULL,
  purpose       TEXT NOT NULL,
  customer_id   UUID NOT NULL,
  run_id        UUID NOT NULL,
  level         INT,
  status        TEXT NOT NULL CHECK (status IN ('PLANNED', 'BLOCKED')),
  channel       TEXT NOT NULL,
  decision_id   UUID NOT NULL,
  reasons       TEXT[] NOT NULL DEFAULT '{}',
  decided_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (business_date, loan_id, purpose)
);
CREATE INDEX contact_plan_item_customer_idx ON contact_plan_item (customer_id, business_date);

-- Calls the plan wants made: an agent or the dialer claims a task, which books the call with the contact engine at
-- dial time, then reports its outcome.
CREATE TABLE dialer_task
(
  id               UUID PRIMARY KEY,
  business_date    DATE NOT NULL,
  run_id           UUID NOT NULL,
  customer_id      UUID NOT NULL,
  loan_id          UUID NOT NULL,
  purpose          TEXT NOT NULL,
  level            INT,
  destination      TEXT NOT NULL,
  language         TEXT NOT NULL,
  details          JSONB NOT NULL,
  plan_decision_id UUID NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('OPEN', 'CLAIMED', 'DONE', 'BLOCKED')),
  claims           INT NOT NULL DEFAULT 0,
  claimed_by       TEXT,
  claimed_at       TIMESTAMPTZ,
  dial_decision_id UUID,
  reasons          TEXT[] NOT NULL DEFAULT '{}',
  next_allowed_at  TIMESTAMPTZ,
  outcome          TEXT,
  outcome_at       TIMESTAMPTZ,
  created_at       TIMESTAMPTZ NOT NULL,
  UNIQUE (business_date, loan_id, purpose)
);
CREATE INDEX dialer_task_date_idx ON dialer_task (business_date, status);
