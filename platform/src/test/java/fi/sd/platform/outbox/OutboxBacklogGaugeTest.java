package fi.sd.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The backlog gauge while the database comes and goes (the logging provider is JUL in this module's tests: see its pom). */
class OutboxBacklogGaugeTest {

    private static final Logger LOG = Logger.getLogger(OutboxBacklogGauge.class.getName());

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final AtomicReference<RuntimeException> database = new AtomicReference<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private long rows = 7;

    @BeforeEach
    void captureTheLog() {
        LOG.addHandler(capture);
    }

    @AfterEach
    void releaseTheLog() {
        LOG.removeHandler(capture);
    }

    @Test
    void whileTheDatabaseIsDownTheGaugeIsNaNAndOneWarningIsLogged() {
        OutboxBacklogGauge gauge = new OutboxBacklogGauge(() -> {
            if (database.get() != null) {
                throw database.get();
            }
            return rows;
        }, registry);
        assertThat(gauge()).isNaN();

        gauge.refresh();
        assertThat(gauge()).isEqualTo(7.0);

        database.set(new IllegalStateException("Acquisition timeout while waiting for new connection"));
        gauge.refresh();
        gauge.refresh();
        gauge.refresh();
        assertThat(gauge()).isNaN();
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(logged.get(0).getMessage()).contains("sd_outbox_backlog is NaN").contains("Acquisition timeout");

        database.set(null);
        rows = 3;
        gauge.refresh();
        assertThat(gauge()).isEqualTo(3.0);
        assertThat(logged).hasSize(2);
        assertThat(logged.get(1).getLevel()).isEqualTo(Level.INFO);

        database.set(new IllegalStateException("down again"));
        gauge.refresh();
        assertThat(gauge()).isNaN();
        assertThat(logged).hasSize(3);
        assertThat(logged.get(2).getLevel()).isEqualTo(Level.WARNING);
    }

    private double gauge() {
        return registry.get("sd.outbox.backlog").gauge().value();
    }
}
