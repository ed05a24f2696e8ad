-- Where each release file's encrypted bytes are, below the permit in the object store (null: a release recorded
-- before releases carried bytes).
ALTER TABLE dataset_mount_file ADD COLUMN storage_key VARCHAR(300);

-- A release's files are delivered, decrypted, to where the desktops show them: recorded with the mount, carried
-- out after its commit, outside any transaction, by the delivery runner of any replica.
ALTER TABLE dataset_mount ADD COLUMN delivery VARCHAR(20) DEFAULT 'NOT_STORED' NOT NULL;
ALTER TABLE dataset_mount ADD CONSTRAINT dataset_mount_delivery_check
    CHECK (delivery IN ('NOT_STORED', 'PENDING', 'DELIVERED', 'FAILED'));
ALTER TABLE dataset_mount ADD COLUMN delivery_attempts INTEGER DEFAULT 0 NOT NULL;
-- A pending delivery is claimable from this time: a runner's lease, or the back-off after a failure.
ALTER TABLE dataset_mount ADD COLUMN delivery_not_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE dataset_mount ADD COLUMN delivery_error VARCHAR(4000);
ALTER TABLE dataset_mount ADD COLUMN delivered_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX dataset_mount_delivery ON dataset_mount (delivery, delivery_not_before);
