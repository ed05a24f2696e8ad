package fi.sd.storage.crypto;

import java.io.IOException;

/** Reading the stored bytes from the object store failed (a connection, not the object's integrity). */
public class StoreReadException extends IOException {

    public StoreReadException(IOException cause) {
        super("Reading from the object store failed: " + cause.getMessage(), cause);
    }
}
