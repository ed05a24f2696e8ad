package fi.sd.permit.mapping;

import java.util.List;

import fi.sd.events.permit.ReleasedFile;
import fi.sd.permit.api.ReleaseFileView;
import fi.sd.permit.api.ReleaseView;
import fi.sd.permit.api.UploadedFileView;
import fi.sd.permit.domain.DataRelease;
import fi.sd.permit.domain.ReleaseFile;

/** Between data releases, their API views and their event. */
public final class ReleaseMapper {

    private ReleaseMapper() {
    }

    public static List<ReleasedFile> files(DataRelease release) {
        return release.files.stream().map(f -> new ReleasedFile(f.name, f.sizeBytes, f.sha256, f.storageKey)).toList();
    }

    public static ReleaseView toView(DataRelease release) {
        return new ReleaseView(release.id, release.permitId, release.projectId, release.datasetId, release.status,
                release.files.stream().map(f -> new ReleaseFileView(f.name, f.sizeBytes, f.sha256, f.state, f.storedAt)).toList(),
                release.releasedBy, release.declaredAt, release.releasedAt);
    }

    public static UploadedFileView toView(DataRelease release, ReleaseFile file) {
        return new UploadedFileView(release.id, release.status, file.name, file.sizeBytes, file.sha256, file.state, file.storedBy,
                file.storedAt);
    }
}
