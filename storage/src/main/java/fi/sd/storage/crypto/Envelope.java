package fi.sd.storage.crypto;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

/**
 * The format of a stored object: a small header, then the file encrypted with Tink's streaming
 * AEAD (AES-256-GCM, keys derived per object with HKDF-SHA256, segment by segment, each segment
 * authenticated and the last one marked, so that a changed, reordered or cut segment is detected).
 * <p>
 * Header: {@code "SDE1"}, the ciphertext segment size (int), the workspace key's id (a length
 * byte and ASCII), and the object's own data key wrapped by that workspace key (a two-byte length
 * and the AES-GCM ciphertext). The data key is bound to the object's key (its S3 name) and the
 * stream to the name and the whole header, so an object moved to another name, or a header
 * changed in any byte, does not decrypt.
 */
public final class Envelope {

    /** Ciphertext segment size: a few hundred KiB in memory per stream, 16 bytes of tag per segment. */
    public static final int SEGMENT_BYTES = 256 * 1024;
    static final int DATA_KEY_BYTES = 32;
    private static final byte[] MAGIC = "SDE1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_KEY_ID = 255;
    private static final int MAX_WRAPPED_KEY = 1024;
    private static final String HKDF = "HmacSha256";

    private Envelope() {
    }

    /** Finds a workspace key by its id, as an object's header names it. */
    @FunctionalInterface
    public interface KeyLookup {
        WorkspaceKey find(String keyId);
    }

    /** Starts sealing one object: a fresh data key, wrapped by the workspace key. */
    public static Sealing seal(WorkspaceKey workspaceKey, String objectKey) throws GeneralSecurityException {
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        new SecureRandom().nextBytes(dataKey);
        byte[] wrapped = workspaceKey.wrap(dataKey, dataKeyContext(objectKey));
        byte[] header = header(workspaceKey.id(), wrapped);
        AesGcmHkdfStreaming streaming = new AesGcmHkdfStreaming(dataKey, HKDF, DATA_KEY_BYTES, SEGMENT_BYTES, 0);
        Arrays.fill(dataKey, (byte) 0);
        return new Sealing(header, streaming, streamContext(objectKey, header));
    }

    /**
     * The plaintext of a stored object, decrypted as it is read. A header that cannot be read, a
     * key that does not unwrap, or any segment that fails its check is an {@link ObjectTamperedException}.
     */
    public static InputStream open(InputStream stored, KeyLookup keys, String objectKey) throws IOException {
        DataInputStream in = new DataInputStream(stored);
        ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(headerBytes);
        try {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ObjectTamperedException("it does not start with the header of an encrypted object");
            }
            int segmentBytes = in.readInt();
            byte[] keyId = in.readNBytes(in.readUnsignedByte());
            int wrappedLength = in.readUnsignedShort();
            if (wrappedLength > MAX_WRAPPED_KEY) {
                throw new ObjectTamperedException("its header is malformed");
            }
            byte[] wrapped = in.readNBytes(wrappedLength);
            if (wrapped.length != wrappedLength) {
                throw new EOFException();
            }
            header.write(MAGIC);
            header.writeInt(segmentBytes);
            header.writeByte(keyId.length);
            header.write(keyId);
            header.writeShort(wrapped.length);
            header.write(wrapped);
            WorkspaceKey key = keys.find(new String(keyId, StandardCharsets.US_ASCII));
            byte[] dataKey = key.unwrap(wrapped, dataKeyContext(objectKey));
            AesGcmHkdfStreaming streaming = new AesGcmHkdfStreaming(dataKey, HKDF, DATA_KEY_BYTES, segmentBytes, 0);
            Arrays.fill(dataKey, (byte) 0);
            return new IntegrityCheckedInputStream(streaming.newDecryptingStream(in, streamContext(objectKey, headerBytes.toByteArray())));
        } catch (EOFException e) {
            throw new ObjectTamperedException("it ends within its header");
        } catch (GeneralSecurityException e) {
            throw new ObjectTamperedException("its data key does not unwrap with the workspace key its header names");
        }
    }

    private static byte[] header(String keyId, byte[] wrapped) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        if (id.length > MAX_KEY_ID || wrapped.length > MAX_WRAPPED_KEY) {
            throw new IllegalArgumentException("key id or wrapped key too long");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(SEGMENT_BYTES);
            out.writeByte(id.length);
            out.write(id);
            out.writeShort(wrapped.length);
            out.write(wrapped);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] dataKeyContext(String objectKey) {
        return ("sd-data-key/1:" + objectKey).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] streamContext(String objectKey, byte[] header) {
        byte[] name = ("sd-object/1:" + objectKey + ":").getBytes(StandardCharsets.UTF_8);
        byte[] context = Arrays.copyOf(name, name.length + header.length);
        System.arraycopy(header, 0, context, name.length, header.length);
        return context;
    }

    /** One object being sealed: its header, its exact stored size, and the stream that encrypts it. */
    public static final class Sealing {

        private final byte[] header;
        private final AesGcmHkdfStreaming streaming;
        private final byte[] context;

        private Sealing(byte[] header, AesGcmHkdfStreaming streaming, byte[] context) {
            this.header = header;
            this.streaming = streaming;
            this.context = context;
        }

        /** The size of the stored object for a plaintext of {@code plaintextBytes}: known before a byte is encrypted. */
        public long storedSize(long plaintextBytes) {
            return header.length + streaming.expectedCiphertextSize(plaintextBytes);
        }

        /** Writes the header to {@code sink} and returns the stream that encrypts into it; closing it writes the last segment. */
        public OutputStream encryptInto(OutputStream sink) throws IOException {
            sink.write(header);
            try {
                return streaming.newEncryptingStream(sink, context);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot start encrypting", e);
            }
        }
    }
}
