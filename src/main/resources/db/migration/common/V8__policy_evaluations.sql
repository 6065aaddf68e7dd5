-- Evaluations of a partner against a requirement policy (domain.md, "Requirement policies"): each
-- an immutable snapshot of the answer, the policy it used and a digest of the facts it read, so that
-- asked again later it shows the same answer and why.
CREATE TABLE policy_evaluation (
    id           UUID         NOT NULL PRIMARY KEY,
    partner_id   UUID         NOT NULL,
    policy_id    VARCHAR(64)  NOT NULL REFERENCES policy (id),
    as_of        DATE         NOT NULL,
    market       VARCHAR(2),
    outcome      VARCHAR(10)  NOT NULL,
    input_digest CHAR(64)     NOT NULL,
    requirements TEXT         NOT NULL, -- the requirement results, as JSON
    evaluated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    evaluated_by VARCHAR(254) NOT NULL,
    CONSTRAINT ck_policy_evaluation_outcome CHECK (outcome IN ('ELIGIBLE', 'INELIGIBLE', 'PENDING'))
);
CREATE INDEX ix_policy_evaluation_partner ON policy_evaluation (partner_id, evaluated_at);
