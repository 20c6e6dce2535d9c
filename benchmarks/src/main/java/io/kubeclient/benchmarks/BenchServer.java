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
     * {@code vertx} (plain HTTP/1.1), {@code tls-h2} or {@code tls-http1.1} ({@link VertxServer}), or
     * {@code url:<http or https URL>} for a server started apart that serves the same payloads at the
     * same paths (over https trusting the PEM file {@code -Dbench.caFile}, with HTTP/2 unless
     * {@code -Dbench.http2=false}).
     *
     * @param getGapMillis for Vert.x, a pause of up to this many ms between a GET's headers and body
     */
    static BenchServer fromProperty(byte[] list, byte[] configMap, byte[] watch, int getGapMillis)
            throws java.io.IOException, InterruptedException {
        String name = System.getProperty("bench.server", "jdk");
        if (name.startsWith("url:")) {
            return External.of(name.substring(4));
        }
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

    /** A server this process did not start; closing it does nothing. */
    record External(String host, byte[] ca, boolean useHttp2) implements BenchServer {

        static External of(String url) throws java.io.IOException {
            String host = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            if (!host.startsWith("https://")) {
                return new External(host, null, false);
            }
            String caFile = System.getProperty("bench.caFile");
            if (caFile == null) {
                throw new IllegalArgumentException("an https bench.server needs -Dbench.caFile=<PEM file>");
            }
            return new External(host, java.nio.file.Files.readAllBytes(java.nio.file.Path.of(caFile)),
                    !"false".equals(System.getProperty("bench.http2")));
        }

        @Override
        public byte[] caPem() {
            return ca == null ? null : ca.clone();
        }

        @Override
        public boolean http2() {
            return useHttp2;
        }

        @Override
        public void close() {
            // Not ours to stop.
        }
    }
}
