package io.kubeclient.rest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientMetricsTest {

    @AfterEach
    void unregister() {
        ClientMetrics.unregister();
    }

    static final class Recording implements ClientMetrics {
        final List<String> calls = new ArrayList<>();

        @Override
        public void rateLimiterWait(String verb, String host, long waitNanos) {
            calls.add("wait " + verb + " " + host + " " + waitNanos);
        }

        @Override
        public void requestRetry(String verb, String host, int code, String reason) {
            calls.add("retry " + verb + " " + host + " " + code + " " + reason);
        }
    }

    @Test
    void globalForwardsToTheListenerRegisteredAtCallTime() {
        ClientMetrics global = ClientMetrics.global();
        global.rateLimiterWait("GET", "h:443", 5); // nothing registered: dropped
        Recording first = new Recording();
        assertThat(ClientMetrics.register(first)).isSameAs(ClientMetrics.NOOP);
        global.rateLimiterWait("GET", "h:443", 7);
        Recording second = new Recording();
        assertThat(ClientMetrics.register(second)).isSameAs(first);
        global.requestRetry("POST", "h:443", 429, "429");
        assertThat(first.calls).containsExactly("wait GET h:443 7");
        assertThat(second.calls).containsExactly("retry POST h:443 429 429");
    }

    @Test
    void unimplementedHooksAreNoOps() {
        Recording r = new Recording();
        ClientMetrics.register(r);
        ClientMetrics g = ClientMetrics.global();
        g.requestStarted("GET", "h");
        g.requestFinished("GET", "h");
        g.requestLatency("GET", "h", "pods", 200, 1);
        g.requestResult("GET", "h", 200);
        assertThat(r.calls).isEmpty();
    }

    @Test
    void registeringTheForwarderItselfDoesNotLoop() {
        ClientMetrics.register(ClientMetrics.global());
        ClientMetrics.global().requestStarted("GET", "h");
        assertThat(ClientMetrics.register(ClientMetrics.NOOP)).isSameAs(ClientMetrics.NOOP);
    }
}
