-- Releases carry bytes: a release is UPLOADING until every declared file is stored and verified,
-- then RELEASED (and DataReleased is published). Releases recorded before uploads existed were
-- announced at once: they stay RELEASED, their files NO_CONTENT (described, never uploaded).
ALTER TABLE permit_release ADD COLUMN status VARCHAR(20) DEFAULT 'RELEASED' NOT NULL CHECK (status IN ('UPLOADING', 'RELEASED'));
ALTER TABLE permit_release ADD COLUMN declared_at TIMESTAMP WITH TIME ZONE;
UPDATE permit_release SET declared_at = released_at;
ALTER TABLE permit_release ALTER COLUMN declared_at SET NOT NULL;
-- Null until the last file is verified.
ALTER TABLE permit_release ALTER COLUMN released_at DROP NOT NULL;

ALTER TABLE permit_release_file ADD COLUMN state VARCHAR(20) DEFAULT 'NO_CONTENT' NOT NULL
    CHECK (state IN ('PENDING', 'STORED', 'NO_CONTENT'));
-- The encrypted object, below the permit's storage prefix (the storage module's ObjectName path).
ALTER TABLE permit_release_file ADD COLUMN storage_key VARCHAR(300);
ALTER TABLE permit_release_file ADD COLUMN stored_bytes BIGINT;
ALTER TABLE permit_release_file ADD COLUMN stored_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE permit_release_file ADD COLUMN stored_by VARCHAR(200);
