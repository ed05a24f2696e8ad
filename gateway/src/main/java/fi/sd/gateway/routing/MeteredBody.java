package fi.sd.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way to a service, counted: it remembers when its last bytes came (so that
 * a large file is not timed out while it flows, and a stalled one is), and a body that goes past
 * its limit stops with {@link BodyTooLargeException}.
 */
final class MeteredBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long limit;
    private Handler<Throwable> exceptionHandler;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile boolean tooLarge;
    private long seen;

    MeteredBody(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    /** How long since the last bytes came, or since the body ended. */
    long idleMillis() {
        return (System.nanoTime() - lastProgressNanos) / 1_000_000;
    }

    boolean tooLarge() {
        return tooLarge;
    }

    long limit() {
        return limit;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            seen += chunk.length();
            lastProgressNanos = System.nanoTime();
            if (seen > limit) {
                tooLarge = true;
                source.handler(null);
                source.endHandler(null);
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new BodyTooLargeException(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            lastProgressNanos = System.nanoTime();
            endHandler.handle(v);
        });
        return this;
    }

    /** A file body that went past the file size limit while it streamed. */
    static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(long limit) {
            super("The body went past " + limit + " bytes", null, false, false);
        }
    }
}
