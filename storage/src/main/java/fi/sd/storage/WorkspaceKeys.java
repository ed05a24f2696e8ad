package fi.sd.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.storage.config.StorageConfig;
import fi.sd.storage.crypto.MasterKeys;
import fi.sd.storage.crypto.WorkspaceKey;
import fi.sd.storage.s3.S3Objects;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Workspace keys, one set per permit, kept as small objects in the key bucket
 * ({@code keys/{permitId}/{keyId}}, JSON: the key wrapped by the master key). Every service that
 * stores or reads a permit's files (permit-service for releases, desktop-service for imports,
 * exports and the desktops' view) shares them through the object store, without a database of
 * another service. Two services creating a permit's first key at the same moment may make two:
 * both are kept and both work, since each object's header names the key that seals it. Destroying
 * them leaves a marker ({@code keys/{permitId}/destroyed}), after which no new key is made for that
 * permit: its storage is closed for good.
 */
@ApplicationScoped
public class WorkspaceKeys {

    private static final Logger LOG = Logger.getLogger(WorkspaceKeys.class);
    static final String KEY_PREFIX = "keys/";
    private static final String DESTROYED = "destroyed";
    private static final String FORMAT = "sd-workspace-key/1";

    private final S3Objects s3;
    private final String bucket;
    private final MasterKeys masterKeys;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    public WorkspaceKeys(S3Objects s3, StorageConfig config, ObjectMapper json, Clock clock) {
        this.s3 = s3;
        this.bucket = config.keyBucket().orElse(config.bucket());
        this.masterKeys = MasterKeys.of(config.masterKey(), config.previousMasterKeys().orElse(List.of()));
        this.json = json;
        this.clock = clock;
    }

    /** The key that seals the permit's new objects: an existing one, or a new one; 410 once the permit's keys were destroyed. */
    public WorkspaceKey current(String permitId) {
        List<String> keyIds = new ArrayList<>();
        for (S3Object object : s3.list(bucket, prefix(permitId))) {
            String name = object.key().substring(prefix(permitId).length());
            if (name.equals(DESTROYED)) {
                throw ObjectUnreadableException.keyDestroyed(permitId);
            }
            keyIds.add(name);
        }
        return keyIds.isEmpty() ? create(permitId) : find(permitId, keyIds.get(0));
    }

    /** The permit's key {@code keyId}, as an object's header names it. */
    public WorkspaceKey find(String permitId, String keyId) {
        byte[] stored = s3.read(bucket, prefix(permitId) + keyId).orElseThrow(() -> destroyed(permitId)
                ? ObjectUnreadableException.keyDestroyed(permitId)
                : new StorageUnavailableException("Workspace key " + keyId + " of permit " + permitId + " is missing from the key store",
                        null));
        try {
            StoredKey key = json.readValue(stored, StoredKey.class);
            if (!FORMAT.equals(key.format()) || !permitId.equals(key.permitId()) || !keyId.equals(key.keyId())) {
                throw new GeneralSecurityException("the key object names another key");
            }
            byte[] secret = masterKeys.unwrap(key.masterKeyId(), Base64.getDecoder().decode(key.wrappedKey()), context(permitId, keyId));
            return new WorkspaceKey(permitId, keyId, secret);
        } catch (java.io.IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new StorageUnavailableException("Workspace key " + keyId + " of permit " + permitId
                    + " cannot be unwrapped with the configured master keys", e);
        }
    }

    /**
     * Destroys every key of the permit (crypto-shredding: all objects they sealed become unreadable,
     * wherever copies of them are) and closes the permit's storage. Returns the ids destroyed; safe to repeat.
     */
    public List<String> destroy(String permitId) {
        s3.write(bucket, prefix(permitId) + DESTROYED, ("{\"destroyedAt\":\"" + clock.instant() + "\"}").getBytes(StandardCharsets.UTF_8),
                "application/json");
        List<String> keys = new ArrayList<>();
        List<String> keyIds = new ArrayList<>();
        for (S3Object object : s3.list(bucket, prefix(permitId))) {
            String name = object.key().substring(prefix(permitId).length());
            if (!name.equals(DESTROYED)) {
                keys.add(object.key());
                keyIds.add(name);
            }
        }
        s3.deleteAll(bucket, keys);
        LOG.infof("Destroyed the workspace keys %s of permit %s", keyIds, permitId);
        return keyIds;
    }

    public boolean destroyed(String permitId) {
        return s3.read(bucket, prefix(permitId) + DESTROYED).isPresent();
    }

    private WorkspaceKey create(String permitId) {
        if (destroyed(permitId)) {
            throw ObjectUnreadableException.keyDestroyed(permitId);
        }
        Instant now = clock.instant();
        // Time first, so that the oldest key of a permit is listed first and new objects keep using it.
        String keyId = String.format("%013d-%s", now.toEpochMilli(), UUID.randomUUID().toString().substring(0, 8));
        byte[] secret = WorkspaceKey.newSecret();
        try {
            byte[] wrapped = masterKeys.wrap(secret, context(permitId, keyId));
            StoredKey stored = new StoredKey(FORMAT, permitId, keyId, masterKeys.currentId(), Base64.getEncoder().encodeToString(wrapped),
                    now);
            s3.write(bucket, prefix(permitId) + keyId, json.writeValueAsBytes(stored), "application/json");
            LOG.infof("Created workspace key %s of permit %s", keyId, permitId);
            return new WorkspaceKey(permitId, keyId, secret);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot make a workspace key", e);
        }
    }

    private static String prefix(String permitId) {
        return KEY_PREFIX + permitId + "/";
    }

    private static byte[] context(String permitId, String keyId) {
        return ("sd-workspace-key/1:" + permitId + ":" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** A workspace key as stored: wrapped by the master key named by its id. */
    record StoredKey(String format, String permitId, String keyId, String masterKeyId, String wrappedKey, Instant createdAt) {
    }
}
