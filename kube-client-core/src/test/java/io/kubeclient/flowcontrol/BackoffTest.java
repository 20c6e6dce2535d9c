package io.kubeclient.flowcontrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final FakeClock clock = new FakeClock();

    private Backoff backoff(double jitter, double random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), jitter, clock, () -> random);
    }

    @Test
    void doublesFromInitialUpToMax() {
        Backoff b = backoff(0, 0);
        assertThat(b.get("a")).isZero();
        long[] expected = {1, 2, 4, 8, 8};
        for (long seconds : expected) {
            b.next("a");
            assertThat(b.get("a")).isEqualTo(Duration.ofSeconds(seconds));
        }
        assertThat(b.get("other")).isZero();
    }

    @Test
    void resetStartsOver() {
        Backoff b = backoff(0, 0);
        b.next("a");
        b.next("a");
        b.reset("a");
        assertThat(b.get("a")).isZero();
        b.next("a");
        assertThat(b.get("a")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void entryExpiresAfterTwiceMaxWithoutUpdates() {
        Backoff b = backoff(0, 0);
        b.next("a");
        b.next("a");
        clock.advance(Duration.ofSeconds(16));
        b.next("a");
        assertThat(b.get("a")).isEqualTo(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(16).plusNanos(1));
        b.next("a");
        assertThat(b.get("a")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void gcRemovesExpiredEntriesOnly() {
        Backoff b = backoff(0, 0);
        b.next("old");
        clock.advance(Duration.ofSeconds(10));
        b.next("new");
        clock.advance(Duration.ofSeconds(7));
        b.gc();
        assertThat(b.get("old")).isZero();
        assertThat(b.get("new")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterAddsAFractionOfTheDelay() {
        Backoff b = backoff(0.5, 0.5);
        b.next("a");
        assertThat(b.get("a")).isEqualTo(Duration.ofMillis(1250));
        b.next("a");
        assertThat(b.get("a")).isEqualTo(Duration.ofMillis(2500 + 312).plusNanos(500_000));
    }

    @Test
    void inBackOffWindows() {
        Backoff b = backoff(0, 0);
        long start = clock.nanoTime();
        b.next("a");
        b.next("a"); // 2s
        assertThat(b.isInBackOffSince("a", start)).isTrue();
        assertThat(b.isInBackOffSinceUpdate("a", start + Duration.ofMillis(1999).toNanos())).isTrue();
        assertThat(b.isInBackOffSinceUpdate("a", start + Duration.ofSeconds(2).toNanos())).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(b.isInBackOffSince("a", start)).isFalse();
        assertThat(b.isInBackOffSince("missing", start)).isFalse();
    }

    @Test
    void urlBackoffGrowsOn5xxAnd429AndResetsOtherwisePerHost() throws Exception {
        URLBackoff manager = new URLBackoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 0, clock,
                () -> 0), clock);
        URI a = URI.create("https://a.example:6443/api/v1/pods");
        URI aOtherPath = URI.create("https://a.example:6443/apis/apps/v1");
        URI b = URI.create("https://b.example/api");

        assertThat(manager.calculateBackoff(a)).isZero();
        manager.updateBackoff(a, null, 500);
        manager.updateBackoff(a, null, 429);
        assertThat(manager.calculateBackoff(aOtherPath)).isEqualTo(Duration.ofSeconds(2));
        assertThat(manager.calculateBackoff(b)).isZero();

        manager.updateBackoff(a, null, 404);
        assertThat(manager.calculateBackoff(a)).isZero();
        manager.updateBackoff(a, null, 503);
        assertThat(manager.calculateBackoff(a)).isEqualTo(Duration.ofSeconds(1));
        manager.updateBackoff(a, new java.io.IOException("reset"), 0);
        assertThat(manager.calculateBackoff(a)).isZero();

        manager.sleep(Duration.ZERO);
        manager.sleep(Duration.ofSeconds(3));
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void urlBackoffKeyIsHostAndPort() {
        assertThat(URLBackoff.key(URI.create("https://h:443/x"))).isEqualTo("h:443");
        assertThat(URLBackoff.key(URI.create("https://h/x"))).isEqualTo("h");
    }

    @Test
    void noBackoffNeverWaits() throws Exception {
        BackoffManager none = BackoffManager.noBackoff();
        URI u = URI.create("https://h");
        none.updateBackoff(u, null, 503);
        assertThat(none.calculateBackoff(u)).isZero();
        none.sleep(Duration.ofDays(1)); // returns at once
    }

    @Test
    void environmentSelectsUrlBackoffOnlyWhenBothVariablesAreIntegers() {
        assertThat(BackoffManager.fromEnvironment(k -> null)).isSameAs(BackoffManager.noBackoff());
        assertThat(BackoffManager.fromEnvironment(k -> k.endsWith("BASE") ? "1" : "x"))
                .isSameAs(BackoffManager.noBackoff());
        BackoffManager m = BackoffManager.fromEnvironment(k -> k.endsWith("BASE") ? "2" : "30");
        assertThat(m).isInstanceOf(URLBackoff.class);
        URI u = URI.create("https://h");
        m.updateBackoff(u, null, 500);
        assertThat(m.calculateBackoff(u)).isEqualTo(Duration.ofSeconds(2));
    }
}
