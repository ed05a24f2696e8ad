CREATE TABLE permit (
    id                     VARCHAR(36)              PRIMARY KEY,
    journal_number         VARCHAR(200)             NOT NULL UNIQUE,
    route                  VARCHAR(20)              NOT NULL CHECK (route IN ('FINDATA', 'REGISTER')),
    issuer                 VARCHAR(200)             NOT NULL,
    project_id             VARCHAR(100)             NOT NULL,
    holder_organisation    VARCHAR(200)             NOT NULL,
    principal_investigator VARCHAR(200)             NOT NULL,
    title                  VARCHAR(200)             NOT NULL,
    purpose                TEXT                     NOT NULL,
    valid_from             DATE                     NOT NULL,
    valid_until            DATE                     NOT NULL,
    conditions             TEXT,
    status                 VARCHAR(20)              NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED', 'REVOKED')),
    version                INTEGER                  NOT NULL,
    row_version            BIGINT                   NOT NULL,
    created_by             VARCHAR(200)             NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX permit_project ON permit (project_id);

CREATE TABLE permit_dataset (
    permit_id  VARCHAR(36)  NOT NULL REFERENCES permit (id),
    position   INTEGER      NOT NULL,
    dataset_id VARCHAR(100) NOT NULL,
    controller VARCHAR(200) NOT NULL,
    title      VARCHAR(200) NOT NULL,
    PRIMARY KEY (permit_id, position)
);

CREATE TABLE permit_person (
    permit_id VARCHAR(36)  NOT NULL REFERENCES permit (id),
    position  INTEGER      NOT NULL,
    user_id   VARCHAR(200) NOT NULL,
    name      VARCHAR(200) NOT NULL,
    email     VARCHAR(254) NOT NULL,
    PRIMARY KEY (permit_id, position)
);
CREATE INDEX permit_person_user ON permit_person (user_id);
