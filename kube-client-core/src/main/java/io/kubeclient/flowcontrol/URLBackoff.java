package io.kubeclient.flowcontrol;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff per server, client-go's {@code rest.URLBackoff}: responses with a code above
 * 499 or 429 grow the delay of the URL's {@code host:port}; any other outcome, a transport error
 * included, resets it.
 */
public final class URLBackoff implements BackoffManager {

    private final Backoff backoff;
    private final Sleeper sleeper;

    /** Backs off from {@code initial} doubling up to {@code max}, on the system clock. */
    public URLBackoff(Duration initial, Duration max) {
        this(new Backoff(initial, max), Sleeper.system());
    }

    /** Uses the given per-key backoff and sleeper (tests pass a {@link FakeClock}). */
    public URLBackoff(Backoff backoff, Sleeper sleeper) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public void updateBackoff(URI url, Throwable error, int responseCode) {
        String key = key(url);
        if (responseCode > 499 || responseCode == 429) {
            backoff.next(key);
        } else {
            backoff.reset(key);
        }
    }

    @Override
    public Duration calculateBackoff(URI url) {
        return backoff.get(key(url));
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isZero() && !duration.isNegative()) {
            sleeper.sleep(duration);
        }
    }

    /** The key a URL's backoff is kept under: its {@code host[:port]}, or the whole URL when it has no host. */
    static String key(URI url) {
        String host = url.getHost();
        if (host == null) {
            return url.toString();
        }
        return url.getPort() == -1 ? host : host + ":" + url.getPort();
    }

    @Override
    public String toString() {
        return "URLBackoff";
    }
}
