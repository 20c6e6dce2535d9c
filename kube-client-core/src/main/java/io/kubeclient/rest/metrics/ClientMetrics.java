package io.kubeclient.rest.metrics;

import java.util.Objects;

/**
 * Listener for what a client does on the wire, the Java form of client-go's {@code tools/metrics}
 * hooks. Every method has a no-op default, so an implementation overrides only what it records.
 *
 * <p>Methods are called on the request path, synchronously: implementations must be thread safe,
 * fast and must not throw. Arguments are plain strings, ints and nanosecond longs so that reporting
 * allocates nothing; {@code host} is the server's {@code host:port}, {@code verb} the HTTP method.
 *
 * <p>A client reports to the listener it was given, or by default to {@link #global()}, which
 * forwards to whatever {@link #register(ClientMetrics)} installed last (nothing at first).
 */
public interface ClientMetrics {

    /** The listener that records nothing. */
    ClientMetrics NOOP = new ClientMetrics() {
        @Override
        public String toString() {
            return "ClientMetrics.NOOP";
        }
    };

    /** A request waited {@code waitNanos} for a rate limiter token (reported even when it is zero). */
    default void rateLimiterWait(String verb, String host, long waitNanos) {}

    /** A request is about to be sent; it counts as in flight until {@link #requestFinished}. */
    default void requestStarted(String verb, String host) {}

    /** A request that {@link #requestStarted started} has finished, whatever the outcome. */
    default void requestFinished(String verb, String host) {}

    /**
     * One attempt completed.
     *
     * @param resource the resource (e.g. {@code pods}), or an empty string when the request had none
     * @param code the HTTP status, or 0 when no response was received
     * @param latencyNanos time from sending the request to receiving the response headers
     */
    default void requestLatency(String verb, String host, String resource, int code, long latencyNanos) {}

    /** One attempt produced {@code code} (0 when no response was received: a transport error). */
    default void requestResult(String verb, String host, int code) {}

    /**
     * An attempt is being retried.
     *
     * @param code the HTTP status that caused the retry, or 0 for a transport error
     * @param reason a short description of why, e.g. {@code "429"} or {@code "connection reset"}
     */
    default void requestRetry(String verb, String host, int code, String reason) {}

    /**
     * Installs {@code listener} process wide, as client-go's {@code metrics.Register}; it replaces
     * the one installed before. Clients created with their own listener are not affected.
     *
     * @return the listener installed before
     */
    static ClientMetrics register(ClientMetrics listener) {
        return GlobalClientMetrics.set(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes the process-wide listener, as {@code register(NOOP)}. */
    static void unregister() {
        GlobalClientMetrics.set(NOOP);
    }

    /**
     * The process-wide listener: forwards each call to the one {@link #register registered} at the
     * time of the call. Clients use it unless given their own.
     */
    static ClientMetrics global() {
        return GlobalClientMetrics.FORWARDER;
    }
}
