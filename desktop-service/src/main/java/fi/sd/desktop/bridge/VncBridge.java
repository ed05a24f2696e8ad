package fi.sd.desktop.bridge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import fi.sd.desktop.service.ConnectService.Admission;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * One viewer's WebSocket joined to its desktop's VNC socket. Binary messages are RFB bytes both ways;
 * a text message from the viewer is its heartbeat. The Unix socket is read and written with blocking
 * calls on two threads of the bridge's own (the JDK's Unix sockets need no native transport), so the
 * event loop never waits on the desktop; when the viewer cannot take more, the reader waits, and when
 * the desktop cannot, the viewer's WebSocket is paused.
 */
final class VncBridge {

    private static final Logger LOG = Logger.getLogger(VncBridge.class);
    private static final int READ_BUFFER = 64 * 1024;
    private static final int PAUSE_AT = 64;
    private static final int RESUME_AT = 8;
    private static final Buffer END = Buffer.buffer();

    private final Admission admission;
    private final ServerWebSocket viewer;
    private final SocketChannel desktop;
    private final OpenBridges owner;
    private final BlockingQueue<Buffer> toDesktop = new LinkedBlockingQueue<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicLong bytesToViewer = new AtomicLong();
    private final Object drained = new Object();
    private final long openedAt = System.nanoTime();
    private volatile long lastHeartbeat = System.nanoTime();
    private volatile boolean viewerPaused;

    VncBridge(Admission admission, ServerWebSocket viewer, SocketChannel desktop, OpenBridges owner) {
        this.admission = admission;
        this.viewer = viewer;
        this.desktop = desktop;
        this.owner = owner;
    }

    Admission admission() {
        return admission;
    }

    void start() {
        viewer.binaryMessageHandler(this::fromViewer);
        viewer.textMessageHandler(text -> {
            lastHeartbeat = System.nanoTime();
            owner.heartbeat(admission.sessionId());
        });
        viewer.drainHandler(v -> {
            synchronized (drained) {
                drained.notifyAll();
            }
        });
        viewer.closeHandler(v -> end(CloseReason.VIEWER_CLOSED));
        viewer.exceptionHandler(e -> {
            LOG.debugf("Viewer of session %s failed: %s", admission.sessionId(), e);
            end(CloseReason.VIEWER_CLOSED);
        });
        thread("from-desktop", this::readDesktop).start();
        thread("to-desktop", this::writeDesktop).start();
    }

    private Thread thread(String what, Runnable work) {
        Thread thread = new Thread(work, "vnc-bridge-" + admission.sessionId() + "-" + what);
        thread.setDaemon(true);
        return thread;
    }

    private void fromViewer(Buffer message) {
        toDesktop.add(message);
        if (toDesktop.size() >= PAUSE_AT && !viewerPaused) {
            viewerPaused = true;
            viewer.pause();
        }
    }

    private void writeDesktop() {
        try {
            while (true) {
                Buffer message = toDesktop.take();
                if (message == END) {
                    return;
                }
                ByteBuffer bytes = ByteBuffer.wrap(message.getBytes());
                while (bytes.hasRemaining()) {
                    desktop.write(bytes);
                }
                if (viewerPaused && toDesktop.size() <= RESUME_AT) {
                    viewerPaused = false;
                    viewer.resume();
                }
            }
        } catch (IOException e) {
            end(CloseReason.DESKTOP_ENDED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readDesktop() {
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        try {
            while (!ended.get()) {
                buffer.clear();
                int read = desktop.read(buffer);
                if (read < 0) {
                    break;
                }
                buffer.flip();
                byte[] bytes = new byte[read];
                buffer.get(bytes);
                bytesToViewer.addAndGet(read);
                viewer.writeBinaryMessage(Buffer.buffer(bytes));
                waitWhileViewerIsFull();
            }
        } catch (IOException e) {
            LOG.debugf("Console of session %s ended: %s", admission.sessionId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        end(CloseReason.DESKTOP_ENDED);
    }

    private void waitWhileViewerIsFull() throws InterruptedException {
        synchronized (drained) {
            while (viewer.writeQueueFull() && !ended.get()) {
                drained.wait(100);
            }
        }
    }

    boolean silentFor(Duration timeout) {
        return System.nanoTime() - lastHeartbeat > timeout.toNanos();
    }

    /** Closes both ends once, whoever asks first, and tells the owner why. */
    void end(CloseReason reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        toDesktop.add(END);
        try {
            desktop.close();
        } catch (IOException e) {
            LOG.debugf("Closing the console of session %s: %s", admission.sessionId(), e);
        }
        if (!viewer.isClosed()) {
            viewer.close(reason.code(), reason.text());
        }
        synchronized (drained) {
            drained.notifyAll();
        }
        owner.ended(this, reason, Duration.ofNanos(System.nanoTime() - openedAt), bytesToViewer.get());
    }
}
