package io.kubeclient.rest;

import java.net.URI;
import java.time.Duration;

/** TEMPORARY stand-in for {@code io.kubeclient.flowcontrol.BackoffManager} until flowwatch lands. */
interface Backoff {
    Duration calculate(URI url);

    void update(URI url, int code, Throwable error);

    Backoff NONE = new Backoff() {
        @Override
        public Duration calculate(URI url) {
            return Duration.ZERO;
        }

        @Override
        public void update(URI url, int code, Throwable error) {}
    };
}
