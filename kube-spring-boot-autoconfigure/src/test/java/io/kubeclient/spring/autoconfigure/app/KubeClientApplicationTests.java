package io.kubeclient.spring.autoconfigure.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubeclient.rest.RESTClient;
import io.kubeclient.spring.autoconfigure.KubeTestServers;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole application with the starter's auto-configuration, actuator and a web server, against an
 * HTTPS mock API server: health over HTTP, then meters with exact counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "kube.client.qps=2", "kube.client.burst=1", "management.endpoint.health.show-details=always",
                "management.endpoints.web.exposure.include=health,metrics" })
class KubeClientApplicationTests {

    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"34\",\"gitVersion\":\"v1.34.1\"}";

    private static final String PODS = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"items\":[]}";

    static final KubeTestServers servers = new KubeTestServers();

    static final Queue<MockResponse> podResponses = new ConcurrentLinkedQueue<>();

    static {
        servers.main.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getTarget();
                if (target.startsWith("/readyz")) {
                    return new MockResponse.Builder().body("ok").build();
                }
                if (target.startsWith("/version")) {
                    return json(200, VERSION).build();
                }
                MockResponse next = podResponses.poll();
                return (next != null) ? next : json(500, "").build();
            }
        });
    }

    @DynamicPropertySource
    static void kubeconfig(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("kube-app-test");
        Path kubeconfig = servers.writeKubeconfig(dir);
        registry.add("kube.client.kubeconfig", kubeconfig::toString);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    RESTClient client;

    @Autowired
    MeterRegistry meters;

    private static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).addHeader("Content-Type", "application/json");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void healthAndMetricsOverHttp() throws Exception {
        JsonNode kube = JsonMapper.builder().build().readTree(get("/actuator/health")).path("components").path("kube");
        assertThat(kube.path("status").asString()).isEqualTo("UP");
        assertThat(kube.path("details").path("version").asString()).isEqualTo("v1.34.1");
        assertThat(kube.path("details").path("context").asString()).isEqualTo("main");

        // One request takes the only token; the next is throttled, answered 429, retried and throttled again.
        podResponses.add(json(200, PODS).build());
        podResponses.add(json(429, "").addHeader("Retry-After", "0").build());
        podResponses.add(json(200, PODS).build());
        this.client.get().namespace("team-a").resource("pods").execute();
        this.client.get().namespace("team-a").resource("pods").execute();

        String host = "localhost:" + servers.main.getPort();
        assertThat(this.meters.get("kube.client.requests").tags("verb", "GET", "resource", "pods", "code", "200",
                "host", host).timer().count()).isEqualTo(2);
        assertThat(this.meters.get("kube.client.requests").tags("resource", "pods", "code", "429").timer().count())
            .isEqualTo(1);
        assertThat(this.meters.get("kube.client.requests").tags("resource", "none", "code", "200").timer().count())
            .isEqualTo(2);
        assertThat(this.meters.get("kube.client.request.retries").tags("verb", "GET", "code", "429", "host", host)
            .counter().count()).isEqualTo(1.0);
        // Two health probes (never throttled) and three pod attempts.
        assertThat(this.meters.get("kube.client.rate.limiter.wait").tags("verb", "GET", "host", host).timer().count())
            .isEqualTo(5);
        assertThat(this.meters.get("kube.client.rate.limiter.wait").timer().totalTime(TimeUnit.MILLISECONDS))
            .isGreaterThan(400);
        assertThat(this.meters.get("kube.client.requests.active").gauge().value()).isZero();
        assertThat(this.meters.get("kube.client.rate.limiter.qps").gauge().value()).isEqualTo(2.0);
        assertThat(this.meters.get("kube.client.rate.limiter.burst").gauge().value()).isEqualTo(1.0);

        assertThat(get("/actuator/metrics/kube.client.request.retries")).contains("\"value\":1.0");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

    }
}
