-- The airlock: imports into a workspace and exports out of it, each with its history of decisions.
-- Portable SQL only: the local run applies it to H2.
CREATE TABLE airlock_import (
    id           VARCHAR(36)              PRIMARY KEY,
    workspace_id VARCHAR(36)              NOT NULL REFERENCES workspace (id),
    permit_id    VARCHAR(36)              NOT NULL,
    kind         VARCHAR(20)              NOT NULL CHECK (kind IN ('SOFTWARE', 'DATA')),
    description  VARCHAR(4000)            NOT NULL,
    status       VARCHAR(20)              NOT NULL
        CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'FAILED', 'CANCELLED')),
    requested_by VARCHAR(200)             NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version  BIGINT                   NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX airlock_import_workspace ON airlock_import (workspace_id, status);

CREATE TABLE airlock_import_decision (
    import_id    VARCHAR(36)              NOT NULL REFERENCES airlock_import (id),
    decision_no  INTEGER                  NOT NULL,
    action       VARCHAR(20)              NOT NULL,
    actor        VARCHAR(200)             NOT NULL,
    actor_role   VARCHAR(40)              NOT NULL,
    comment_text VARCHAR(4000),
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (import_id, decision_no)
);

CREATE TABLE airlock_export (
    id                       VARCHAR(36)              PRIMARY KEY,
    workspace_id             VARCHAR(36)              NOT NULL REFERENCES workspace (id),
    permit_id                VARCHAR(36)              NOT NULL,
    project_id               VARCHAR(100)             NOT NULL,
    status                   VARCHAR(20)              NOT NULL
        CHECK (status IN ('SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'CANCELLED')),
    risk_level               VARCHAR(10)              NOT NULL CHECK (risk_level IN ('LOW', 'HIGH')),
    risk_assessment          VARCHAR(4000),
    findata_notification_ref VARCHAR(200),
    requested_by             VARCHAR(200)             NOT NULL,
    requested_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version              BIGINT                   NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX airlock_export_workspace ON airlock_export (workspace_id, status);
CREATE INDEX airlock_export_project ON airlock_export (project_id, requested_at);

CREATE TABLE airlock_export_file (
    export_id  VARCHAR(36)   NOT NULL REFERENCES airlock_export (id),
    file_no    INTEGER       NOT NULL,
    path       VARCHAR(1000) NOT NULL,
    size_bytes BIGINT        NOT NULL CHECK (size_bytes >= 0),
    sha256     VARCHAR(64)   NOT NULL,
    PRIMARY KEY (export_id, file_no)
);

CREATE TABLE airlock_export_decision (
    export_id    VARCHAR(36)              NOT NULL REFERENCES airlock_export (id),
    decision_no  INTEGER                  NOT NULL,
    action       VARCHAR(20)              NOT NULL,
    actor        VARCHAR(200)             NOT NULL,
    actor_role   VARCHAR(40)              NOT NULL,
    comment_text VARCHAR(4000),
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (export_id, decision_no)
);
