-- Existing workspaces were all opened from Findata permits.
ALTER TABLE workspace ADD COLUMN route VARCHAR(20) NOT NULL DEFAULT 'FINDATA';

-- A user's entitlement to a dataset of a register permit; the latest fact wins, whatever order they arrive in.
CREATE TABLE entitlement (
    permit_id  VARCHAR(36)              NOT NULL,
    user_id    VARCHAR(200)             NOT NULL,
    dataset_id VARCHAR(100)             NOT NULL,
    active     BOOLEAN                  NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (permit_id, user_id, dataset_id)
);
