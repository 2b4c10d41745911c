-- Complaint cases and everything that happens on them. Every table carries customer_id (distribution by customer).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE complaint_reference_seq;

CREATE TABLE complaint_case (
    id                  uuid PRIMARY KEY,
    reference           text NOT NULL UNIQUE,
    customer_id         uuid NOT NULL,
    loan_id             uuid,
    channel             text NOT NULL,
    description         text NOT NULL,
    received_at         timestamptz NOT NULL,
    incident_at         timestamptz,
    jurisdiction        text NOT NULL,
    category            text NOT NULL,
    triage_confidence   numeric(5,4) NOT NULL,
    severity            text NOT NULL,
    complexity          text NOT NULL,
    severity_reasons    text NOT NULL DEFAULT '',
    status              text NOT NULL,
    acknowledge_by      timestamptz NOT NULL,
    summary_by          timestamptz,
    resolve_by          timestamptz NOT NULL,
    extended            boolean NOT NULL DEFAULT false,
    acknowledged_at     timestamptz,
    resolved_at         timestamptz,
    department          text NOT NULL DEFAULT 'COMPLAINTS',
    validity            text NOT NULL,
    validity_notes      text NOT NULL DEFAULT '',
    contact_related     boolean NOT NULL,
    hold_placed         boolean NOT NULL DEFAULT false,
    last_proposer       text,
    rejections          int NOT NULL DEFAULT 0,
    mediation_org       text,
    mediation_ref       text,
    mediation_outcome   text,
    regulator_ref       text,
    regulator_deadline  timestamptz,
    regulator_outcome   text,
    survey_rating       int CHECK (survey_rating BETWEEN 1 AND 5),
    survey_comment      text,
    survey_at           timestamptz,
    source              text UNIQUE,
    created_at          timestamptz NOT NULL,
    created_by          text NOT NULL,
    version             int NOT NULL DEFAULT 0
);
CREATE INDEX complaint_case_queue ON complaint_case (resolve_by) WHERE status <> 'CLOSED';
CREATE INDEX complaint_case_customer ON complaint_case (customer_id, received_at DESC);
CREATE INDEX complaint_case_loan ON complaint_case (loan_id);
CREATE INDEX complaint_case_status_category ON complaint_case (status, category, resolve_by);
CREATE INDEX complaint_case_description_trgm ON complaint_case USING gin (description gin_trgm_ops);
CREATE INDEX complaint_case_reference_trgm ON complaint_case USING gin (reference gin_trgm_ops);

-- The case timeline: every step, who took it and when (also notices requested and decisions).
CREATE TABLE complaint_event (
    id            uuid PRIMARY KEY,
    complaint_id  uuid NOT NULL REFERENCES complaint_case (id),
    customer_id   uuid NOT NULL,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    type          text NOT NULL,
    detail        text NOT NULL DEFAULT ''
);
CREATE INDEX complaint_event_case ON complaint_event (complaint_id, at);

CREATE TABLE complaint_file (
    id            uuid PRIMARY KEY,
    complaint_id  uuid NOT NULL REFERENCES complaint_case (id),
    customer_id   uuid NOT NULL,
    visit_id      uuid,
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size_bytes    int NOT NULL,
    sha256        text NOT NULL,
    content       bytea NOT NULL,
    uploaded_at   timestamptz NOT NULL,
    uploaded_by   text NOT NULL
);
CREATE INDEX complaint_file_case ON complaint_file (complaint_id);

-- Work routed to a department; notes on the case are visible to every department.
CREATE TABLE complaint_task (
    id            uuid PRIMARY KEY,
    complaint_id  uuid NOT NULL REFERENCES complaint_case (id),
    customer_id   uuid NOT NULL,
    department    text NOT NULL,
    instruction   text NOT NULL,
    status        text NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text NOT NULL,
    done_at       timestamptz,
    done_by       text
);
CREATE INDEX complaint_task_case ON complaint_task (complaint_id);
CREATE INDEX complaint_task_open ON complaint_task (department) WHERE status = 'OPEN';

CREATE TABLE complaint_note (
    id            uuid PRIMARY KEY,
    complaint_id  uuid NOT NULL REFERENCES complaint_case (id),
    customer_id   uuid NOT NULL,
    department    text NOT NULL,
    body          text NOT NULL,
    at            timestamptz NOT NULL,
    author        text NOT NULL
);
CREATE INDEX complaint_note_case ON complaint_note (complaint_id, at);

-- Agents' corrections of the automatic category: audited, and training data for the classifier.
CREATE TABLE complaint_triage_correction (
    id            uuid PRIMARY KEY,
    complaint_id  uuid NOT NULL REFERENCES complaint_case (id),
    customer_id   uuid NOT NULL,
    text          text NOT NULL,
    from_category text NOT NULL,
    to_category   text NOT NULL,
    corrected_by  text NOT NULL,
    corrected_at  timestamptz NOT NULL
);

CREATE TABLE complaint_resolution (
    id             uuid PRIMARY KEY,
    complaint_id   uuid NOT NULL REFERENCES complaint_case (id),
    customer_id    uuid NOT NULL,
    summary        text NOT NULL,
    amount         numeric(19,2),
    currency       text,
    status         text NOT NULL,
    proposed_by    text NOT NULL,
    proposed_at    timestamptz NOT NULL,
    approved_by    text,
    approved_at    timestamptz,
    answered_at    timestamptz,
    answered_by    text,
    answer_reason  text
);
CREATE INDEX complaint_resolution_case ON complaint_resolution (complaint_id, proposed_at);

CREATE TABLE complaint_visit (
    id              uuid PRIMARY KEY,
    complaint_id    uuid NOT NULL REFERENCES complaint_case (id),
    customer_id     uuid NOT NULL,
    loan_id         uuid,
    slot_start      timestamptz NOT NULL,
    slot_end        timestamptz NOT NULL,
    address         text NOT NULL,
    officers        text NOT NULL,
    status          text NOT NULL,
    proposed_by     text NOT NULL,
    proposed_at     timestamptz NOT NULL,
    answered_at     timestamptz,
    answered_by     text,
    alternative     text,
    decision_id     uuid,
    findings        text,
    acknowledgement text,
    visited_at      timestamptz,
    visited_by      text
);
CREATE INDEX complaint_visit_case ON complaint_visit (complaint_id);
CREATE INDEX complaint_visit_loan ON complaint_visit (loan_id, slot_start);
