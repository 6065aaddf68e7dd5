-- Ledger lines staged by an import job (loaded with COPY) before they are checked and merged in one
-- transaction. UNLOGGED: staged rows are worth nothing after a crash (the job ends FAILED and is run
-- again), so they need not go through the write-ahead log.
CREATE UNLOGGED TABLE ledger_staging (
    import_id        UUID           NOT NULL,
    line_no          BIGINT         NOT NULL,
    line_id          VARCHAR(64)    NOT NULL,
    invoice_id       VARCHAR(64)    NOT NULL,
    location_id      VARCHAR(10)    NOT NULL,
    customer_id      VARCHAR(64)    NOT NULL,
    customer_country CHAR(2),
    product_category VARCHAR(24)    NOT NULL,
    product_name     VARCHAR(255),
    charge_type      VARCHAR(32),
    billing_date     DATE           NOT NULL,
    paid_date        DATE,
    amount           NUMERIC(19, 4) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    -- Set by the checks: the line is stored unpaid and this one brings its paid date.
    paid_update      BOOLEAN        NOT NULL DEFAULT FALSE
);

-- What an import adds to the rollups, summed as the file is read and written here in pieces (memory
-- stays bounded), then merged into ledger_rollup at once.
CREATE UNLOGGED TABLE ledger_rollup_delta (
    import_id        UUID           NOT NULL,
    location_id      VARCHAR(10)    NOT NULL,
    billing_date     DATE           NOT NULL,
    product_category VARCHAR(24)    NOT NULL,
    currency         CHAR(3)        NOT NULL,
    paid_date        DATE,
    amount           NUMERIC(38, 4) NOT NULL,
    lines            BIGINT         NOT NULL
);
