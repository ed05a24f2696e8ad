CREATE TABLE desktop (
    id           VARCHAR(36)              PRIMARY KEY,
    workspace_id VARCHAR(36)              NOT NULL REFERENCES workspace (id),
    permit_id    VARCHAR(36)              NOT NULL,
    name         VARCHAR(100)             NOT NULL,
    flavour      VARCHAR(50)              NOT NULL,
    cores        INTEGER                  NOT NULL,
    memory_gb    INTEGER                  NOT NULL,
    image        VARCHAR(100)             NOT NULL,
    volume_gb    INTEGER                  NOT NULL,
    status       VARCHAR(20)              NOT NULL CHECK (status IN ('CREATING', 'RUNNING', 'PAUSED', 'REBOOTING', 'STOPPED', 'FAILED', 'DELETING', 'DELETED')),
    server_id    VARCHAR(100),
    volume_id    VARCHAR(100),
    error        VARCHAR(4000),
    deleted_by   VARCHAR(200),
    delete_reason VARCHAR(200),
    checked_at   TIMESTAMP WITH TIME ZONE,
    created_by   VARCHAR(200)             NOT NULL,
    row_version  BIGINT                   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX desktop_workspace ON desktop (workspace_id);
CREATE INDEX desktop_status ON desktop (status, checked_at);

-- open_user_id is the user id while the session is open and NULL after: UNIQUE keeps one open session per user.
CREATE TABLE desktop_session (
    id           VARCHAR(36)              PRIMARY KEY,
    desktop_id   VARCHAR(36)              NOT NULL REFERENCES desktop (id),
    workspace_id VARCHAR(36)              NOT NULL REFERENCES workspace (id),
    user_id      VARCHAR(200)             NOT NULL,
    open_user_id VARCHAR(200)             UNIQUE,
    status       VARCHAR(20)              NOT NULL CHECK (status IN ('OPEN', 'CLOSED', 'EXPIRED')),
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at    TIMESTAMP WITH TIME ZONE,
    closed_by    VARCHAR(200),
    close_reason VARCHAR(200),
    row_version  BIGINT                   NOT NULL
);
CREATE INDEX desktop_session_desktop ON desktop_session (desktop_id, status);
CREATE INDEX desktop_session_workspace ON desktop_session (workspace_id, status);
CREATE INDEX desktop_session_idle ON desktop_session (status, last_seen_at);

-- The key that signs connect tokens: made at first start, never in configuration.
CREATE TABLE session_key (
    kid        VARCHAR(100)             PRIMARY KEY,
    secret     VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
