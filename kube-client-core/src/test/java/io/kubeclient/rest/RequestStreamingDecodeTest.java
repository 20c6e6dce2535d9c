package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.kubeclient.KubeException;
import io.kubeclient.KubeIOException;
import io.kubeclient.apimachinery.errors.StatusException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/** {@link Request#execute(Class)}: decoding straight from the response stream, with the outcomes of {@code execute().into}. */
class RequestStreamingDecodeTest extends RestTestSupport {

    /** A ConfigMap well past the look-ahead, with its kind first as API servers write it. */
    private static String bigConfigMap(String kindPosition) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            data.append(i == 0 ? "" : ",").append("\"key-").append(i).append("\":\"value-").append(i)
                    .append("-abcdefghijklmnopqrstuvwxyz\"");
        }
        String head = "\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"big\",\"namespace\":\"ns\"},\"data\":{" + data + "}";
        String json = kindPosition.equals("first")
                ? "{\"kind\":\"ConfigMap\"," + head + "}"
                : "{" + head + ",\"kind\":\"ConfigMap\"}";
        assertThat(json.length()).isGreaterThan(2 * Request.STREAM_DECODE_LOOKAHEAD);
        return json;
    }

    private static String bigFailureStatus() {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404,"
                + "\"message\":\"" + "x".repeat(2 * Request.STREAM_DECODE_LOOKAHEAD) + "\"}";
    }

    @Test
    void decodesALargeBodyStraightFromTheStream() throws Exception {
        enqueueJson(200, bigConfigMap("first"));
        ConfigMap cm = client().get().namespace("ns").resource("configmaps").name("big").execute(ConfigMap.class);
        assertThat(cm.getKind()).isEqualTo("ConfigMap");
        assertThat(cm.getMetadata().getName()).isEqualTo("big");
        assertThat(cm.getData()).hasSize(400).containsEntry("key-399", "value-399-abcdefghijklmnopqrstuvwxyz");
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns/configmaps/big");
    }

    @Test
    void decodesASmallBody() {
        enqueueJson(200, "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\"}}");
        assertThat(client().get().resource("pods").name("web").execute(Pod.class).getMetadata().getName()).isEqualTo("web");
    }

    @Test
    void decodesABodyWhoseKindComesAfterTheLookAhead() {
        enqueueJson(200, bigConfigMap("last"));
        ConfigMap cm = client().get().execute(ConfigMap.class);
        assertThat(cm.getKind()).isEqualTo("ConfigMap");
        assertThat(cm.getData()).hasSize(400);
    }

    @Test
    void decodesGenericTypes() {
        enqueueJson(200, bigConfigMap("first"));
        Map<String, Object> map = client().get().execute(new TypeReference<Map<String, Object>>() {});
        assertThat(map).containsEntry("kind", "ConfigMap");
    }

    @Test
    void reusesTheConnectionAfterAStreamedDecode() throws Exception {
        enqueueJson(200, bigConfigMap("first") + "\n");
        enqueueJson(200, bigConfigMap("first"));
        RESTClient client = client();
        client.get().execute(ConfigMap.class);
        client.get().execute(ConfigMap.class);
        RecordedRequest first = take();
        RecordedRequest second = take();
        assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
        assertThat(second.getExchangeIndex()).isEqualTo(first.getExchangeIndex() + 1);
    }

    @Test
    void throwsTheServerStatusForAnErrorCode() {
        enqueueJson(404, bigFailureStatus());
        assertThatThrownBy(() -> client().get().execute(Pod.class))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status().getReason()).isEqualTo("NotFound"));
    }

    @Test
    void throwsAFailureStatusSentWithASuccessCode() {
        enqueueJson(200, bigFailureStatus());
        assertThatThrownBy(() -> client().get().execute(Pod.class))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status().getReason()).isEqualTo("NotFound"));
    }

    @Test
    void returnsAStatusWhenAStatusIsAskedFor() {
        enqueueJson(200, bigFailureStatus());
        Status s = client().get().execute(Status.class);
        assertThat(s.getReason()).isEqualTo("NotFound");
        assertThat(s.getMessage()).hasSize(2 * Request.STREAM_DECODE_LOOKAHEAD);
    }

    @Test
    void reportsAnUndecodableLargeBody() {
        enqueueJson(200, "{\"kind\":\"ConfigMap\",\"data\":{\"a\":\"" + "y".repeat(10_000) + "\"" + "not json");
        assertThatThrownBy(() -> client().get().execute(ConfigMap.class))
                .isInstanceOf(KubeException.class)
                .hasMessageStartingWith("unable to decode the response to GET http://")
                .hasMessageContaining("(status 200) into ConfigMap");
    }

    @Test
    void refusesALargeObjectOfAnotherKindBeforeDecodingIt() {
        enqueueJson(200, "{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"data\":{\"a\":\"" + "y".repeat(10_000) + "\"}}");
        assertThatThrownBy(() -> client().get().execute(ConfigMap.class))
                .isInstanceOf(KubeException.class)
                .hasMessageMatching("the response to GET http://[^ ]+/api/v1 is a Secret, not the ConfigMap that was asked for");
    }

    @Test
    void refusesASmallObjectOfAnotherKindNamingTheRequest() {
        enqueueJson(200, "{\"kind\":\"Secret\",\"apiVersion\":\"v1\"}");
        assertThatThrownBy(() -> client().get().resource("configmaps").name("x").execute(ConfigMap.class))
                .isInstanceOf(KubeException.class)
                .hasMessageMatching("the response to GET http://[^ ]+/api/v1/configmaps/x is a Secret, not the ConfigMap that was asked for");
    }

    @Test
    void failsOnAnEmptyBodyAsIntoDoes() {
        enqueue(200, "", "Content-Type", "application/json");
        assertThatThrownBy(() -> client().get().execute(Pod.class))
                .isInstanceOf(KubeException.class)
                .hasMessageStartingWith("0-length response with status code: 200 and content type: application/json");
    }

    @Test
    void failsOnANonJsonContentTypeAsIntoDoes() {
        enqueue(200, "x".repeat(20_000), "Content-Type", "text/plain");
        assertThatThrownBy(() -> client().get().execute(Pod.class))
                .hasMessageStartingWith("serializer for text/plain doesn't exist");
    }

    @Test
    void timeoutCoversTheStreamedBody() {
        // The look-ahead arrives at once; the rest of the body never does.
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(bigConfigMap("first")).throttleBody(Request.STREAM_DECODE_LOOKAHEAD + 100, 10, TimeUnit.SECONDS).build());
        long start = System.nanoTime();
        assertThatThrownBy(() -> client().get().timeout(Duration.ofMillis(300)).execute(ConfigMap.class))
                .isInstanceOf(KubeIOException.class)
                .hasMessageStartingWith("request timeout of 300ms exceeded while reading the response body");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void handsWarningsToTheHandler() {
        enqueue(200, bigConfigMap("first"), "Content-Type", "application/json", "Warning", "299 - \"deprecated\"");
        List<String> seen = new ArrayList<>();
        client().get().warningHandler((code, agent, text) -> seen.add(text)).execute(ConfigMap.class);
        assertThat(seen).containsExactly("deprecated");
    }
}
