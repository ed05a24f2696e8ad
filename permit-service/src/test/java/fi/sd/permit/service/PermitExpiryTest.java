package fi.sd.permit.service;

import static fi.sd.permit.PermitApi.AINO;
import static fi.sd.permit.PermitApi.FINDATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fi.sd.events.EventType;
import fi.sd.permit.PermitApi;
import fi.sd.permit.PermitEvents;
import fi.sd.permit.PermitFixtures;
import fi.sd.permit.domain.Validity;
import fi.sd.testsupport.ServiceTestEnvironment;
import fi.sd.testsupport.TestClock;
import fi.sd.testsupport.TopicReader;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Expiry driven by the movable clock: the running scheduler warns once within the notice period
 * ({@code sd.permit.expiry.notice-days}, 30) and expires after the last valid day.
 */
@QuarkusTest
@WithTestResource(ServiceTestEnvironment.class)
class PermitExpiryTest {

    private static final int NOTICE_DAYS = 30;

    @Inject
    PermitExpiryJob job;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
        scheduler.resume("permit-expiry");
    }

    @Test
    void thePermitIsWarnedOfOnceWithinTheNoticePeriodAndExpiresAfterItsLastValidDay() {
        LocalDate today = Validity.today(TestClock.INSTANCE);
        LocalDate lastDay = today.plusDays(NOTICE_DAYS + 10);
        String id = PermitApi.record(FINDATA, PermitFixtures.validity(PermitFixtures.findataPermit(), today, lastDay));

        try (TopicReader reader = PermitEvents.reader()) {
            assertThat(reader.drain(PermitEvents.of(EventType.PERMIT_EXPIRING_SOON, id), PermitEvents.QUIET)).isEmpty();

            TestClock.INSTANCE.advance(Duration.ofDays(15));
            ConsumerRecord<String, String> warning = PermitEvents.exactly(reader, EventType.PERMIT_EXPIRING_SOON, id, 1).get(0);
            JsonNode notice = PermitEvents.assertCloudEvent(warning, EventType.PERMIT_EXPIRING_SOON, id);
            assertThat(notice.at("/validUntil").asText()).isEqualTo(lastDay.toString());
            LocalDate sentOn = Validity.dateAt(Instant.parse(notice.at("/occurredAt").asText()));
            assertThat(notice.at("/daysLeft").asInt()).isEqualTo(Validity.daysLeft(lastDay, sentOn)).isBetween(0, NOTICE_DAYS);
            PermitApi.get(AINO, "/api/v1/permits/" + id).statusCode(200).body("status", equalTo("ACTIVE"));

            TestClock.INSTANCE.advance(Duration.ofDays(26));
            ConsumerRecord<String, String> expiry = PermitEvents.exactly(reader, EventType.PERMIT_EXPIRED, id, 1).get(0);
            JsonNode expired = PermitEvents.assertCloudEvent(expiry, EventType.PERMIT_EXPIRED, id);
            assertThat(expired.at("/validUntil").asText()).isEqualTo(lastDay.toString());
            assertThat(Validity.dateAt(Instant.parse(expired.at("/occurredAt").asText()))).isAfter(lastDay);
            assertThat(reader.drain(PermitEvents.of(EventType.PERMIT_EXPIRING_SOON, id), PermitEvents.QUIET)).hasSize(1);
        }

        PermitApi.get(AINO, "/api/v1/permits/" + id).statusCode(200).body("status", equalTo("EXPIRED")).body("version", equalTo(1));
        PermitApi.amend(FINDATA, id, Map.of("reason", "Too late", "validUntil", lastDay.plusYears(1).toString())).statusCode(409);
        PermitApi.revoke(FINDATA, id, "Too late").statusCode(409);
    }

    @Test
    void anAmendmentThatMovesTheLastDayReArmsTheWarning() {
        LocalDate today = Validity.today(TestClock.INSTANCE);
        LocalDate lastDay = today.plusDays(NOTICE_DAYS + 10);
        LocalDate extended = lastDay.plusDays(60);
        String id = PermitApi.record(FINDATA, PermitFixtures.validity(PermitFixtures.findataPermit(), today, lastDay));

        try (TopicReader reader = PermitEvents.reader()) {
            TestClock.INSTANCE.advance(Duration.ofDays(15));
            PermitEvents.exactly(reader, EventType.PERMIT_EXPIRING_SOON, id, 1);

            PermitApi.amend(FINDATA, id, Map.of("reason", "Extended", "validUntil", extended.toString())).statusCode(201);
            assertThat(reader.drain(PermitEvents.of(EventType.PERMIT_EXPIRING_SOON, id), PermitEvents.QUIET)).hasSize(1);

            TestClock.INSTANCE.advance(Duration.ofDays(60));
            List<ConsumerRecord<String, String>> warnings = PermitEvents.exactly(reader, EventType.PERMIT_EXPIRING_SOON, id, 2);
            assertThat(warnings).extracting(r -> PermitEvents.body(r).at("/validUntil").asText())
                    .containsExactly(lastDay.toString(), extended.toString());
            assertThat(reader.drain(PermitEvents.of(EventType.PERMIT_EXPIRED, id), PermitEvents.QUIET)).isEmpty();
        }
    }

    @Test
    void twoReplicasRunningTheJobAtOnceEmitEachWarningAndEachExpiryOnce() throws Exception {
        LocalDate today = Validity.today(TestClock.INSTANCE);
        LocalDate lastDay = today.plusDays(NOTICE_DAYS + 20);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(PermitApi.record(FINDATA, PermitFixtures.validity(PermitFixtures.findataPermit(), today, lastDay)));
        }
        // Only the two "replicas" below run the job: the scheduled run waits.
        scheduler.pause("permit-expiry");

        TestClock.INSTANCE.advance(Duration.ofDays(25));
        List<PermitExpiryJob.Outcome> warned = runTwiceAtOnce();
        assertThat(warned.get(0).announced() + warned.get(1).announced()).isGreaterThanOrEqualTo(ids.size());

        TestClock.INSTANCE.advance(Duration.ofDays(26));
        List<PermitExpiryJob.Outcome> expired = runTwiceAtOnce();
        assertThat(expired.get(0).expired() + expired.get(1).expired()).isGreaterThanOrEqualTo(ids.size());

        try (TopicReader reader = PermitEvents.reader()) {
            PermitEvents.exactlyOnceEach(reader, EventType.PERMIT_EXPIRING_SOON, ids);
            PermitEvents.exactlyOnceEach(reader, EventType.PERMIT_EXPIRED, ids);
        }
    }

    private List<PermitExpiryJob.Outcome> runTwiceAtOnce() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<PermitExpiryJob.Outcome> replica = () -> {
            start.await();
            return job.run();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<PermitExpiryJob.Outcome>> runs = List.of(pool.submit(replica), pool.submit(replica));
            start.countDown();
            return List.of(runs.get(0).get(), runs.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }
}
