package fi.sd.desktop.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fi.sd.desktop.api.ImportView;
import fi.sd.desktop.domain.ImportedFile;
import fi.sd.desktop.provider.DataAttachment;
import fi.sd.desktop.provider.DesktopProviders;
import fi.sd.desktop.provider.ProviderException;
import fi.sd.platform.problem.ProblemType;
import fi.sd.platform.rest.ProblemException;
import fi.sd.platform.security.Caller;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.FileDigest;
import fi.sd.storage.ObjectName;
import fi.sd.storage.ObjectUnreadableException;
import fi.sd.storage.StorageUnavailableException;
import fi.sd.storage.StoredObject;
import fi.sd.storage.crypto.ObjectTamperedException;

/**
 * An approved import's files: the service desk uploads each (admitted in one transaction, streamed into the
 * encrypted store with no transaction open, each to an object of its own so that a repeated or concurrent upload
 * never overwrites a recorded one, then checked and recorded in another; an object not recorded is deleted), and
 * {@code complete} delivers them, decrypted and checked, to {@code /imports/{importId}} in the workspace's
 * desktops through the provider's delivery (as released files are delivered) before the import is recorded as
 * completed.
 */
@ApplicationScoped
public class ImportFiles {

    private final ImportService imports;
    private final EncryptedObjectStore store;
    private final AirlockStorage storage;
    private final DesktopProviders providers;

    @Inject
    public ImportFiles(ImportService imports, EncryptedObjectStore store, AirlockStorage storage, DesktopProviders providers) {
        this.imports = imports;
        this.store = store;
        this.storage = storage;
        this.providers = providers;
    }

    public ImportService.UploadOutcome upload(String importId, String name, OptionalLong contentLength, InputStream body, Caller caller) {
        ImportService.UploadAdmission admission = imports.admitUpload(importId, name, contentLength, caller);
        if (admission.storedSha256().isPresent()) {
            return imports.compareUpload(admission, FileDigest.ofUpload(body, admission.sizeBytes()), caller);
        }
        ObjectName object = ObjectName.unique(admission.permitId(), "imports", importId);
        StoredObject stored = store.put(object, body, admission.sizeBytes());
        ImportService.UploadOutcome outcome;
        try {
            outcome = imports.recordUpload(admission, stored, caller);
        } catch (RuntimeException e) {
            storage.discard(admission.permitId(), List.of(object));
            throw e;
        }
        if (!outcome.created()) {
            storage.discard(admission.permitId(), List.of(object));
        }
        return outcome;
    }

    /**
     * Delivers the uploaded files into the desktops, then completes the import. 409 while a declared file is not
     * uploaded; 502 when a stored file fails its integrity check; 503 when the object store or the desktops' host
     * cannot take it now (complete again: a delivery replaces what an earlier one left).
     */
    public ImportView complete(String importId, String comment, Caller caller) {
        ImportService.Deliverable deliverable = imports.deliverable(importId, caller);
        List<String> delivered = new ArrayList<>();
        for (ImportedFile file : deliverable.files()) {
            DataAttachment.File expected = new DataAttachment.File(file.name, file.sizeBytes, file.sha256);
            try (InputStream plaintext = store.open(ObjectName.of(deliverable.permitId(), file.storageKey))) {
                providers.active().deliverImportFile(deliverable.workspaceId(), importId, expected, plaintext);
            } catch (ObjectTamperedException e) {
                throw ObjectUnreadableException.tampered(ObjectName.of(deliverable.permitId(), file.storageKey), e);
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof ObjectTamperedException tampered) {
                    throw ObjectUnreadableException.tampered(ObjectName.of(deliverable.permitId(), file.storageKey), tampered);
                }
                throw new ProblemException(ProblemType.DESKTOP_UNAVAILABLE, "The import's file " + file.name
                        + " could not be delivered to the desktops now; complete again later", null);
            } catch (IOException e) {
                throw new StorageUnavailableException("The import's file " + file.name + " could not be read; try again later", e);
            } catch (ProviderException e) {
                throw new ProblemException(ProblemType.DESKTOP_UNAVAILABLE, "The import's file " + file.name
                        + " could not be delivered to the desktops: " + e.getMessage(), null);
            }
            delivered.add(file.name);
        }
        return imports.complete(importId, comment, delivered, caller);
    }
}
