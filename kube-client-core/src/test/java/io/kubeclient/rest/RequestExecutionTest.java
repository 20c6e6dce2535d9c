package io.kubeclient.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.kubeclient.KubeException;
import io.kubeclient.KubeIOException;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

class RequestExecutionTest extends RestTestSupport {

    private static final String POD = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\",\"namespace\":\"ns\"}}";

    private static final String NOT_FOUND_STATUS = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
            + "\"status\":\"Failure\",\"message\":\"pods \\\"web\\\" not found\",\"reason\":\"NotFound\","
            + "\"details\":{\"name\":\"web\",\"kind\":\"pods\"},\"code\":404}";

    static Status status(Throwable e) {
        assertThat(e).isInstanceOf(StatusException.class);
        return ((StatusException) e).status();
    }

    static Status statusOf(Runnable call) {
        try {
            call.run();
        } catch (KubeException e) {
            return status(e);
        }
        throw new AssertionError("expected a status error");
    }

    // ---- bodies and headers

    @Test
    void decodesObjectInto() throws Exception {
        enqueueJson(200, POD);
        Pod pod = client().get().namespace("ns").resource("pods").name("web").execute().into(Pod.class);
        assertThat(pod.getMetadata().getName()).isEqualTo("web");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns/pods/web");
    }

    @Test
    void sendsDefaultAcceptHeader() throws Exception {
        enqueueJson(200, POD);
        client().get().execute();
        assertThat(take().getHeaders().get("Accept")).isEqualTo("application/json, */*");
    }

    @Test
    void sendsConfiguredAcceptHeader() throws Exception {
        enqueueJson(200, POD);
        client(config().acceptContentTypes("application/json;q=1").build()).get().execute();
        assertThat(take().getHeaders().get("Accept")).isEqualTo("application/json;q=1");
    }

    @Test
    void setHeaderReplacesEveryValue() throws Exception {
        enqueueJson(200, POD);
        client().get().setHeader("X-A", "1", "2").setHeader("x-a", "3").setHeader("Accept", "text/plain").execute();
        RecordedRequest r = take();
        assertThat(r.getHeaders().values("X-A")).containsExactly("3");
        assertThat(r.getHeaders().values("Accept")).containsExactly("text/plain");
    }

