package io.kubeclient.rest;

import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.flowcontrol.RateLimiterTimeoutException;
import java.time.Duration;

/** TEMPORARY token bucket until {@code RateLimiters.tokenBucket} lands from flowwatch. */
final class SimpleTokenBucket implements RateLimiter {
    private final float qps;
    private final int burst;
    private double tokens;
    private long last = System.nanoTime();

    SimpleTokenBucket(float qps, int burst) {
        this.qps = qps;
        this.burst = burst;
        this.tokens = burst;
    }

    private synchronized long reserve() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * qps);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens / qps * 1e9);
    }

    @Override
    public synchronized boolean tryAccept() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * qps);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    @Override
    public void accept() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    @Override
    public void await(Duration timeout) throws InterruptedException {
        if (burst < 1) {
            throw new RateLimiterTimeoutException("rate: Wait(n=1) exceeds limiter's burst " + burst);
        }
        accept();
    }

    @Override
    public float qps() {
        return qps;
    }
}
