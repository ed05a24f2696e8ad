package fi.sd.permit.domain;

/**
 * A declared file's state: waiting for its bytes, stored and verified against its declared size
 * and SHA-256, or described only (released before releases carried bytes).
 */
public enum ReleaseFileState {
    PENDING,
    STORED,
    NO_CONTENT
}
