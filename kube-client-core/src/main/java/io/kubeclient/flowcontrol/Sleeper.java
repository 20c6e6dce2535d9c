package io.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a while; injected so tests never sleep for real. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Sleeps for {@code duration}; returns at once when it is zero or negative.
     *
     * @throws InterruptedException when the calling thread is interrupted while sleeping
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The real sleeper, backed by {@link Thread#sleep}. */
    static Sleeper system() {
        return duration -> {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (!duration.isNegative() && !duration.isZero()) {
                TimeUnit.NANOSECONDS.sleep(saturatedNanos(duration));
            }
        };
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
