package io.kubeclient.flowcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FakeRateLimitersTest {

    @Test
    void alwaysAcceptNeverBlocks() throws Exception {
        RateLimiter limiter = RateLimiters.alwaysAccept();
        assertThat(limiter.tryAccept()).isTrue();
        limiter.accept();
        limiter.await(Duration.ZERO);
        assertThat(limiter.qps()).isInfinite();
    }

    @Test
    void neverAcceptRefusesAndAcceptBlocksUntilStop() throws Exception {
        RateLimiter limiter = RateLimiters.neverAccept();
        assertThat(limiter.tryAccept()).isFalse();
        assertThatThrownBy(() -> limiter.await(Duration.ofDays(1))).isInstanceOf(RateLimiterTimeoutException.class);
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
    void neverAcceptWaitCanBeInterrupted() throws Exception {
        RateLimiter limiter = RateLimiters.neverAccept();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                limiter.accept();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        waiter.start();
        waiter.interrupt();
        waiter.join(10_000);
        assertThat(failure.get()).isInstanceOf(InterruptedException.class);
    }
}
