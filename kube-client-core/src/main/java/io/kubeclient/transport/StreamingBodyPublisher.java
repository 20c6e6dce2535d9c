package io.kubeclient.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes a streaming request body, reading its {@link InputStream} on the transport's own body
 * threads and never on the caller of {@link Flow.Subscription#request}: with an inline executor
 * the HTTP client asks for more from its selector thread, and a blocking read there would stall
 * every exchange of the client. (The JDK's {@code BodyPublishers.ofInputStream} reads in
 * {@code request}.)
 *
 * <p>Each subscription opens the body once, reads chunks only as demanded, completes at the end of
 * the stream, and closes it at the end, on failure and on cancel (a cancel also closes it from
 * another thread, to wake a read blocked on it). A failure to open or read fails the request with
 * an {@link IOException} naming the method and URL.
 */
final class StreamingBodyPublisher implements HttpRequest.BodyPublisher {

    static final int CHUNK = 16 * 1024;

    private final TransportRequest.Body body;
    private final String request;
    private final Executor pumps;

    /**
     * @param pumps runs the reads; a rejected task (a closed transport) fails the request
     * @param request names the request in error messages
     */
    StreamingBodyPublisher(TransportRequest.Body body, String request, Executor pumps) {
        this.body = Objects.requireNonNull(body);
        this.request = Objects.requireNonNull(request);
        this.pumps = Objects.requireNonNull(pumps);
    }

    @Override
    public long contentLength() {
        return body.length();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Pump pump = new Pump(subscriber);
        subscriber.onSubscribe(pump);
    }

    /** One subscription: a drain loop, entered by one body thread at a time. */
    private final class Pump implements Flow.Subscription, Runnable {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicBoolean streamClosed = new AtomicBoolean();
        private volatile boolean cancelled;
        /** Set once the subscriber got a terminal signal (or the stream is abandoned after a cancel). */
        private volatile boolean done;
        private volatile InputStream in;
        private volatile Throwable invalidRequest;

        Pump(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = Objects.requireNonNull(subscriber);
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                invalidRequest = new IllegalArgumentException("non-positive request: " + n);
            } else {
                demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            schedule();
        }

        @Override
        public void cancel() {
            cancelled = true;
            if (in != null) {
                // Wake a read that may be blocked in the body: close it from a body thread, never the caller's.
                try {
                    pumps.execute(this::closeStream);
                } catch (RejectedExecutionException e) {
                    closeStream();
                }
            }
            schedule();
        }

        private void schedule() {
            if (wip.getAndIncrement() == 0) {
                try {
                    pumps.execute(this);
                } catch (RejectedExecutionException e) {
                    wip.set(0);
                    if (!cancelled && !done) {
                        done = true;
                        subscriber.onError(new IOException("cannot send the body of " + request + ": the transport is closed", e));
                    }
                }
            }
        }

        @Override
        public void run() {
            int missed = 1;
            do {
                drain();
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }

        private void drain() {
            while (!done) {
                if (cancelled) {
                    done = true;
                    closeStream();
                    return;
                }
                Throwable invalid = invalidRequest;
                if (invalid != null) {
                    done = true;
                    closeStream();
                    subscriber.onError(invalid);
                    return;
                }
                if (demand.get() == 0) {
                    return;
                }
                ByteBuffer chunk;
                try {
                    InputStream s = in;
                    if (s == null) {
                        s = body.open();
                        if (s == null) {
                            throw new IOException("the body supplier returned no stream");
                        }
                        in = s;
                        if (cancelled) {
                            continue;
                        }
                    }
                    byte[] buf = new byte[CHUNK];
                    int n = s.read(buf);
                    if (n < 0) {
                        done = true;
                        closeStream();
                        subscriber.onComplete();
                        return;
                    }
                    if (n == 0) {
                        continue;
                    }
                    chunk = ByteBuffer.wrap(buf, 0, n);
                } catch (IOException | RuntimeException e) {
                    done = true;
                    closeStream();
                    if (!cancelled) {
                        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                        subscriber.onError(new IOException("reading the request body of " + request + " failed: " + why, e));
                    }
                    return;
                }
                if (cancelled) {
                    continue;
                }
                demand.decrementAndGet();
                subscriber.onNext(chunk);
            }
        }

        private void closeStream() {
            InputStream s = in;
            if (s != null && streamClosed.compareAndSet(false, true)) {
                try {
                    s.close();
                } catch (IOException | RuntimeException e) {
                    // Nothing more to do: the exchange is over either way.
                }
            }
        }
    }
}
