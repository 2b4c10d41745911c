-- Documents customers upload in the portal for their loan applications. The ledger's checklist item points to the
-- upload by id; the file is kept here with its checksum (content checked by magic bytes: PDF, JPEG or PNG, <= 10 MB).
CREATE TABLE portal_document_upload (
    id             UUID PRIMARY KEY,
    customer_id    UUID        NOT NULL,
    application_id UUID        NOT NULL,
    document_type  TEXT        NOT NULL,
    file_name      TEXT        NOT NULL,
    media_type     TEXT        NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes     INT         NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
    sha256         TEXT        NOT NULL,
    content        BYTEA       NOT NULL,
    uploaded_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX portal_document_upload_application ON portal_document_upload (application_id);
CREATE INDEX portal_document_upload_customer ON portal_document_upload (customer_id);
