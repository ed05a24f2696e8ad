package fi.sd.storage.config;

import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;

/** Storage settings as values, for the storage outside a Quarkus application ({@code StandaloneStorage}): tools, tests, benchmarks. */
public record StorageSettings(
        Optional<URI> endpoint,
        String region,
        String bucket,
        Optional<String> keyBucket,
        boolean pathStyle,
        Optional<String> accessKey,
        Optional<String> secretKey,
        String masterKey,
        Optional<List<String>> previousMasterKeys,
        MemorySize partSize,
        boolean createBuckets,
        MemorySize maxFileSize,
        MemorySize maxJsonBodySize) implements StorageConfig {

    /** An S3-compatible endpoint with path-style addressing, one bucket for files and keys, the defaults otherwise. */
    public static StorageSettings of(String endpoint, String accessKey, String secretKey, String bucket, String masterKey) {
        return new StorageSettings(Optional.of(URI.create(endpoint)), "us-east-1", bucket, Optional.empty(), true, Optional.of(accessKey),
                Optional.of(secretKey), masterKey, Optional.empty(), bytes(64L << 20), true, bytes(100L << 30), bytes(10L << 20));
    }

    /** The same with another master key, and earlier ones that still unwrap. */
    public StorageSettings withMasterKeys(String current, List<String> previous) {
        return new StorageSettings(endpoint, region, bucket, keyBucket, pathStyle, accessKey, secretKey, current, Optional.of(previous),
                partSize, createBuckets, maxFileSize, maxJsonBodySize);
    }

    /** The same with another part size (at least 5 MiB). */
    public StorageSettings withPartSize(long partBytes) {
        return new StorageSettings(endpoint, region, bucket, keyBucket, pathStyle, accessKey, secretKey, masterKey, previousMasterKeys,
                bytes(partBytes), createBuckets, maxFileSize, maxJsonBodySize);
    }

    private static MemorySize bytes(long bytes) {
        return new MemorySize(BigInteger.valueOf(bytes));
    }
}
