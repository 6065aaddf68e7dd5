-- Enrollments (domain.md, "Enrolling as a direct-bill partner in a market"): one row per application,
-- written only over the version it was read at (optimistic locking), with its history, information
-- requests and the files attached to answers.
CREATE TABLE enrollment (
    id                  UUID          NOT NULL PRIMARY KEY,
    partner_id          UUID          NOT NULL REFERENCES partner (id),
    market              CHAR(2)       NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    version             BIGINT        NOT NULL,
    policy_id           VARCHAR(64),
    submitted_on        DATE,
    evaluation_id       UUID,
    status_since        DATE          NOT NULL,
    credit_limit_usd    NUMERIC(19, 2),
    -- The reviewer's marks, "ITEM=MARK" separated by commas.
    checklist           VARCHAR(400)  NOT NULL,
    agreement_version   VARCHAR(40),
    accepted_at         TIMESTAMP WITH TIME ZONE,
    accepted_by         VARCHAR(320),
    accepted_from       VARCHAR(100),
    accepted_user_agent VARCHAR(500),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(320)  NOT NULL,
    -- partner:market while the enrollment is in progress or ACTIVE, NULL once it ended: the unique
    -- index below lets a partner have one live enrollment per market, checked by the database.
    live_key            VARCHAR(60)
);
CREATE UNIQUE INDEX enrollment_one_live_per_market ON enrollment (live_key);
CREATE INDEX enrollment_by_partner ON enrollment (partner_id);
CREATE INDEX enrollment_by_status ON enrollment (status);

CREATE TABLE enrollment_history (
    enrollment_id UUID          NOT NULL REFERENCES enrollment (id),
    seq           INT           NOT NULL,
    step          VARCHAR(20)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user       VARCHAR(320)  NOT NULL,
    note          VARCHAR(4000),
    PRIMARY KEY (enrollment_id, seq)
);

CREATE TABLE enrollment_info_request (
    id            UUID          NOT NULL PRIMARY KEY,
    enrollment_id UUID          NOT NULL REFERENCES enrollment (id),
    message       VARCHAR(4000) NOT NULL,
    due_date      DATE          NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by  VARCHAR(320)  NOT NULL,
    reminded_on   DATE,
    answer        VARCHAR(4000),
    answered_at   TIMESTAMP WITH TIME ZONE,
    answered_by   VARCHAR(320)
);
CREATE INDEX enrollment_info_request_by_enrollment ON enrollment_info_request (enrollment_id);
CREATE INDEX enrollment_info_request_due ON enrollment_info_request (due_date);

-- The content type is the one read from the file's first bytes, never the one the client claimed.
CREATE TABLE enrollment_attachment (
    id           UUID          NOT NULL PRIMARY KEY,
    request_id   UUID          NOT NULL REFERENCES enrollment_info_request (id),
    file_name    VARCHAR(255)  NOT NULL,
    content_type VARCHAR(40)   NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    content      BYTEA         NOT NULL
);
CREATE INDEX enrollment_attachment_by_request ON enrollment_attachment (request_id);
