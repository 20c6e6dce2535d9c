package io.kubeclient.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A response body as an {@link InputStream} that reads ahead: it keeps up to {@code readAhead}
 * buffer lists requested from the HTTP client, so the socket is read while the caller decodes.
 * The JDK's {@code BodySubscribers.ofInputStream()} asks for one list at a time, so its reader and
 * the socket take turns.
 *
 * <p>Semantics:
 * <ul>
 * <li>The stream is handed out at once, so {@code send} returns at the headers: the JDK's request
 *     timeout ends there, and the caller's deadline covers the body. (Small bodies of declared
 *     length are instead received whole inside {@code send} under a deadline of their own, by
 *     {@link BufferingBodySubscriber}, saving the caller a second wake-up.)
 * <li>Memory is bounded: at most {@code readAhead} lists are queued or requested, plus the one
 *     being read; a reader that stops reading stops the demand, so the HTTP client stops reading
 *     the socket (HTTP/1.1) or the stream's flow-control window fills (HTTP/2).
 * <li>{@link #onNext} only queues and never blocks, so it is safe on the client's selector thread.
 * <li>A failure delivered by {@link #onError} is thrown as an {@link IOException} naming the
 *     request once the bytes received before it have been read (a watch decodes every complete
 *     event it got before the connection broke).
 * <li>{@link InputStream#close()} from any thread cancels the subscription, drops the queued
 *     buffers and wakes a blocked reader, which then throws {@code IOException("stream closed")};
 *     it is idempotent. A blocked read is interruptible: it throws {@link InterruptedIOException}
 *     and keeps the thread's interrupt flag.
 * </ul>
 * One thread reads at a time (as with any {@code InputStream}); {@code close} may come from another.
 */
final class PrefetchingBodySubscriber implements HttpResponse.BodySubscriber<InputStream> {

    /**
     * Lists kept requested or queued: 16 x the JDK's 16 KiB read buffer is about 256 KiB. On the
     * 11 MB LIST benchmark 4, 16 and 64 measured alike (0.85x-0.89x the floor, within the noise).
     */
    static final int DEFAULT_READ_AHEAD = 16;

    private final int readAhead;
    /** Lists taken by the reader before they are requested again together (fewer wake-ups of the client). */
    private final int batch;
    /** Names the request in error messages, by its {@code toString()} (built only then). */
    private final Object request;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<List<ByteBuffer>> queue = new ArrayDeque<>();
    private final Stream stream = new Stream();
    private final CompletableFuture<InputStream> body = CompletableFuture.completedFuture(stream);

    // Guarded by lock.
    private Flow.Subscription subscription;
    private long queuedBytes;
    private int credit;
    private boolean complete;
    private Throwable failure;
    private volatile boolean closed;

    /**
     * @param readAhead the most buffer lists requested or queued at once
     * @param request names the request in error messages by its {@code toString()}, e.g. {@code "GET https://..."}
     */
    PrefetchingBodySubscriber(int readAhead, Object request) {
        if (readAhead < 1) {
            throw new IllegalArgumentException("readAhead must be positive: " + readAhead);
        }
        this.readAhead = readAhead;
        this.batch = Math.max(1, readAhead / 4);
        this.request = Objects.requireNonNull(request);
    }

    /** A body handler giving each response a fresh subscriber. */
    static HttpResponse.BodyHandler<InputStream> handler(int readAhead, Object request) {
        return info -> new PrefetchingBodySubscriber(readAhead, request);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        Objects.requireNonNull(s);
        boolean cancel;
        lock.lock();
        try {
            cancel = subscription != null || closed;
            if (subscription == null) {
                subscription = s;
            }
        } finally {
            lock.unlock();
        }
        // Never call into the client holding the lock: it may deliver onNext on this thread.
        if (cancel) {
            s.cancel();
        } else {
            s.request(readAhead);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        long n = 0;
        for (ByteBuffer b : item) {
            n += b.remaining();
        }
        lock.lock();
        try {
            if (!closed) {
                queue.add(item);
                queuedBytes += n;
                ready.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onError(Throwable t) {
        lock.lock();
        try {
            if (failure == null && !complete) {
                failure = Objects.requireNonNull(t);
            }
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete() {
        lock.lock();
        try {
            complete = true;
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private IOException failed() {
        return readFailure(request, failure);
    }

    /** The error a reader gets when {@code request}'s body failed with {@code cause}; shared by the body subscribers. */
    static IOException readFailure(Object request, Throwable cause) {
        String why = cause.getMessage() == null || cause.getMessage().isEmpty()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return new IOException("reading the response body of " + request + " failed: " + why, cause);
    }

    /** The stream the caller reads; only the reading thread touches its current buffers. */
    private final class Stream extends InputStream {
        private List<ByteBuffer> list;
        private int index;
        private ByteBuffer current;

        /**
         * The buffer to read from, with bytes remaining; {@code null} at the end of the body. With
         * {@code block} false (continuing a read that already has bytes) it returns {@code null}
         * instead of waiting or throwing, so those bytes reach the caller before any failure.
         */
        private ByteBuffer next(boolean block) throws IOException {
            if (closed) {
                if (!block) {
                    return null;
                }
                throw new IOException("stream closed");
            }
            while (current == null || !current.hasRemaining()) {
                if (list != null && index < list.size()) {
                    current = list.get(index++);
                    continue;
                }
                list = null;
                current = null;
                List<ByteBuffer> taken;
                int toRequest = 0;
                Flow.Subscription s;
                lock.lock();
                try {
                    while ((taken = queue.poll()) == null) {
                        if (!block) {
                            return null;
                        }
                        if (closed) {
                            throw new IOException("stream closed");
                        }
                        if (failure != null) {
                            throw failed();
                        }
                        if (complete) {
                            return null;
                        }
                        try {
                            ready.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            InterruptedIOException ie = new InterruptedIOException("interrupted reading the response body of " + request);
                            ie.initCause(e);
                            throw ie;
                        }
                    }
                    for (ByteBuffer b : taken) {
                        queuedBytes -= b.remaining();
                    }
                    // Invariant: requested-but-undelivered + queued + credit == readAhead, and
                    // credit < batch <= readAhead whenever the reader waits, so demand is never zero then.
                    if (++credit >= batch && !complete) {
                        toRequest = credit;
                        credit = 0;
                    }
                    s = subscription;
                } finally {
                    lock.unlock();
                }
                if (toRequest > 0) {
                    s.request(toRequest);
                }
                list = taken;
                index = 0;
            }
            return current;
        }

        @Override
        public int read() throws IOException {
            ByteBuffer b = next(true);
            return b == null ? -1 : b.get() & 0xff;
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, dst.length);
            if (len == 0) {
                if (closed) {
                    throw new IOException("stream closed");
                }
                return 0;
            }
            ByteBuffer b = next(true);
            if (b == null) {
                return -1;
            }
            int n = 0;
            // Fill from whatever has already arrived, but wait only for the first byte.
            while (b != null) {
                int k = Math.min(len - n, b.remaining());
                b.get(dst, off + n, k);
                n += k;
                if (n == len) {
                    break;
                }
                b = next(false);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n) {
                ByteBuffer b = next(skipped == 0);
                if (b == null) {
                    break;
                }
                int k = (int) Math.min(n - skipped, b.remaining());
                b.position(b.position() + k);
                skipped += k;
            }
            return skipped;
        }

        @Override
        public int available() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            long n = current == null ? 0 : current.remaining();
            if (list != null) {
                for (int i = index; i < list.size(); i++) {
                    n += list.get(i).remaining();
                }
            }
            lock.lock();
            try {
                n += queuedBytes;
            } finally {
                lock.unlock();
            }
            return (int) Math.min(n, Integer.MAX_VALUE);
        }

        @Override
        public void close() {
            Flow.Subscription s;
            boolean cancel;
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                closed = true;
                cancel = !complete && failure == null;
                s = subscription;
                queue.clear();
                queuedBytes = 0;
                ready.signalAll();
            } finally {
                lock.unlock();
            }
            if (cancel && s != null) {
                s.cancel();
            }
        }
    }
}
