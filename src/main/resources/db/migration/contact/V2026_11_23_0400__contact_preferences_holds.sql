-- The customer's own word on how to be contacted, and holds that pause contact. Both are read by every decision.
CREATE TABLE contact_preference
(
  customer_id       UUID PRIMARY KEY,
  preferred_channel TEXT,
  language          TEXT,
  updated_at        TIMESTAMPTZ NOT NULL,
  updated_by        TEXT NOT NULL
);

CREATE TABLE contact_opt_out
(
  customer_id UUID NOT NULL,
  channel     TEXT NOT NULL,
  purpose     TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (customer_id, channel, purpose)
);

CREATE TABLE marketing_opt_in
(
  customer_id UUID NOT NULL,
  channel     TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (customer_id, channel)
);

CREATE TABLE inconvenient_time
(
  customer_id UUID NOT NULL,
  position    INT NOT NULL,
  days        TEXT[] NOT NULL,
  from_time   TIME NOT NULL,
  to_time     TIME NOT NULL,
  PRIMARY KEY (customer_id, position)
);

CREATE TABLE contact_hold
(
  id          UUID PRIMARY KEY,
  customer_id UUID NOT NULL,
  loan_id     UUID,
  type        TEXT NOT NULL,
  valid_from  TIMESTAMPTZ NOT NULL,
  valid_until TIMESTAMPTZ,
  reason      TEXT,
  placed_by   TEXT NOT NULL,
  placed_at   TIMESTAMPTZ NOT NULL,
  lifted_at   TIMESTAMPTZ,
  lifted_by   TEXT
);
CREATE INDEX contact_hold_customer_idx ON contact_hold (customer_id) WHERE lifted_at IS NULL;
