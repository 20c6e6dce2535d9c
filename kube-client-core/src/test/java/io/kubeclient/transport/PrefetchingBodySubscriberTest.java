package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PrefetchingBodySubscriberTest {

    /** Records what the subscriber asks of the client. */
    static final class FakeSubscription implements Flow.Subscription {
        final AtomicLong requested = new AtomicLong();
        final AtomicInteger cancels = new AtomicInteger();
        /** Released by the first cancel, for cancels made on another thread. */
        final java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancels.incrementAndGet();
            cancelled.countDown();
        }
    }

    static List<ByteBuffer> list(String... parts) {
        List<ByteBuffer> l = new ArrayList<>();
        for (String p : parts) {
            l.add(ByteBuffer.wrap(p.getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer());
        }
        return l;
    }

    static InputStream body(PrefetchingBodySubscriber s) {
        return s.getBody().toCompletableFuture().getNow(null);
    }

    /** Waits (bounded) until {@code t} is parked, i.e. blocked in a read. */
    static void awaitBlocked(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("reader never blocked").isLessThan(deadline);
            assertThat(t.isAlive()).as("reader ended instead of blocking").isTrue();
            Thread.onSpinWait();
        }
    }

    @Test
    void theBodyIsAvailableAtOnceAndReadsInOrderAcrossListsAndBuffers() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET https://k/x");
        InputStream in = body(s);
        assertThat(in).isNotNull();
        s.onSubscribe(new FakeSubscription());
        s.onNext(list("ab", "", "cde"));
        s.onNext(list());
        s.onNext(list("fghij"));
        s.onComplete();
        assertThat(in.available()).isEqualTo(10);
        assertThat(in.read()).isEqualTo('a');
        byte[] b = new byte[3];
        // One read fills from everything already received, across buffer and list boundaries.
        assertThat(in.read(b, 0, 3)).isEqualTo(3);
        assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("bcd");
        assertThat(in.skip(2)).isEqualTo(2);
        assertThat(in.available()).isEqualTo(4);
        assertThat(in.read(b, 0, 0)).isZero();
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("ghij");
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(b)).isEqualTo(-1);
        assertThat(in.skip(5)).isZero();
    }

    @Test
    void readsAheadABoundedNumberOfListsAndAsksForMoreOnlyAsTheReaderTakesThem() throws Exception {
        int readAhead = 8;
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(readAhead, "GET /");
        FakeSubscription sub = new FakeSubscription();
        s.onSubscribe(sub);
        assertThat(sub.requested.get()).isEqualTo(readAhead);
        InputStream in = body(s);
        Random random = new Random(42);
        long delivered = 0;
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (int step = 0; step < 4_000; step++) {
            // The client delivers only what was asked for, in lists of one 4-byte buffer here.
            if (delivered < sub.requested.get() && random.nextBoolean()) {
                String chunk = String.format("%04d", delivered % 10_000);
                s.onNext(list(chunk));
                expected.append(chunk);
                delivered++;
            } else if (in.available() > 0) {
                byte[] b = new byte[1 + random.nextInt(9)];
                int n = in.read(b);
                actual.append(new String(b, 0, n, StandardCharsets.US_ASCII));
            }
            long held = (in.available() + 3) / 4;
            assertThat(sub.requested.get() - delivered + held).as("lists requested or held").isLessThanOrEqualTo(readAhead + 1);
        }
        assertThat(delivered).isGreaterThan(500);
        s.onComplete();
        actual.append(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        assertThat(actual.toString()).isEqualTo(expected.toString());
    }

    @Test
    void withoutAReaderDemandStopsAtTheReadAhead() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(16, "GET /watch");
        FakeSubscription sub = new FakeSubscription();
        s.onSubscribe(sub);
        for (int i = 0; i < 16; i++) {
            s.onNext(list("x".repeat(16384)));
        }
        assertThat(sub.requested.get()).isEqualTo(16);
    }

    @Test
    void aFailureSurfacesAfterTheBytesReceivedBeforeItAndNamesTheRequest() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET https://k/api/v1/pods?watch=true");
        s.onSubscribe(new FakeSubscription());
        InputStream in = body(s);
        s.onNext(list("abc"));
        EOFException cause = new EOFException();
        s.onError(cause);
        assertThat(in.read()).isEqualTo('a');
        assertThat(in.readNBytes(2)).containsExactly('b', 'c');
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasCause(cause)
                .hasMessage("reading the response body of GET https://k/api/v1/pods?watch=true failed: EOFException");
        // And again: a failed body stays failed.
        assertThatThrownBy(() -> in.read(new byte[4])).isInstanceOf(IOException.class).hasCause(cause);
    }

    @Test
    void aReadThatReachesAFailureReturnsTheBytesBeforeItFirst() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET /x");
        s.onSubscribe(new FakeSubscription());
        InputStream in = body(s);
        s.onNext(list("abc"));
        s.onNext(list("de"));
        s.onError(new IOException("reset"));
        byte[] b = new byte[10];
        assertThat(in.read(b)).isEqualTo(5);
        assertThat(new String(b, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("abcde");
        assertThatThrownBy(() -> in.read(b)).isInstanceOf(IOException.class).hasMessageEndingWith("failed: reset");
    }

    @Test
    void aSkipThatReachesAFailureReportsTheBytesSkippedFirst() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET /x");
        s.onSubscribe(new FakeSubscription());
        InputStream in = body(s);
        s.onNext(list("abc"));
        s.onError(new IOException("reset"));
        assertThat(in.skip(10)).isEqualTo(3);
        assertThatThrownBy(() -> in.skip(1)).isInstanceOf(IOException.class);
    }

    @Test
    void closeCancelsOnceDropsTheQueueAndLaterReadsFail() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET /");
        FakeSubscription sub = new FakeSubscription();
        s.onSubscribe(sub);
        InputStream in = body(s);
        s.onNext(list("abc"));
        in.close();
        in.close();
        assertThat(sub.cancels).hasValue(1);
        s.onNext(list("late"));
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("stream closed");
        assertThatThrownBy(in::available).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> in.skip(1)).isInstanceOf(IOException.class);
    }

    @Test
    void closingACompleteBodyDoesNotCancel() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET /");
        FakeSubscription sub = new FakeSubscription();
        s.onSubscribe(sub);
        s.onNext(list("a"));
        s.onComplete();
        body(s).close();
        assertThat(sub.cancels).hasValue(0);
    }

    @Test
    void closingBeforeTheSubscriptionCancelsItWhenItComes() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET /");
        body(s).close();
        FakeSubscription sub = new FakeSubscription();
        s.onSubscribe(sub);
        assertThat(sub.cancels).hasValue(1);
        assertThat(sub.requested).hasValue(0);
    }

    @Test
    void aSecondSubscriptionIsCancelled() {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET /");
        FakeSubscription first = new FakeSubscription();
        FakeSubscription second = new FakeSubscription();
        s.onSubscribe(first);
        s.onSubscribe(second);
        assertThat(first.cancels).hasValue(0);
        assertThat(second.cancels).hasValue(1);
        assertThat(second.requested).hasValue(0);
    }

    @Test
    void aBlockedReadWakesForDataAndEnd() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET /");
        s.onSubscribe(new FakeSubscription());
        InputStream in = body(s);
        AtomicReference<Thread> reader = new AtomicReference<>();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            reader.set(Thread.currentThread());
            try {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reader.get() == null) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
        awaitBlocked(reader.get());
        s.onNext(list("hello"));
        s.onComplete();
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("hello");
    }

    @Test
    void interruptingABlockedReadThrowsInterruptedIOExceptionAndKeepsTheFlag() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET /watch");
        s.onSubscribe(new FakeSubscription());
        InputStream in = body(s);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                in.read();
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        reader.start();
        awaitBlocked(reader);
        reader.interrupt();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class).hasMessageContaining("GET /watch");
        assertThat(flag.get()).isTrue();
    }

    @Test
    void closeFromAnotherThreadWakesABlockedReader() throws Exception {
        PrefetchingBodySubscriber s = new PrefetchingBodySubscriber(4, "GET /watch");
        FakeSubscription sub = new FakeSubscription();
        s.onSubscribe(sub);
        InputStream in = body(s);
        s.onNext(list("partial"));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                in.readAllBytes();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        reader.start();
        awaitBlocked(reader);
        in.close();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(IOException.class).hasMessage("stream closed");
        assertThat(sub.cancels).hasValue(1);
    }

    @Test
    void rejectsANonPositiveReadAhead() {
        assertThatThrownBy(() -> new PrefetchingBodySubscriber(0, "GET /")).isInstanceOf(IllegalArgumentException.class);
    }
}
