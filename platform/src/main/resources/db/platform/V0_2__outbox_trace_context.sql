-- The W3C trace context of the transaction that wrote an outbox row (EventTracing): the relay publishes the
-- event in a span of that trace, so one trace runs from the API request through Kafka to the consumers.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
ALTER TABLE outbox_event ADD COLUMN tracestate VARCHAR(512);
