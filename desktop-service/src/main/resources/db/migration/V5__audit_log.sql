-- The audit log: append-only, each entry holding the hash of the one before it.
CREATE TABLE audit_entry (
    seq           BIGINT                   PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    workspace_id  VARCHAR(36),
    actor         VARCHAR(200)             NOT NULL,
    action        VARCHAR(100)             NOT NULL,
    detail        VARCHAR(4000)            NOT NULL,
    previous_hash VARCHAR(64)              NOT NULL,
    entry_hash    VARCHAR(64)              NOT NULL
);
CREATE INDEX audit_entry_workspace ON audit_entry (workspace_id, seq);
CREATE INDEX audit_entry_actor ON audit_entry (actor, seq);
CREATE INDEX audit_entry_time ON audit_entry (occurred_at);

-- The chain's head, locked by each writer so that entries are chained one after another.
CREATE TABLE audit_head (
    id        SMALLINT PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
