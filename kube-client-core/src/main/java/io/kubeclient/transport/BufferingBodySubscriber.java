package io.kubeclient.transport;

import io.kubeclient.flowcontrol.DeadlineTimer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A small response body of declared length, received whole into one array on the client's
 * selector thread, so that {@code send} returns with the body and the caller is woken once instead
 * of twice (once for the headers, again for the body).
 *
 * <p>Semantics:
 * <ul>
 * <li>Memory is bounded by the declared length, which the caller checked against its threshold: a
 *     body longer than declared fails (HTTP/1.1 never delivers more; an HTTP/2 server could try).
 *     A shorter one (a HEAD, or an HTTP/2 stream ended early) is delivered as received, as the
 *     streaming path would.
 * <li>With a deadline, a body still incomplete when it passes makes {@code send} throw
 *     {@link ResponseBodyTimeoutException} (an {@link HttpTimeoutException}, the type the JDK throws
 *     when the headers are late) and cancels the exchange; the timer is armed only if the body has
 *     not completed by the time the bytes already read with the headers were delivered, which for
 *     small bodies is rare.
 * <li>A failure after the headers (the connection dropped mid-body) does not fail {@code send}:
 *     the body stream yields the bytes received and then throws the same {@link IOException} the
 *     streaming path does, so callers see a body read error, which is never retried. (The JDK also
 *     fails {@code send} with that failure; the transport then returns the response with
 *     {@link #settledBody}.)
 * <li>The stream is in memory: {@code available()} is what is left, and after {@code close()}
 *     reads and {@code available()} throw {@code IOException("stream closed")}.
 * </ul>
 */
final class BufferingBodySubscriber implements HttpResponse.BodySubscriber<InputStream> {

    private final byte[] bytes;
    /** Names the request in error messages, by its {@code toString()} (built only then). */
    private final Object request;
    /** {@link System#nanoTime()} at which the body must be complete; 0 for none. */
    private final long deadline;
    private final CompletableFuture<InputStream> body = new CompletableFuture<>();
    /** Bytes received; written only by the client's (serialized) onNext. */
    private int length;
    private volatile Flow.Subscription subscription;
    private volatile DeadlineTimer.Entry timer;

    /**
     * @param declared the declared body length, already checked against the buffering threshold
     * @param request names the request in error messages by its {@code toString()}
     * @param deadline the {@link System#nanoTime()} by which the body must be complete, or 0 for none
     */
    BufferingBodySubscriber(int declared, Object request, long deadline) {
        this.bytes = new byte[declared];
        this.request = Objects.requireNonNull(request);
        this.deadline = deadline;
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return body;
    }

    /**
     * The body after the exchange failed with {@code failure}: as settled already (whole, or with the
     * bytes received followed by the read failure), else the bytes received followed by
     * {@code failure}; null if it timed out.
     */
    InputStream settledBody(Throwable failure) {
        fail(Objects.requireNonNull(failure));
        return body.isCompletedExceptionally() ? null : body.join();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        Objects.requireNonNull(s);
        if (subscription != null) {
            s.cancel();
            return;
        }
        subscription = s;
        // At most the declared length can be taken, so all of it may be asked for at once; the
        // bytes that came with the headers are often delivered, and the body completed, right here.
        s.request(Long.MAX_VALUE);
        if (deadline != 0 && !body.isDone()) {
            DeadlineTimer.Entry t = DeadlineTimer.shared().schedule(deadline, this::expire);
            timer = t;
            if (body.isDone()) {
                t.cancel();
            }
        }
    }

    private void expire() {
        if (body.completeExceptionally(new ResponseBodyTimeoutException("request timed out while receiving the response body"))) {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        for (ByteBuffer b : item) {
            int n = b.remaining();
            if (n > bytes.length - length) {
                if (fail(new IOException("the response body is longer than its declared Content-Length of " + bytes.length))) {
                    subscription.cancel();
                }
                return;
            }
            b.get(bytes, length, n);
            length += n;
        }
    }

    @Override
    public void onError(Throwable t) {
        fail(Objects.requireNonNull(t));
    }

    @Override
    public void onComplete() {
        if (body.complete(new Body(bytes, length, null))) {
            cancelTimer();
        }
    }

    /** Delivers the bytes received so far followed by the failure; false if the body was already settled. */
    private boolean fail(Throwable t) {
        IOException failure = PrefetchingBodySubscriber.readFailure(request, t);
        if (body.complete(new Body(bytes, length, failure))) {
            cancelTimer();
            return true;
        }
        return false;
    }

    private void cancelTimer() {
        DeadlineTimer.Entry t = timer;
        if (t != null) {
            t.cancel();
        }
    }

    /** The received bytes as a stream, then the end of the body or the failure. */
    static final class Body extends InputStream {
        private final byte[] bytes;
        private final int end;
        private final IOException failure;
        private int pos;
        private boolean closed;

        Body(byte[] bytes, int end, IOException failure) {
            this.bytes = bytes;
            this.end = end;
            this.failure = failure;
        }

        private boolean atEnd() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (pos < end) {
                return false;
            }
            if (failure != null) {
                throw failure;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return atEnd() ? -1 : bytes[pos++] & 0xff;
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
            if (atEnd()) {
                return -1;
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(bytes, pos, dst, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0 || atEnd()) {
                return 0;
            }
            int k = (int) Math.min(n, end - pos);
            pos += k;
            return k;
        }

        @Override
        public int available() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            return end - pos;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
