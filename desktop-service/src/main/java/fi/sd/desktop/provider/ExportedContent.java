package fi.sd.desktop.provider;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** A file of a workspace's {@code /export} folder, opened for an export request to copy: its size when opened, and its bytes. Close it. */
public record ExportedContent(long sizeBytes, InputStream content) implements Closeable {

    @Override
    public void close() throws IOException {
        content.close();
    }
}
