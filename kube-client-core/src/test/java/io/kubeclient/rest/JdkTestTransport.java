package io.kubeclient.rest;

import io.kubeclient.transport.HttpTransport;
import io.kubeclient.transport.TransportRequest;
import io.kubeclient.transport.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A bare JDK HttpClient transport for tests, so RESTClient tests do not depend on the real one. */
final class JdkTestTransport implements HttpTransport {

    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "host");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher;
        TransportRequest.Body body = request.body();
        if (body == null) {
            publisher = HttpRequest.BodyPublishers.noBody();
        } else if (body.bytes() != null) {
            publisher = HttpRequest.BodyPublishers.ofByteArray(body.bytes());
        } else {
            publisher = HttpRequest.BodyPublishers.ofInputStream(body::open);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).method(request.method(), publisher);
        for (Map.Entry<String, List<String>> e : request.headers().entrySet()) {
            if (RESTRICTED.contains(e.getKey().toLowerCase())) {
                continue;
            }
            e.getValue().forEach(v -> b.header(e.getKey(), v));
        }
        if (request.timeout() != null) {
            b.timeout(request.timeout());
        }
        HttpResponse<InputStream> response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new TransportResponse() {
            @Override
            public int statusCode() {
                return response.statusCode();
            }

            @Override
            public Map<String, List<String>> headers() {
                return response.headers().map();
            }

            @Override
            public InputStream body() {
                return response.body();
            }

            @Override
            public void close() throws IOException {
                response.body().close();
            }
        };
    }
}
