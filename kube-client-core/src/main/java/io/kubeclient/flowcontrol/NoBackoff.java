package io.kubeclient.flowcontrol;

import java.net.URI;
import java.time.Duration;

/** The backoff manager that never delays. */
enum NoBackoff implements BackoffManager {
    INSTANCE;

    @Override
    public void updateBackoff(URI url, Throwable error, int responseCode) {}

    @Override
    public Duration calculateBackoff(URI url) {
        return Duration.ZERO;
    }

    @Override
    public void sleep(Duration duration) {}

    @Override
    public String toString() {
        return "BackoffManager.noBackoff()";
    }
}
