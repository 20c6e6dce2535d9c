package io.kubeclient.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A static loopback server that serves the benchmark payloads. Every client under test reads the
 * very same bytes from it, so differences come from the client alone.
 */
final class LoopbackServer implements BenchServer {

    private final HttpServer server;
    private final ExecutorService executor;

    LoopbackServer(byte[] list, byte[] configMap, byte[] watch) throws IOException {
        // Without TCP_NODELAY every small response waits on a delayed ACK (about 40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "bench-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(LIST_PATH, ex -> {
            if (isWatch(ex)) {
                chunked(ex, watch);
            } else {
                fixed(ex, list);
            }
        });
        server.createContext(GET_PATH, ex -> fixed(ex, configMap));
        server.start();
    }

    @Override
    public String host() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether the query asks for a watch ({@code watch=true} or {@code watch=1}), as every client spells it. */
    private static boolean isWatch(HttpExchange ex) {
        String query = ex.getRequestURI().getRawQuery();
        if (query == null) {
            return false;
        }
        for (String param : query.split("&")) {
            if (param.equals("watch=true") || param.equals("watch=1")) {
                return true;
            }
        }
        return false;
    }

    private static void fixed(HttpExchange ex, byte[] body) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void chunked(HttpExchange ex, byte[] body) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                int chunk = 64 * 1024;
                for (int off = 0; off < body.length; off += chunk) {
                    out.write(body, off, Math.min(chunk, body.length - off));
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
