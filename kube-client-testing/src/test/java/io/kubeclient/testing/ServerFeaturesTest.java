package io.kubeclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubeclient.rest.RestConfig;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ServerFeaturesTest {

    FakeApiServer server;
    Http http;

    @BeforeEach
    void start() {
        server = FakeApiServer.builder().start();
        http = new Http(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void restConfigPointsAtTheServer() {
        RestConfig config = server.restConfig();
        assertThat(config.host()).isEqualTo(server.url().toString());
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.caCertificatePem()).isNull();
    }

    @Test
    void healthAndVersionEndpoints() {
        for (String p : List.of("/healthz", "/livez", "/readyz")) {
            Http.Response r = http.get(p);
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ok");
        }
        JsonNode v = http.get("/version").body();
        assertThat(v.get("major").asString()).isEqualTo("1");
        assertThat(v.get("gitVersion").asString()).startsWith("v1.");
    }

    @Test
    void legacyDiscovery() {
        assertThat(http.get("/api").body().get("versions").toString()).isEqualTo("[\"v1\"]");
        JsonNode groups = http.get("/apis").body();
        assertThat(groups.get("kind").asString()).isEqualTo("APIGroupList");
        List<String> names = new ArrayList<>();
        groups.get("groups").forEach(g -> names.add(g.get("name").asString()));
        assertThat(names).contains("apps", "batch", "apiextensions.k8s.io").doesNotContain("");
        JsonNode core = http.get("/api/v1").body();
        assertThat(core.get("groupVersion").asString()).isEqualTo("v1");
        List<String> resources = new ArrayList<>();
        core.get("resources").forEach(r -> resources.add(r.get("name").asString()));
        assertThat(resources).contains("pods", "pods/status", "namespaces", "configmaps", "secrets", "services",
                "serviceaccounts", "nodes", "events", "persistentvolumeclaims").doesNotContain("configmaps/status");
        JsonNode apps = http.get("/apis/apps/v1").body();
        JsonNode scale = null;
        for (JsonNode r : apps.get("resources")) {
            if (r.get("name").asString().equals("deployments/scale")) {
                scale = r;
            }
        }
        assertThat(scale).isNotNull();
        assertThat(scale.get("kind").asString()).isEqualTo("Scale");
        assertThat(http.get("/apis/apps").body().at("/preferredVersion/groupVersion").asString()).isEqualTo("apps/v1");
        assertThat(http.get("/apis/nope/v1").code()).isEqualTo(404);
    }

    @Test
    void aggregatedDiscoveryAnswersWithItsContentType() {
        String accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
        Http.Response apis = http.get("/apis", accept);
        assertThat(apis.headers().firstValue("Content-Type")).hasValue(Discovery.AGGREGATED_CONTENT_TYPE);
        assertThat(apis.body().get("kind").asString()).isEqualTo("APIGroupDiscoveryList");
        JsonNode deployments = null;
        for (JsonNode item : apis.body().get("items")) {
            if (item.at("/metadata/name").asString().equals("apps")) {
                deployments = item.at("/versions/0/resources/0");
                assertThat(item.at("/versions/0/freshness").asString()).isEqualTo("Current");
            }
        }
        assertThat(deployments.get("resource").asString()).isEqualTo("deployments");
        assertThat(deployments.get("scope").asString()).isEqualTo("Namespaced");
        assertThat(deployments.at("/responseKind/kind").asString()).isEqualTo("Deployment");
        assertThat(deployments.at("/subresources/1/subresource").asString()).isEqualTo("scale");
        Http.Response api = http.get("/api", accept);
        assertThat(api.body().at("/items/0/metadata/name").asString()).isEmpty();
        assertThat(http.get("/api").headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void tableOutputWithNameAndAgeColumns() {
        http.post("/api/v1/namespaces/default/configmaps", Http.json("{'metadata':{'name':'t1'}}"));
        server.clock().advance(Duration.ofMinutes(5));
        http.post("/api/v1/namespaces/default/configmaps", Http.json("{'metadata':{'name':'t2'}}"));
        String accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
        JsonNode t = http.get("/api/v1/namespaces/default/configmaps", accept).body();
        assertThat(t.get("kind").asString()).isEqualTo("Table");
        assertThat(t.get("apiVersion").asString()).isEqualTo("meta.k8s.io/v1");
        assertThat(t.at("/columnDefinitions/0/name").asString()).isEqualTo("Name");
        assertThat(t.at("/columnDefinitions/0/format").asString()).isEqualTo("name");
        assertThat(t.at("/columnDefinitions/1/name").asString()).isEqualTo("Age");
        assertThat(t.at("/rows/0/cells").toString()).isEqualTo("[\"t1\",\"5m\"]");
        assertThat(t.at("/rows/1/cells").toString()).isEqualTo("[\"t2\",\"0s\"]");
        assertThat(t.at("/rows/0/object/kind").asString()).isEqualTo("PartialObjectMetadata");
        JsonNode full = http.get("/api/v1/namespaces/default/configmaps?includeObject=Object", accept).body();
        assertThat(full.at("/rows/0/object/kind").asString()).isEqualTo("ConfigMap");
        JsonNode none = http.get("/api/v1/namespaces/default/configmaps/t1?includeObject=None", accept).body();
        assertThat(none.at("/rows/0/object").isMissingNode()).isTrue();
        assertThat(none.get("rows")).hasSize(1);
    }

    @Test
    void failNextAnswersWithStatusAndRetryAfter() {
        server.faults().failNext(r -> r.method().equals("GET") && r.path().endsWith("/configmaps"), 2, 429,
                Duration.ofSeconds(3));
        Http.Response r1 = http.get("/api/v1/namespaces/default/configmaps");
        assertThat(r1.code()).isEqualTo(429);
        assertThat(r1.reason()).isEqualTo("TooManyRequests");
        assertThat(r1.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(r1.body().at("/details/retryAfterSeconds").asInt()).isEqualTo(3);
        assertThat(http.get("/api/v1/namespaces/default/pods").code()).isEqualTo(200);
        assertThat(http.get("/api/v1/namespaces/default/configmaps").code()).isEqualTo(429);
        assertThat(http.get("/api/v1/namespaces/default/configmaps").code()).isEqualTo(200);

        server.faults().failNext(1, 503);
        assertThat(http.get("/version").reason()).isEqualTo("ServiceUnavailable");
        assertThat(http.get("/version").code()).isEqualTo(200);
    }

    @Test
    void latencyDelaysMatchingRequests() {
        server.faults().addLatency(r -> r.path().equals("/version"), Duration.ofMillis(300));
        long t0 = System.nanoTime();
        http.get("/version");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        server.faults().clear();
    }

    @Test
    void cutNextResponseDropsTheConnectionMidBody() {
        server.faults().cutNextResponse(r -> r.path().equals("/version"));
        assertThatThrownBy(() -> http.get("/version")).hasRootCauseInstanceOf(java.io.IOException.class);
        assertThat(http.get("/version").code()).isEqualTo(200);
    }

    @Test
    void cutWatchesDropsEveryOpenWatch() {
        try (Http.Stream a = http.watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion="
                + server.resourceVersion());
                Http.Stream b = http.watch("/api/v1/pods?watch=true&resourceVersion=" + server.resourceVersion())) {
            http.post("/api/v1/namespaces/default/configmaps", Http.json("{'metadata':{'name':'before-cut'}}"));
            assertThat(a.next().get("type").asString()).isEqualTo("ADDED");
            server.faults().cutWatches();
            assertThat(a.next().get("type").asString()).isEqualTo("EOF");
            assertThat(b.next().get("type").asString()).isEqualTo("EOF");
            assertThat(a.failure).isNotNull().hasCauseInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void parallelWritersGetConflictsButNeverLoseUpdates() throws Exception {
        http.post("/api/v1/namespaces/default/configmaps", Http.json("{'metadata':{'name':'counter'},"
                + "'data':{'n':'0'}}"));
        int threads = 8;
        int perThread = 25;
        AtomicInteger conflicts = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                Http h = new Http(server);
                for (int i = 0; i < perThread; i++) {
                    while (true) {
                        JsonNode cur = h.get("/api/v1/namespaces/default/configmaps/counter").body();
                        ObjectNode next = (ObjectNode) cur.deepCopy();
                        int n = Integer.parseInt(cur.at("/data/n").asString());
                        ((ObjectNode) next.get("data")).put("n", Integer.toString(n + 1));
                        Http.Response r = h.put("/api/v1/namespaces/default/configmaps/counter", next);
                        if (r.code() == 200) {
                            break;
                        }
                        assertThat(r.code()).isEqualTo(409);
                        conflicts.incrementAndGet();
                    }
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        assertThat(http.get("/api/v1/namespaces/default/configmaps/counter").body().at("/data/n").asString())
                .isEqualTo(Integer.toString(threads * perThread));
        assertThat(conflicts.get()).isPositive();
    }

    @Test
    void httpsServesWithTheExposedCa() throws Exception {
        try (FakeApiServer tls = FakeApiServer.builder().https().start()) {
            assertThat(tls.url().getScheme()).isEqualTo("https");
            RestConfig config = tls.restConfig();
            assertThat(config.caData()).isEqualTo(tls.caCertificatePem());
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(config.caData()));
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            Http h = new Http(tls, HttpClient.newBuilder().sslContext(ssl).build());
            assertThat(h.get("/api/v1/namespaces").code()).isEqualTo(200);
            HttpClient untrusting = HttpClient.newHttpClient();
            assertThatThrownBy(() -> untrusting.send(HttpRequest.newBuilder(tls.url().resolve("/version")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    @Test
    void notAcceptableAndUnknownPaths() {
        assertThat(http.get("/api/v1/namespaces/default/pods", "application/vnd.kubernetes.protobuf").code())
                .isEqualTo(406);
        assertThat(http.get("/api/v1/namespaces/default/widgets").code()).isEqualTo(404);
        assertThat(http.get("/nothing/here").code()).isEqualTo(404);
    }
}
