package fi.sd.desktop.provider;

/** The cloud refused a request, e.g. over quota (Nova's 403 OverLimit) or in a conflicting state (409). */
public class ProviderException extends RuntimeException {

    public ProviderException(String message) {
        super(message);
    }
}
