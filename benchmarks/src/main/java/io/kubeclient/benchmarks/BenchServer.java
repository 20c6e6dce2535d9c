package io.kubeclient.benchmarks;

import java.net.URI;

/**
 * The loopback server every client under test reads the same bytes from: {@link LoopbackServer}
 * (plain HTTP/1.1, the JDK's server) or {@link VertxServer} (TLS with HTTP/2 or HTTP/1.1, as an API
 * server is reached, or plain HTTP/1.1).
 */
interface BenchServer extends AutoCloseable {

    String LIST_PATH = "/api/v1/pods";
    String GET_PATH = "/api/v1/namespaces/default/configmaps/bench";

    /** The absolute URI of {@code path} (which may carry a query). */
    default URI uri(String path) {
        return URI.create(host() + path);
    }

    /** The scheme, address and port, as a kubeconfig's {@code server}. */
    String host();

    /** The PEM certificate to trust, or null for plain HTTP. */
    default byte[] caPem() {
        return null;
    }

    /** Whether clients should use HTTP/2 (negotiated over TLS); false means HTTP/1.1. */
    default boolean http2() {
        return false;
    }

    /**
     * The server {@code -Dbench.server} names: {@code jdk} (the default, {@link LoopbackServer}),
     * {@code vertx} (plain HTTP/1.1), {@code tls-h2} or {@code tls-http1.1} ({@link VertxServer}).
     *
     * @param getGapMillis for Vert.x, a pause of up to this many ms between a GET's headers and body
     */
    static BenchServer fromProperty(byte[] list, byte[] configMap, byte[] watch, int getGapMillis)
            throws java.io.IOException, InterruptedException {
        String name = System.getProperty("bench.server", "jdk");
        return switch (name) {
            case "jdk" -> new LoopbackServer(list, configMap, watch);
            case "vertx" -> new VertxServer(VertxServer.Mode.PLAIN_HTTP1, list, configMap, watch, getGapMillis);
            case "tls-h2" -> new VertxServer(VertxServer.Mode.TLS_H2, list, configMap, watch, getGapMillis);
            case "tls-http1.1" -> new VertxServer(VertxServer.Mode.TLS_HTTP1, list, configMap, watch, getGapMillis);
            default -> throw new IllegalArgumentException(
                    "bench.server must be jdk, vertx, tls-h2 or tls-http1.1, got " + name);
        };
    }

    @Override
    void close();
}
