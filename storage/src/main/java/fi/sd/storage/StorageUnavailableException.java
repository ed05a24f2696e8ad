package fi.sd.storage;

import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.ProblemException;

/** The object store could not be reached or refused the request: 503, worth retrying later. */
public class StorageUnavailableException extends ProblemException {

    public StorageUnavailableException(String detail, Throwable cause) {
        super(ProblemType.STORAGE_UNAVAILABLE, detail, null);
        initCause(cause);
    }
}
