package io.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.Objects;

/** Factories for {@link RateLimiter}s: the client-go token bucket and two fakes for tests. */
public final class RateLimiters {

    private RateLimiters() {}

    /**
     * A token bucket like client-go's {@code NewTokenBucketRateLimiter}: holds at most {@code burst}
     * tokens, starts full and refills at {@code qps} tokens per second; waiting callers queue.
     * qps 0 hands out exactly {@code burst} tokens; burst 0 hands out none;
     * {@link Float#POSITIVE_INFINITY} accepts everything.
     *
     * <p>client-go's "negative QPS means no limiter" is a client setting, not a limiter: pass
     * {@link #alwaysAccept()} instead.
     *
     * @throws IllegalArgumentException when qps is negative or NaN, or burst is negative
     */
    public static RateLimiter tokenBucket(float qps, int burst) {
        return new TokenBucketRateLimiter(qps, burst, Clock.system(), Sleeper.system());
    }

    /**
     * {@link #tokenBucket(float, int)} driven by the given clock and sleeper, as client-go's
     * {@code NewTokenBucketRateLimiterWithClock}; tests pass a {@link FakeClock} as both.
     */
    public static RateLimiter tokenBucketWithClock(float qps, int burst, Clock clock, Sleeper sleeper) {
        return new TokenBucketRateLimiter(qps, burst, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(sleeper, "sleeper"));
    }

    /** A limiter that never limits; its {@link RateLimiter#qps()} is infinite. */
    public static RateLimiter alwaysAccept() {
        return AlwaysAccept.INSTANCE;
    }

    /**
     * A limiter that never hands out a token: {@code tryAccept} is false, {@code await} fails at
     * once, and {@code accept} blocks until {@link RateLimiter#stop()} (then fails) or interruption.
     */
    public static RateLimiter neverAccept() {
        return new NeverAccept();
    }

    private enum AlwaysAccept implements RateLimiter {
        INSTANCE;

        @Override
        public boolean tryAccept() {
            return true;
        }

        @Override
        public void accept() {}

        @Override
        public void await(Duration timeout) {}

        @Override
        public float qps() {
            return Float.POSITIVE_INFINITY;
        }

        @Override
        public String toString() {
            return "RateLimiters.alwaysAccept()";
        }
    }

    private static final class NeverAccept implements RateLimiter {
        private boolean stopped;

        @Override
        public boolean tryAccept() {
            return false;
        }

        @Override
        public synchronized void accept() throws InterruptedException {
            while (!stopped) {
                wait();
            }
            throw new RateLimiterTimeoutException("rate limiter never accepts and was stopped");
        }

        @Override
        public void await(Duration timeout) {
            throw new RateLimiterTimeoutException("rate limiter never accepts");
        }

        @Override
        public float qps() {
            return 0;
        }

        @Override
        public synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        @Override
        public String toString() {
            return "RateLimiters.neverAccept()";
        }
    }
}
