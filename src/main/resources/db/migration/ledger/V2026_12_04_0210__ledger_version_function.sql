-- The ledger's customer version as other modules may check it inside their own statements: a module that made a
-- decision on a standing the ledger kept (PortfolioReads.keptStanding) records it only where this still equals the
-- version the standing came with. Published as a function so that no other module reads ledger_customer_version.
CREATE FUNCTION ledger_version(customer UUID) RETURNS BIGINT LANGUAGE sql STABLE AS
$$
SELECT coalesce((SELECT version FROM ledger_customer_version WHERE customer_id = customer), 0)
$$;
