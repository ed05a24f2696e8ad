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
import fi.sd.desktop.provider.ExportedContent;
import fi.sd.desktop.provider.ExportedFileRefused;
import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.Problem.FieldError;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.ObjectName;
import fi.sd.storage.StoredObject;

/**
 * An export request copies the exact bytes of the files it names from the workspace's {@code /export} folder
 * (through the desktop provider) into the encrypted store at request time, so that what the reviewers see is
 * what leaves: admitted in one transaction, copied with no transaction open (each file to an object of its own,
 * its size and SHA-256 computed on the way), then recorded in another. Objects of a request that is not
 * recorded are deleted.
 */
@ApplicationScoped
public class ExportCopies {

    private static final Logger LOG = Logger.getLogger(ExportCopies.class);

    private final ExportService exports;
    private final DesktopProviders providers;
    private final EncryptedObjectStore store;
    private final AirlockStorage storage;

    @Inject
    public ExportCopies(ExportService exports, DesktopProviders providers, EncryptedObjectStore store, AirlockStorage storage) {
        this.exports = exports;
        this.providers = providers;
        this.store = store;
        this.storage = storage;
    }

    /**
     * Submits an export of the named files. Beyond {@link ExportService#admit}'s refusals: 422 naming the path
     * for a file that is not in {@code /export} (or is a link, or leads outside it), 422 when a given size or
     * SHA-256 is not the file's, 413 for a file over the size limit or files over the workspace's quota.
     */
    public ExportView request(String workspaceId, ExportRequest body, Caller caller) {
        ExportService.Admission admission = exports.admit(workspaceId, body, caller);
        List<ObjectName> objects = new ArrayList<>();
        try {
            List<ExportedFile> copied = new ArrayList<>();
            long copiedBytes = 0;
            for (int i = 0; i < body.files().size(); i++) {
                ExportedFile file = copy(admission, body.files().get(i), "files[" + i + "]", copiedBytes, objects);
                copiedBytes += file.sizeBytes;
                copied.add(file);
            }
            return exports.record(admission, body, copied, caller);
        } catch (RuntimeException e) {
            storage.discard(admission.permitId(), objects);
            throw e;
        }
    }

    private ExportedFile copy(ExportService.Admission admission, ExportRequest.File file, String field, long copiedBytes,
            List<ObjectName> objects) {
        StoredObject stored;
        try (ExportedContent content = providers.active().openExportedFile(admission.workspaceId(), file.path())) {
            storage.requireFileSize(file.path(), content.sizeBytes());
            // Refused before a byte is copied when it cannot fit; checked again when recorded.
            storage.requireRoom(admission.workspaceId(), copiedBytes + content.sizeBytes());
            ObjectName object = ObjectName.unique(admission.permitId(), "exports");
            objects.add(object);
            stored = store.put(object, content.content(), content.sizeBytes());
        } catch (ExportedFileRefused e) {
            throw ProblemException.unprocessable(field + ".path", e.getMessage());
        } catch (IOException e) {
            LOG.debugf("Closing /export/%s: %s", file.path(), e.getMessage());
            throw ProblemException.unprocessable(field + ".path", "/export/" + file.path() + " could not be read");
        }
        if (file.sizeBytes() != null && file.sizeBytes() != stored.sizeBytes()) {
            throw new ProblemException(ProblemType.SIZE_MISMATCH, "/export/" + file.path() + " has " + stored.sizeBytes()
                    + " bytes, not the " + file.sizeBytes() + " given; nothing was submitted",
                    List.of(new FieldError(field + ".sizeBytes", "the file has " + stored.sizeBytes() + " bytes")));
        }
        if (file.sha256() != null && !file.sha256().toLowerCase(Locale.ROOT).equals(stored.sha256())) {
            throw ProblemException.unprocessable("/export/" + file.path() + " has SHA-256 " + stored.sha256()
                    + ", not the one given; nothing was submitted",
                    List.of(new FieldError(field + ".sha256", "the file has SHA-256 " + stored.sha256())));
        }
        ExportedFile exported = new ExportedFile();
        exported.path = file.path();
        exported.sizeBytes = stored.sizeBytes();
        exported.sha256 = stored.sha256();
        exported.storageKey = stored.name().path();
        return exported;
    }
}
