package fi.sd.storage;

import java.util.List;
import java.util.Map;

import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;

/** The content of an upload was shorter or longer than its declared size: 422, nothing stored. */
public class ContentLengthMismatchException extends ProblemException {

    public ContentLengthMismatchException(long declaredBytes, long receivedBytes) {
        super(ProblemType.SIZE_MISMATCH, receivedBytes > declaredBytes
                ? "The content is longer than its declared " + declaredBytes + " bytes; nothing was stored"
                : "The content has " + receivedBytes + " bytes, not the declared " + declaredBytes + "; nothing was stored",
                List.of(new FieldError("sizeBytes", "the content must have exactly " + declaredBytes + " bytes")),
                Map.of("declaredBytes", declaredBytes));
    }
}
