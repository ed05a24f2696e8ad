CREATE TABLE workspace (
    id          VARCHAR(36)              PRIMARY KEY,
    permit_id   VARCHAR(36)              NOT NULL UNIQUE,
    project_id  VARCHAR(100)             NOT NULL,
    status      VARCHAR(20)              NOT NULL CHECK (status IN ('PROVISIONING', 'READY', 'LOCKED', 'PURGED')),
    valid_until DATE                     NOT NULL,
    row_version BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE workspace_member (
    workspace_id VARCHAR(36)  NOT NULL REFERENCES workspace (id),
    user_id      VARCHAR(200) NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_member_user ON workspace_member (user_id);
