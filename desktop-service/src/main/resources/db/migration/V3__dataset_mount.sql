-- Keyed by permit, not workspace: a release may arrive before the workspace exists.
CREATE TABLE dataset_mount (
    release_id VARCHAR(36)              PRIMARY KEY,
    permit_id  VARCHAR(36)              NOT NULL,
    dataset_id VARCHAR(100)             NOT NULL,
    mount_path VARCHAR(300)             NOT NULL,
    mounted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX dataset_mount_permit ON dataset_mount (permit_id);

-- A permit that ended before its workspace was opened: the workspace opens locked.
CREATE TABLE permit_end (
    permit_id VARCHAR(36)              PRIMARY KEY,
    reason    VARCHAR(20)              NOT NULL,
    ended_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
