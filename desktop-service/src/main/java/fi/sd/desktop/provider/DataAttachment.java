package fi.sd.desktop.provider;

import java.util.List;

import fi.sd.storage.FileDigest;

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

        /** Refuses content other than what the release declares: never shown in a desktop. */
        public void requireMatches(FileDigest delivered) {
            if (delivered.sizeBytes() != sizeBytes || !delivered.sha256().equalsIgnoreCase(sha256)) {
                throw new ProviderException("Release file " + name + " is not what its release declares: " + delivered.sizeBytes()
                        + " bytes with SHA-256 " + delivered.sha256() + ", declared " + sizeBytes + " bytes with SHA-256 " + sha256);
            }
        }
    }
}
