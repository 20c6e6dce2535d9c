package io.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A manually driven {@link Clock} and {@link Sleeper} for tests: time moves only when
 * {@link #advance(Duration)} or {@link #sleep(Duration)} is called, and sleeping advances the
 * clock by the requested duration at once instead of waiting.
 *
 * <p>Every sleep is recorded so tests can assert on pacing. Thread safe.
 */
public final class FakeClock implements Clock, Sleeper {

    private final long start;
    private long now;
    private final List<Duration> sleeps = new ArrayList<>();

    /** A clock reading zero. */
    public FakeClock() {
        this(0);
    }

    /** A clock with the given initial reading in nanoseconds. */
    public FakeClock(long startNanos) {
        this.start = startNanos;
        this.now = startNanos;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    /** Moves time forward by {@code duration}. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + duration);
        }
        now += duration.toNanos();
    }

    /**
     * Records the sleep and advances the clock by {@code duration} without waiting.
     *
     * @throws InterruptedException when the calling thread's interrupt flag is set
     */
    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            sleeps.add(duration);
            if (!duration.isNegative()) {
                now += duration.toNanos();
            }
        }
    }

    /** The durations passed to {@link #sleep(Duration)} so far, oldest first. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Time elapsed since the clock was created. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(now - start);
    }

    @Override
    public synchronized String toString() {
        return "FakeClock[" + Duration.ofNanos(now) + "]";
    }
}
