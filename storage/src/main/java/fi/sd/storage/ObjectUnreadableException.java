package fi.sd.storage;

import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.ProblemException;

/**
 * A stored file cannot be served: it failed its integrity check (changed or cut short in the
 * store: 502, the store gave back something other than what was stored), or its workspace key
 * was destroyed (410: crypto-shredded, gone for good). Never a byte of it is returned.
 */
public class ObjectUnreadableException extends ProblemException {

    private ObjectUnreadableException(ProblemType type, String detail, Throwable cause) {
        super(type, detail, null);
        initCause(cause);
    }

    public static ObjectUnreadableException tampered(ObjectName name, Throwable cause) {
        return new ObjectUnreadableException(ProblemType.INTEGRITY_CHECK_FAILED,
                "The stored file " + name.path() + " is not what was stored (" + cause.getMessage() + "); it is not served", cause);
    }

    public static ObjectUnreadableException missing(ObjectName name) {
        return new ObjectUnreadableException(ProblemType.STORED_FILE_MISSING,
                "The stored file " + name.path() + " is not in the object store", null);
    }

    public static ObjectUnreadableException keyDestroyed(String permitId) {
        return new ObjectUnreadableException(ProblemType.KEY_DESTROYED,
                "The workspace key of permit " + permitId + " was destroyed: its files are deleted and can never be read again", null);
    }
}
