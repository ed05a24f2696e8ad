package fi.sd.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.storage.config.StorageConfig;
import fi.sd.storage.crypto.EncryptingInputStream;
import fi.sd.storage.crypto.Envelope;
import fi.sd.storage.crypto.ObjectTamperedException;
import fi.sd.storage.crypto.PlaintextLengthException;
import fi.sd.storage.crypto.SourceReadException;
import fi.sd.storage.crypto.WorkspaceKey;
import fi.sd.storage.s3.S3Objects;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files in the object store, each encrypted with its own data key, wrapped by its permit's
 * workspace key, wrapped by the master key. Everything streams: a file of any size passes
 * through a few hundred KiB of memory. Blocking: call it from a worker thread, and never inside
 * a database transaction that may still roll back (store first, record after; delete after the
 * record is gone).
 */
@ApplicationScoped
public class EncryptedObjectStore {

    private static final Logger LOG = Logger.getLogger(EncryptedObjectStore.class);

    private final S3Objects s3;
    private final WorkspaceKeys keys;
    private final String bucket;
    private final Clock clock;

    @Inject
    public EncryptedObjectStore(S3Objects s3, WorkspaceKeys keys, StorageConfig config, Clock clock) {
        this.s3 = s3;
        this.keys = keys;
        this.bucket = config.bucket();
        this.clock = clock;
    }

    /**
     * Encrypts and stores exactly {@code sizeBytes} bytes of {@code content} as {@code name}, and
     * returns their SHA-256 as computed on the way. The object appears whole or not at all.
     *
     * @throws ContentLengthMismatchException the content ended before {@code sizeBytes} or went on after it (422)
     * @throws UploadInterruptedException reading the content failed, e.g. its client went away (400)
     * @throws StorageUnavailableException the object store failed (503)
     * @throws ObjectUnreadableException the permit's keys were destroyed (410)
     */
    public StoredObject put(ObjectName name, InputStream content, long sizeBytes) {
        WorkspaceKey key = keys.current(name.permitId());
        try {
            Envelope.Sealing sealing = Envelope.seal(key, name.key());
            long storedBytes = sealing.storedSize(sizeBytes);
            EncryptingInputStream encrypted = new EncryptingInputStream(content, sizeBytes, sealing);
            try {
                s3.upload(bucket, name.key(), encrypted, storedBytes);
            } catch (RuntimeException e) {
                throw encrypted.failure().map(EncryptedObjectStore::contentFailure).orElse(e);
            }
            return new StoredObject(name, sizeBytes, encrypted.sha256(), storedBytes, key.id());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt " + name.key(), e);
        }
    }

    private static RuntimeException contentFailure(IOException failure) {
        if (failure instanceof PlaintextLengthException length) {
            return new ContentLengthMismatchException(length.declaredBytes(), length.receivedBytes());
        }
        return new UploadInterruptedException(((SourceReadException) failure).receivedBytes(), failure);
    }

    /**
     * The file's plaintext, decrypted as it is read. Its header, its key and its first segment are
     * checked before this returns, so a file changed there, sealed with another key or whose key is
     * destroyed fails here, as a problem an API can answer with; a change further in ends the read
     * with an {@link ObjectTamperedException} before any byte of the changed segment. Close it.
     *
     * @throws ObjectUnreadableException tampered or missing (502), or its key destroyed (410)
     * @throws StorageUnavailableException the object store failed (503)
     */
    public InputStream open(ObjectName name) {
        InputStream stored = s3.download(bucket, name.key()).orElseThrow(() -> keys.destroyed(name.permitId())
                ? ObjectUnreadableException.keyDestroyed(name.permitId())
                : ObjectUnreadableException.missing(name));
        try {
            PushbackInputStream plaintext = new PushbackInputStream(Envelope.open(stored, keyId -> keys.find(name.permitId(), keyId),
                    name.key()));
            int first = plaintext.read();
            if (first >= 0) {
                plaintext.unread(first);
            }
            return plaintext;
        } catch (ObjectTamperedException e) {
            close(stored);
            LOG.errorf("Stored object %s failed its integrity check: %s", name.key(), e.getMessage());
            throw ObjectUnreadableException.tampered(name, e);
        } catch (IOException e) {
            close(stored);
            throw new StorageUnavailableException("The object store is not available (reading failed); try again later", e);
        } catch (RuntimeException e) {
            close(stored);
            throw e;
        }
    }

    /** Reads the whole file and returns its size and SHA-256, proving it intact; fails as {@link #open} does, wherever the change is. */
    public FileDigest digest(ObjectName name) {
        try (InputStream plaintext = open(name)) {
            return FileDigest.of(plaintext);
        } catch (ObjectTamperedException e) {
            throw ObjectUnreadableException.tampered(name, e);
        } catch (IOException e) {
            throw new StorageUnavailableException("The object store is not available (reading failed); try again later", e);
        }
    }

    /** Deletes the file; nothing happens if it is not there. */
    public void delete(ObjectName name) {
        s3.delete(bucket, name.key());
    }

    /** The permit's stored objects, in path order, with their encrypted sizes. */
    public List<ObjectEntry> list(String permitId) {
        String prefix = ObjectName.permitPrefix(permitId);
        return s3.list(bucket, prefix).stream()
                .map(object -> new ObjectEntry(object.key().substring(prefix.length()), object.size()))
                .toList();
    }

    /**
     * Crypto-shreds the permit's storage: destroys its workspace keys first (from then on nothing
     * of it can be decrypted, whatever copies exist), then deletes its objects and unfinished
     * uploads. Safe to repeat after a failure; each run reports what it destroyed and deleted.
     */
    public ShredReport shred(String permitId) {
        List<String> destroyed = keys.destroy(permitId);
        String prefix = ObjectName.permitPrefix(permitId);
        List<S3Object> objects = s3.list(bucket, prefix);
        s3.deleteAll(bucket, objects.stream().map(S3Object::key).toList());
        s3.abortUploads(bucket, prefix);
        List<ObjectEntry> deleted = objects.stream()
                .map(object -> new ObjectEntry(object.key().substring(prefix.length()), object.size()))
                .toList();
        LOG.infof("Shredded the storage of permit %s: %d keys destroyed, %d objects deleted", permitId, destroyed.size(), deleted.size());
        return new ShredReport(permitId, destroyed, deleted, clock.instant());
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debugf("Closing a stored object's stream: %s", e.getMessage());
        }
    }
}
