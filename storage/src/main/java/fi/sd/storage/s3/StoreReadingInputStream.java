package fi.sd.storage.s3;

import java.io.FilterInputStream;
import java.io.IOException;

import fi.sd.storage.crypto.StoreReadException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * An object's bytes from S3, whose read failures are named as the store's (not the object's
 * integrity). Closed before its end, it drops the connection instead of reading the rest.
 */
final class StoreReadingInputStream extends FilterInputStream {

    private final ResponseInputStream<?> object;
    private boolean ended;

    StoreReadingInputStream(ResponseInputStream<?> object) {
        super(object);
        this.object = object;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            ended |= b < 0;
            return b;
        } catch (IOException e) {
            throw new StoreReadException(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int read = super.read(b, off, len);
            ended |= read < 0;
            return read;
        } catch (IOException e) {
            throw new StoreReadException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            object.abort();
        }
        super.close();
    }
}
