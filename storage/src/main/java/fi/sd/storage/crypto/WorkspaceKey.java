package fi.sd.storage.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;

/**
 * A workspace's key (one per permit, since a permit has one workspace): an AES-256-GCM key that
 * wraps the data key of each of its objects. Stored only wrapped by the master key; destroying it
 * makes every object it wrapped unreadable (crypto-shredding).
 */
public final class WorkspaceKey {

    public static final int KEY_BYTES = 32;

    private final String permitId;
    private final String id;
    private final Aead aead;

    public WorkspaceKey(String permitId, String id, byte[] secret) throws GeneralSecurityException {
        this.permitId = permitId;
        this.id = id;
        this.aead = new AesGcmJce(secret);
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public String permitId() {
        return permitId;
    }

    public String id() {
        return id;
    }

    byte[] wrap(byte[] dataKey, byte[] context) throws GeneralSecurityException {
        return aead.encrypt(dataKey, context);
    }

    byte[] unwrap(byte[] wrapped, byte[] context) throws GeneralSecurityException {
        return aead.decrypt(wrapped, context);
    }
}
