package fi.sd.storage.crypto;

import java.io.IOException;

/** Reading the plaintext being stored failed, e.g. the uploading client went away. */
public class SourceReadException extends IOException {

    private final long receivedBytes;

    public SourceReadException(long receivedBytes, IOException cause) {
        super("Reading the content failed after " + receivedBytes + " bytes: " + cause.getMessage(), cause);
        this.receivedBytes = receivedBytes;
    }

    public long receivedBytes() {
        return receivedBytes;
    }
}
