-- Versions, expiry notices, data releases, and the access applications learned from apply-service.

-- The validity end for which PermitExpiringSoon was sent; a new validUntil (an amendment) re-arms the notice.
ALTER TABLE permit ADD COLUMN expiry_notice_for DATE;
-- The expiry scheduler looks for active permits by validity end; the lists page by recording time.
CREATE INDEX permit_status_valid_until ON permit (status, valid_until);
CREATE INDEX permit_created ON permit (created_at, id);

-- One immutable row per version: recorded (1), each amendment, the revocation.
CREATE TABLE permit_version (
    permit_id   VARCHAR(36)              NOT NULL REFERENCES permit (id),
    version     INTEGER                  NOT NULL CHECK (version >= 1),
    kind        VARCHAR(20)              NOT NULL CHECK (kind IN ('RECORDED', 'AMENDED', 'REVOKED')),
    status      VARCHAR(20)              NOT NULL CHECK (status IN ('ACTIVE', 'EXPIRED', 'REVOKED')),
    actor       VARCHAR(200)             NOT NULL,
    reason      TEXT,
    -- The amended fields, comma-separated (validUntil, persons, datasets); null unless kind is AMENDED.
    changes     VARCHAR(100),
    -- The permit as this version states it: the PermitSnapshot of the events, as JSON.
    snapshot    TEXT                     NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (permit_id, version)
);

-- A delivery of a dataset's files into the project's secure environment.
CREATE TABLE permit_release (
    id          VARCHAR(36)              PRIMARY KEY,
    permit_id   VARCHAR(36)              NOT NULL REFERENCES permit (id),
    dataset_id  VARCHAR(100)             NOT NULL,
    project_id  VARCHAR(100)             NOT NULL,
    released_by VARCHAR(200)             NOT NULL,
    released_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX permit_release_permit ON permit_release (permit_id, released_at);

CREATE TABLE permit_release_file (
    release_id VARCHAR(36)   NOT NULL REFERENCES permit_release (id),
    position   INTEGER       NOT NULL,
    name       VARCHAR(1000) NOT NULL,
    size_bytes BIGINT        NOT NULL CHECK (size_bytes >= 0),
    sha256     VARCHAR(64)   NOT NULL,
    PRIMARY KEY (release_id, position)
);

-- apply-service's access applications as far as releases care: approved, or ended (revoked, closed).
-- An ended application never becomes approved again, so events applied in any order converge.
CREATE TABLE access_application (
    application_id  VARCHAR(100)             PRIMARY KEY,
    permit_id       VARCHAR(100)             NOT NULL,
    state           VARCHAR(20)              NOT NULL CHECK (state IN ('APPROVED', 'REVOKED', 'CLOSED')),
    entitlement_end TIMESTAMP WITH TIME ZONE,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX access_application_permit ON access_application (permit_id);

CREATE TABLE access_application_dataset (
    application_id VARCHAR(100) NOT NULL REFERENCES access_application (application_id),
    dataset_id     VARCHAR(100) NOT NULL,
    PRIMARY KEY (application_id, dataset_id)
);
