package io.kubeclient.flowcontrol;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Decides how long to wait before sending a request to a URL, from the outcomes of earlier
 * requests; client-go's {@code rest.BackoffManager}. The delay is slept before the first attempt
 * and before every retry.
 */
public interface BackoffManager {

    /**
     * Records the outcome of a request to {@code url}.
     *
     * @param error the transport failure, or null when the server answered
     * @param responseCode the HTTP status, or 0 when there was no response
     */
    void updateBackoff(URI url, Throwable error, int responseCode);

    /** How long to wait before the next request to {@code url}. */
    Duration calculateBackoff(URI url);

    /** Sleeps for {@code duration}; zero returns at once. */
    void sleep(Duration duration) throws InterruptedException;

    /** The default: never waits. */
    static BackoffManager noBackoff() {
        return NoBackoff.INSTANCE;
    }

    /**
     * The manager client-go's {@code RESTClient} builds from the environment: a {@link URLBackoff}
     * when {@code KUBE_CLIENT_BACKOFF_BASE} and {@code KUBE_CLIENT_BACKOFF_DURATION} both hold whole
     * seconds (initial and maximum delay), otherwise {@link #noBackoff()}.
     *
     * @param getenv looks up an environment variable, e.g. {@code System::getenv}
     */
    static BackoffManager fromEnvironment(UnaryOperator<String> getenv) {
        Long base = seconds(getenv.apply("KUBE_CLIENT_BACKOFF_BASE"));
        Long max = seconds(getenv.apply("KUBE_CLIENT_BACKOFF_DURATION"));
        if (base == null || max == null || base < 0 || max < 0) {
            return noBackoff();
        }
        return new URLBackoff(Duration.ofSeconds(base), Duration.ofSeconds(max));
    }

    private static Long seconds(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
