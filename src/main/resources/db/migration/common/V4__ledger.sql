-- The sales ledger (ledger-format.md), its imports, and the rollups the revenue reads.

-- One file submitted for import (a sales ledger or a payments file), and how its job stands. The
-- counters are updated while it runs, so a reader sees its progress; messages are kept as codes and
-- arguments and put in words in the reader's language when read.
CREATE TABLE ledger_import (
    id                  UUID         NOT NULL PRIMARY KEY,
    kind                VARCHAR(10)  NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    file_name           VARCHAR(255),
    file_format         VARCHAR(3)   NOT NULL,
    bytes_total         BIGINT       NOT NULL,
    bytes_read          BIGINT       NOT NULL DEFAULT 0,
    submitted_by        VARCHAR(254) NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE,
    finished_at         TIMESTAMP WITH TIME ZONE,
    heartbeat_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    lines_read          BIGINT       NOT NULL DEFAULT 0,
    lines_imported      BIGINT       NOT NULL DEFAULT 0,
    lines_duplicate     BIGINT       NOT NULL DEFAULT 0,
    lines_paid_updated  BIGINT       NOT NULL DEFAULT 0,
    error_count         BIGINT       NOT NULL DEFAULT 0,
    failure             VARCHAR(40),  -- why a job ended FAILED other than for its lines (e.g. INTERRUPTED)
    CONSTRAINT ck_ledger_import_kind CHECK (kind IN ('LEDGER', 'PAYMENTS')),
    CONSTRAINT ck_ledger_import_status CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT ck_ledger_import_format CHECK (file_format IN ('CSV', 'TSV'))
);
CREATE INDEX ix_ledger_import_submitted ON ledger_import (submitted_at);

-- The errors and warnings of an import, the first 1,000 errors of each (the rest only counted).
CREATE TABLE ledger_import_message (
    import_id   UUID         NOT NULL REFERENCES ledger_import (id),
    seq         INTEGER      NOT NULL,
    severity    VARCHAR(7)   NOT NULL,
    line        BIGINT,
    column_name VARCHAR(100),
    code        VARCHAR(40)  NOT NULL,
    arguments   VARCHAR(2000) NOT NULL, -- the message's arguments, separated by U+001F
    PRIMARY KEY (import_id, seq),
    CONSTRAINT ck_ledger_import_message_severity CHECK (severity IN ('ERROR', 'WARNING'))
);

-- The imports whose lines are being merged hold this row (SELECT … FOR UPDATE): merges never
-- interleave, so each sees what the one before it stored.
CREATE TABLE ledger_import_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO ledger_import_lock (id) VALUES (1);

-- Every imported sale. A line never changes, except its paid date (from empty to a date) and where
-- it stands in the verification of sales.
CREATE TABLE ledger_line (
    line_id          VARCHAR(64)    NOT NULL PRIMARY KEY,
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
    verification     VARCHAR(8)     NOT NULL DEFAULT 'NONE',
    import_id        UUID           NOT NULL,
    CONSTRAINT ck_ledger_line_verification CHECK (verification IN ('NONE', 'OPEN', 'VERIFIED', 'REJECTED'))
);
-- Payments mark whole invoices paid, and reviewers select sales by invoice.
CREATE INDEX ix_ledger_line_invoice ON ledger_line (invoice_id);

-- The ledger summed per everything the revenue looks at (architecture.md): conversion is linear, so
-- summing these rows gives the exact TTM for any as-of date while reading far fewer rows than the
-- ledger. Kept in the same transaction as every change of ledger_line; rows with no line left are
-- deleted. paid_date NULL is "unpaid", one group like any other.
CREATE TABLE ledger_rollup (
    location_id      VARCHAR(10)    NOT NULL,
    billing_date     DATE           NOT NULL,
    product_category VARCHAR(24)    NOT NULL,
    currency         CHAR(3)        NOT NULL,
    paid_date        DATE,
    verification     VARCHAR(8)     NOT NULL,
    amount           NUMERIC(38, 4) NOT NULL,
    lines            BIGINT         NOT NULL,
    CONSTRAINT uq_ledger_rollup UNIQUE NULLS NOT DISTINCT
        (location_id, billing_date, product_category, currency, paid_date, verification),
    CONSTRAINT ck_ledger_rollup_lines CHECK (lines > 0)
);

-- Payments staged by a job before they are checked and applied together.
CREATE TABLE payment_staging (
    import_id  UUID        NOT NULL,
    line_no    BIGINT      NOT NULL,
    invoice_id VARCHAR(64) NOT NULL,
    paid_date  DATE        NOT NULL
);
CREATE INDEX ix_payment_staging ON payment_staging (import_id, invoice_id);
