-- Exchange rates: reference rates in the ECB's shape (units of a currency per 1 EUR), kept exactly as
-- published (NUMERIC, never a float; the import refuses a value with more digits than this keeps),
-- and the record of the imports that brought them.

CREATE TABLE fx_import (
    id              UUID         NOT NULL PRIMARY KEY,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by     VARCHAR(254) NOT NULL,
    rows_read       BIGINT       NOT NULL,
    rates_stored    BIGINT       NOT NULL,
    rates_unchanged BIGINT       NOT NULL,
    rates_replaced  BIGINT       NOT NULL
);

CREATE TABLE fx_rate (
    published_on  DATE            NOT NULL,
    currency      CHAR(3)         NOT NULL,
    units_per_eur NUMERIC(38, 18) NOT NULL,
    import_id     UUID            NOT NULL REFERENCES fx_import (id), -- the import that set this value
    PRIMARY KEY (published_on, currency),
    CONSTRAINT ck_fx_rate_positive CHECK (units_per_eur > 0)
);
-- A currency's history, in date order: the rate lookup and the coverage read it.
CREATE INDEX ix_fx_rate_currency ON fx_rate (currency, published_on);

-- One row that every import locks first (SELECT … FOR UPDATE), so two imports never interleave: the
-- second sees what the first committed and counts its rates as unchanged or replaced.
CREATE TABLE fx_import_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO fx_import_lock (id) VALUES (1);
