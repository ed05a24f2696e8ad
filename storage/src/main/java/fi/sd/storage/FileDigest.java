package fi.sd.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file's plaintext size and SHA-256 (lower-case hex). */
public record FileDigest(long sizeBytes, String sha256) {

    /** The size and SHA-256 of everything the stream holds, read in 64 KiB steps. */
    public static FileDigest of(InputStream content) throws IOException {
        MessageDigest sha256 = newSha256();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int read; (read = content.read(buffer)) >= 0;) {
            sha256.update(buffer, 0, read);
            size += read;
        }
        return new FileDigest(size, HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * The size and SHA-256 of an upload that declares {@code sizeBytes}, without storing it (e.g. to
     * compare a repeated upload with the stored one).
     *
     * @throws ContentLengthMismatchException it held fewer or more bytes than declared (422)
     * @throws UploadInterruptedException reading it failed, e.g. its client went away (400)
     */
    public static FileDigest ofUpload(InputStream content, long sizeBytes) {
        MessageDigest sha256 = newSha256();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try {
            for (int read; (read = content.read(buffer, 0, (int) Math.min(buffer.length, sizeBytes + 1 - size))) > 0;) {
                sha256.update(buffer, 0, read);
                size += read;
                if (size > sizeBytes) {
                    throw new ContentLengthMismatchException(sizeBytes, size);
                }
            }
        } catch (IOException e) {
            throw new UploadInterruptedException(size, e);
        }
        if (size != sizeBytes) {
            throw new ContentLengthMismatchException(sizeBytes, size);
        }
        return new FileDigest(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
