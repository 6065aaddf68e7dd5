-- The payments of one month of a location, for the revenue's read of the as-of date's month.
CREATE INDEX ix_ledger_rollup_paid ON ledger_rollup (location_id, paid_date);
