-- A version per customer of what the ledger answers about them on a hot path (PortfolioReads.standing: the customer,
-- their contact points, a loan's state, payment claims, applications waiting on them). It changes with every write
-- that can change such an answer, whoever makes it, in the writer's own transaction: a reader that finds the version
-- it read its answer with can reuse that answer (within the answer's time validity), on any application instance.
-- A customer without a row has version 0.
CREATE TABLE ledger_customer_version
(
  customer_id UUID PRIMARY KEY,
  version     BIGINT NOT NULL
);

-- Statement-level, so a bulk write (an import, a payment replay) costs one upsert of the distinct customers it touched.
-- Not on INSERT into customer, loan or instalment: a new customer or loan is in no answer yet, and a loan's instalments
-- are only inserted with the loan or by a reschedule, which updates the loan row in the same transaction. (Leaving
-- them out keeps the bulk loan import free of trigger work: 19.5 million instalments for 1 million loans.)
CREATE FUNCTION ledger_customer_version_bump() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  INSERT INTO ledger_customer_version AS v (customer_id, version)
  SELECT DISTINCT customer_id, 1 FROM changed ORDER BY customer_id
  ON CONFLICT (customer_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;

-- the customer table names its key id
CREATE FUNCTION ledger_customer_version_bump_customer() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
  INSERT INTO ledger_customer_version AS v (customer_id, version)
  SELECT DISTINCT id, 1 FROM changed ORDER BY id
  ON CONFLICT (customer_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER customer_updated AFTER UPDATE ON customer REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump_customer();
CREATE TRIGGER customer_deleted AFTER DELETE ON customer REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump_customer();

CREATE TRIGGER loan_updated AFTER UPDATE ON loan REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER loan_deleted AFTER DELETE ON loan REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();

CREATE TRIGGER instalment_updated AFTER UPDATE ON instalment REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER instalment_deleted AFTER DELETE ON instalment REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();

CREATE TRIGGER contact_point_inserted AFTER INSERT ON contact_point REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER contact_point_updated AFTER UPDATE ON contact_point REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER contact_point_deleted AFTER DELETE ON contact_point REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();

CREATE TRIGGER payment_inserted AFTER INSERT ON payment REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER payment_updated AFTER UPDATE ON payment REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER payment_deleted AFTER DELETE ON payment REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();

CREATE TRIGGER payment_allocation_inserted AFTER INSERT ON payment_allocation REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER payment_allocation_updated AFTER UPDATE ON payment_allocation REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER payment_allocation_deleted AFTER DELETE ON payment_allocation REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();

CREATE TRIGGER payment_claim_inserted AFTER INSERT ON payment_claim REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER payment_claim_updated AFTER UPDATE ON payment_claim REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER payment_claim_deleted AFTER DELETE ON payment_claim REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();

CREATE TRIGGER loan_application_inserted AFTER INSERT ON loan_application REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER loan_application_updated AFTER UPDATE ON loan_application REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER loan_application_deleted AFTER DELETE ON loan_application REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();

CREATE TRIGGER application_document_inserted AFTER INSERT ON application_document REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER application_document_updated AFTER UPDATE ON application_document REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
CREATE TRIGGER application_document_deleted AFTER DELETE ON application_document REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_customer_version_bump();
