-- Permits as permit-service announced them: the read model that application rules check.
CREATE TABLE permit (
    id          VARCHAR(100)             PRIMARY KEY,
    version     INTEGER                  NOT NULL,
    route       VARCHAR(20)              NOT NULL,
    issuer      VARCHAR(200)             NOT NULL,
    project_id  VARCHAR(100)             NOT NULL,
    status      VARCHAR(20)              NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED', 'REVOKED')),
    valid_until DATE                     NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE permit_dataset (
    permit_id  VARCHAR(100) NOT NULL REFERENCES permit (id),
    dataset_id VARCHAR(100) NOT NULL,
    controller VARCHAR(200) NOT NULL,
    PRIMARY KEY (permit_id, dataset_id)
);
CREATE TABLE permit_person (
    permit_id VARCHAR(100) NOT NULL REFERENCES permit (id),
    user_id   VARCHAR(200) NOT NULL,
    PRIMARY KEY (permit_id, user_id)
);

-- The catalogue: one item per dataset, owned by the organisation that controls it.
CREATE TABLE catalogue_item (
    id           VARCHAR(36)              PRIMARY KEY,
    dataset_id   VARCHAR(100)             NOT NULL UNIQUE,
    organisation VARCHAR(200)             NOT NULL,
    title        VARCHAR(200)             NOT NULL,
    description  TEXT                     NOT NULL,
    enabled      BOOLEAN                  NOT NULL,
    row_version  BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Every version of every term is kept: acceptances point at the exact version accepted.
CREATE TABLE catalogue_term (
    item_id    VARCHAR(36)              NOT NULL REFERENCES catalogue_item (id),
    term_id    VARCHAR(100)             NOT NULL,
    version    INTEGER                  NOT NULL,
    title      VARCHAR(200)             NOT NULL,
    text       TEXT                     NOT NULL,
    is_current BOOLEAN                  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (item_id, term_id, version)
);
CREATE TABLE catalogue_field (
    item_id  VARCHAR(36)  NOT NULL REFERENCES catalogue_item (id),
    position INTEGER      NOT NULL,
    field_id VARCHAR(100) NOT NULL,
    type     VARCHAR(20)  NOT NULL CHECK (type IN ('TEXT', 'LONG_TEXT', 'DATE', 'OPTION', 'CHECKBOX')),
    label    VARCHAR(200) NOT NULL,
    required BOOLEAN      NOT NULL,
    options  TEXT,
    PRIMARY KEY (item_id, position)
);

CREATE TABLE application (
    id              VARCHAR(36)              PRIMARY KEY,
    permit_id       VARCHAR(100)             NOT NULL REFERENCES permit (id),
    project_id      VARCHAR(100)             NOT NULL,
    organisation    VARCHAR(200)             NOT NULL,
    applicant       VARCHAR(200)             NOT NULL,
    state           VARCHAR(20)              NOT NULL
        CHECK (state IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'CLOSED', 'REVOKED')),
    submitted_once  BOOLEAN                  NOT NULL,
    entitlement_end TIMESTAMP WITH TIME ZONE,
    copied_from     VARCHAR(36),
    row_version     BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX application_permit ON application (permit_id);
CREATE INDEX application_project ON application (project_id);
CREATE INDEX application_applicant ON application (applicant);
CREATE TABLE application_dataset (
    application_id VARCHAR(36)  NOT NULL REFERENCES application (id),
    dataset_id     VARCHAR(100) NOT NULL,
    PRIMARY KEY (application_id, dataset_id)
);
CREATE TABLE application_member (
    application_id VARCHAR(36)              NOT NULL REFERENCES application (id),
    user_id        VARCHAR(200)             NOT NULL,
    status         VARCHAR(20)              NOT NULL CHECK (status IN ('INVITED', 'JOINED')),
    since          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, user_id)
);
CREATE INDEX application_member_user ON application_member (user_id);
CREATE TABLE application_reviewer (
    application_id VARCHAR(36)  NOT NULL REFERENCES application (id),
    user_id        VARCHAR(200) NOT NULL,
    PRIMARY KEY (application_id, user_id)
);
CREATE TABLE application_answer (
    application_id VARCHAR(36)  NOT NULL REFERENCES application (id),
    dataset_id     VARCHAR(100) NOT NULL,
    field_id       VARCHAR(100) NOT NULL,
    answer_value   TEXT         NOT NULL,
    PRIMARY KEY (application_id, dataset_id, field_id)
);
CREATE TABLE application_term_acceptance (
    application_id VARCHAR(36)              NOT NULL REFERENCES application (id),
    user_id        VARCHAR(200)             NOT NULL,
    dataset_id     VARCHAR(100)             NOT NULL,
    term_id        VARCHAR(100)             NOT NULL,
    term_version   INTEGER                  NOT NULL,
    accepted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, user_id, dataset_id, term_id, term_version)
);
-- The history: every command, who, when, with its comment.
CREATE TABLE application_event (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    application_id VARCHAR(36)              NOT NULL REFERENCES application (id),
    actor          VARCHAR(200)             NOT NULL,
    command        VARCHAR(40)              NOT NULL,
    comment        TEXT,
    detail         TEXT,
    visible_to_applicant BOOLEAN            NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX application_event_application ON application_event (application_id, id);

CREATE TABLE entitlement (
    id             VARCHAR(36)              PRIMARY KEY,
    application_id VARCHAR(36)              NOT NULL REFERENCES application (id),
    permit_id      VARCHAR(100)             NOT NULL,
    user_id        VARCHAR(200)             NOT NULL,
    dataset_id     VARCHAR(100)             NOT NULL,
    start_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at         TIMESTAMP WITH TIME ZONE,
    ended_at       TIMESTAMP WITH TIME ZONE,
    end_reason     VARCHAR(40)
);
CREATE INDEX entitlement_user ON entitlement (user_id);
CREATE INDEX entitlement_application ON entitlement (application_id);
CREATE INDEX entitlement_due ON entitlement (ended_at, end_at);

-- Revoking blocks the members from the datasets until a handler lifts it.
CREATE TABLE blocklist_entry (
    user_id        VARCHAR(200)             NOT NULL,
    dataset_id     VARCHAR(100)             NOT NULL,
    application_id VARCHAR(36)              NOT NULL,
    comment        TEXT,
    added_by       VARCHAR(200)             NOT NULL,
    added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, dataset_id)
);

-- The key that signs GA4GH visas: made at first start, never leaves the database but as its public JWK.
CREATE TABLE signing_key (
    kid         VARCHAR(100)             PRIMARY KEY,
    private_key TEXT                     NOT NULL,
    public_key  TEXT                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
