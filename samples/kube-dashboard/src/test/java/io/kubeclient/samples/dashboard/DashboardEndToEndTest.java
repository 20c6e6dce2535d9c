package io.kubeclient.samples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.kubeclient.testing.FakeApiServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard on a random port against its embedded fake API server (the default demo profile),
 * with the simulator off so that the only changes are the test's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dashboard.simulator.enabled=false")
class DashboardEndToEndTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    FakeApiServer server;

    @Autowired
    ClusterView view;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void synced() throws InterruptedException {
        assertThat(this.view.awaitSynced(TIMEOUT)).isTrue();
    }

    @Test
    void servesThePage() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>kube-dashboard</title>", "app.js");
        assertThat(get("/app.js").body()).contains("new EventSource('api/events')");
    }

    @Test
    void stateListsTheSeededNamespacesDeploymentsAndPods() throws Exception {
        JsonNode state = json(get("/api/state"));
        assertThat(state.path("source").asString()).isEqualTo("demo");
        assertThat(names(state.path("namespaces"))).contains("default", "shop", "payments", "monitoring");
        JsonNode cart = find(state.path("deployments"), "shop", "cart");
        assertThat(cart.path("desired").asInt()).isEqualTo(2);
        assertThat(cart.path("ready").asInt()).isEqualTo(2);
        List<JsonNode> cartPods = new ArrayList<>();
        state.path("pods").forEach((p) -> {
            if ("cart".equals(p.path("app").asString(""))) {
                cartPods.add(p);
            }
        });
        assertThat(cartPods).hasSize(2).allSatisfy((p) -> {
            assertThat(p.path("phase").asString()).isEqualTo("Running");
            assertThat(DemoCluster.NODES).contains(p.path("node").asString());
            assertThat(p.path("createdAt").asString()).endsWith("Z");
        });
    }

    @Test
    void streamsASnapshotThenEachChange() throws Exception {
        try (SseClient sse = new SseClient(this.http, uri("/api/events"))) {
            SseClient.SseEvent snapshot = sse.await((e) -> e.name().equals("snapshot"), TIMEOUT);
            assertThat(names(JSON.readTree(snapshot.data()).path("namespaces"))).contains("shop");

            this.server.put(pod("shop", "sse-probe"));
            SseClient.SseEvent added = sse.await((e) -> e.data().contains("\"sse-probe\""), TIMEOUT);
            JsonNode change = JSON.readTree(added.data());
            assertThat(added.name()).isEqualTo("change");
            assertThat(change.path("kind").asString()).isEqualTo("pod");
            assertThat(change.path("type").asString()).isEqualTo("ADDED");
            assertThat(change.path("item").path("namespace").asString()).isEqualTo("shop");
        }
    }

    @Test
    void keepsStreamingAfterWatchesAreCutAndListsAgainAfterGone() throws Exception {
        try (SseClient sse = new SseClient(this.http, uri("/api/events"))) {
            sse.await((e) -> e.name().equals("snapshot"), TIMEOUT);

            this.server.faults().cutWatches();
            this.server.put(pod("payments", "after-cut"));
            assertThat(sse.await((e) -> e.data().contains("\"after-cut\""), TIMEOUT).name()).isEqualTo("change");

            int lists = this.view.podLists();
            this.server.compact(); // every open watch gets 410 Gone: the mirrors must list again
            SseClient.SseEvent resync = sse.await(
                    (e) -> e.name().equals("resync") && e.data().contains("\"kind\":\"pod\""), TIMEOUT);
            assertThat(resync.data()).contains("\"after-cut\"");
            assertThat(this.view.podLists()).isGreaterThan(lists);

            this.server.put(pod("payments", "after-gone"));
            assertThat(sse.await((e) -> e.data().contains("\"after-gone\""), TIMEOUT).name()).isEqualTo("change");
        }
    }

    @Test
    void scalesADeploymentByServerSideApply() throws Exception {
        try (SseClient sse = new SseClient(this.http, uri("/api/events"))) {
            sse.await((e) -> e.name().equals("snapshot"), TIMEOUT);
            HttpResponse<String> response = post("/api/namespaces/payments/deployments/payments-api/scale",
                    "{\"replicas\":5}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("replicas").asInt()).isEqualTo(5);

            Deployment stored = this.server.get(Deployment.class, "payments", "payments-api");
            assertThat(stored.getSpec().getReplicas()).isEqualTo(5);
            assertThat(stored.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager,
                    ManagedFieldsEntry::getOperation).contains(org.assertj.core.groups.Tuple.tuple("kube-dashboard", "Apply"));

            SseClient.SseEvent change = sse.await((e) -> e.data().contains("\"payments-api\""), TIMEOUT);
            assertThat(JSON.readTree(change.data()).path("item").path("desired").asInt()).isEqualTo(5);
        }
    }

    @Test
    void refusesToScaleWhatDoesNotExistOrBelowZero() throws Exception {
        HttpResponse<String> missing = post("/api/namespaces/shop/deployments/nope/scale", "{\"replicas\":1}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("message").asString()).contains("\"nope\" not found");
        assertThat(this.server.get(Deployment.class, "shop", "nope")).isNull();

        assertThat(post("/api/namespaces/shop/deployments/cart/scale", "{\"replicas\":-1}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void deletesAPod() throws Exception {
        Pod victim = this.server.put(pod("monitoring", "to-delete"));
        await().atMost(TIMEOUT).until(() -> json(get("/api/state")).toString().contains("\"to-delete\""));

        HttpResponse<String> response = delete("/api/namespaces/monitoring/pods/to-delete");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(this.server.get(Pod.class, "monitoring", victim.getMetadata().getName())).isNull();
        await().atMost(TIMEOUT).until(() -> !json(get("/api/state")).toString().contains("\"to-delete\""));

        assertThat(delete("/api/namespaces/monitoring/pods/to-delete").statusCode()).isEqualTo(404);
    }

    @Test
    void healthShowsTheKubeComponentUp() throws Exception {
        JsonNode health = json(get("/actuator/health"));
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kube").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kube").path("details").path("server").asString())
                .isEqualTo(this.server.url().toString());
    }

    @Test
    void clientPanelReportsTheClientsOwnMetricsAndHealth() throws Exception {
        JsonNode numbers = json(get("/api/client"));
        assertThat(numbers.path("requests").asLong()).isPositive();
        assertThat(numbers.path("requestsByCode").path("200").asLong()).isPositive();
        assertThat(numbers.path("rateLimiterWaits").asLong()).isPositive();
        assertThat(numbers.has("retries")).isTrue();
        assertThat(numbers.path("health").asString()).isEqualTo("UP");
        assertThat(get("/actuator/prometheus").body()).contains("kube_client_requests_seconds_count");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** An unscheduled pod: the fake server deletes it at once. */
    static Pod pod(String namespace, String name) {
        return new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).addToLabels("app", "probe").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                .build();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach((i) -> names.add(i.path("name").asString()));
        return names;
    }

    static JsonNode find(JsonNode items, String namespace, String name) {
        for (JsonNode i : items) {
            if (namespace.equals(i.path("namespace").asString()) && name.equals(i.path("name").asString())) {
                return i;
            }
        }
        throw new AssertionError(namespace + "/" + name + " not in " + items);
    }
}
