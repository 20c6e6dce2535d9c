package io.kubeclient.flowcontrol;

import java.time.Duration;

/**
 * A token bucket with the semantics of {@code golang.org/x/time/rate} as client-go uses it: the
 * bucket holds at most {@code burst} tokens, starts full, and refills continuously at {@code qps}
 * tokens per second. Waiting callers reserve tokens in advance, so the bucket may go negative and
 * the k-th caller beyond the burst is due at k/qps even when all arrive at once.
 *
 * <p>With qps 0 the limiter hands out exactly {@code burst} tokens in total. With burst 0 it hands
 * out none (unless qps is infinite).
 */
final class TokenBucketRateLimiter implements RateLimiter {

    private static final long INFINITE = Long.MAX_VALUE;

    private final float qps;
    private final double limit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Object stopLock = new Object();

    // Guarded by this.
    private int burst;
    private double tokens;
    private long last;
    private long lastEvent;
    private boolean stopped;

    TokenBucketRateLimiter(float qps, int burst, Clock clock, Sleeper sleeper) {
        if (Float.isNaN(qps) || qps < 0) {
            throw new IllegalArgumentException("rate limiter qps must be zero or positive, got " + qps);
        }
        if (burst < 0) {
            throw new IllegalArgumentException("rate limiter burst must be zero or positive, got " + burst);
        }
        this.qps = qps;
        this.limit = qps;
        this.burst = burst;
        this.tokens = burst;
        this.clock = clock;
        this.sleeper = sleeper;
        long now = clock.nanoTime();
        this.last = now;
        this.lastEvent = now;
    }

    @Override
    public boolean tryAccept() {
        return reserve(clock.nanoTime(), 0) != null;
    }

    @Override
    public void accept() throws InterruptedException {
        Reservation r = reserve(clock.nanoTime(), INFINITE);
        if (r == null) {
            // x/time/rate sleeps forever here; we wait until interrupted or stopped.
            synchronized (stopLock) {
                while (!stopped) {
                    stopLock.wait();
                }
            }
            throw new RateLimiterTimeoutException("rate limiter was stopped while waiting for a token (burst is "
                    + currentBurst() + ")");
        }
        sleepFor(r);
    }

    @Override
    public void await(Duration timeout) throws InterruptedException {
        if (!Double.isInfinite(limit) && currentBurst() < 1) {
            throw new RateLimiterTimeoutException("rate: Wait(n=1) exceeds limiter's burst " + currentBurst());
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long maxWait = timeout.isNegative() ? 0 : saturatedNanos(timeout);
        Reservation r = reserve(clock.nanoTime(), maxWait);
        if (r == null) {
            throw new RateLimiterTimeoutException(
                    "rate: Wait(n=1) would exceed the timeout of " + timeout + " (qps " + qps + ")");
        }
        sleepFor(r);
    }

    private void sleepFor(Reservation r) throws InterruptedException {
        long delay = r.timeToAct - clock.nanoTime();
        if (delay <= 0) {
            return;
        }
        try {
            sleeper.sleep(Duration.ofNanos(delay));
        } catch (InterruptedException e) {
            cancel(r);
            throw e;
        }
    }

    @Override
    public float qps() {
        return qps;
    }

    /** Wakes callers of {@link #accept()} that wait for a token that can never come. */
    @Override
    public void stop() {
        synchronized (stopLock) {
            stopped = true;
            stopLock.notifyAll();
        }
    }

    synchronized int currentBurst() {
        return burst;
    }

    /** Tokens available at the clock's current reading (may be negative while reservations are queued). */
    synchronized double tokensNow() {
        return advance(clock.nanoTime());
    }

    /**
     * Reserves one token at {@code now} if it is due within {@code maxWaitNanos}; null when it is not,
     * in which case nothing changes.
     */
    synchronized Reservation reserve(long now, long maxWaitNanos) {
        if (Double.isInfinite(limit)) {
            return new Reservation(now, 0);
        }
        if (limit == 0) {
            if (burst >= 1) {
                burst--;
                return new Reservation(now, 0);
            }
            return null;
        }
        double t = advance(now) - 1;
        long wait = t < 0 ? durationFromTokens(-t) : 0;
        if (burst < 1 || wait > maxWaitNanos) {
            return null;
        }
        Reservation r = new Reservation(saturatedAdd(now, wait), 1);
        last = now;
        tokens = t;
        lastEvent = r.timeToAct;
        return r;
    }

    /** Gives back a reservation's token, less whatever later reservations already counted on. */
    synchronized void cancel(Reservation r) {
        if (r.tokens == 0 || Double.isInfinite(limit) || limit == 0) {
            return;
        }
        long now = clock.nanoTime();
        if (r.timeToAct < now) {
            return;
        }
        double restore = r.tokens - tokensFromDuration(lastEvent - r.timeToAct);
        if (restore <= 0) {
            return;
        }
        double t = advance(now) + restore;
        tokens = Math.min(t, burst);
        last = now;
        if (r.timeToAct == lastEvent) {
            long prev = r.timeToAct - durationFromTokens(r.tokens);
            if (prev >= now) {
                lastEvent = prev;
            }
        }
    }

    /** The token count at {@code now}, without storing it. */
    private double advance(long now) {
        long from = Math.min(last, now);
        double elapsedSeconds = (now - from) / 1e9;
        return Math.min(tokens + elapsedSeconds * limit, burst);
    }

    private long durationFromTokens(double t) {
        double nanos = t / limit * 1e9;
        return nanos >= Long.MAX_VALUE ? INFINITE : (long) nanos;
    }

    private double tokensFromDuration(long nanos) {
        return nanos / 1e9 * limit;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "TokenBucketRateLimiter[qps=" + qps + ", burst=" + currentBurst() + "]";
    }

    /** A granted token, due at {@code timeToAct}. */
    record Reservation(long timeToAct, int tokens) {}
}
