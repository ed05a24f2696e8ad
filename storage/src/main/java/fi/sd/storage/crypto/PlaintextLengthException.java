package fi.sd.storage.crypto;

import java.io.IOException;

/** The plaintext being stored ended before its declared size, or went on after it. */
public class PlaintextLengthException extends IOException {

    private final long declaredBytes;
    private final long receivedBytes;

    public PlaintextLengthException(long declaredBytes, long receivedBytes) {
        super(receivedBytes > declaredBytes
                ? "The content goes on after its declared " + declaredBytes + " bytes"
                : "The content ended after " + receivedBytes + " of its declared " + declaredBytes + " bytes");
        this.declaredBytes = declaredBytes;
        this.receivedBytes = receivedBytes;
    }

    public long declaredBytes() {
        return declaredBytes;
    }

    /** The bytes received; one more than declared when it went on after the declared size. */
    public long receivedBytes() {
        return receivedBytes;
    }
}
