package fi.sd.desktop.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.desktop.api.ExportRequest;
import fi.sd.desktop.api.ExportView;
import fi.sd.desktop.domain.ExportedFile;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ExportedFileRefused;
import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;

/**
 * An export request takes the exact bytes of the files it names from the workspace's {@code /export} folder, so that
 * what the reviewers see is what leaves. Copying them may take minutes (gigabytes through the provider), longer than
 * any client or proxy waits, so the request checks at once what it can without reading the files (the workspace,
 * the caller, each path, each file's size against the limits and against a size given), records the export
 * {@code COPYING} and answers; the {@link ExportCopyRunner} then copies the files and puts the export up for review.
 */
@ApplicationScoped
public class ExportCopies {

    private static final Logger LOG = Logger.getLogger(ExportCopies.class);

    private final ExportService exports;
    private final DesktopProviders providers;
    private final AirlockStorage storage;

    @Inject
    public ExportCopies(ExportService exports, DesktopProviders providers, AirlockStorage storage) {
        this.exports = exports;
        this.providers = providers;
        this.storage = storage;
    }

    /**
     * Requests an export of the named files: the export, {@code COPYING}. Beyond {@link ExportService#admit}'s refusals:
     * 422 naming the path for a file that is not in {@code /export} (or is a link, or leads outside it), 422 when a
     * given size is not the file's, 413 for a file over the size limit or files over the workspace's quota. A given
     * SHA-256 is checked against the copy: a file that does not match fails the export ({@code COPY_FAILED}).
     */
    public ExportView request(String workspaceId, ExportRequest body, Caller caller) {
        ExportService.Admission admission = exports.admit(workspaceId, body, caller);
        List<ExportedFile> files = new ArrayList<>();
        long totalBytes = 0;
        for (int i = 0; i < body.files().size(); i++) {
            ExportedFile file = look(admission, body.files().get(i), "files[" + i + "]");
            totalBytes += file.sizeBytes;
            // Refused before the next file is looked at when these cannot fit; checked again when recorded.
            storage.requireRoom(admission.workspaceId(), totalBytes);
            files.add(file);
        }
        return exports.record(admission, body, files, caller);
    }

    private ExportedFile look(ExportService.Admission admission, ExportRequest.File file, String field) {
        long sizeBytes;
        try {
            sizeBytes = providers.active().exportedFileSize(admission.workspaceId(), file.path());
        } catch (ExportedFileRefused e) {
            throw ProblemException.unprocessable(field + ".path", e.getMessage());
        } catch (IOException e) {
            LOG.debugf("Closing /export/%s: %s", file.path(), e.getMessage());
            throw ProblemException.unprocessable(field + ".path", "/export/" + file.path() + " could not be read");
        }
        storage.requireFileSize(file.path(), sizeBytes);
        if (file.sizeBytes() != null && file.sizeBytes() != sizeBytes) {
            throw new ProblemException(ProblemType.SIZE_MISMATCH, "/export/" + file.path() + " has " + sizeBytes
                    + " bytes, not the " + file.sizeBytes() + " given; nothing was submitted",
                    List.of(new FieldError(field + ".sizeBytes", "the file has " + sizeBytes + " bytes")));
        }
        ExportedFile exported = new ExportedFile();
        exported.path = file.path();
        exported.sizeBytes = sizeBytes;
        exported.declaredSize = file.sizeBytes();
        exported.declaredSha256 = file.sha256() == null ? null : file.sha256().toLowerCase(Locale.ROOT);
        return exported;
    }
}