    @Test
    void encodesObjectBodyAsJsonWithContentType() throws Exception {
        enqueueJson(201, POD);
        Pod pod = new PodBuilder().withNewMetadata().withName("web").endMetadata().build();
        Result result = client().post().namespace("ns").resource("pods").body(pod).execute();
        assertThat(result.wasCreated()).isTrue();
        RecordedRequest r = take();
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.getBody().utf8()).isEqualTo("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\"}}");
    }

    @Test
    void objectBodyIsJsonWhateverTheClientContentType() throws Exception {
        enqueueJson(201, POD);
        client(config().contentType("application/vnd.kubernetes.protobuf").build()).post().resource("pods")
                .body(Map.of("kind", "Pod")).execute();
        RecordedRequest r = take();
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/vnd.kubernetes.protobuf, */*");
    }

    @Test
    void sendsDeleteOptionsAsJsonBody() throws Exception {
        enqueueJson(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}");
        client().delete().namespace("ns").resource("pods").name("web")
                .body(io.kubeclient.apimachinery.meta.DeleteOptions.builder().gracePeriodSeconds(0)
                        .propagationPolicy(io.kubeclient.apimachinery.meta.DeletionPropagation.FOREGROUND).build())
                .execute();
        RecordedRequest r = take();
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(r.getBody().utf8()).contains("\"kind\":\"DeleteOptions\"", "\"gracePeriodSeconds\":0",
                "\"propagationPolicy\":\"Foreground\"");
    }

    @Test
    void sendsBytesWithoutContentType() throws Exception {
        enqueueJson(200, POD);
        client().put().resource("pods").name("web").body("{}".getBytes(StandardCharsets.UTF_8)).execute();
        RecordedRequest r = take();
        assertThat(r.getBody().utf8()).isEqualTo("{}");
        assertThat(r.getHeaders().get("Content-Type")).isNull();
    }

    @Test
    void sendsStringAsUtf8Text() throws Exception {
        enqueueJson(200, POD);
        client().put().resource("pods").name("web").body("{\"x\":\"\u00e9\"}").execute();
        assertThat(take().getBody().utf8()).isEqualTo("{\"x\":\"\u00e9\"}");
    }

    @Test
    void sendsFileContents(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pod.json");
        Files.writeString(file, POD);
        enqueueJson(200, POD);
        client().put().resource("pods").name("web").body(file).execute();
        assertThat(take().getBody().utf8()).isEqualTo(POD);
    }

    @Test
    void reportsUnreadableBodyFileBeforeSending(@TempDir Path dir) {
        assertThatThrownBy(() -> client().put().body(dir.resolve("missing.json")).execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("unable to read request body from file");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void streamsInputStreamBody() throws Exception {
        enqueueJson(200, POD);
        client().post().resource("pods").body(new ByteArrayInputStream(POD.getBytes(StandardCharsets.UTF_8))).execute();
        assertThat(take().getBody().utf8()).isEqualTo(POD);
    }

    @Test
    void patchKeepsPatchContentTypeForObjectBody() throws Exception {
        enqueueJson(200, POD);
        client().patch(PatchType.MERGE).resource("pods").name("web")
                .body(Map.of("metadata", Map.of("labels", Map.of("a", "b")))).execute();
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/merge-patch+json");
        assertThat(r.getBody().utf8()).isEqualTo("{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    }

    @Test
    void customVerbIsSent() throws Exception {
        enqueueJson(200, "{}");
        client().verb("options").execute();
        assertThat(take().getMethod()).isEqualTo("OPTIONS");
    }

    // ---- results and decoding

    @Test
    void decodesGenericTypes() {
        enqueueJson(200, "{\"a\":[1,2]}");
        Map<String, List<Integer>> m = client().get().execute().into(new TypeReference<Map<String, List<Integer>>>() {});
        assertThat(m).containsEntry("a", List.of(1, 2));
    }

    @Test
    void getDecodesByKind() {
        enqueueJson(200, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"},\"data\":{\"k\":\"v\"}}");
        KubernetesResource obj = client().get().execute().get();
        assertThat(obj).isInstanceOf(ConfigMap.class);
        assertThat(((ConfigMap) obj).getData()).containsEntry("k", "v");
    }

    @Test
    void getDecodesUnknownKindAsGeneric() {
        enqueueJson(200, "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\"},\"spec\":{\"size\":3}}");
        KubernetesResource obj = client().get().execute().get();
        assertThat(obj).isInstanceOf(GenericKubernetesResource.class);
        assertThat(((GenericKubernetesResource) obj).getAdditionalProperties()).containsKey("spec");
    }

    @Test
    void ignoresUnknownFields() {
        enqueueJson(200, "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"futureField\":{\"x\":1},\"metadata\":{\"name\":\"p\"}}");
        assertThat(client().get().execute().into(Pod.class).getMetadata().getName()).isEqualTo("p");
    }

    @Test
    void intoFailsOnEmptyBody() {
        enqueue(204, "", "Content-Type", "application/json");
        Result result = client().delete().resource("pods").name("web").execute();
        assertThat(result.error()).isNull();
        assertThat(result.statusCode()).isEqualTo(204);
        assertThatThrownBy(() -> result.into(Pod.class))
                .isInstanceOf(KubeException.class)
                .hasMessageStartingWith("0-length response with status code: 204 and content type: application/json")
                .hasMessageContaining("DELETE http://").hasMessageEndingWith("/pods/web)");
    }

    @Test
    void intoFailsOnNonJsonContentType() {
        enqueue(200, "hello", "Content-Type", "text/plain");
        Result result = client().get().execute();
        assertThat(result.raw()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> result.into(Pod.class)).hasMessageStartingWith("serializer for text/plain doesn't exist")
                .hasMessageContaining("(response to GET http://");
    }

    @Test
    void intoReportsUndecodableBody() {
        enqueueJson(200, "{not json");
        assertThatThrownBy(() -> client().get().execute().into(Pod.class))
                .isInstanceOf(KubeException.class)
                .hasMessageStartingWith("unable to decode the response to GET http://")
                .hasMessageContaining("(status 200) into Pod");
    }

    @Test
    void intoRefusesAnObjectOfAnotherKind() {
        enqueueJson(200, "{\"kind\":\"Service\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\"}}");
        assertThatThrownBy(() -> client().get().resource("pods").name("web").execute().into(Pod.class))
                .isInstanceOf(KubeException.class)
                .hasMessageContaining("is a Service, not the Pod that was asked for")
                .hasMessageContaining("GET http://");
    }

    @Test
    void intoAcceptsAnyKindForGenericResourcesAndListsByTheirListKind() {
        enqueueJson(200, "{\"kind\":\"CronTab\",\"apiVersion\":\"x.io/v1\",\"metadata\":{\"name\":\"c\"}}");
        assertThat(client().get().execute().into(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)
                .getKind()).isEqualTo("CronTab");
        enqueueJson(200, "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}");
        assertThat(client().get().execute().into(io.fabric8.kubernetes.api.model.PodList.class).getItems()).isEmpty();
        enqueueJson(200, "{\"kind\":\"ServiceList\",\"apiVersion\":\"v1\",\"items\":[]}");
        assertThatThrownBy(() -> client().get().execute().into(io.fabric8.kubernetes.api.model.PodList.class))
                .hasMessageContaining("is a ServiceList, not the PodList");
    }

    @Test
    void intoThrowsFailureStatusSentWithSuccessCode() {
        enqueueJson(200, NOT_FOUND_STATUS);
        Status s = statusOf(() -> client().get().execute().into(Pod.class));
        assertThat(s.getReason()).isEqualTo("NotFound");
    }

    @Test
    void intoStatusReturnsSuccessStatus() {
        enqueueJson(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\",\"details\":{\"name\":\"web\"}}");
        Status s = client().delete().resource("pods").name("web").execute().into(Status.class);
        assertThat(s.getStatus()).isEqualTo("Success");
    }

    // ---- error mapping

    @Test
    void usesServerStatusForErrors() {
        enqueueJson(404, NOT_FOUND_STATUS);
        Result result = client().get().namespace("ns").resource("pods").name("web").execute();
        assertThat(result.statusCode()).isEqualTo(404);
        Status s = status(result.error());
        assertThat(s.getMessage()).isEqualTo("pods \"web\" not found");
        assertThat(s.getReason()).isEqualTo("NotFound");
        assertThat(s.getDetails().getName()).isEqualTo("web");
        assertThatThrownBy(() -> result.into(Pod.class)).isSameAs(result.error());
    }

    @Test
    void synthesizesStatusForPlainText500() {
        enqueue(500, "  boom \"bad\"\n", "Content-Type", "text/plain");
        Status s = status(client().get().resource("pods").execute().error());
        assertThat(s.getCode()).isEqualTo(500);
        assertThat(s.getReason()).isEqualTo("InternalError");
        assertThat(s.getMessage()).isEqualTo(
                "an error on the server (\"boom \\\"bad\\\"\") has prevented the request from succeeding (get pods)");
        assertThat(s.getDetails().getCauses()).singleElement().satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("UnexpectedServerResponse");
            assertThat(c.getMessage()).isEqualTo("boom \"bad\"");
        });
    }

    @Test
    void synthesizesStatusForEmpty410() {
        enqueue(410, "");
        KubeException e = client().get().execute().error();
        assertThat(Errors.isGone(e)).isTrue();
        assertThat(Errors.isResourceExpired(e)).isFalse();
        Status s = status(e);
        assertThat(s.getReason()).isNullOrEmpty();
        assertThat(s.getCode()).isEqualTo(410);
        assertThat(s.getMessage()).isEqualTo("the server responded with the status code 410 but did not return more information");
    }

    @Test
    void synthesizesAlreadyExistsForConflictOnCreate() {
        enqueue(409, "");
        Status s = status(client().post().namespace("ns").resource("pods").execute().error());
        assertThat(s.getReason()).isEqualTo("AlreadyExists");
        assertThat(s.getMessage()).isEqualTo("the server reported a conflict (post pods)");
    }

    @Test
    void synthesizesConflictForConflictOnUpdate() {
        enqueue(409, "");
        Status s = status(client().put().namespace("ns").resource("pods").name("web").execute().error());
        assertThat(s.getReason()).isEqualTo("Conflict");
        assertThat(s.getMessage()).isEqualTo("the server reported a conflict (put pods web)");
    }

    @Test
    void synthesizedMessageNamesGroupQualifiedResource() {
        enqueue(404, "");
        RESTClient apps = client(config().apiPath("/apis").groupVersion(GroupVersion.of("apps", "v1")).build());
        Status s = status(apps.get().namespace("ns").resource("deployments").name("d").execute().error());
        assertThat(s.getMessage()).isEqualTo("the server could not find the requested resource (get deployments.apps d)");
        assertThat(s.getDetails().getGroup()).isEqualTo("apps");
        assertThat(s.getDetails().getKind()).isEqualTo("deployments");
    }

    @Test
    void forbiddenKeepsServerText() {
        enqueue(403, "you shall not pass", "Content-Type", "text/plain; charset=utf-8");
        Status s = status(client().get().execute().error());
        assertThat(s.getReason()).isEqualTo("Forbidden");
        assertThat(s.getMessage()).isEqualTo("you shall not pass");
    }

    @Test
    void nonTextBodyIsReportedAsUnknown() {
        enqueue(403, "<html>no</html>", "Content-Type", "text/html");
        assertThat(status(client().get().execute().error()).getMessage()).isEqualTo("<html>no</html>");
        enqueueJson(400, "{\"kind\":\"Pod\"}");
        Status s = status(client().get().execute().error());
        assertThat(s.getReason()).isEqualTo("BadRequest");
        assertThat(s.getDetails().getCauses().get(0).getMessage()).isEqualTo("unknown");
    }

    @Test
    void jsonStatusInTextResponseIsNotDecoded() {
        enqueue(404, NOT_FOUND_STATUS, "Content-Type", "text/plain");
        Status s = status(client().get().execute().error());
        assertThat(s.getMessage()).isEqualTo("the server could not find the requested resource");
    }

    @Test
    void truncatesLongServerText() {
        enqueue(500, "x".repeat(5000));
        Status s = status(client().get().execute().error());
        assertThat(s.getDetails().getCauses().get(0).getMessage()).hasSize(2048);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        enqueue(429, "", "Retry-After", "7");
        Status s = status(client().get().maxRetries(0).execute().error());
        assertThat(s.getReason()).isEqualTo("TooManyRequests");
        assertThat(s.getDetails().getRetryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void serviceUnavailableAndTimeoutMessages() {
        enqueue(503, "");
        assertThat(status(client().get().execute().error()).getMessage())
                .isEqualTo("the server is currently unable to handle the request");
        enqueue(504, "");
        assertThat(status(client().get().execute().error()).getReason()).isEqualTo("Timeout");
    }

    @Test
    void executeRawReturnsBody() {
        enqueue(200, "raw bytes", "Content-Type", "application/octet-stream");
        assertThat(client().get().absPath("/x").executeRaw()).isEqualTo("raw bytes".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void executeRawBuildsGenericErrorWithoutDecodingStatus() {
        enqueueJson(404, NOT_FOUND_STATUS);
        Status s = statusOf(() -> client().get().resource("pods").name("web").executeRaw());
        assertThat(s.getMessage()).isEqualTo("the server could not find the requested resource (get pods web)");
    }

    @Test
    void streamReturnsLiveBody() throws Exception {
        enqueue(200, "line 1\nline 2\n", "Content-Type", "text/plain");
        try (InputStream in = client().get().namespace("ns").resource("pods").name("p").subResource("log").stream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line 1\nline 2\n");
        }
        assertThat(take().getTarget()).isEqualTo("/api/v1/namespaces/ns/pods/p/log");
    }

    @Test
    void streamThrowsServerStatus() {
        enqueueJson(404, NOT_FOUND_STATUS);
        assertThat(statusOf(() -> client().get().resource("pods").name("web").subResource("log").stream()).getReason())
                .isEqualTo("NotFound");
    }

    // ---- retries

    @Test
    void retriesOn429WithRetryAfter() throws Exception {
        enqueue(429, "slow down", "Retry-After", "3", "X-Kubernetes-PF-FlowSchema-UID", "fs-1");
        enqueueJson(200, POD);
        Result result = client().get().resource("pods").execute();
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(hooks.retries).containsExactly("429");
        assertThat(hooks.results).containsExactly(429, 200);
    }

    @Test
    void doesNotRetry429WithoutRetryAfter() {
        enqueue(429, "");
        enqueueJson(200, POD);
        Result result = client().get().execute();
        assertThat(result.statusCode()).isEqualTo(429);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void retries500WithRetryAfter() {
        enqueue(500, "", "Retry-After", "1");
        enqueueJson(200, POD);
        assertThat(client().get().execute().statusCode()).isEqualTo(200);
        assertThat(hooks.retries).containsExactly("500");
    }

    @Test
    void doesNotRetry503WithoutRetryAfter() {
        enqueue(503, "");
        enqueueJson(200, POD);
        assertThat(client().get().execute().statusCode()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void doesNotRetryHttpDateRetryAfter() {
        enqueue(503, "", "Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
        enqueueJson(200, POD);
        assertThat(client().get().execute().statusCode()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void doesNotRetryClientErrorsEvenWithRetryAfter() {
        enqueue(404, "", "Retry-After", "1");
        enqueueJson(200, POD);
        assertThat(client().get().execute().statusCode()).isEqualTo(404);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retriesPostWithRepeatableBody() throws Exception {
        enqueue(429, "", "Retry-After", "2");
        enqueueJson(201, POD);
        Result result = client().post().namespace("ns").resource("pods").body(Map.of("kind", "Pod")).execute();
        assertThat(result.wasCreated()).isTrue();
        assertThat(take().getBody().utf8()).isEqualTo("{\"kind\":\"Pod\"}");
        assertThat(take().getBody().utf8()).isEqualTo("{\"kind\":\"Pod\"}");
    }

    @Test
    void neverRetriesStreamingBody() {
        enqueue(429, "", "Retry-After", "2");
        enqueueJson(201, POD);
        Result result = client().post().resource("pods").body(new ByteArrayInputStream(new byte[] {'{', '}'})).execute();
        assertThat(result.statusCode()).isEqualTo(429);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void stopsAfterMaxRetries() {
        for (int i = 0; i < 4; i++) {
            enqueue(429, "", "Retry-After", "1");
        }
        Result result = client().get().maxRetries(2).execute();
        assertThat(result.statusCode()).isEqualTo(429);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    @Test
    void defaultsToTenRetries() {
        for (int i = 0; i < 12; i++) {
            enqueue(500, "", "Retry-After", "0");
        }
        assertThat(client().get().execute().statusCode()).isEqualTo(500);
        assertThat(server.getRequestCount()).isEqualTo(11);
    }

    @Test
    void configMaxRetriesIsEachRequestsDefault() {
        for (int i = 0; i < 4; i++) {
            enqueue(429, "", "Retry-After", "0");
        }
        enqueueJson(200, POD);
        RESTClient client = client(config().maxRetries(1).build());
        assertThat(client.get().execute().statusCode()).isEqualTo(429);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(client.get().maxRetries(5).execute().statusCode()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void maxRetriesZeroMeansOneAttempt() {
        enqueue(429, "", "Retry-After", "1");
        enqueueJson(200, POD);
        assertThat(client().get().maxRetries(0).execute().statusCode()).isEqualTo(429);
        assertThat(client().get().maxRetries(-3).execute().statusCode()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    /** Fails the first {@code failures} sends with {@code error}, then sends for real. */
    private RESTClient flakyClient(int failures, java.io.IOException error) {
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(failures);
        io.kubeclient.transport.HttpTransport flaky = request -> {
            if (left.getAndDecrement() > 0) {
                throw error;
            }
            return transport.send(request);
        };
        return new RESTClient(config().build(), true, flaky, false, sleeper, hooks, io.kubeclient.flowcontrol.BackoffManager::noBackoff);
    }

    @Test
    void retriesGetOnConnectionReset() {
        enqueueJson(200, POD);
        Result result = flakyClient(1, new java.net.SocketException("Connection reset")).get().resource("pods").execute();
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThat(hooks.retries).containsExactly("connection reset");
        assertThat(limiter.total()).isEqualTo(2);
    }

    @Test
    void retriesGetOnPrematureEof() {
        enqueueJson(200, POD);
        Result result = flakyClient(1, new java.io.EOFException()).get().execute();
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(hooks.retries).containsExactly("eof");
    }

    @Test
    void wrapsFinalConnectionErrorWithPreviousOne() {
        java.util.Iterator<java.io.IOException> errors = List.of(
                new java.net.SocketException("Connection reset"),
                new java.io.IOException("connection closed by peer")).iterator();
        RESTClient failing = new RESTClient(config().build(), true, request -> {
            throw errors.next();
        }, false, sleeper, hooks, io.kubeclient.flowcontrol.BackoffManager::noBackoff);
        assertThatThrownBy(() -> failing.get().maxRetries(1).execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessage("GET " + host() + "/api/v1: connection closed by peer"
                        + " - error from a previous attempt: Connection reset");
        assertThat(sleeper.sleeps()).hasSize(1);
    }

    @Test
    void doesNotRetryOtherConnectionErrors() {
        enqueueJson(200, POD);
        assertThatThrownBy(() -> flakyClient(1, new java.net.ConnectException("Connection refused")).get().execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessageEndingWith(": Connection refused");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void doesNotRetryPostOnConnectionReset() {
        enqueueJson(201, POD);
        assertThatThrownBy(() -> flakyClient(1, new java.net.SocketException("Connection reset"))
                .post().resource("pods").body("{}").execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessage("POST " + host() + "/api/v1/pods: Connection reset");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void doesNotRetryPostWhenServerDropsConnection() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        enqueueJson(201, POD);
        assertThatThrownBy(() -> client().post().resource("pods").body("{}").execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessageStartingWith("POST " + host() + "/api/v1/pods: ");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void streamNeverRetriesConnectionReset() {
        enqueue(200, "log");
        assertThatThrownBy(() -> flakyClient(1, new java.net.SocketException("Connection reset"))
                .get().subResource("log").stream())
                .isInstanceOf(KubeIOException.class);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void streamRetries503WithRetryAfter() throws Exception {
        enqueue(503, "", "Retry-After", "4");
        enqueue(200, "log");
        try (InputStream in = client().get().subResource("log").stream()) {
            assertThat(in.readAllBytes()).isEqualTo("log".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(4));
    }

    @Test
    void reportsConnectionFailureAsIoError() {
        RESTClient c = client(config().host("http://127.0.0.1:1").build());
        assertThatThrownBy(() -> c.get().execute()).isInstanceOf(KubeIOException.class)
                .hasMessageStartingWith("GET http://127.0.0.1:1/api/v1: ");
    }

    // ---- metrics and backoff

    @Test
    void reportsEveryAttemptToMetrics() {
        enqueue(429, "", "Retry-After", "1");
        enqueueJson(200, POD);
        client().get().namespace("ns").resource("pods").execute();
        assertThat(hooks.started.get()).isEqualTo(2);
        assertThat(hooks.inFlight.get()).isZero();
        assertThat(hooks.latencies).containsExactly("GET pods 429", "GET pods 200");
        assertThat(hooks.results).containsExactly(429, 200);
        assertThat(hooks.retryCodes).containsExactly(429);
        assertThat(hooks.waits.get()).isEqualTo(2);
    }

    @Test
    void reportsTransportFailureAsCodeZero() {
        enqueueJson(200, POD);
        flakyClient(1, new java.net.SocketException("Connection reset")).get().execute();
        assertThat(hooks.results).containsExactly(0, 200);
        assertThat(hooks.retryCodes).containsExactly(0);
    }

    @Test
    void waitsBackoffBeforeEveryAttemptAndReportsOutcomes() {
        List<String> updates = new ArrayList<>();
        io.kubeclient.flowcontrol.BackoffManager backoff = new io.kubeclient.flowcontrol.BackoffManager() {
            @Override
            public void updateBackoff(java.net.URI url, Throwable error, int responseCode) {
                updates.add(url.getPath() + " " + responseCode);
            }

            @Override
            public Duration calculateBackoff(java.net.URI url) {
                return Duration.ofSeconds(2);
            }

            @Override
            public void sleep(Duration duration) {
                throw new AssertionError("the request sleeps through its own sleeper");
            }
        };
        enqueue(503, "", "Retry-After", "1");
        enqueue(503, "", "Retry-After", "5");
        enqueueJson(200, POD);
        client().get().resource("pods").backOff(backoff).execute();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(updates).containsExactly("/api/v1/pods 503", "/api/v1/pods 503", "/api/v1/pods 200");
    }

    // ---- rate limiting

    @Test
    void takesOneTokenPerAttempt() {
        enqueue(429, "", "Retry-After", "1");
        enqueue(429, "", "Retry-After", "1");
        enqueueJson(200, POD);
        client().get().execute();
        assertThat(limiter.accepts.get()).isEqualTo(3);
        assertThat(hooks.waits.get()).isEqualTo(3);
    }

    @Test
    void waitsWithDeadlineWhenTimeoutIsSet() {
        enqueueJson(200, POD);
        client().get().timeout(Duration.ofSeconds(10)).execute();
        assertThat(limiter.awaits.get()).isEqualTo(1);
        assertThat(limiter.accepts.get()).isZero();
    }

    @Test
    void throttleReplacesClientLimiter() {
        enqueueJson(200, POD);
        CountingLimiter other = new CountingLimiter();
        client().get().throttle(other).execute();
        assertThat(other.total()).isEqualTo(1);
        assertThat(limiter.total()).isZero();
    }

    @Test
    void throttleNullDisablesLimiting() {
        enqueueJson(200, POD);
        client().get().throttle(null).execute();
        assertThat(limiter.total()).isZero();
        assertThat(hooks.waits.get()).isZero();
    }

    @Test
    void limiterTimeoutIsReportedWithClientGoPrefix() {
        RESTClient c = client(config().rateLimiter(io.kubeclient.flowcontrol.RateLimiters.tokenBucket(1, 0)).build());
        assertThatThrownBy(() -> c.get().timeout(Duration.ofSeconds(1)).execute())
                .isInstanceOf(io.kubeclient.flowcontrol.RateLimiterTimeoutException.class)
                .hasMessage("client rate limiter Wait returned an error: rate: Wait(n=1) exceeds limiter's burst 0");
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- timeout

    @Test
    void sendsTimeoutQueryParameter() throws Exception {
        enqueueJson(200, POD);
        client().get().resource("pods").timeout(Duration.ofSeconds(90)).execute();
        assertThat(take().getTarget()).isEqualTo("/api/v1/pods?timeout=1m30s");
    }

    @Test
    void timeoutCutsSlowResponse() {
        server.enqueue(new MockResponse.Builder().code(200).body(POD)
                .headersDelay(5, java.util.concurrent.TimeUnit.SECONDS).build());
        assertThatThrownBy(() -> client().get().timeout(Duration.ofMillis(200)).maxRetries(0).execute())
                .isInstanceOf(KubeIOException.class);
    }

    @Test
    void timeoutCoversReadingTheBody() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(POD).bodyDelay(10, java.util.concurrent.TimeUnit.SECONDS).build());
        long start = System.nanoTime();
        assertThatThrownBy(() -> client().get().timeout(Duration.ofMillis(300)).execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessageStartingWith("request timeout of 300ms exceeded while reading the response body");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aTransportsBodyTimeoutIsReportedAsReadingTheBodyAndNotRetried() {
        // The type says what timed out, whatever the message: a custom transport may word it its own way.
        enqueueJson(200, POD);
        RESTClient c = flakyClient(1, new io.kubeclient.transport.ResponseBodyTimeoutException("slow body"));
        assertThatThrownBy(() -> c.get().resource("pods").timeout(Duration.ofSeconds(5)).execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessageStartingWith("request timeout of 5s exceeded while reading the response body (GET ")
                .hasCauseInstanceOf(io.kubeclient.transport.ResponseBodyTimeoutException.class);
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aTimeoutBeforeTheHeadersIsNotABodyTimeoutWhateverItsMessage() {
        enqueueJson(200, POD);
        RESTClient c = flakyClient(1, new java.net.http.HttpTimeoutException("no response body yet"));
        assertThatThrownBy(() -> c.get().resource("pods").timeout(Duration.ofSeconds(5)).maxRetries(0).execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessageStartingWith("GET " + host() + "/api/v1/pods")
                .hasMessageEndingWith(": no response body yet")
                .hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void timeoutCoversReadingAStreamedBody() {
        // Over the transport's buffering limit (the test above is under it): the body watchdog's case.
        String big = "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + "x".repeat(40_000) + "\"}}";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(big).bodyDelay(10, java.util.concurrent.TimeUnit.SECONDS).build());
        long start = System.nanoTime();
        assertThatThrownBy(() -> client().get().timeout(Duration.ofMillis(300)).execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessageStartingWith("request timeout of 300ms exceeded while reading the response body");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void onlyABodyStillComingFromTheNetworkArmsTheBodyTimeout() {
        // The transport receives a small body inside send: reading it cannot wait, so no timer is
        // armed (arming one woke the timer thread for every request).
        String big = "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + "x".repeat(40_000) + "\"}}";
        enqueueJson(200, POD);
        enqueueJson(200, big);
        long before = Request.BodyTimeouts.ARMED.get();

        client().get().resource("pods").name("small").timeout(Duration.ofSeconds(30)).execute().into(Pod.class);
        assertThat(Request.BodyTimeouts.ARMED.get()).isEqualTo(before);

        client().get().resource("pods").name("big").timeout(Duration.ofSeconds(30)).execute().into(Pod.class);
        assertThat(Request.BodyTimeouts.ARMED.get()).isEqualTo(before + 1);
    }

    @Test
    void aSmallBodyCutShortIsABodyReadErrorAndNotRetried() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(POD).onResponseBody(new mockwebserver3.SocketEffect.CloseSocket(true, false, false)).build());
        enqueueJson(200, POD);
        assertThatThrownBy(() -> client().get().resource("pods").name("p").execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessageStartingWith("unexpected error when reading response body. Please retry.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void retryThatWouldOutliveTimeoutFailsFast() {
        enqueue(429, "", "Retry-After", "30");
        assertThatThrownBy(() -> client().get().timeout(Duration.ofSeconds(5)).execute())
                .isInstanceOf(KubeIOException.class)
                .hasMessageStartingWith("request timeout of 5s exceeded before the next attempt");
        assertThat(sleeper.sleeps()).isEmpty();
    }

    // ---- warnings

    @Test
    void passesWarningsToRequestHandler() {
        enqueue(200, POD, "Content-Type", "application/json", "Warning", "299 - \"deprecated api\"",
                "Warning", "299 - \"a\", 299 - \"b\"");
        List<String> seen = new ArrayList<>();
        Result result = client().get().warningHandler((code, agent, text) -> seen.add(code + " " + text)).execute();
        assertThat(seen).containsExactly("299 deprecated api", "299 a", "299 b");
        assertThat(result.warnings()).extracting(WarningHeader::text).containsExactly("deprecated api", "a", "b");
    }

    @Test
    void usesClientWarningHandlerFromConfig() {
        enqueue(500, "", "Warning", "299 - \"on error too\"");
        List<String> seen = new ArrayList<>();
        RESTClient c = client(config().warningHandler((code, agent, text) -> seen.add(text)).build());
        c.get().execute();
        assertThat(seen).containsExactly("on error too");
    }

    @Test
    void requestHandlerOverridesClientHandler() {
        enqueueJson(200, POD, "Warning", "299 - \"w\"");
        List<String> client = new ArrayList<>();
        List<String> request = new ArrayList<>();
        RESTClient c = client(config().warningHandler((code, agent, text) -> client.add(text)).build());
        c.get().warningHandler((code, agent, text) -> request.add(text)).execute();
        assertThat(client).isEmpty();
        assertThat(request).containsExactly("w");
    }

    @Test
    void fallsBackToProcessDefaultHandler() {
        enqueueJson(200, POD, "Warning", "299 - \"to default\"");
        List<String> seen = new ArrayList<>();
        try {
            WarningHandlers.setDefault((code, agent, text) -> seen.add(text));
            client().get().execute();
        } finally {
            WarningHandlers.setDefault(null);
        }
        assertThat(seen).containsExactly("to default");
    }

    @Test
    void streamHandlesWarnings() throws Exception {
        enqueue(200, "log", "Warning", "299 - \"stream warning\"");
        List<String> seen = new ArrayList<>();
        try (InputStream in = client().get().warningHandler((c, a, t) -> seen.add(t)).stream()) {
            in.readAllBytes();
        }
        assertThat(seen).containsExactly("stream warning");
    }

    // ---- table

    @Test
    void requestsAndDecodesTable() throws Exception {
        enqueueJson(200, """
                {"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"42"},
                 "columnDefinitions":[
                   {"name":"Name","type":"string","format":"name","description":"the name","priority":0},
                   {"name":"Restarts","type":"integer","format":"","description":"restarts","priority":1}],
                 "rows":[
                   {"cells":["web",3],"object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1",
                    "metadata":{"name":"web","namespace":"ns"}}},
                   {"cells":["db",null]}]}
                """);
        Table table = client().get().namespace("ns").resource("pods").asTable(Table.IncludeObject.METADATA)
                .execute().into(Table.class);
        RecordedRequest r = take();
        assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json;as=Table;v=v1;g=meta.k8s.io,"
                + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json");
        assertThat(r.getTarget()).isEqualTo("/api/v1/namespaces/ns/pods?includeObject=Metadata");
        assertThat(table.metadata().getResourceVersion()).isEqualTo("42");
        assertThat(table.columnDefinitions()).containsExactly(
                new Table.ColumnDefinition("Name", "string", "name", "the name", 0),
                new Table.ColumnDefinition("Restarts", "integer", "", "restarts", 1));
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).cells()).containsExactly("web", 3);
        assertThat(table.rows().get(0).objectAs(Pod.class).getMetadata().getName()).isEqualTo("web");
        assertThat(table.rows().get(1).cells()).containsExactly("db", null);
        assertThat(table.rows().get(1).object()).isNull();
        assertThat(table.rows().get(1).objectAs(Pod.class)).isNull();
    }

    @Test
    void tableOfPlainJsonFallbackIsAnError() {
        enqueueJson(200, "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}");
        assertThatThrownBy(() -> client().get().resource("pods").asTable().execute().into(Table.class))
                .hasMessage("the server did not return a Table but PodList;"
                        + " it may not support server-side printing for this resource");
    }

    @Test
    void asTableWithoutIncludeObjectSendsNoParameter() throws Exception {
        enqueueJson(200, "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"columnDefinitions\":[],\"rows\":[]}");
        Table t = client().get().resource("pods").asTable(Table.IncludeObject.NONE).execute().into(Table.class);
        assertThat(t.rows()).isEmpty();
        assertThat(take().getTarget()).isEqualTo("/api/v1/pods?includeObject=None");
    }
}
