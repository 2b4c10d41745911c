-- A version per customer of everything the contact rules read from this module about them: it changes whenever an
-- attempt is booked for the customer, an outcome is recorded, or their opt-outs, marketing opt-ins, inconvenient
-- times or holds change. A customer without a row has version 0.
--
-- A reserving decision reads the facts and this version in one statement, decides, and books the attempt only if
-- the version is still the one it read (the booking itself moves it on, in the same statement): optimistic
-- concurrency, so that dialers racing on any number of instances never together exceed a cap, without holding a
-- lock or a transaction open while the engine decides (ContactDecisionService, ContactReservationConcurrencyIT).
CREATE TABLE contact_customer_version
(
  customer_id UUID PRIMARY KEY,
  version     BIGINT NOT NULL
);

-- Preferences and holds are written by several services and by events from other modules; a trigger moves the
-- version for every writer. Statement-level, so a bulk change costs one upsert of the distinct customers.
CREATE FUNCTION contact_customer_version_bump() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  INSERT INTO contact_customer_version AS v (customer_id, version)
  SELECT DISTINCT customer_id, 1 FROM changed ORDER BY customer_id
  ON CONFLICT (customer_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER contact_opt_out_inserted AFTER INSERT ON contact_opt_out REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();
CREATE TRIGGER contact_opt_out_updated AFTER UPDATE ON contact_opt_out REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();
CREATE TRIGGER contact_opt_out_deleted AFTER DELETE ON contact_opt_out REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();

CREATE TRIGGER marketing_opt_in_inserted AFTER INSERT ON marketing_opt_in REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();
CREATE TRIGGER marketing_opt_in_updated AFTER UPDATE ON marketing_opt_in REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();
CREATE TRIGGER marketing_opt_in_deleted AFTER DELETE ON marketing_opt_in REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();

CREATE TRIGGER inconvenient_time_inserted AFTER INSERT ON inconvenient_time REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();
CREATE TRIGGER inconvenient_time_updated AFTER UPDATE ON inconvenient_time REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();
CREATE TRIGGER inconvenient_time_deleted AFTER DELETE ON inconvenient_time REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();

CREATE TRIGGER contact_hold_inserted AFTER INSERT ON contact_hold REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();
CREATE TRIGGER contact_hold_updated AFTER UPDATE ON contact_hold REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();
CREATE TRIGGER contact_hold_deleted AFTER DELETE ON contact_hold REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION contact_customer_version_bump();
