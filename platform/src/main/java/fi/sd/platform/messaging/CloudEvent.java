package fi.sd.platform.messaging;

import java.time.Instant;

/**
 * A CloudEvent 1.0 as it travels on Kafka in binary mode: the attributes are {@code ce_*}
 * headers, {@code data} is the record value (JSON) and the content type is {@code application/json}.
 * {@code requestId} is an extension attribute: the API request that caused the event, if any.
 */
public record CloudEvent(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String dataSchema,
        String requestId,
        String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
}
