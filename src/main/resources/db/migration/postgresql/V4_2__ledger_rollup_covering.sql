-- The revenue reads a partner's rollups by location and billing window, every column of them: with
-- the amounts and line counts carried in the unique index too, PostgreSQL answers from the index
-- alone (an index-only scan, its pages in key order), not from rollup rows scattered over the
-- table by years of imports. (H2 has no INCLUDE; it keeps the plain constraint.)
ALTER TABLE ledger_rollup DROP CONSTRAINT uq_ledger_rollup;
ALTER TABLE ledger_rollup ADD CONSTRAINT uq_ledger_rollup UNIQUE NULLS NOT DISTINCT
    (location_id, billing_date, product_category, currency, paid_date, verification) INCLUDE (amount, lines);
