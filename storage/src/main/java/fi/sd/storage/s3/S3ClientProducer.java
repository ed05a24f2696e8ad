package fi.sd.storage.s3;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import fi.sd.storage.config.StorageConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 client: the AWS SDK's synchronous client on Apache HttpClient (blocking I/O on the
 * caller's worker thread, nothing shared with Quarkus's event loops). Checksums only where S3
 * requires them, and there as Content-MD5: every object is authenticated by its own encryption,
 * and S3-compatible servers (Ceph, S3Proxy) do not all know the newer checksum headers.
 */
@ApplicationScoped
public class S3ClientProducer {

    @Produces
    @Singleton
    S3Client s3(StorageConfig config) {
        return create(config);
    }

    /** A client for {@code config}, also outside a Quarkus application (tools, tests, benchmarks). */
    public static S3Client create(StorageConfig config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle())
                .credentialsProvider(credentials(config))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .addPlugin(LegacyMd5Plugin.create())
                .httpClient(ApacheHttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofMinutes(2))
                        .build());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes S3Client s3) {
        s3.close();
    }

    private static AwsCredentialsProvider credentials(StorageConfig config) {
        if (config.accessKey().isPresent() && config.secretKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
