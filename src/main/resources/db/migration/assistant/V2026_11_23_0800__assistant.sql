-- The assistant's conversations: one row per portal session (or API user), holding only the action waiting for the
-- customer's "yes" — so any application node can answer the next message — and the numbered turns, which are the
-- evidence a complaint filed through the assistant points to ("assistant:<conversation>:<turn>").
CREATE TABLE assistant_conversation (
    id             UUID PRIMARY KEY,
    customer_id    UUID        NOT NULL,
    session_key    TEXT        NOT NULL UNIQUE,
    turns          INT         NOT NULL DEFAULT 0,
    pending_action TEXT,
    pending_turn   INT,
    pending_text   TEXT,
    pending_until  TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX assistant_conversation_customer ON assistant_conversation (customer_id);

CREATE TABLE assistant_turn (
    conversation_id UUID          NOT NULL REFERENCES assistant_conversation (id),
    n               INT           NOT NULL,
    customer_id     UUID          NOT NULL,
    text            TEXT          NOT NULL,
    language        TEXT          NOT NULL,
    intent          TEXT          NOT NULL,
    confidence      NUMERIC(5, 4) NOT NULL,
    reply           TEXT          NOT NULL,
    action          TEXT,
    at              TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (conversation_id, n)
);
CREATE INDEX assistant_turn_customer ON assistant_turn (customer_id, at);

-- "Please call me back": a request an agent picks up in the console; the call itself still asks the contact engine.
CREATE TABLE assistant_callback_request (
    id              UUID PRIMARY KEY,
    customer_id     UUID        NOT NULL,
    conversation_id UUID        REFERENCES assistant_conversation (id),
    turn            INT,
    language        TEXT        NOT NULL,
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE')),
    requested_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX assistant_callback_open ON assistant_callback_request (requested_at) WHERE status = 'OPEN';
