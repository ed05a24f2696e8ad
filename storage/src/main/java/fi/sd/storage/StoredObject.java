package fi.sd.storage;

/**
 * A file as stored: its plaintext size and SHA-256 (lower-case hex), computed from the bytes that
 * were stored, the size of its encrypted object, and the workspace key that seals it.
 */
public record StoredObject(ObjectName name, long sizeBytes, String sha256, long storedBytes, String keyId) {
}
