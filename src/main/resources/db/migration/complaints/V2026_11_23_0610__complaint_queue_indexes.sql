-- The queue filters open cases by category, severity or department and sorts by deadline: partial indexes on the
-- open cases only (about a fifth of the table) keep those pages in the index order (docs/benchmarks.md).
DROP INDEX complaint_case_status_category;
CREATE INDEX complaint_case_open_category ON complaint_case (category, resolve_by) WHERE status <> 'CLOSED';
CREATE INDEX complaint_case_open_severity ON complaint_case (severity, resolve_by) WHERE status <> 'CLOSED';
CREATE INDEX complaint_case_open_department ON complaint_case (department, resolve_by) WHERE status <> 'CLOSED';
CREATE INDEX complaint_case_status ON complaint_case (status, resolve_by);
