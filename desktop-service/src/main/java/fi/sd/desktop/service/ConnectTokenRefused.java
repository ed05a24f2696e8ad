package fi.sd.desktop.service;

/** A connect token that is not valid at all (malformed, forged, expired, not ours): nothing in it can be trusted. */
public class ConnectTokenRefused extends RuntimeException {

    public ConnectTokenRefused(String reason) {
        super(reason);
    }
}
