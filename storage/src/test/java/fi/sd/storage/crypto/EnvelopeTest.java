package fi.sd.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The object format on its own: round trips at every segment boundary, and every way a stored object can be wrong. */
class EnvelopeTest {

    private static final String OBJECT = "data/permit-1/releases/r-1/u-1";
    /** Tink's stream header: a length byte, a 32-byte salt and a 7-byte nonce prefix, before the first segment. */
    private static final int STREAM_HEADER = 1 + 32 + 7;
    private static final int TAG = 16;
    private static final int FIRST_SEGMENT = Envelope.SEGMENT_BYTES - STREAM_HEADER - TAG;
    private static final int SEGMENT = Envelope.SEGMENT_BYTES - TAG;

    private final WorkspaceKey key = newKey("key-1");

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, FIRST_SEGMENT - 1, FIRST_SEGMENT, FIRST_SEGMENT + 1, FIRST_SEGMENT + SEGMENT - 1,
            FIRST_SEGMENT + SEGMENT, FIRST_SEGMENT + SEGMENT + 1, FIRST_SEGMENT + 3 * SEGMENT + 17 })
    void aPlaintextOfAnySizeComesBackAsItWasWithItsSizeKnownBeforehand(int size) throws Exception {
        byte[] plaintext = random(size);
        Envelope.Sealing sealing = Envelope.seal(key, OBJECT);
        EncryptingInputStream encrypting = new EncryptingInputStream(new ByteArrayInputStream(plaintext), size, sealing);

        byte[] stored = encrypting.readAllBytes();

        assertThat(stored).hasSize((int) sealing.storedSize(size));
        assertThat(encrypting.sha256()).isEqualTo(sha256(plaintext));
        assertThat(decrypt(stored, key, OBJECT)).isEqualTo(plaintext);
    }

    @Test
    void theStoredBytesDoNotContainThePlaintext() throws Exception {
        byte[] plaintext = "marker-of-the-plaintext ".repeat(2000).getBytes();

        byte[] stored = encrypt(plaintext);

        assertThat(indexOf(stored, "marker-of-the-plaintext".getBytes())).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 5, 9, 30, 200, FIRST_SEGMENT / 2, FIRST_SEGMENT + SEGMENT + 100, -1 })
    void aFlippedByteAnywhereFailsTheReadBeforeAnyByteOfItsSegment(int position) throws Exception {
        byte[] plaintext = random(FIRST_SEGMENT + 2 * SEGMENT);
        byte[] stored = encrypt(plaintext);
        int at = position < 0 ? stored.length + position : position;
        stored[at] ^= 0x01;

        ByteArrayOutputStream served = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (InputStream in = Envelope.open(new ByteArrayInputStream(stored), id -> key, OBJECT)) {
                in.transferTo(served);
            }
        }).isInstanceOf(ObjectTamperedException.class).hasMessageContaining("integrity check");
        byte[] prefix = served.toByteArray();
        assertThat(Arrays.copyOf(plaintext, prefix.length)).as("only authenticated bytes before the failure").isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, TAG, Envelope.SEGMENT_BYTES })
    void aTruncatedObjectFailsTheRead(int cut) throws Exception {
        byte[] stored = encrypt(random(FIRST_SEGMENT + 2 * SEGMENT + 1000));

        byte[] truncated = Arrays.copyOf(stored, stored.length - cut);

        assertThatThrownBy(() -> decrypt(truncated, key, OBJECT)).isInstanceOf(ObjectTamperedException.class);
    }

    @Test
    void anObjectCutAtASegmentBoundaryFailsTheRead() throws Exception {
        byte[] plaintext = random(FIRST_SEGMENT + 2 * SEGMENT);
        byte[] stored = encrypt(plaintext);

        byte[] withoutLastSegment = Arrays.copyOf(stored, stored.length - Envelope.SEGMENT_BYTES);

        assertThatThrownBy(() -> decrypt(withoutLastSegment, key, OBJECT)).isInstanceOf(ObjectTamperedException.class);
    }

    @Test
    void anotherWorkspaceKeyDoesNotOpenIt() throws Exception {
        byte[] stored = encrypt(random(1000));
        WorkspaceKey other = newKey("key-1");

        assertThatThrownBy(() -> decrypt(stored, other, OBJECT)).isInstanceOf(ObjectTamperedException.class)
                .hasMessageContaining("does not unwrap");
    }

    @Test
    void anObjectMovedToAnotherNameDoesNotOpen() throws Exception {
        byte[] stored = encrypt(random(1000));

        assertThatThrownBy(() -> decrypt(stored, key, "data/permit-1/releases/r-1/u-2")).isInstanceOf(ObjectTamperedException.class);
    }

    @Test
    void somethingElseThanAnEncryptedObjectDoesNotOpen() {
        assertThatThrownBy(() -> decrypt("plain text".getBytes(), key, OBJECT)).isInstanceOf(ObjectTamperedException.class)
                .hasMessageContaining("header");
        assertThatThrownBy(() -> decrypt(new byte[0], key, OBJECT)).isInstanceOf(ObjectTamperedException.class);
    }

    @Test
    void contentShorterOrLongerThanDeclaredIsRefused() throws Exception {
        EncryptingInputStream shorter = new EncryptingInputStream(new ByteArrayInputStream(random(999)), 1000, Envelope.seal(key, OBJECT));
        EncryptingInputStream longer = new EncryptingInputStream(new ByteArrayInputStream(random(1001)), 1000, Envelope.seal(key, OBJECT));

        assertThatThrownBy(shorter::readAllBytes).isInstanceOfSatisfying(PlaintextLengthException.class,
                e -> assertThat(e.receivedBytes()).isEqualTo(999));
        assertThatThrownBy(longer::readAllBytes).isInstanceOfSatisfying(PlaintextLengthException.class,
                e -> assertThat(e.receivedBytes()).isEqualTo(1001));
    }

    @Test
    void aFailingSourceIsNamedAsSuch() throws Exception {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        EncryptingInputStream encrypting = new EncryptingInputStream(failing, 10, Envelope.seal(key, OBJECT));

        assertThatThrownBy(encrypting::readAllBytes).isInstanceOf(SourceReadException.class).hasMessageContaining("connection reset");
    }

    private byte[] encrypt(byte[] plaintext) throws Exception {
        return new EncryptingInputStream(new ByteArrayInputStream(plaintext), plaintext.length, Envelope.seal(key, OBJECT)).readAllBytes();
    }

    private static byte[] decrypt(byte[] stored, WorkspaceKey key, String object) throws IOException {
        try (InputStream in = Envelope.open(new ByteArrayInputStream(stored), id -> key, object)) {
            return in.readAllBytes();
        }
    }

    private static WorkspaceKey newKey(String id) {
        try {
            return new WorkspaceKey("permit-1", id, WorkspaceKey.newSecret());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
