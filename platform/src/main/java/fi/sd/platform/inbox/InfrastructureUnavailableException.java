package fi.sd.platform.inbox;

/**
 * The database or the broker is unreachable: no event is at fault, so the consumer waits and
 * retries the same record rather than dead-lettering it.
 */
public class InfrastructureUnavailableException extends RuntimeException {

    public InfrastructureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
