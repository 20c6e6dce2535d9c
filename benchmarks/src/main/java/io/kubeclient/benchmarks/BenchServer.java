package io.kubeclient.benchmarks;

import java.net.URI;

/**
 * The loopback server every client under test reads the same bytes from: {@link LoopbackServer}
 * (plain HTTP/1.1, the JDK's server) or {@link TlsServer} (TLS with HTTP/2 or HTTP/1.1, as an API
 * server is reached).
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

    @Override
    void close();
}
