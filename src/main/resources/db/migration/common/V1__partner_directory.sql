-- The partner directory: companies, their locations, users, API keys, profile facts and support plans.

CREATE TABLE partner (
    id                  UUID         NOT NULL PRIMARY KEY,
    legal_name          VARCHAR(200) NOT NULL,
    country             CHAR(2)      NOT NULL,
    registration_id     VARCHAR(64),
    address_line1       VARCHAR(200) NOT NULL,
    address_city        VARCHAR(100) NOT NULL,
    address_postal_code VARCHAR(20)  NOT NULL,
    address_country     CHAR(2)      NOT NULL,
    contact_name        VARCHAR(200) NOT NULL,
    contact_email       VARCHAR(254) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_partner_registration UNIQUE (country, registration_id)
);
CREATE INDEX ix_partner_legal_name ON partner (legal_name);

CREATE TABLE location (
    location_id       VARCHAR(10) NOT NULL PRIMARY KEY,
    partner_id        UUID        NOT NULL REFERENCES partner (id),
    country           CHAR(2)     NOT NULL,
    membership_status VARCHAR(16) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_location_status CHECK (membership_status IN ('ACTIVE', 'PENDING', 'REJECTED', 'SUSPENDED'))
);
CREATE INDEX ix_location_partner ON location (partner_id);

CREATE TABLE app_user (
    id            UUID         NOT NULL PRIMARY KEY,
    username      VARCHAR(254) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    partner_id    UUID REFERENCES partner (id),
    roles         VARCHAR(300) NOT NULL,
    locale        VARCHAR(5),  -- NULL until the user chooses: the browser's language applies
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_app_user_username UNIQUE (username)
);
CREATE INDEX ix_app_user_partner ON app_user (partner_id);

CREATE TABLE api_key (
    id         UUID         NOT NULL PRIMARY KEY,
    user_id    UUID         NOT NULL REFERENCES app_user (id),
    name       VARCHAR(100) NOT NULL,
    key_hash   CHAR(64)     NOT NULL,
    key_prefix VARCHAR(16)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_api_key_hash UNIQUE (key_hash)
);

CREATE TABLE partner_profile (
    partner_id              UUID NOT NULL PRIMARY KEY REFERENCES partner (id),
    signatory_name          VARCHAR(200),
    signatory_email         VARCHAR(254),
    signatory_title         VARCHAR(200),
    signatory_authority     BOOLEAN,
    support_first_level     BOOLEAN,
    support_contact_email   VARCHAR(254),
    billing_in_place        BOOLEAN,
    billing_description     VARCHAR(1000),
    indirect_reseller_since DATE,
    business_vetting        VARCHAR(8),
    operational_assessment  VARCHAR(8),
    security_score_complete BOOLEAN,
    updated_at              TIMESTAMP WITH TIME ZONE
);

CREATE TABLE partner_managed_service (
    partner_id UUID         NOT NULL REFERENCES partner (id),
    position   INTEGER      NOT NULL,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    PRIMARY KEY (partner_id, position)
);

CREATE TABLE partner_designation (
    partner_id  UUID         NOT NULL REFERENCES partner (id),
    position    INTEGER      NOT NULL,
    designation VARCHAR(100) NOT NULL,
    PRIMARY KEY (partner_id, position)
);

CREATE TABLE support_plan (
    id           UUID         NOT NULL PRIMARY KEY,
    partner_id   UUID         NOT NULL REFERENCES partner (id),
    plan_type    VARCHAR(4)   NOT NULL,
    contract_id  VARCHAR(64)  NOT NULL,
    purchased_on DATE         NOT NULL,
    renews_on    DATE         NOT NULL,
    flagged      BOOLEAN      NOT NULL,
    flag_reason  VARCHAR(64),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(254) NOT NULL,
    CONSTRAINT uq_support_plan_contract UNIQUE (partner_id, contract_id)
);
