-- The purge's side effects outside the database, recorded in the purge's transaction and carried out after its
-- commit by any replica: the permit's keys destroyed and its objects deleted (crypto-shredding), and what this
-- host holds of the workspace's data removed. Kept once done: the deletion record's storage part.
CREATE TABLE workspace_shred (
    workspace_id VARCHAR(36)              PRIMARY KEY REFERENCES workspace (id),
    permit_id    VARCHAR(36)              NOT NULL,
    attempts     INTEGER                  NOT NULL,
    -- A pending shred is claimable from this time: a runner's lease, or the back-off after a failure.
    not_before   TIMESTAMP WITH TIME ZONE NOT NULL,
    error        VARCHAR(4000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX workspace_shred_pending ON workspace_shred (done_at, not_before);

-- The releases whose decrypted copies the workspace's desktops showed.
CREATE TABLE workspace_shred_release (
    workspace_id VARCHAR(36) NOT NULL REFERENCES workspace_shred (workspace_id),
    release_id   VARCHAR(36) NOT NULL,
    PRIMARY KEY (workspace_id, release_id)
);

-- Once done, the deletion record in full: the keys destroyed and every object deleted (the audit entry summarises it).
CREATE TABLE workspace_shred_key (
    workspace_id VARCHAR(36)  NOT NULL REFERENCES workspace_shred (workspace_id),
    key_id       VARCHAR(100) NOT NULL,
    PRIMARY KEY (workspace_id, key_id)
);
CREATE TABLE workspace_shred_object (
    workspace_id VARCHAR(36)  NOT NULL REFERENCES workspace_shred (workspace_id),
    position     INTEGER      NOT NULL,
    path         VARCHAR(800) NOT NULL,
    stored_bytes BIGINT       NOT NULL,
    PRIMARY KEY (workspace_id, position)
);
