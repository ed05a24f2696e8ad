package fi.sd.storage.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import fi.sd.storage.config.StorageConfig;
import fi.sd.storage.s3.S3Objects;

/** Ready only while the object store answers and holds the configured buckets. */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    private final S3Objects s3;
    private final StorageConfig config;

    @Inject
    public StorageReadiness(S3Objects s3, StorageConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("object storage");
        try {
            String keyBucket = config.keyBucket().orElse(config.bucket());
            boolean up = s3.bucketExists(config.bucket()) && s3.bucketExists(keyBucket);
            return response.status(up).withData("bucket", config.bucket()).withData("keyBucket", keyBucket).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
