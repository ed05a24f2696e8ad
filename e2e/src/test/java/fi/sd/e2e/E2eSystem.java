package fi.sd.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fi.sd.storage.StandaloneStorage;
import fi.sd.storage.config.StorageSettings;
import fi.sd.storage.crypto.MasterKeys;
import fi.sd.testsupport.PostgresTestDatabase;
import fi.sd.testsupport.S3TestServer;

/**
 * The whole system as 'bin/sd up' runs it, but on PostgreSQL and on free ports: Keycloak, the Kafka broker
 * and the four services, each a process of its own, started once for all the end-to-end tests of a JVM, and
 * the web front end once a test asks for it ({@link #web()}).
 * Each service gets a fresh database (dropped at the end) from the role that 'bin/sd test' provides, and
 * trusts the tokens of the run's Keycloak ({@link #tokens()} signs people in). Time can be moved forward
 * for every process at once through the clock offset file.
 */
public final class E2eSystem {

    public static final String PERMIT = "permit-service";
    public static final String APPLY = "apply-service";
    public static final String DESKTOP = "desktop-service";
    public static final String GATEWAY = "gateway";
    public static final String WEB = "web";
    private static final List<String> SERVICES = List.of(PERMIT, APPLY, DESKTOP, GATEWAY);
    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    /** The services' bucket in the system's S3 server. */
    public static final String BUCKET = "sd-e2e";

    private static E2eSystem instance;
    private final String masterKey = MasterKeys.generate();
    private S3TestServer s3;
    /** Where every process sends its traces, unless -Dsd.e2e.tracing=false (the benchmarks' default: no OTLP endpoint). */
    private final OtlpReceiver traces = Boolean.parseBoolean(System.getProperty("sd.e2e.tracing", "true")) ? OtlpReceiver.start() : null;

    private final Path root = Path.of(System.getProperty("sd.root", "..")).toAbsolutePath().normalize();
    private final Path runDirectory;
    private final Map<String, String> databases = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, Integer> managementPorts = new HashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final int webPort = FreePorts.next();
    private final int webManagementPort = FreePorts.next();
    private ServiceProcess web;
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private final Path clockOffsetFile;
    private final KafkaBrokerProcess broker;
    private final KeycloakProcess keycloak;
    private final KeycloakAdmin keycloakAdmin;
    private final KeycloakTokens tokens;
    private Duration clockOffset = Duration.ZERO;
    private int replicaCount;

    private E2eSystem() {
        try {
            runDirectory = Files.createDirectories(root.resolve("e2e/target/e2e-run").resolve(Long.toString(System.currentTimeMillis())));
            clockOffsetFile = runDirectory.resolve("clock-offset");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String service : SERVICES) {
            ports.put(service, FreePorts.next());
            managementPorts.put(service, FreePorts.next());
        }
        broker = new KafkaBrokerProcess(root, runDirectory.resolve("kafka"));
        keycloak = new KeycloakProcess(root, runDirectory.resolve("keycloak"), webUrl());
        keycloakAdmin = new KeycloakAdmin(keycloak);
        tokens = new KeycloakTokens(keycloak, keycloakAdmin);
    }

