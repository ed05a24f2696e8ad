package fi.sd.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords as the realm's OTP policy makes them: HMAC-SHA1, 30 s, 6 digits. */
final class Totp {

    static final int PERIOD_SECONDS = 30;

    private Totp() {
    }

    static long currentCounter() {
        return Instant.now().getEpochSecond() / PERIOD_SECONDS;
    }

    /** The code for {@code counter}; Keycloak keeps a TOTP key as text and uses its UTF-8 bytes. */
    static String code(String secret, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ByteBuffer.wrap(hash, offset, Integer.BYTES).getInt() & 0x7fffffff;
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
