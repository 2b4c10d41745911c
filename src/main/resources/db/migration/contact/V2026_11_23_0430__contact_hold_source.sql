-- Holds placed by other modules through events carry the source that asked for them (e.g. "complaint:<id>"),
-- so that the same event delivered twice places one hold and the matching release lifts exactly those holds.
ALTER TABLE contact_hold ADD COLUMN source TEXT;
CREATE UNIQUE INDEX contact_hold_source_uq ON contact_hold (source, type, customer_id) WHERE source IS NOT NULL AND lifted_at IS NULL;
