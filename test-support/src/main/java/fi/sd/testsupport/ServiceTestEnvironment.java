package fi.sd.testsupport;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What a service's {@code @QuarkusTest}s run against: a real Kafka broker, a fresh PostgreSQL
 * database and the test signing key. Put {@code @WithTestResource(ServiceTestEnvironment.class)} on
 * every test class of a module so that Quarkus boots the service once for all of them.
 * Pass {@code database=false} (via {@code initArgs}) for a service without a database.
 */
public class ServiceTestEnvironment implements QuarkusTestResourceLifecycleManager {

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
        if (database) {
            config.put("quarkus.datasource.jdbc.url", PostgresTestDatabase.jdbcUrl(Path.of("").toAbsolutePath().getFileName().toString()));
            config.put("quarkus.datasource.username", PostgresTestDatabase.user());
            config.put("quarkus.datasource.password", PostgresTestDatabase.password());
        }
        return config;
    }

    @Override
    public void stop() {
        // The broker and the database live as long as the test JVM: Quarkus may boot the service again.
    }
}
