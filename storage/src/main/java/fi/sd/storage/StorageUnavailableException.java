package fi.sd.storage;

import fi.sd.platform.rest.ProblemException;

/** The object store could not be reached or refused the request: 503, worth retrying later. */
public class StorageUnavailableException extends ProblemException {

    public StorageUnavailableException(String detail, Throwable cause) {
        super(503, "storage-unavailable", "Storage unavailable", detail, null);
        initCause(cause);
    }
}
