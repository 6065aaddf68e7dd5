-- The rollups again, with the paid date cut to its month (ledger_rollup_month). For an as-of date D,
-- only the payments of D's own month need their exact day: a line paid in an earlier month was paid
-- by D, one paid in a later month was not. So the revenue reads this table for every other month,
-- and ledger_rollup only for the payments of D's month: a handful of rows per billing date instead
-- of one per paid day. Kept in the same transactions as ledger_rollup, by the same statements.
CREATE TABLE ledger_rollup_month (
    location_id      VARCHAR(10)    NOT NULL,
    billing_date     DATE           NOT NULL,
    product_category VARCHAR(24)    NOT NULL,
    currency         CHAR(3)        NOT NULL,
    paid_month       DATE, -- the first day of the paid date's month; NULL: unpaid
    verification     VARCHAR(8)     NOT NULL,
    amount           NUMERIC(38, 4) NOT NULL,
    lines            BIGINT         NOT NULL,
    CONSTRAINT uq_ledger_rollup_month UNIQUE NULLS NOT DISTINCT
        (location_id, billing_date, product_category, currency, paid_month, verification),
    CONSTRAINT ck_ledger_rollup_month_lines CHECK (lines > 0)
);

INSERT INTO ledger_rollup_month (location_id, billing_date, product_category, currency, paid_month, verification,
                                 amount, lines)
SELECT location_id, billing_date, product_category, currency, CAST(DATE_TRUNC('MONTH', paid_date) AS DATE),
       verification, SUM(amount), SUM(lines)
FROM ledger_rollup
GROUP BY location_id, billing_date, product_category, currency, CAST(DATE_TRUNC('MONTH', paid_date) AS DATE),
         verification;
