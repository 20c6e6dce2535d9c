package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StreamingBodyPublisherTest {

    final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-body-thread");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void tearDown() {
        pumps.shutdownNow();
    }

    /** Records signals; requests only when told to. */
    static final class Recorder implements Flow.Subscriber<ByteBuffer> {
        final LinkedBlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CompletableFuture<Throwable> end = new CompletableFuture<>();
        final AtomicInteger items = new AtomicInteger();
        volatile Flow.Subscription subscription;
        volatile String onNextThread;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(ByteBuffer item) {
            onNextThread = Thread.currentThread().getName();
            byte[] b = new byte[item.remaining()];
            item.get(b);
            synchronized (bytes) {
                bytes.write(b, 0, b.length);
            }
            items.incrementAndGet();
            signals.add("next");
        }

        @Override
        public void onError(Throwable t) {
            end.complete(t);
        }

        @Override
        public void onComplete() {
            end.complete(null);
        }
    }

    static TransportRequest.Body body(InputStream in, long length) {
        return TransportRequest.Body.ofStream(() -> in, length, false);
    }

    /** Counts reads and closes, and may block a read until released. */
    static final class TrackedStream extends InputStream {
        final InputStream delegate;
        final AtomicInteger reads = new AtomicInteger();
        final CountDownLatch closed = new CountDownLatch(1);
        volatile String readThread;

        TrackedStream(InputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            throw new AssertionError("single-byte reads are not expected");
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reads.incrementAndGet();
            readThread = Thread.currentThread().getName();
            return delegate.read(b, off, len);
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    @Test
    void readsOnlyAsDemandedOnTheBodyThreadsAndCompletesAtTheEnd() throws Exception {
        byte[] data = new byte[5 * StreamingBodyPublisher.CHUNK + 123];
        new Random(7).nextBytes(data);
        TrackedStream stream = new TrackedStream(new ByteArrayInputStream(data));
        StreamingBodyPublisher p = new StreamingBodyPublisher(body(stream, data.length), "PUT https://k/x", pumps);
        assertThat(p.contentLength()).isEqualTo(data.length);
        Recorder r = new Recorder();
        p.subscribe(r);
        assertThat(stream.reads).hasValue(0);
        r.subscription.request(1);
        assertThat(r.signals.poll(10, TimeUnit.SECONDS)).isEqualTo("next");
        // The drain loop checks demand before every read: with none left it has stopped reading.
        assertThat(stream.reads).hasValue(1);
        assertThat(stream.readThread).isEqualTo("test-body-thread");
        assertThat(r.onNextThread).isEqualTo("test-body-thread");
        r.subscription.request(Long.MAX_VALUE);
        assertThat(r.end.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(r.bytes.toByteArray()).isEqualTo(data);
        assertThat(stream.closed.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFailingReadFailsTheRequestNamingIt() throws Exception {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        StreamingBodyPublisher p = new StreamingBodyPublisher(body(broken, -1), "POST https://k/api/v1/namespaces/a/pods", pumps);
        assertThat(p.contentLength()).isEqualTo(-1);
        Recorder r = new Recorder();
        p.subscribe(r);
        r.subscription.request(1);
        assertThat(r.end.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
                .hasMessage("reading the request body of POST https://k/api/v1/namespaces/a/pods failed: disk gone");
    }

    @Test
    void aSupplierThatFailsFailsTheRequest() throws Exception {
        TransportRequest.Body failing = TransportRequest.Body.ofStream(() -> {
            throw new IllegalStateException("no file");
        }, -1, false);
        Recorder r = new Recorder();
        new StreamingBodyPublisher(failing, "POST /x", pumps).subscribe(r);
        r.subscription.request(1);
        assertThat(r.end.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class).hasMessageContaining("POST /x")
                .hasMessageContaining("no file");
    }

    @Test
    void cancelClosesAStreamWhoseReadIsBlocked() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        InputStream blocking = new InputStream() {
            @Override
            public int read() throws IOException {
                reading.countDown();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                throw new IOException("stream closed");
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
        Recorder r = new Recorder();
        new StreamingBodyPublisher(body(blocking, -1), "POST /x", pumps).subscribe(r);
        r.subscription.request(1);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        r.subscription.cancel();
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        // After a cancel the subscriber hears nothing more; give the body thread its chance to misbehave.
        pumps.shutdown();
        assertThat(pumps.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(r.end).isNotDone();
        assertThat(r.items).hasValue(0);
    }

    @Test
    void aNonPositiveRequestIsAnError() throws Exception {
        Recorder r = new Recorder();
        new StreamingBodyPublisher(body(new ByteArrayInputStream(new byte[10]), 10), "PUT /x", pumps).subscribe(r);
        r.subscription.request(0);
        assertThat(r.end.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosedTransportFailsTheRequest() throws Exception {
        pumps.shutdownNow();
        Recorder r = new Recorder();
        new StreamingBodyPublisher(body(new ByteArrayInputStream(new byte[10]), 10), "PUT /x", pumps).subscribe(r);
        r.subscription.request(1);
        assertThat(r.end.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class).hasMessageContaining("transport is closed");
    }
}
