-- The payments of one month of a location, for the revenue's read of the as-of date's month, and the
-- monthly rollups, each answered from its index alone (an index-only scan, pages in key order).
CREATE INDEX ix_ledger_rollup_paid ON ledger_rollup (location_id, paid_date)
    INCLUDE (billing_date, product_category, currency, verification, amount, lines);
ALTER TABLE ledger_rollup_month DROP CONSTRAINT uq_ledger_rollup_month;
ALTER TABLE ledger_rollup_month ADD CONSTRAINT uq_ledger_rollup_month UNIQUE NULLS NOT DISTINCT
    (location_id, billing_date, product_category, currency, paid_month, verification) INCLUDE (amount, lines);
