package fi.sd.storage.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The stored form of a plaintext stream of a declared size, produced as it is read: a reader (the
 * S3 client sending an object) pulls ciphertext, and this pulls as much plaintext as that needs,
 * never more than a segment ahead. It counts and hashes the plaintext on the way, and fails the
 * read when the plaintext ends before its declared size or goes on after it.
 */
public final class EncryptingInputStream extends InputStream {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final InputStream plaintext;
    private final long declaredBytes;
    private final MessageDigest sha256;
    private final Pending pending = new Pending();
    private final OutputStream encrypting;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private long consumed;
    private boolean finished;
    private IOException failure;

    public EncryptingInputStream(InputStream plaintext, long declaredBytes, Envelope.Sealing sealing) throws IOException {
        this.plaintext = plaintext;
        this.declaredBytes = declaredBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.encrypting = sealing.encryptInto(pending);
    }

    /**
     * Why reading the plaintext failed, if it did ({@link PlaintextLengthException},
     * {@link SourceReadException}): the S3 client may wrap or replace the exception on its way out.
     */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /** The plaintext's SHA-256 in lower-case hex, once the stream has been read to its end. */
    public String sha256() {
        if (!finished) {
            throw new IllegalStateException("the plaintext has not been read to its end");
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            while (pending.size() == 0 && !finished) {
                pump();
            }
        } catch (PlaintextLengthException | SourceReadException e) {
            failure = e;
            throw e;
        }
        return pending.size() == 0 ? -1 : pending.drainTo(b, off, len);
    }

    @Override
    public int available() {
        return pending.size();
    }

    private void pump() throws IOException {
        if (consumed == declaredBytes) {
            if (readPlaintext(chunk, 0, 1) >= 0) {
                throw new PlaintextLengthException(declaredBytes, declaredBytes + 1);
            }
            encrypting.close();
            finished = true;
            return;
        }
        int read = readPlaintext(chunk, 0, (int) Math.min(chunk.length, declaredBytes - consumed));
        if (read < 0) {
            throw new PlaintextLengthException(declaredBytes, consumed);
        }
        sha256.update(chunk, 0, read);
        consumed += read;
        encrypting.write(chunk, 0, read);
    }

    private int readPlaintext(byte[] into, int off, int len) throws SourceReadException {
        try {
            return plaintext.read(into, off, len);
        } catch (IOException e) {
            throw new SourceReadException(consumed, e);
        }
    }

    /** Ciphertext written by the encrypting stream and not yet read: at most about one segment. */
    private static final class Pending extends OutputStream {

        private byte[] bytes = new byte[Envelope.SEGMENT_BYTES + CHUNK_BYTES];
        private int start;
        private int end;

        int size() {
            return end - start;
        }

        int drainTo(byte[] b, int off, int len) {
            int n = Math.min(len, size());
            System.arraycopy(bytes, start, b, off, n);
            start += n;
            if (start == end) {
                start = 0;
                end = 0;
            }
            return n;
        }

        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (end + len > bytes.length) {
                System.arraycopy(bytes, start, bytes, 0, size());
                end -= start;
                start = 0;
                if (end + len > bytes.length) {
                    bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + len));
                }
            }
            System.arraycopy(b, off, bytes, end, len);
            end += len;
        }
    }
}
