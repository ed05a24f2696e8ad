package fi.sd.permit.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.permit.config.PermitConfig;
import fi.sd.permit.domain.DataRelease;
import fi.sd.permit.api.ReleaseRequest;
import fi.sd.platform.rest.ProblemException;
import fi.sd.storage.config.StorageConfig;

/**
 * How much a permit's releases may hold: each file at most the storage's largest file, and all
 * declared files of all its releases together at most the permit's quota. Both are 413 problems
 * that name the limit, so that a client can tell what fits.
 */
@ApplicationScoped
public class ReleaseLimits {

    private final long maxFileBytes;
    private final long quotaBytes;

    @Inject
    public ReleaseLimits(StorageConfig storage, PermitConfig config) {
        this.maxFileBytes = storage.maxFileSize().asLongValue();
        this.quotaBytes = config.releases().quota().asLongValue();
    }

    /** A new release's files: each within the file limit, all within what is left of the quota. */
    public void requireDeclarable(String permitId, List<ReleaseRequest.File> files) {
        long requested = 0;
        for (ReleaseRequest.File file : files) {
            if (file.sizeBytes() > maxFileBytes) {
                throw ProblemException.tooLarge("The file " + file.name() + " has " + file.sizeBytes() + " bytes; a file may have at most "
                        + maxFileBytes, Map.of("maxFileSizeBytes", maxFileBytes));
            }
            requested += file.sizeBytes();
        }
        long used = DataRelease.declaredBytes(permitId);
        if (used + requested > quotaBytes) {
            throw overQuota(used, requested);
        }
    }

    /** Before an upload: the permit's releases are still within the quota (which may have been lowered since they were declared). */
    public void requireWithinQuota(String permitId) {
        long used = DataRelease.declaredBytes(permitId);
        if (used > quotaBytes) {
            throw overQuota(used, 0);
        }
    }

    private ProblemException overQuota(long used, long requested) {
        return ProblemException.tooLarge("The permit's releases may hold " + quotaBytes + " bytes; they hold or await " + used
                + (requested > 0 ? " and this release declares " + requested + " more" : ""),
                Map.of("quotaBytes", quotaBytes, "usedBytes", used, "requestedBytes", requested));
    }
}
