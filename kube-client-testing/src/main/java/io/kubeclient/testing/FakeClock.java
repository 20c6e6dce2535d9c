package io.kubeclient.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when told to: the fake API server's source for creation and deletion timestamps,
 * {@code Age} columns and the end of graceful deletions.
 */
public final class FakeClock extends Clock {

    private volatile Instant now;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A clock reading {@code start}. */
    public FakeClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** A clock reading the current wall time truncated to seconds. */
    public static FakeClock atNow() {
        return new FakeClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Moves the clock forward; negative durations are rejected. */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("cannot move a clock backwards: " + d);
        }
        synchronized (this) {
            now = now.plus(d);
        }
        listeners.forEach(Runnable::run);
    }

    void onAdvance(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("FakeClock is always UTC");
    }
}
