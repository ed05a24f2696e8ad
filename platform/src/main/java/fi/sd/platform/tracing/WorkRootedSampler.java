package fi.sd.platform.tracing;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Traces start only with work that someone asked for: a request served, an event published or
 * consumed. A span inside such a trace follows its parent's decision; a span with no parent of
 * another kind (the outbox relay's and the scheduled jobs' queries, every few hundred milliseconds
 * on every replica) is not recorded, so the trace backend is not flooded with one-query traces.
 * Quarkus uses a {@link Sampler} bean in place of its configured one.
 */
@ApplicationScoped
public class WorkRootedSampler implements Sampler {

    private static final Set<SpanKind> ROOTS = Set.of(SpanKind.SERVER, SpanKind.CONSUMER, SpanKind.PRODUCER);
    private static final Sampler PARENT_BASED = Sampler.parentBased(Sampler.alwaysOn());

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        if (!Span.fromContext(parentContext).getSpanContext().isValid() && !ROOTS.contains(spanKind)) {
            return SamplingResult.drop();
        }
        return PARENT_BASED.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "WorkRootedSampler{roots=" + ROOTS + ", else " + PARENT_BASED.getDescription() + "}";
    }
}
