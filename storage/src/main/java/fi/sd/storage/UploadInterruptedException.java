package fi.sd.storage;

import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.ProblemException;

/** The uploading client stopped sending before the content was complete: nothing was stored. */
public class UploadInterruptedException extends ProblemException {

    public UploadInterruptedException(long receivedBytes, Throwable cause) {
        super(ProblemType.UPLOAD_INTERRUPTED,
                "The upload stopped after " + receivedBytes + " bytes; nothing was stored, send the whole file again", null);
        initCause(cause);
    }
}
