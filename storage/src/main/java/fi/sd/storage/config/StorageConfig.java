package fi.sd.storage.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where files are stored and how they are protected ({@code sd.storage.*}; environment:
 * {@code SD_STORAGE_*}). Any S3 endpoint works: AWS, Allas, Ceph's RADOS Gateway, MinIO, S3Proxy.
 */
@ConfigMapping(prefix = "sd.storage")
public interface StorageConfig {

    /** The S3 endpoint, e.g. {@code https://a3s.fi} for Allas; none: AWS's endpoint for the region. */
    Optional<URI> endpoint();

    /** The signing region; S3-compatible servers mostly accept any. */
    @WithDefault("us-east-1")
    String region();

    /** The bucket of the encrypted files. */
    String bucket();

    /**
     * The bucket of the wrapped workspace keys; none: the files' bucket. Versioning must be off in it
     * (or noncurrent versions expire at once): a destroyed key must not survive as an old version.
     */
    Optional<String> keyBucket();

    /** Path-style addressing ({@code endpoint/bucket/key}), as Allas, Ceph and S3Proxy expect; false: virtual-hosted style. */
    @WithDefault("true")
    boolean pathStyle();

    /** The access key; none (with no secret key): the AWS SDK's default credential chain. */
    Optional<String> accessKey();

    Optional<String> secretKey();

    /** The master key: 32 random bytes, base64. It wraps every workspace key; it never leaves the service's memory. */
    String masterKey();

    /** Earlier master keys (base64, comma-separated) that still unwrap workspace keys while they are rotated. */
    Optional<List<String>> previousMasterKeys();

    /** Objects larger than this are uploaded in parts of this size (5 MiB to 5 GiB); parts stream, none is buffered. */
    @WithDefault("64M")
    MemorySize partSize();

    /** Create the buckets at start-up when they are missing: for the local run and tests; in production the operator provides them. */
    @WithDefault("false")
    boolean createBuckets();

    /** The largest file a service accepts ({@code application/octet-stream} request bodies); 413 beyond. */
    @WithDefault("100G")
    MemorySize maxFileSize();

    /** The largest request body of any other type (JSON); 413 beyond. */
    @WithDefault("10M")
    MemorySize maxJsonBodySize();
}
