package fi.sd.storage.crypto;

import java.io.IOException;

/**
 * A stored object failed its integrity check: changed, cut short, or sealed with another key. No
 * byte of an unauthenticated segment is ever returned; the read ends with this exception.
 */
public class ObjectTamperedException extends IOException {

    public ObjectTamperedException(String reason) {
        super("The stored object failed its integrity check: " + reason);
    }

    public ObjectTamperedException(String reason, Throwable cause) {
        super("The stored object failed its integrity check: " + reason, cause);
    }
}
