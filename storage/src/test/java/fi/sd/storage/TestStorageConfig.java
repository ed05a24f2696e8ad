package fi.sd.storage;

import java.math.BigInteger;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import fi.sd.storage.config.StorageConfig;
import fi.sd.testsupport.S3TestServer;
import io.quarkus.runtime.configuration.MemorySize;

/** Storage settings for a test: the test JVM's S3 server, a bucket, a master key (and earlier ones), small parts. */
record TestStorageConfig(S3TestServer server, String bucket, String masterKey, List<String> earlierMasterKeys, long partBytes)
        implements StorageConfig {

    static final long MIN_PART_BYTES = 5L * 1024 * 1024;

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(URI.create(server.endpoint()));
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public Optional<String> keyBucket() {
        return Optional.empty();
    }

    @Override
    public boolean pathStyle() {
        return true;
    }

    @Override
    public Optional<String> accessKey() {
        return Optional.of(server.accessKey());
    }

    @Override
    public Optional<String> secretKey() {
        return Optional.of(server.secretKey());
    }

    @Override
    public Optional<List<String>> previousMasterKeys() {
        return Optional.of(earlierMasterKeys);
    }

    @Override
    public MemorySize partSize() {
        return new MemorySize(BigInteger.valueOf(partBytes));
    }

    @Override
    public boolean createBuckets() {
        return true;
    }

    @Override
    public MemorySize maxFileSize() {
        return new MemorySize(BigInteger.valueOf(1L << 40));
    }

    @Override
    public MemorySize maxJsonBodySize() {
        return new MemorySize(BigInteger.valueOf(10L << 20));
    }
}