    /** The running system, started on first use. */
    public static synchronized E2eSystem get() {
        if (instance == null) {
            E2eSystem system = new E2eSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(system::shutdown, "e2e-system-shutdown"));
            system.start();
            instance = system;
        }
        return instance;
    }

    private void start() {
        // Keycloak takes longest and the services need it only for the first token: it starts meanwhile.
        keycloak.start();
        for (String service : List.of(PERMIT, APPLY, DESKTOP)) {
            databases.put(service, PostgresTestDatabase.createDatabase("e2e_" + service.replace("-service", "")));
        }
        broker.start();
        s3 = S3TestServer.start(runDirectory.resolve("s3"));
        // The services start one after the other: on two cores, starting them together only makes each slower.
        for (String service : SERVICES) {
            services.put(service, process(service, service, ports.get(service), managementPorts.get(service)).start());
        }
        keycloak.awaitReady();
    }

    /**
     * The web front end, started on first use (after Keycloak, whose configuration it reads at its start): the
     * browser tests and the page benchmark need it, the other scenarios do not.
     */
    public synchronized ServiceProcess web() {
        if (web == null) {
            Map<String, String> env = new HashMap<>();
            env.put("SD_WEB_GATEWAY_URL", gatewayUrl());
            env.put("SD_WEB_OIDC_URL", keycloak.realmUrl());
            env.put("SD_WEB_CLIENT_SECRET", keycloak.webClientSecret());
            env.put("SD_WEB_SESSION_SECRET", KeycloakProcess.randomSecret());
            env.put("SD_WEB_DESKTOP_ORIGIN", "http://localhost:" + ports.get(GATEWAY));
            web = new ServiceProcess(WEB, WEB, root, app(WEB), webPort, webManagementPort, env,
                    runDirectory.resolve("logs"))
                    .start();
        }
        return web;
    }

    /** Where a browser reaches the web front end: {@code localhost}, as the realm's sd-web client knows it. */
    public String webUrl() {
        return "http://localhost:" + webPort;
    }

    private Path app(String module) {
        Path app = root.resolve(module).resolve("target/quarkus-app");
        if (!Files.exists(app.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(app + "/quarkus-run.jar is missing: the end-to-end tests run after 'mvn package' of the services");
        }
        return app;
    }

    private ServiceProcess process(String service, String instanceName, int port, int managementPort) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("SD_JWT_PUBLIC_KEY_LOCATION", keycloak.jwksUrl());
        env.put("SD_JWT_ISSUER", keycloak.realmUrl());
        env.put("SD_JWT_AUDIENCE", KeycloakTokens.AUDIENCE);
        env.put("SD_CLOCK_OFFSET_FILE", clockOffsetFile.toString());
        env.put("SD_STORAGE_ENDPOINT", s3.endpoint());
        env.put("SD_STORAGE_ACCESS_KEY", s3.accessKey());
        env.put("SD_STORAGE_SECRET_KEY", s3.secretKey());
        env.put("SD_STORAGE_BUCKET", BUCKET);
        env.put("SD_STORAGE_CREATE_BUCKETS", "true");
        env.put("SD_STORAGE_MASTER_KEY", masterKey);
        if (traces != null) {
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint());
            env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        }
        env.put("PERMIT_SERVICE_URL", "http://127.0.0.1:" + ports.get(PERMIT));
        env.put("APPLY_SERVICE_URL", "http://127.0.0.1:" + ports.get(APPLY));
        env.put("DESKTOP_SERVICE_URL", "http://127.0.0.1:" + ports.get(DESKTOP));
        env.put("PERMIT_SERVICE_MANAGEMENT_URL", "http://127.0.0.1:" + managementPorts.get(PERMIT));
        env.put("APPLY_SERVICE_MANAGEMENT_URL", "http://127.0.0.1:" + managementPorts.get(APPLY));
        env.put("DESKTOP_SERVICE_MANAGEMENT_URL", "http://127.0.0.1:" + managementPorts.get(DESKTOP));
        // The expiry scheduler keeps up with a clock that the tests move by days.
        env.put("SD_PERMIT_EXPIRY_INTERVAL", "1s");
        // One load generator with one token drives the benchmarks: the per-caller limit is not what they measure.
        env.put("SD_GATEWAY_RATE_LIMIT_PER_SECOND", "1000000");
        env.put("SD_GATEWAY_RATE_LIMIT_BURST", "1000000");
        // A locked workspace is purged seconds later, so that the Findata scenario sees the purge.
        env.put("SD_DESKTOP_RETENTION", "5s");
        env.put("SD_DESKTOP_PURGE_INTERVAL", "1s");
        // Real desktops, as bin/sd up runs them (the local provider), with their state in this run's folder and uids
        // of their own; the viewer is the gateway's.
        env.put("SD_DESKTOP_PROVIDER_KIND", "local");
        env.put("SD_DESKTOP_PROVIDER_LOCAL_STATE_DIR", desktopStateDirectory().toString());
        env.put("SD_DESKTOP_PROVIDER_LOCAL_UID_BASE", "240000");
        env.put("SD_DESKTOP_PROVIDER_POLL_INTERVAL", "1s");
        env.put("SD_DESKTOP_PROVIDER_HEALTH_INTERVAL", "2s");
        env.put("SD_DESKTOP_SESSIONS_CONNECT_URL", "http://localhost:" + ports.get(GATEWAY) + "/desktop/connect");
        // The web's session page frames the gateway's desktop viewer.
        env.put("SD_GATEWAY_CORS_ORIGINS", webUrl());
        // A session outlives its sign-in's last token by seconds, so that the revocation scenario sees it end.
        env.put("SD_DESKTOP_SESSIONS_SIGN_IN_GRACE", "2s");
        env.put("SD_DESKTOP_SESSIONS_EXPIRY_INTERVAL", "1s");
        if (databases.containsKey(service)) {
            env.put("DB_URL", databases.get(service));
            env.put("DB_USER", PostgresTestDatabase.user());
            env.put("DB_PASSWORD", PostgresTestDatabase.password());
        }
        return new ServiceProcess(service, instanceName, root, app(service), port, managementPort, env,
                runDirectory.resolve("logs"));
    }

    /**
     * Where the local provider keeps the desktops' records, homes and releases (servers/{desktopId}/server.json):
     * in the run's folder when the desktops' own uids can pass through every folder above it, else under /var/tmp
     * (a checkout under a home of mode 0700, say).
     */
    public Path desktopStateDirectory() {
        for (Path dir = runDirectory; dir != null; dir = dir.getParent()) {
            try {
                if (Files.exists(dir) && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return Path.of("/var/tmp", "sd-e2e-desktops-" + runDirectory.getFileName());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return runDirectory.resolve("desktops");
    }

    /** How far the services' clock has been moved ahead of the real one. */
    public synchronized Duration clockOffset() {
        return clockOffset;
    }

    /** The checkout the system runs from. */
    public Path root() {
        return root;
    }

    public String gatewayUrl() {
        return services.get(GATEWAY).url();
    }

    /** The four services' first processes, in start order. */
    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** The OTLP receiver every process exports its traces to. */
    OtlpReceiver traces() {
        if (traces == null) {
            throw new IllegalStateException("Tracing is off in this run (-Dsd.e2e.tracing=false)");
        }
        return traces;
    }

    public KafkaBrokerProcess broker() {
        return broker;
    }

    public KeycloakProcess keycloak() {
        return keycloak;
    }

    /** Keycloak's admin API on the sd realm: users, logout, disabling, keys, token lifespan. */
    public KeycloakAdmin keycloakAdmin() {
        return keycloakAdmin;
    }

    /** Tokens from Keycloak for anyone the tests name: {@code system.tokens().user("mikko", "researcher").mfa().bearer()}. */
    public KeycloakTokens tokens() {
        return tokens;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Another process of the same service, on the same database and broker; stopped at the end of the run at the latest. */
    public ServiceProcess startReplica(String service) {
        return newReplica(service).start();
    }

    /** As {@link #startReplica(String)}, kept on the CPUs listed (see {@link ServiceProcess#startOn}). */
    public ServiceProcess startReplicaOn(String service, String cpus) {
        return newReplica(service).startOn(cpus);
    }

    private synchronized ServiceProcess newReplica(String service) {
        replicaCount++;
        ServiceProcess replica = process(service, service + "-replica-" + replicaCount, FreePorts.next(), FreePorts.next());
        replicas.add(replica);
        return replica;
    }

    /** Moves every service's clock (and {@link #today()}) forward. */
    public synchronized void advanceClock(Duration by) {
        clockOffset = clockOffset.plus(by);
        try {
            Path next = runDirectory.resolve("clock-offset.next");
            Files.writeString(next, clockOffset.toString());
            Files.move(next, clockOffsetFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The date in Helsinki on the services' clock. */
    public synchronized LocalDate today() {
        return LocalDate.now(Clock.offset(Clock.systemUTC(), clockOffset).withZone(HELSINKI));
    }

    /** The storage as the services see it (same S3 server, bucket and master key), for reading back what they stored. Close it. */
    public StandaloneStorage storage() {
        return new StandaloneStorage(StorageSettings.of(s3.endpoint(), s3.accessKey(), s3.secretKey(), BUCKET, masterKey));
    }

    /** Where the S3 server keeps the services' objects, one file each (for looking at the bytes at rest). */
    public Path storedObjects() {
        return s3.dataDir().resolve(BUCKET);
    }

    /** A connection to a service's own database, for counting what the tests cannot see through the API. */
    public Connection database(String service) throws SQLException {
        return DriverManager.getConnection(databases.get(service), PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    private void shutdown() {
        if (web != null) {
            web.stop();
        }
        replicas.forEach(ServiceProcess::stop);
        List<ServiceProcess> running = new ArrayList<>(services.values());
        Collections.reverse(running);
        running.forEach(ServiceProcess::stop);
        broker.stop();
        keycloak.stop();
        if (s3 != null) {
            s3.close();
        }
        if (traces != null) {
            traces.close();
        }
    }
}
