package io.kubeclient.discovery;

import io.kubeclient.rest.RestConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A {@link MockWebServer} answering discovery paths from a route table (path and query, else path alone,
 * to response),
 * recording every request; unknown paths get the API server's plain-text 404. Routes can change
 * between calls to simulate a server that gains a CRD or loses a group.
 */
final class DiscoveryServer extends Dispatcher implements AutoCloseable {

    static final String AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    static final String JSON = "application/json";

    final MockWebServer server = new MockWebServer();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<MockResponse>> routes = new ConcurrentHashMap<>();

    DiscoveryServer() throws Exception {
        server.setDispatcher(this);
        server.start();
    }

    String host() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    RestConfig config() {
        return RestConfig.builder().host(host()).qps(-1).build();
    }

    /** Serves a fixture under {@code io/kubeclient/discovery/} with a content type. */
    DiscoveryServer fixture(String target, String contentType, String fixture) {
        return body(target, 200, contentType, new String(FakeDiscovery.read(fixture), java.nio.charset.StandardCharsets.UTF_8));
    }

    DiscoveryServer body(String target, int code, String contentType, String body) {
        routes.put(target, () -> {
            MockResponse.Builder b = new MockResponse.Builder().code(code).body(body);
            if (contentType != null) {
                b.setHeader("Content-Type", contentType);
            }
            return b.build();
        });
        return this;
    }

    /** An aggregated server: {@code /api} and {@code /apis} in v2 form. */
    DiscoveryServer aggregated(String api, String apis) {
        return fixture("/api", AGGREGATED, api).fixture("/apis", AGGREGATED, apis);
    }

    /** A server without aggregated discovery: plain JSON whatever was asked, plus each group version. */
    DiscoveryServer legacy() {
        return fixture("/api", JSON, "legacy-api.json")
                .fixture("/apis", JSON, "legacy-apis.json")
                .fixture("/api/v1", JSON, "legacy-v1.json")
                .fixture("/apis/apps/v1", JSON, "legacy-apps-v1.json")
                .fixture("/apis/example.com/v1", JSON, "legacy-example-v1.json")
                .fixture("/apis/example.com/v2", JSON, "legacy-example-v2.json")
                .fixture("/apis/metrics.example.io/v1beta1", JSON, "legacy-metrics-v1beta1.json");
    }

    void remove(String target) {
        routes.remove(target);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        Supplier<MockResponse> route = routes.get(request.getTarget());
        if (route == null) {
            route = routes.get(request.getUrl().encodedPath());
        }
        if (route != null) {
            return route.get();
        }
        return new MockResponse.Builder().code(404).body("404 page not found\n")
                .setHeader("Content-Type", "text/plain; charset=utf-8").build();
    }

    /** The paths requested so far, in order, without query. */
    List<String> targets() {
        return requests.stream().map(r -> r.getUrl().encodedPath()).toList();
    }

    long count(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).count();
    }

    @Override
    public void close() {
        server.close();
    }
}
