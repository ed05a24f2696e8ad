package fi.sd.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import fi.sd.events.MalformedEventException;

class CloudEventCodecTest {

    private static final CloudEvent EVENT = new CloudEvent("0b6f7c5e-3f1c-4d2b-9a57-0c2b1e8d4f10", "fi.sd.PermitGranted.v1",
            "urn:sd:permit-service", "permit-1", Instant.parse("2026-11-28T10:15:30Z"),
            "https://schemas.sd.fi/events/v1/PermitGranted.json", "req-42", "{\"permit\":{}}");

    @Test
    void writesTheAttributesAsBinaryModeHeaders() {
        ProducerRecord<String, String> record = CloudEventCodec.toRecord("sd.permit.events", "permit-1", EVENT);

        assertThat(record.key()).isEqualTo("permit-1");
        assertThat(record.value()).isEqualTo(EVENT.data());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isEqualTo(EVENT.id());
        assertThat(header(record, "ce_type")).isEqualTo("fi.sd.PermitGranted.v1");
        assertThat(header(record, "ce_source")).isEqualTo("urn:sd:permit-service");
        assertThat(header(record, "ce_subject")).isEqualTo("permit-1");
        assertThat(header(record, "ce_time")).isEqualTo("2026-11-28T10:15:30Z");
        assertThat(header(record, "ce_dataschema")).isEqualTo(EVENT.dataSchema());
        assertThat(header(record, "ce_requestid")).isEqualTo("req-42");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    @Test
    void readsBackWhatItWrote() {
        ProducerRecord<String, String> written = CloudEventCodec.toRecord("sd.permit.events", "permit-1", EVENT);

        assertThat(CloudEventCodec.fromRecord(consumed(written))).isEqualTo(EVENT);
    }

    @Test
    void optionalAttributesMayBeAbsent() {
        CloudEvent minimal = new CloudEvent("id-1", "fi.sd.PermitExpired.v1", "urn:sd:permit-service", null,
                Instant.parse("2026-11-28T10:15:30Z"), null, null, "{}");
        ProducerRecord<String, String> written = CloudEventCodec.toRecord("sd.permit.events", "permit-1", minimal);

        assertThat(written.headers().lastHeader("ce_subject")).isNull();
        assertThat(CloudEventCodec.fromRecord(consumed(written))).isEqualTo(minimal);
    }

    @Test
    void aRecordWithoutCloudEventHeadersIsMalformed() {
        ConsumerRecord<String, String> plain = new ConsumerRecord<>("sd.permit.events", 0, 7L, "permit-1", "{}");

        assertThatThrownBy(() -> CloudEventCodec.fromRecord(plain)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_specversion");
    }

    @Test
    void aMissingIdOrABadTimeIsMalformed() {
        ProducerRecord<String, String> noId = CloudEventCodec.toRecord("t", "k", EVENT);
        noId.headers().remove("ce_id");
        ProducerRecord<String, String> badTime = CloudEventCodec.toRecord("t", "k", EVENT);
        badTime.headers().remove("ce_time").add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventCodec.fromRecord(consumed(noId))).hasMessageContaining("ce_id");
        assertThatThrownBy(() -> CloudEventCodec.fromRecord(consumed(badTime))).hasMessageContaining("ce_time");
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> written) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(written.topic(), 0, 0L, written.key(), written.value());
        for (Header header : written.headers()) {
            record.headers().add(header);
        }
        return record;
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return CloudEventCodec.get(record.headers(), name);
    }
}
