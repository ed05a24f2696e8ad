package fi.sd.web.client;

import java.time.Instant;
import java.util.List;

/** A data release: the files of one dataset delivered into the project's workspace. */
public record Release(
        String id,
        String permitId,
        String projectId,
        String datasetId,
        String status,
        List<ReleasedFile> files,
        String releasedBy,
        Instant declaredAt,
        Instant releasedAt) {

    /** Its files are still being uploaded: the issuer uploads them from the permit's page. */
    public boolean uploading() {
        return "UPLOADING".equals(status);
    }

    /** How many of its files are stored and verified. */
    public int storedFiles() {
        return files == null ? 0 : (int) files.stream().filter(ReleasedFile::stored).count();
    }

    /** {@code state}: PENDING until its bytes are stored and verified (STORED). */
    public record ReleasedFile(String name, long sizeBytes, String sha256, String state, Instant storedAt) {

        public boolean stored() {
            return "STORED".equals(state);
        }
    }
}
