package fi.sd.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;

/**
 * The master key from the environment, and earlier ones during a rotation: AES-256-GCM keys that
 * wrap and unwrap workspace keys. Each is known by an id derived from it (a hash, which reveals
 * nothing of the key), stored next to every key it wrapped, so that a rotated deployment still
 * finds the right one.
 */
public final class MasterKeys {

    public static final int KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, Aead> byId;

    private MasterKeys(String currentId, Map<String, Aead> byId) {
        this.currentId = currentId;
        this.byId = byId;
    }

    /** The current master key and any earlier ones, each 32 bytes in base64. */
    public static MasterKeys of(String current, List<String> previous) {
        Map<String, Aead> keys = new LinkedHashMap<>();
        String currentId = add(keys, current);
        previous.forEach(key -> add(keys, key));
        return new MasterKeys(currentId, Map.copyOf(keys));
    }

    /** A new random master key in base64, e.g. for a test (the local run makes one with {@code openssl rand -base64 32}). */
    public static String generate() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String currentId() {
        return currentId;
    }

    /** Encrypts a workspace key with the current master key, bound to {@code context}. */
    public byte[] wrap(byte[] secret, byte[] context) throws GeneralSecurityException {
        return byId.get(currentId).encrypt(secret, context);
    }

    /** Decrypts a workspace key wrapped by the master key {@code masterKeyId}; fails on any change to it or to its context. */
    public byte[] unwrap(String masterKeyId, byte[] wrapped, byte[] context) throws GeneralSecurityException {
        Aead key = byId.get(masterKeyId);
        if (key == null) {
            throw new GeneralSecurityException("the key was wrapped by master key " + masterKeyId + ", which is not configured");
        }
        return key.decrypt(wrapped, context);
    }

    private static String add(Map<String, Aead> keys, String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A storage master key must be base64 (e.g. from 'openssl rand -base64 32')");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A storage master key must be " + KEY_BYTES + " random bytes, not " + key.length);
        }
        try {
            String id = idOf(key);
            keys.put(id, new AesGcmJce(key));
            return id;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("sd-master-key-id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
