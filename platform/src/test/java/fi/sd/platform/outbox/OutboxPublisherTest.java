package fi.sd.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class OutboxPublisherTest {

    /** Refuses, at once, the record whose value is "refused", as a producer without metadata does. */
    private static final class RefusingProducer extends MockProducer<String, String> {
        RefusingProducer() {
            super(true, null, new StringSerializer(), new StringSerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
            if ("refused".equals(record.value())) {
                return CompletableFuture.failedFuture(new TimeoutException("Topic not present in metadata after 10000 ms"));
            }
            return super.send(record);
        }
    }

    @Test
    void nothingIsSentAfterARecordTheProducerRefusedSoThatNoEventOvertakesAnEarlierOne() {
        RefusingProducer producer = new RefusingProducer();
        List<ProducerRecord<String, String>> records = List.of(
                new ProducerRecord<>("sd.permit.events", "permit-1", "granted 1"),
                new ProducerRecord<>("sd.permit.events", "permit-2", "refused"),
                new ProducerRecord<>("sd.permit.events", "permit-2", "amended 2"),
                new ProducerRecord<>("sd.permit.events", "permit-3", "granted 3"));

        List<Future<RecordMetadata>> sent = OutboxPublisher.sendInOrder(producer, records);

        assertThat(sent).hasSize(2);
        assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("granted 1");
    }

    @Test
    void everyRecordIsSentWhenNoneIsRefused() {
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        List<ProducerRecord<String, String>> records = List.of(
                new ProducerRecord<>("sd.permit.events", "permit-1", "granted 1"),
                new ProducerRecord<>("sd.permit.events", "permit-1", "amended 1"));

        assertThat(OutboxPublisher.sendInOrder(producer, records)).hasSize(2);
        assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("granted 1", "amended 1");
    }
}
