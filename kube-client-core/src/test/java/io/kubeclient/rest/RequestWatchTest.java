package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.kubeclient.KubeException;
import io.kubeclient.KubeIOException;
import io.kubeclient.flowcontrol.BackoffManager;
import io.kubeclient.watch.Event;
import io.kubeclient.watch.EventType;
import io.kubeclient.watch.Watch;
import java.io.EOFException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class RequestWatchTest extends RestTestSupport {

    private static final String FRAMES = "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
            + "\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"1\"}}}\n"
            + "{\"type\":\"MODIFIED\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\","
            + "\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"2\"}}}\n";

    private RESTClient failingClient(java.io.IOException error) {
        return new RESTClient(config().build(), true, request -> {
            throw error;
        }, false, sleeper, hooks, BackoffManager::noBackoff);
    }

    @Test
    void decodesEventsFromChunkedStream() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .chunkedBody(FRAMES, 7).build());
        List<String> seen = new ArrayList<>();
        try (Watch<Pod> watch = client().get().namespace("ns").resource("pods").param("resourceVersion", "0")
                .watch(Pod.class)) {
            for (Event<Pod> e : watch) {
                seen.add(e.type() + " " + e.object().getMetadata().getResourceVersion());
            }
        }
        assertThat(seen).containsExactly("ADDED 1", "MODIFIED 2");
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns/pods?resourceVersion=0&watch=true");
    }

    @Test
    void keepsExplicitWatchParameter() throws Exception {
        enqueueJson(200, "");
        try (Watch<Pod> watch = client().get().resource("pods").param("watch", "1").watch(Pod.class)) {
            assertThat(watch.iterator().hasNext()).isFalse();
        }
        assertThat(take().getTarget()).isEqualTo("/api/v1/pods?watch=1");
    }

    @Test
    void firstAttemptIsNotThrottled() {
        enqueueJson(200, "");
        client().get().resource("pods").watch(Pod.class).stop();
        assertThat(limiter.total()).isZero();
    }

    @Test
    void retriesAreThrottled() {
        enqueue(429, "", "Retry-After", "2");
        enqueueJson(200, "");
        client().get().resource("pods").watch(Pod.class).stop();
        assertThat(limiter.total()).isEqualTo(1);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void throwsServerStatusOnError() {
        enqueueJson(410, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"message\":\"too old resource version: 1 (5)\",\"reason\":\"Expired\",\"code\":410}");
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> client().get().resource("pods").watch(Pod.class));
        assertThat(RequestExecutionTest.status(e).getReason()).isEqualTo("Expired");
    }

    @Test
    void reportsUnexpectedSuccessCode() {
        enqueue(204, "");
        assertThatThrownBy(() -> client().get().resource("pods").watch(Pod.class))
                .isInstanceOf(KubeException.class)
                .hasMessage("for request " + host() + "/api/v1/pods?watch=true, got status: 204");
    }

    @Test
    void endsQuietlyWhenConnectionKeepsDropping() {
        Watch<Pod> watch = failingClient(new EOFException("EOF reached")).get().resource("pods").maxRetries(2)
                .watch(Pod.class);
        assertThat(watch.iterator().hasNext()).isFalse();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(limiter.total()).isEqualTo(2);
    }

    @Test
    void retriesTimeoutsForAnyVerb() {
        Watch<Pod> watch = failingClient(new java.net.http.HttpTimeoutException("request timed out"))
                .post().resource("pods").maxRetries(1).watch(Pod.class);
        assertThat(watch.iterator().hasNext()).isFalse();
        assertThat(sleeper.sleeps()).hasSize(1);
        assertThat(hooks.retries).containsExactly("timeout");
    }

    @Test
    void throwsOtherConnectionErrors() {
        assertThatThrownBy(() -> failingClient(new java.net.ConnectException("Connection refused"))
                .get().resource("pods").watch(Pod.class))
                .isInstanceOf(KubeIOException.class);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void reportsDecodeErrorAsErrorEvent() {
        enqueueJson(200, "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Pod\"}}\n{not json\n");
        List<EventType> types = new ArrayList<>();
        try (Watch<Pod> watch = client().get().resource("pods").watch(Pod.class)) {
            watch.forEach(e -> types.add(e.type()));
        }
        assertThat(types).containsExactly(EventType.ADDED, EventType.ERROR);
    }

    @Test
    void handlesWarningsOfTheWatchResponse() {
        enqueueJson(200, "", "Warning", "299 - \"watch warning\"");
        List<String> seen = new ArrayList<>();
        client().get().resource("pods").warningHandler((c, a, t) -> seen.add(t)).watch(Pod.class).stop();
        assertThat(seen).containsExactly("watch warning");
    }

    @Test
    void reportsBuilderErrorBeforeWatching() {
        assertThatThrownBy(() -> client().get().name("a/b").watch(Pod.class)).isInstanceOf(InvalidRequestException.class);
        assertThat(server.getRequestCount()).isZero();
    }
}
