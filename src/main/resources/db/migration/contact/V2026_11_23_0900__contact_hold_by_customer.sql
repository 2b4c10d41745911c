-- A decision reads the customer's holds not lifted by its instant (a what-if about the past also sees holds lifted
-- since), so the partial index of open holds alone cannot serve it: without this, every decision scanned the table.
CREATE INDEX contact_hold_customer_all_idx ON contact_hold (customer_id);
