package fi.sd.storage;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import fi.sd.storage.config.StorageConfig;
import fi.sd.storage.s3.S3ClientProducer;
import fi.sd.storage.s3.S3Objects;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The storage outside a Quarkus application, on the same settings: for tools, tests and
 * benchmarks that read or check what the services stored. Close it to close its S3 client.
 */
public final class StandaloneStorage implements AutoCloseable {

    private final S3Client client;
    private final S3Objects s3;
    private final WorkspaceKeys keys;
    private final EncryptedObjectStore store;

    public StandaloneStorage(StorageConfig config) {
        this.client = S3ClientProducer.create(config);
        this.s3 = new S3Objects(client, config);
        this.keys = new WorkspaceKeys(s3, config, new ObjectMapper().findAndRegisterModules(), Clock.systemUTC());
        this.store = new EncryptedObjectStore(s3, keys, config, Clock.systemUTC());
    }

    public EncryptedObjectStore store() {
        return store;
    }

    public WorkspaceKeys keys() {
        return keys;
    }

    /** Creates the configured buckets where they are missing. */
    public StandaloneStorage withBuckets(StorageConfig config) {
        for (String bucket : new String[] { config.bucket(), config.keyBucket().orElse(config.bucket()) }) {
            if (!s3.bucketExists(bucket)) {
                s3.createBucket(bucket);
            }
        }
        return this;
    }

    @Override
    public void close() {
        client.close();
    }
}
