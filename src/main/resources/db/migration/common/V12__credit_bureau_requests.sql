-- The credit bureau outbox (enrollment): one request per enrollment that entered CREDIT_CHECK while
-- a bureau was configured, written in that step's transaction and sent afterwards by the scheduler,
-- again with a growing wait while the bureau does not take it.
CREATE TABLE credit_bureau_request (
    id              UUID          NOT NULL PRIMARY KEY,
    enrollment_id   UUID          NOT NULL REFERENCES enrollment (id),
    -- The request as JSON: the company as it was when the enrollment entered CREDIT_CHECK.
    payload         TEXT          NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reference       VARCHAR(200),
    last_error      VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
-- An enrollment enters CREDIT_CHECK once.
CREATE UNIQUE INDEX credit_bureau_request_one_per_enrollment ON credit_bureau_request (enrollment_id);
CREATE INDEX credit_bureau_request_due ON credit_bureau_request (status, next_attempt_at);
