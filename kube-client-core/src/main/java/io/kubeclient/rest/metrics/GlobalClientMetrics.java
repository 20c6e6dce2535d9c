package io.kubeclient.rest.metrics;

/** Holds the process-wide {@link ClientMetrics} and the forwarder that reads it on every call. */
final class GlobalClientMetrics implements ClientMetrics {

    static final GlobalClientMetrics FORWARDER = new GlobalClientMetrics();

    private static volatile ClientMetrics delegate = NOOP;

    private GlobalClientMetrics() {}

    static synchronized ClientMetrics set(ClientMetrics listener) {
        ClientMetrics previous = delegate;
        // Registering the forwarder itself would loop forever.
        delegate = listener == FORWARDER ? NOOP : listener;
        return previous;
    }

    @Override
    public void rateLimiterWait(String verb, String host, long waitNanos) {
        delegate.rateLimiterWait(verb, host, waitNanos);
    }

    @Override
    public void requestStarted(String verb, String host) {
        delegate.requestStarted(verb, host);
    }

    @Override
    public void requestFinished(String verb, String host) {
        delegate.requestFinished(verb, host);
    }

    @Override
    public void requestLatency(String verb, String host, String resource, int code, long latencyNanos) {
        delegate.requestLatency(verb, host, resource, code, latencyNanos);
    }

    @Override
    public void requestResult(String verb, String host, int code) {
        delegate.requestResult(verb, host, code);
    }

    @Override
    public void requestRetry(String verb, String host, int code, String reason) {
        delegate.requestRetry(verb, host, code, reason);
    }

    @Override
    public String toString() {
        return "ClientMetrics.global() -> " + delegate;
    }
}
