-- The verification of sales (domain.md, "Verification of sales"): a reviewer selects sales of one
-- partner into a case, asks the partner for information, reads its answers and attachments, and
-- decides each sale. Where a sale stands is also kept on ledger_line.verification (and so in the
-- rollups), which is what the revenue reads.

CREATE TABLE verification_case (
    id         UUID         NOT NULL PRIMARY KEY,
    partner_id UUID         NOT NULL,
    status     VARCHAR(14)  NOT NULL,
    due_date   DATE,        -- of the last request for information
    opened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_by  VARCHAR(254) NOT NULL,
    closed_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_verification_case_status CHECK (status IN ('OPEN', 'INFO_REQUESTED', 'ANSWERED', 'CLOSED'))
);
CREATE INDEX ix_verification_case_partner ON verification_case (partner_id, opened_at);
CREATE INDEX ix_verification_case_queue ON verification_case (status, due_date);

-- The sales of a case and the decision on each. open_line_id is the line's id while its case is
-- open and NULL once it is closed: being unique, it keeps a sale in one open case at most, even when
-- two reviewers select it at the same moment.
CREATE TABLE verification_case_line (
    case_id      UUID          NOT NULL REFERENCES verification_case (id),
    line_id      VARCHAR(64)   NOT NULL REFERENCES ledger_line (line_id),
    state        VARCHAR(8)    NOT NULL,
    reason       VARCHAR(1000),
    decided_at   TIMESTAMP WITH TIME ZONE,
    decided_by   VARCHAR(254),
    open_line_id VARCHAR(64),
    PRIMARY KEY (case_id, line_id),
    CONSTRAINT uq_verification_open_line UNIQUE (open_line_id),
    CONSTRAINT ck_verification_case_line_state CHECK (state IN ('OPEN', 'VERIFIED', 'REJECTED'))
);
CREATE INDEX ix_verification_case_line_line ON verification_case_line (line_id);

-- The reviewers' requests for information and the partner's answers, in the order written.
CREATE TABLE verification_message (
    id         UUID          NOT NULL PRIMARY KEY,
    case_id    UUID          NOT NULL REFERENCES verification_case (id),
    seq        INTEGER       NOT NULL,
    kind       VARCHAR(8)    NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    due_date   DATE,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL,
    written_by VARCHAR(254)  NOT NULL,
    CONSTRAINT uq_verification_message_seq UNIQUE (case_id, seq),
    CONSTRAINT ck_verification_message_kind CHECK (kind IN ('REQUEST', 'ANSWER'))
);

-- The files of an answer, in the database (BYTEA: binary varying in H2 as in PostgreSQL). The
-- content type is the one read from the file's first bytes, never the one the client claimed.
CREATE TABLE verification_attachment (
    id           UUID         NOT NULL PRIMARY KEY,
    case_id      UUID         NOT NULL REFERENCES verification_case (id),
    message_id   UUID         NOT NULL REFERENCES verification_message (id),
    seq          INTEGER      NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(40)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      BYTEA        NOT NULL
);
CREATE INDEX ix_verification_attachment_message ON verification_attachment (message_id);
