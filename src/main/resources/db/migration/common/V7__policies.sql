-- Requirement policies (domain.md, "Requirement policies"): each row a published version, never
-- edited, only superseded by a later effective date. The document is the canonical JSON of the API
-- (every parameter spelled out); id, title and effective date are repeated as columns to be read
-- and kept unique without parsing it.
CREATE TABLE policy (
    id             VARCHAR(64)  NOT NULL,
    title          VARCHAR(200) NOT NULL,
    effective_from DATE         NOT NULL,
    document       TEXT         NOT NULL,
    built_in       BOOLEAN      NOT NULL,
    published_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by   VARCHAR(254) NOT NULL,
    CONSTRAINT pk_policy PRIMARY KEY (id),
    CONSTRAINT uq_policy_effective_from UNIQUE (effective_from)
);
