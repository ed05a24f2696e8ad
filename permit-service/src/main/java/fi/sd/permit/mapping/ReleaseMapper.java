package fi.sd.permit.mapping;

import java.util.List;

import fi.sd.events.permit.ReleasedFile;
import fi.sd.permit.api.ReleaseView;
import fi.sd.permit.domain.DataRelease;

/** Between data releases, their API view and their event. */
public final class ReleaseMapper {

    private ReleaseMapper() {
    }

    public static List<ReleasedFile> files(DataRelease release) {
        return release.files.stream().map(f -> new ReleasedFile(f.name, f.sizeBytes, f.sha256)).toList();
    }

    public static ReleaseView toView(DataRelease release) {
        return new ReleaseView(release.id, release.permitId, release.projectId, release.datasetId, files(release), release.releasedBy,
                release.releasedAt);
    }
}
