package fi.sd.storage.crypto;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tink's decrypting stream, with its failures named: a failure of the object store's connection
 * ({@link StoreReadException}) stays what it is; anything else the decryption throws means the
 * object is not what was sealed.
 */
final class IntegrityCheckedInputStream extends FilterInputStream {

    IntegrityCheckedInputStream(InputStream decrypting) {
        super(decrypting);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw classify(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw classify(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw classify(e);
        }
    }

    private static IOException classify(IOException e) {
        if (e instanceof ObjectTamperedException) {
            return e;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreReadException storeFailure) {
                return storeFailure;
            }
        }
        return new ObjectTamperedException("a segment is changed, missing or out of place", e);
    }
}
