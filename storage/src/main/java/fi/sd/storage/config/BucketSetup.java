package fi.sd.storage.config;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fi.sd.storage.s3.S3Objects;
import io.quarkus.runtime.StartupEvent;

/**
 * At start-up: creates the buckets where asked to (local run, tests), and warns loudly when the
 * key bucket keeps old versions, which would keep destroyed workspace keys readable. On a thread of
 * its own: building the S3 client and the round trips to the store took a quarter of the main
 * thread's start-up, and readiness ({@code StorageReadiness}) reports the store as down until the
 * buckets answer anyway.
 */
@ApplicationScoped
public class BucketSetup {

    private static final Logger LOG = Logger.getLogger(BucketSetup.class);

    private final S3Objects s3;
    private final StorageConfig config;

    @Inject
    public BucketSetup(S3Objects s3, StorageConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        Thread setup = new Thread(this::setUp, "bucket-setup");
        setup.setDaemon(true);
        setup.start();
    }

    private void setUp() {
        String keyBucket = config.keyBucket().orElse(config.bucket());
        Set<String> buckets = new LinkedHashSet<>();
        buckets.add(config.bucket());
        buckets.add(keyBucket);
        try {
            if (config.createBuckets()) {
                for (String bucket : buckets) {
                    if (!s3.bucketExists(bucket)) {
                        s3.createBucket(bucket);
                        LOG.infof("Created bucket %s", bucket);
                    }
                }
            }
            if (s3.keepsOldVersions(keyBucket)) {
                LOG.errorf("Bucket %s keeps old object versions: a destroyed workspace key would survive as an old version. "
                        + "Turn versioning off there, or keep the keys in a bucket of their own (SD_STORAGE_KEY_BUCKET)", keyBucket);
            }
        } catch (RuntimeException e) {
            // The readiness check reports the store as down until it answers.
            LOG.warnf("Object storage not ready at start-up: %s", e.getMessage());
        }
    }
}
