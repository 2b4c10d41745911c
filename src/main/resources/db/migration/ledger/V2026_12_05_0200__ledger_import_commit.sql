-- A loans import may write on more than one connection, each in its own transaction. The extra transactions are
-- prepared (two-phase commit), then the import's main transaction commits with a row here: that row is the decision.
-- Once the prepared transactions are committed the row is deleted. After a crash in between, the application commits
-- the prepared transactions of an import that has a row here and rolls back those of one that has none.
CREATE TABLE ledger_import_commit
(
  import_id    UUID PRIMARY KEY,
  committed_at TIMESTAMPTZ NOT NULL
);
