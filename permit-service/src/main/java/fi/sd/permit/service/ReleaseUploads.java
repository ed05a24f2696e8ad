package fi.sd.permit.service;

import java.io.InputStream;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.platform.security.Caller;
import fi.sd.storage.EncryptedObjectStore;
import fi.sd.storage.FileDigest;
import fi.sd.storage.ObjectName;
import fi.sd.storage.StoredObject;

/**
 * Uploads a release's file: admitted in one transaction, its bytes streamed into the encrypted
 * store with no transaction open (each upload to an object of its own, so a repeated or
 * concurrent upload never overwrites a verified one), then checked and recorded in another. An
 * object that is not recorded (wrong bytes, lost race, failure) is deleted at once; one left by a
 * crash is never referenced, and goes with the permit's storage at the purge.
 */
@ApplicationScoped
public class ReleaseUploads {

    private static final Logger LOG = Logger.getLogger(ReleaseUploads.class);

    private final ReleaseFiles files;
    private final EncryptedObjectStore store;

    @Inject
    public ReleaseUploads(ReleaseFiles files, EncryptedObjectStore store) {
        this.files = files;
        this.store = store;
    }

    public ReleaseFiles.Outcome upload(String permitId, String releaseId, String name, OptionalLong contentLength, InputStream body,
            Caller caller) {
        ReleaseFiles.Admission admission = files.admit(permitId, releaseId, name, contentLength, caller);
        if (admission.alreadyStored()) {
            return files.compare(admission, FileDigest.ofUpload(body, admission.sizeBytes()));
        }
        ObjectName object = ObjectName.unique(permitId, "releases", releaseId);
        StoredObject stored = store.put(object, body, admission.sizeBytes());
        ReleaseFiles.Outcome outcome;
        try {
            outcome = files.record(admission, stored, caller);
        } catch (RuntimeException e) {
            discard(object);
            throw e;
        }
        if (!outcome.created()) {
            discard(object);
        }
        return outcome;
    }

    private void discard(ObjectName object) {
        try {
            store.delete(object);
        } catch (RuntimeException e) {
            LOG.warnf("Could not delete the unrecorded object %s (it goes with the permit's storage at the purge): %s", object.key(),
                    e.getMessage());
        }
    }
}
