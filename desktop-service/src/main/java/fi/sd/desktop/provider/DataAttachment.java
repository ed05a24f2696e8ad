package fi.sd.desktop.provider;

import java.util.List;

/**
 * A data release the server shows read-only at {@code /data/{datasetId}/{releaseId}}, with the files
 * the release declares (a cloud would attach the release's share or volume; the local provider binds
 * the release's folder).
 */
public record DataAttachment(String datasetId, String releaseId, List<File> files) {

    public DataAttachment {
        files = List.copyOf(files);
    }

    /** A declared file: its path inside the release's folder, size and SHA-256. */
    public record File(String name, long sizeBytes, String sha256) {
    }
}
