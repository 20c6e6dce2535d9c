package io.kubeclient.flowcontrol;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Per-key exponential backoff, client-go's {@code flowcontrol.Backoff}: the first {@link #next}
 * for a key sets its delay to {@code initial}; each further one doubles it up to {@code max}. A key
 * not updated for more than twice {@code max} starts over. Optional jitter adds up to
 * {@code maxJitterFactor} times the delay. Thread safe.
 */
public final class Backoff {

    private final long initial;
    private final long max;
    private final double maxJitterFactor;
    private final Clock clock;
    private final DoubleSupplier random;
    private final Map<String, Entry> entries = new HashMap<>();

    /** A backoff without jitter on the system clock, as client-go's {@code NewBackOff}. */
    public Backoff(Duration initial, Duration max) {
        this(initial, max, 0, Clock.system(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * A backoff with jitter, clock and randomness of the caller's choosing.
     *
     * @param random supplies values in [0, 1) for the jitter
     */
    public Backoff(Duration initial, Duration max, double maxJitterFactor, Clock clock, DoubleSupplier random) {
        if (initial.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative: initial " + initial
                    + ", max " + max);
        }
        if (!(maxJitterFactor >= 0)) {
            throw new IllegalArgumentException("backoff jitter factor must not be negative: " + maxJitterFactor);
        }
        this.initial = initial.toNanos();
        this.max = max.toNanos();
        this.maxJitterFactor = maxJitterFactor;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The clock this backoff reads. */
    public Clock clock() {
        return clock;
    }

    /** Records a failure for {@code id} now, growing its delay. */
    public void next(String id) {
        next(id, clock.nanoTime());
    }

    /** Records a failure for {@code id} that happened at {@code eventNanos} (a reading of {@link #clock()}). */
    public synchronized void next(String id, long eventNanos) {
        Entry e = entries.get(id);
        if (e == null || expired(eventNanos, e.lastUpdate)) {
            e = new Entry();
            e.delay = initial + jitter(initial);
            entries.put(id, e);
        } else {
            long doubled = e.delay > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : e.delay * 2;
            e.delay = Math.min(saturatedAdd(doubled, jitter(e.delay)), max);
        }
        e.lastUpdate = clock.nanoTime();
    }

    /** The current delay for {@code id}, zero when it has none. */
    public synchronized Duration get(String id) {
        Entry e = entries.get(id);
        return e == null ? Duration.ZERO : Duration.ofNanos(e.delay);
    }

    /** Forgets {@code id}, so its next failure starts at {@code initial} again. */
    public synchronized void reset(String id) {
        entries.remove(id);
    }

    /** Whether {@code id} is still backing off from {@code sinceNanos}: not expired and less than its delay ago. */
    public synchronized boolean isInBackOffSince(String id, long sinceNanos) {
        Entry e = entries.get(id);
        long now = clock.nanoTime();
        return e != null && !expired(now, e.lastUpdate) && now - sinceNanos < e.delay;
    }

    /** Whether {@code eventNanos} falls within the delay after {@code id}'s last update. */
    public synchronized boolean isInBackOffSinceUpdate(String id, long eventNanos) {
        Entry e = entries.get(id);
        return e != null && !expired(clock.nanoTime(), e.lastUpdate) && eventNanos - e.lastUpdate < e.delay;
    }

    /** Removes every expired entry. */
    public synchronized void gc() {
        long now = clock.nanoTime();
        entries.values().removeIf(e -> expired(now, e.lastUpdate));
    }

    private boolean expired(long eventNanos, long lastUpdate) {
        long twiceMax = max > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : max * 2;
        return eventNanos - lastUpdate > twiceMax;
    }

    private long jitter(long delay) {
        return maxJitterFactor == 0 ? 0 : (long) (random.getAsDouble() * maxJitterFactor * delay);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static final class Entry {
        long delay;
        long lastUpdate;
    }
}
