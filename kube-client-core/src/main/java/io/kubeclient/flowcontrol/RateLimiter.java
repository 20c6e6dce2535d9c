package io.kubeclient.flowcontrol;

import java.time.Duration;

/**
 * A client-side rate limiter, the Java form of client-go's {@code flowcontrol.RateLimiter}.
 *
 * <p>Implementations are thread safe. One instance may be shared by many clients, in which case
 * they share its budget.
 */
public interface RateLimiter {

    /** Takes a token if one is available now, without waiting. */
    boolean tryAccept();

    /** Blocks until a token is available. */
    void accept() throws InterruptedException;

    /**
     * Waits for a token for at most {@code timeout}. Fails at once, without waiting, when the wait
     * it would need is longer than the timeout.
     *
     * @throws RateLimiterTimeoutException when no token can be had within the timeout
     */
    void await(Duration timeout) throws InterruptedException;

    /** The sustained rate in tokens per second. */
    float qps();

    /** Releases anything the limiter holds. The default does nothing. */
    default void stop() {}
}
