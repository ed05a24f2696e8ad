package fi.sd.desktop.domain;

/**
 * Where a release's files stand on their way, decrypted, to the desktops ({@link DatasetMount#DELIVERY}):
 * the desktops show a file once it is there whole and verified.
 */
public enum ReleaseDelivery {
    /** The release declares files without stored bytes (recorded before releases carried them): only its manifest shows. */
    NOT_STORED,
    /** Its files are being copied from the object store; a runner on any replica carries this out. */
    PENDING,
    /** Every file is in place with its declared size and SHA-256. */
    DELIVERED,
    /** A file could not be delivered for good (tampered, missing, its key destroyed, another checksum): see the error. */
    FAILED
}
