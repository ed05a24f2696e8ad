package fi.sd.storage.s3;

import java.io.IOException;
import java.io.InputStream;

/** The next {@code length} bytes of a stream, as one part of a multipart upload; closing it leaves the stream open for the next part. */
final class SliceInputStream extends InputStream {

    private final InputStream source;
    private long remaining;

    SliceInputStream(InputStream source, long length) {
        this.source = source;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = source.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int read = source.read(b, off, (int) Math.min(len, remaining));
        if (read > 0) {
            remaining -= read;
        }
        return read;
    }

    @Override
    public void close() {
        // The source carries the next parts.
    }
}
