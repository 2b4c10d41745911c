-- One row: a number that changes whenever a contact policy version or a holiday year is stored, changed or removed,
-- so that every application instance can tell with one tiny read whether the policy versions and holiday calendars
-- it holds are still the stored ones (DecisionFactsLoader). A trigger moves it for every writer.
CREATE TABLE contact_policy_revision
(
  only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
  revision BIGINT  NOT NULL
);
INSERT INTO contact_policy_revision (only_row, revision) VALUES (true, 1);

CREATE FUNCTION contact_policy_revision_bump() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  UPDATE contact_policy_revision SET revision = revision + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER contact_policy_version_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON contact_policy_version
  FOR EACH STATEMENT EXECUTE FUNCTION contact_policy_revision_bump();
CREATE TRIGGER holiday_calendar_year_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holiday_calendar_year
  FOR EACH STATEMENT EXECUTE FUNCTION contact_policy_revision_bump();
