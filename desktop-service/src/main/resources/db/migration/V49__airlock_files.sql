-- The airlock carries bytes: each export file and import file names its encrypted object (below the permit in
-- the object store); imports may declare their files; an approved export's requester gets short-lived download
-- links. Portable SQL only: the local run applies it to H2.
ALTER TABLE airlock_export_file ADD COLUMN storage_key VARCHAR(200);

CREATE TABLE airlock_import_file (
    import_id     VARCHAR(36)   NOT NULL REFERENCES airlock_import (id),
    file_no       INTEGER       NOT NULL,
    name          VARCHAR(1000) NOT NULL,
    declared      BOOLEAN       NOT NULL,
    declared_size BIGINT        CHECK (declared_size >= 0),
    declared_sha256 VARCHAR(64),
    size_bytes    BIGINT        CHECK (size_bytes >= 0),
    sha256        VARCHAR(64),
    storage_key   VARCHAR(200),
    uploaded_by   VARCHAR(200),
    uploaded_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (import_id, file_no)
);

-- Only a hash of each token is kept: the database never holds a usable link.
CREATE TABLE export_download_link (
    token_sha256 VARCHAR(64)              PRIMARY KEY,
    export_id    VARCHAR(36)              NOT NULL REFERENCES airlock_export (id),
    path         VARCHAR(1000)            NOT NULL,
    issued_to    VARCHAR(200)             NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX export_download_link_export ON export_download_link (export_id);
