package io.kubeclient.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Fault injection for a {@link FakeApiServer}: failing the next requests with a status code, adding latency,
 * cutting a response mid-body, and cutting every open watch. Obtain it from {@link FakeApiServer#faults()}.
 */
public final class Faults {

    /**
     * What a fault rule sees of a request.
     *
     * @param method the HTTP method, such as {@code GET}
     * @param path the decoded URL path, such as {@code /api/v1/namespaces/default/pods}
     * @param query the raw query string, empty when there is none
     * @param watch whether the request is a watch ({@code watch=true})
     */
    public record Request(String method, String path, String query, boolean watch) {
    }

    /** What to do with one request; package-private. */
    record Action(Duration latency, int failCode, Duration retryAfter, boolean cut) {
    }

    private static final class Rule {
        final Predicate<Request> matcher;
        int remaining;
        final int code;
        final Duration retryAfter;
        final boolean cut;

        Rule(Predicate<Request> matcher, int remaining, int code, Duration retryAfter, boolean cut) {
            this.matcher = matcher;
            this.remaining = remaining;
            this.code = code;
            this.retryAfter = retryAfter;
            this.cut = cut;
        }
    }

    private record Latency(Predicate<Request> matcher, Duration delay) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Latency> latencies = new ArrayList<>();
    private final Runnable cutWatches;

    Faults(Runnable cutWatches) {
        this.cutWatches = cutWatches;
    }

    /** Answers the next {@code count} requests (of any kind) with {@code code} and a matching Status. */
    public void failNext(int count, int code) {
        failNext(r -> true, count, code, null);
    }

    /**
     * Answers the next {@code count} requests that {@code matcher} accepts with {@code code}; when
     * {@code retryAfter} is given it is sent as {@code Retry-After} and {@code details.retryAfterSeconds}.
     */
    public synchronized void failNext(Predicate<Request> matcher, int count, int code, Duration retryAfter) {
        Objects.requireNonNull(matcher, "matcher");
        if (count < 1 || code < 400 || code > 599) {
            throw new IllegalArgumentException("count must be positive and code an HTTP error: " + count + ", " + code);
        }
        rules.add(new Rule(matcher, count, code, retryAfter, false));
    }

    /** Delays every request {@code matcher} accepts by {@code delay} before it is served. */
    public synchronized void addLatency(Predicate<Request> matcher, Duration delay) {
        latencies.add(new Latency(Objects.requireNonNull(matcher, "matcher"), Objects.requireNonNull(delay, "delay")));
    }

    /**
     * Sends the full headers but only half of the body of the next response {@code matcher} accepts, then
     * drops the connection.
     */
    public synchronized void cutNextResponse(Predicate<Request> matcher) {
        rules.add(new Rule(Objects.requireNonNull(matcher, "matcher"), 1, 0, null, true));
    }

    /** Drops the connection of every watch open right now, without the final chunk. */
    public void cutWatches() {
        cutWatches.run();
    }

    /** Forgets every pending fault and latency. */
    public synchronized void clear() {
        rules.clear();
        latencies.clear();
    }

    synchronized Action next(Request request) {
        Duration delay = Duration.ZERO;
        for (Latency l : latencies) {
            if (l.matcher.test(request)) {
                delay = delay.plus(l.delay);
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.matcher.test(request)) {
                if (--r.remaining == 0) {
                    rules.remove(i);
                }
                return new Action(delay, r.code, r.retryAfter, r.cut);
            }
        }
        return delay.isZero() ? null : new Action(delay, 0, null, false);
    }
}
