package fi.sd.testsupport;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What a service's {@code @QuarkusTest}s run against: a real Kafka broker, a fresh PostgreSQL
 * database, the test signing key, and for a service that stores files (the storage module on its
 * class path) a real S3 server with a master key of the test JVM. Put
 * {@code @WithTestResource(ServiceTestEnvironment.class)} on every test class of a module so that
 * Quarkus boots the service once for all of them.
 * Pass {@code database=false} (via {@code initArgs}) for a service without a database.
 */
public class ServiceTestEnvironment implements QuarkusTestResourceLifecycleManager {

    /** The master key of this test JVM's storage: tests that read the stored objects themselves need it. */
    public static final String STORAGE_MASTER_KEY = Base64.getEncoder().encodeToString(randomKey());
    public static final String STORAGE_BUCKET = "sd-test";

    private boolean database = true;

    @Override
    public void init(Map<String, String> initArgs) {
        database = !"false".equals(initArgs.get("database"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", KafkaTestBroker.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        if (storesFiles()) {
            config.putAll(S3TestServer.shared().storageConfig(STORAGE_BUCKET, STORAGE_MASTER_KEY));
        }
        if (database) {
            config.put("quarkus.datasource.jdbc.url", PostgresTestDatabase.jdbcUrl(Path.of("").toAbsolutePath().getFileName().toString()));
            config.put("quarkus.datasource.username", PostgresTestDatabase.user());
            config.put("quarkus.datasource.password", PostgresTestDatabase.password());
        }
        return config;
    }

    private static boolean storesFiles() {
        try {
            Class.forName("fi.sd.storage.EncryptedObjectStore", false, ServiceTestEnvironment.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public void stop() {
        // The broker and the database live as long as the test JVM: Quarkus may boot the service again.
    }
}
