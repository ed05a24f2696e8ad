-- An export's files are copied after its request is answered, by a leased job (a runner of any replica, taken
-- over when its lease runs out): the export is COPYING until the copy is recorded, or COPY_FAILED with the reason.
-- The status column is made again to change its CHECK (its constraint has no portable name). Portable SQL only:
-- the local run applies it to H2.
DROP INDEX airlock_export_workspace;
DROP INDEX airlock_export_queue;
ALTER TABLE airlock_export ADD COLUMN export_status VARCHAR(20);
UPDATE airlock_export SET export_status = status;
ALTER TABLE airlock_export DROP COLUMN status;
ALTER TABLE airlock_export RENAME COLUMN export_status TO status;
ALTER TABLE airlock_export ALTER COLUMN status SET NOT NULL;
ALTER TABLE airlock_export ADD CONSTRAINT airlock_export_status_check
    CHECK (status IN ('COPYING', 'COPY_FAILED', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'REJECTED', 'CANCELLED'));
CREATE INDEX airlock_export_workspace ON airlock_export (workspace_id, status);
CREATE INDEX airlock_export_queue ON airlock_export (status, requested_at);

ALTER TABLE airlock_export ADD COLUMN copy_attempts INTEGER DEFAULT 0 NOT NULL;
-- A COPYING export's copy is claimable from this time: a runner's lease, or the back-off after a failure.
ALTER TABLE airlock_export ADD COLUMN copy_not_before TIMESTAMP WITH TIME ZONE;
ALTER TABLE airlock_export ADD COLUMN copy_error VARCHAR(4000);
CREATE INDEX airlock_export_copy ON airlock_export (status, copy_not_before);

-- While COPYING a file has no SHA-256 yet; what the requester declared is checked against the copy.
ALTER TABLE airlock_export_file ALTER COLUMN sha256 DROP NOT NULL;
ALTER TABLE airlock_export_file ADD COLUMN declared_size BIGINT CHECK (declared_size >= 0);
ALTER TABLE airlock_export_file ADD COLUMN declared_sha256 VARCHAR(64);
