package io.kubeclient.transport;

import static io.kubeclient.transport.PrefetchingBodySubscriberTest.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.transport.PrefetchingBodySubscriberTest.FakeSubscription;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BufferingBodySubscriberTest {

    static CompletableFuture<InputStream> body(BufferingBodySubscriber s) {
        return s.getBody().toCompletableFuture();
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void theBodyIsCompleteOnlyWhenAllBytesHaveArrived() throws Exception {
        BufferingBodySubscriber s = new BufferingBodySubscriber(8, "GET https://k/x", 0);
        FakeSubscription sub = new FakeSubscription();
        s.onSubscribe(sub);
        assertThat(sub.requested.get()).isEqualTo(Long.MAX_VALUE);
        s.onNext(list("ab", "", "cde"));
        assertThat(body(s)).isNotDone();
        s.onNext(list("fgh"));
        assertThat(body(s)).isNotDone();
        s.onComplete();
        InputStream in = body(s).getNow(null);
        assertThat(in.available()).isEqualTo(8);
        assertThat(read(in)).isEqualTo("abcdefgh");
        assertThat(sub.cancels.get()).isZero();
    }

    @Test
    void aShorterBodyIsDeliveredAsReceived() throws Exception {
        // A HEAD response declares the length of the body it does not send.
        BufferingBodySubscriber s = new BufferingBodySubscriber(100, "HEAD https://k/x", 0);
        s.onSubscribe(new FakeSubscription());
        s.onComplete();
        assertThat(body(s).getNow(null).read()).isEqualTo(-1);
    }

    @Test
    void aBodyLongerThanDeclaredFailsWithoutGrowingTheBuffer() throws Exception {
        BufferingBodySubscriber s = new BufferingBodySubscriber(4, "GET https://k/x", 0);
        FakeSubscription sub = new FakeSubscription();
        s.onSubscribe(sub);
        s.onNext(list("abc"));
        s.onNext(list("de"));
        assertThat(sub.cancels.get()).isEqualTo(1);
        InputStream in = body(s).getNow(null);
        assertThat(in.readNBytes(3)).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                .hasMessageContaining("GET https://k/x").hasMessageContaining("longer than its declared Content-Length of 4");
        // Later deliveries are ignored.
        s.onNext(list("x"));
        s.onComplete();
        assertThat(sub.cancels.get()).isEqualTo(1);
    }

    @Test
    void aFailureIsThrownAfterTheBytesReceivedBeforeIt() throws Exception {
        BufferingBodySubscriber s = new BufferingBodySubscriber(10, "GET https://k/x", 0);
        s.onSubscribe(new FakeSubscription());
        s.onNext(list("abc"));
        s.onError(new EOFException("EOF reached while reading"));
        InputStream in = body(s).getNow(null);
        byte[] buf = new byte[10];
        assertThat(in.read(buf, 0, 10)).isEqualTo(3);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                .hasMessage("reading the response body of GET https://k/x failed: EOF reached while reading")
                .hasCauseInstanceOf(EOFException.class);
        assertThatThrownBy(() -> in.read(buf, 0, 1)).isInstanceOf(IOException.class);
    }

    @Test
    void aLateBodyFailsWithResponseBodyTimeoutExceptionAtTheDeadlineAndIsCancelled() throws Exception {
        BufferingBodySubscriber s = new BufferingBodySubscriber(10, "GET https://k/x", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
        FakeSubscription sub = new FakeSubscription();
        s.onSubscribe(sub);
        s.onNext(list("abc"));
        assertThatThrownBy(() -> body(s).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ResponseBodyTimeoutException.class);
        // The deadline's thread fails the body, then cancels: the waiter may wake in between.
        assertThat(sub.cancelled.await(10, TimeUnit.SECONDS)).as("the exchange is cancelled").isTrue();
        assertThat(sub.cancels.get()).isEqualTo(1);
        // What arrives after the deadline changes nothing.
        s.onNext(list("defghij"));
        s.onComplete();
        assertThat(body(s)).isCompletedExceptionally();
    }

    @Test
    void aDeadlineAlreadyPassedStillLetsABodyThatCameWithTheHeadersThrough() throws Exception {
        BufferingBodySubscriber s = new BufferingBodySubscriber(3, "GET https://k/x", System.nanoTime() - 1);
        java.util.concurrent.atomic.AtomicInteger cancels = new java.util.concurrent.atomic.AtomicInteger();
        s.onSubscribe(new java.util.concurrent.Flow.Subscription() {
            @Override
            public void request(long n) {
                // The client delivers the bytes read with the headers inside request().
                s.onNext(list("abc"));
                s.onComplete();
            }

            @Override
            public void cancel() {
                cancels.incrementAndGet();
            }
        });
        assertThat(read(body(s).getNow(null))).isEqualTo("abc");
        assertThat(cancels.get()).isZero();
    }

    @Test
    void aSecondSubscriptionIsCancelled() {
        BufferingBodySubscriber s = new BufferingBodySubscriber(3, "GET https://k/x", 0);
        FakeSubscription first = new FakeSubscription();
        FakeSubscription second = new FakeSubscription();
        s.onSubscribe(first);
        s.onSubscribe(second);
        assertThat(first.cancels.get()).isZero();
        assertThat(second.cancels.get()).isEqualTo(1);
        assertThat(second.requested.get()).isZero();
    }
}
