package io.kubeclient.flowcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    private final FakeClock clock = new FakeClock();

    private RateLimiter limiter(float qps, int burst) {
        return RateLimiters.tokenBucketWithClock(qps, burst, clock, clock);
    }

    @Test
    void burstIsImmediateThenOneTokenPerIntervalLikeClientGoDefaults() throws Exception {
        RateLimiter limiter = limiter(5, 10);
        List<Duration> returnedAt = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            limiter.accept();
            returnedAt.add(clock.elapsed());
        }
        assertThat(returnedAt.subList(0, 10)).containsOnly(Duration.ZERO);
        assertThat(returnedAt.subList(10, 13))
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(600));
        assertThat(limiter.qps()).isEqualTo(5f);
    }

    @Test
    void concurrentCallersQueueTheirReservations() throws Exception {
        // The clock does not move while they sleep: all calls arrive at once.
        List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
        RateLimiter limiter = RateLimiters.tokenBucketWithClock(5, 10, clock, sleeps::add);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    limiter.accept();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sleeps).containsExactlyInAnyOrder(Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(600), Duration.ofMillis(800), Duration.ofMillis(1000));
    }

    @Test
    void bucketRefillsContinuouslyUpToBurst() {
        RateLimiter limiter = limiter(5, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAccept()).isTrue();
        }
        assertThat(limiter.tryAccept()).isFalse();
        clock.advance(Duration.ofMillis(199));
        assertThat(limiter.tryAccept()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAccept()).isTrue();
        assertThat(limiter.tryAccept()).isFalse();

        clock.advance(Duration.ofHours(1));
        int accepted = 0;
        while (limiter.tryAccept()) {
            accepted++;
        }
        assertThat(accepted).isEqualTo(10);
    }

    @Test
    void tryAcceptNeverQueuesBehindReservations() throws Exception {
        RateLimiter limiter = RateLimiters.tokenBucketWithClock(5, 1, clock, d -> {});
        limiter.accept();
        limiter.accept(); // reserves the token due at 200ms
        clock.advance(Duration.ofMillis(200));
        assertThat(limiter.tryAccept()).isFalse();
        clock.advance(Duration.ofMillis(200));
        assertThat(limiter.tryAccept()).isTrue();
    }

    @Test
    void awaitFailsFastWhenTheWaitWouldExceedTheTimeoutAndKeepsNoReservation() throws Exception {
        RateLimiter limiter = limiter(5, 1);
        limiter.await(Duration.ofSeconds(1));
        assertThatThrownBy(() -> limiter.await(Duration.ofMillis(199)))
                .isInstanceOf(RateLimiterTimeoutException.class)
                .hasMessageContaining("would exceed");
        assertThat(clock.sleeps()).isEmpty();
        // Nothing was reserved by the failed call: the next token is still due at 200ms.
        limiter.await(Duration.ofMillis(200));
        assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void awaitWithinTimeoutSleepsUntilTheTokenIsDue() throws Exception {
        RateLimiter limiter = limiter(10, 2);
        limiter.await(Duration.ZERO);
        limiter.await(Duration.ZERO);
        limiter.await(Duration.ofSeconds(5));
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void burstZeroAcceptsNothing() {
        RateLimiter limiter = limiter(5, 0);
        assertThat(limiter.tryAccept()).isFalse();
        assertThatThrownBy(() -> limiter.await(Duration.ofHours(1)))
                .isInstanceOf(RateLimiterTimeoutException.class)
                .hasMessageContaining("exceeds limiter's burst 0");
        clock.advance(Duration.ofHours(1));
        assertThat(limiter.tryAccept()).isFalse();
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void qpsZeroAcceptsExactlyBurstThenNothing() throws Exception {
        RateLimiter limiter = limiter(0, 3);
        assertThat(limiter.tryAccept()).isTrue();
        limiter.accept();
        limiter.await(Duration.ZERO);
        assertThat(limiter.tryAccept()).isFalse();
        clock.advance(Duration.ofDays(1));
        assertThat(limiter.tryAccept()).isFalse();
        assertThatThrownBy(() -> limiter.await(Duration.ofDays(1)))
                .isInstanceOf(RateLimiterTimeoutException.class);
    }

    @Test
    void infiniteQpsAcceptsEverything() throws Exception {
        RateLimiter limiter = limiter(Float.POSITIVE_INFINITY, 0);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAccept()).isTrue();
            limiter.await(Duration.ZERO);
        }
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void interruptedWaitGivesTheTokenBack() throws Exception {
        Sleeper interrupted = d -> {
            throw new InterruptedException();
        };
        RateLimiter limiter = RateLimiters.tokenBucketWithClock(5, 1, clock, interrupted);
        limiter.accept();
        assertThatThrownBy(limiter::accept).isInstanceOf(InterruptedException.class);
        // The cancelled reservation did not consume the token due at 200ms.
        clock.advance(Duration.ofMillis(200));
        assertThat(limiter.tryAccept()).isTrue();
    }

    @Test
    void awaitOnAnInterruptedThreadThrowsWithoutReserving() {
        RateLimiter limiter = limiter(5, 1);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> limiter.await(Duration.ofSeconds(1))).isInstanceOf(InterruptedException.class);
        assertThat(limiter.tryAccept()).isTrue();
    }

    @Test
    void acceptWithBurstZeroBlocksUntilStopped() throws Exception {
        RateLimiter limiter = limiter(5, 0);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                limiter.accept();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        waiter.start();
        limiter.stop();
        waiter.join(10_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(RateLimiterTimeoutException.class);
    }

    @Test
    void rejectsNegativeSettings() {
        assertThatThrownBy(() -> RateLimiters.tokenBucket(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimiters.tokenBucket(Float.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimiters.tokenBucket(5, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemBucketHandsOutItsBurstWithoutWaiting() throws Exception {
        RateLimiter limiter = RateLimiters.tokenBucket(1, 2);
        limiter.await(Duration.ZERO);
        assertThat(limiter.tryAccept()).isTrue();
        assertThatThrownBy(() -> limiter.await(Duration.ofMillis(1))).isInstanceOf(RateLimiterTimeoutException.class);
    }
}
