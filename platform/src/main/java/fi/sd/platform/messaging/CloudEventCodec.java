package fi.sd.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import fi.sd.events.MalformedEventException;

/** The Kafka protocol binding of CloudEvents 1.0, binary content mode. */
public final class CloudEventCodec {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String DATA_SCHEMA = "ce_dataschema";
    public static final String REQUEST_ID = "ce_requestid";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventCodec() {
    }

    public static ProducerRecord<String, String> toRecord(String topic, String key, CloudEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, event.data());
        Headers headers = record.headers();
        put(headers, SPEC_VERSION, CloudEvent.SPEC_VERSION);
        put(headers, ID, event.id());
        put(headers, TYPE, event.type());
        put(headers, SOURCE, event.source());
        put(headers, SUBJECT, event.subject());
        put(headers, TIME, event.time().toString());
        put(headers, DATA_SCHEMA, event.dataSchema());
        put(headers, REQUEST_ID, event.requestId());
        put(headers, CONTENT_TYPE, CloudEvent.CONTENT_TYPE);
        return record;
    }

    /** Reads the event of a record; one that is not a binary-mode CloudEvent 1.0 is malformed. */
    public static CloudEvent fromRecord(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String specVersion = get(headers, SPEC_VERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new MalformedEventException("Not a CloudEvent 1.0 in binary mode: ce_specversion is " + specVersion);
        }
        if (record.value() == null) {
            throw new MalformedEventException("CloudEvent without data");
        }
        return new CloudEvent(required(headers, ID), required(headers, TYPE), required(headers, SOURCE), get(headers, SUBJECT),
                time(required(headers, TIME)), get(headers, DATA_SCHEMA), get(headers, REQUEST_ID), record.value());
    }

    /** The value of a header as UTF-8 text, or null when absent. */
    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = get(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("CloudEvent without " + name);
        }
        return value;
    }

    private static Instant time(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 instant: " + value, e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
