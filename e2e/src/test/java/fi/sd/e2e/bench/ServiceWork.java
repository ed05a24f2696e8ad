package fi.sd.e2e.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fi.sd.e2e.E2eSystem;
import fi.sd.e2e.Metrics;

/**
 * What each consuming service did between two snapshots of its {@code /q/metrics}: events consumed
 * ({@code sd_events_consumed_total}), JDBC statements Hibernate prepared ({@code hibernate_statements_total{status="prepared"}};
 * a JDBC batch is one) and transactions ({@code hibernate_transactions_total}). Every statement of the service counts,
 * the relay's and the scheduled jobs' too, so statements per event is what an event costs the service in all.
 */
final class ServiceWork {

    static final List<String> CONSUMERS = List.of(E2eSystem.PERMIT, E2eSystem.APPLY, E2eSystem.DESKTOP);

    record Counts(double events, double statements, double transactions) {

        Counts minus(Counts before) {
            return new Counts(events - before.events, statements - before.statements, transactions - before.transactions);
        }
    }

    private final E2eSystem system;
    private final Map<String, Counts> before = new LinkedHashMap<>();
    private final Map<String, Counts> done = new LinkedHashMap<>();
    private long from;
    private double seconds;

    ServiceWork(E2eSystem system) {
        this.system = system;
    }

    void start() {
        for (String service : CONSUMERS) {
            before.put(service, read(service));
        }
        from = System.nanoTime();
    }

    void stop() {
        seconds = (System.nanoTime() - from) / 1e9;
        for (String service : CONSUMERS) {
            done.put(service, read(service).minus(before.get(service)));
        }
    }

    /** One row per service: events consumed, events per second from start to stop, statements and transactions per event. */
    void report(Report report) {
        report.table("service", "events consumed", "events per s", "statements per event", "transactions per event");
        done.forEach((service, counts) -> report.row(service, String.format("%.0f", counts.events()),
                String.format("%.1f", counts.events() / seconds), perEvent(counts.statements(), counts.events()),
                perEvent(counts.transactions(), counts.events())));
    }

    private Counts read(String service) {
        String url = system.service(service).managementUrl();
        return new Counts(Metrics.sum(url, "sd_events_consumed_total", ""),
                Metrics.sum(url, "hibernate_statements_total", "status=\"prepared\""),
                Metrics.sum(url, "hibernate_transactions_total", ""));
    }

    private static String perEvent(double count, double events) {
        return events == 0 ? "-" : String.format("%.1f", count / events);
    }
}
