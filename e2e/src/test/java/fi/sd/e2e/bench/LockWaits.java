package fi.sd.e2e.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Samples a service's database connections every 100 ms (PostgreSQL's {@code pg_stat_activity}): how often one waits
 * on a lock, and on which table (the first the waiting statement names: a row lock shows only as the holder's
 * transaction id in {@code pg_locks}). A hot row, one that every writer locks, shows as waits on its table. Optionally
 * pins the database's backends to some CPUs as they appear (a connection pool opens them lazily).
 */
final class LockWaits implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|update|into)\\s+([a-z_][a-z0-9_]*)");
    private static final String ACTIVITY = "SELECT pid, state = 'active', wait_event_type = 'Lock', query FROM pg_stat_activity "
            + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'";

    private final Connection connection;
    private final Optional<String> backendCpus;
    private final Set<Long> pinned = new HashSet<>();
    private final Map<String, Long> waitsByTable = new TreeMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private long samples;
    private long samplesWithWait;
    private long activeBackends;
    private long waitingBackends;
    private SQLException failure;

    private LockWaits(Connection connection, Optional<String> backendCpus) {
        this.connection = connection;
        this.backendCpus = backendCpus;
        this.sampler = new Thread(this::sampleUntilClosed, "lock-wait-sampler");
    }

    /** Starts sampling {@code connection}'s database; the connection is closed with this. */
    static LockWaits sample(Connection connection, Optional<String> backendCpus) {
        LockWaits waits = new LockWaits(connection, backendCpus);
        waits.sampler.start();
        return waits;
    }

    private void sampleUntilClosed() {
        try (PreparedStatement statement = connection.prepareStatement(ACTIVITY)) {
            while (running) {
                sampleOnce(statement);
                TimeUnit.MILLISECONDS.sleep(INTERVAL.toMillis());
            }
        } catch (SQLException e) {
            synchronized (this) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sampleOnce(PreparedStatement statement) throws SQLException {
        boolean waited = false;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long pid = rows.getLong(1);
                backendCpus.filter(cpus -> pinned.add(pid)).ifPresent(cpus -> CpuPinning.pin(pid, cpus));
                synchronized (this) {
                    activeBackends += rows.getBoolean(2) ? 1 : 0;
                    if (rows.getBoolean(3)) {
                        waited = true;
                        waitingBackends++;
                        Matcher table = TABLE.matcher(String.valueOf(rows.getString(4)));
                        waitsByTable.merge(table.find() ? table.group(1) : "?", 1L, Long::sum);
                    }
                }
            }
        }
        synchronized (this) {
            samples++;
            samplesWithWait += waited ? 1 : 0;
        }
    }

    /** The backends pinned so far, so that they can be given every CPU back. */
    Set<Long> pinnedBackends() {
        return Set.copyOf(pinned);
    }

    /** For the report: e.g. {@code 12 of 480 samples; 15 of 900 busy connections, on audit_head 15}. */
    synchronized String summary() {
        if (failure != null) {
            return "not sampled (" + failure.getMessage() + ")";
        }
        String tables = waitsByTable.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return String.format("%d of %d samples; %d of %d busy connections%s", samplesWithWait, samples, waitingBackends, activeBackends,
                tables.isEmpty() ? "" : ", on " + tables);
    }

    synchronized long waitingBackends() {
        return waitingBackends;
    }

    synchronized long activeBackends() {
        return activeBackends;
    }

    /** Rows updated in {@code table} so far (PostgreSQL's statistics, which lag a backend's work by at most a second). */
    static long rowsUpdated(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(sum(n_tup_upd), 0) FROM pg_stat_user_tables WHERE relname = ?")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        sampler.interrupt();
        sampler.join(TimeUnit.SECONDS.toMillis(10));
        connection.close();
    }
}
