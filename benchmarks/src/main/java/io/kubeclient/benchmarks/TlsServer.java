package io.kubeclient.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.KeyStoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The benchmark payloads over TLS, as clients reach an API server: HTTP/2 negotiated by ALPN (or
 * HTTP/1.1 only), TCP_NODELAY, served by Vert.x (already on this module's class path for fabric8's
 * Vert.x backend; the JDK has no HTTP/2 server). The key and its self-signed certificate, valid for
 * {@code 127.0.0.1} and {@code localhost}, are made by the JDK's {@code keytool} into a temporary
 * directory that {@link #close()} deletes; clients trust that certificate alone, as a kubeconfig's CA.
 */
final class TlsServer implements BenchServer {

    private static final String PASSWORD = "benchmark";

    private final Path dir;
    private final byte[] caPem;
    private final boolean http2;
    private final Vertx vertx;
    private final HttpServer server;
    /** Requests served per protocol version, so a run can show that every client used the one intended. */
    private final Map<HttpVersion, LongAdder> versions = new ConcurrentHashMap<>();

    /** @param http2 offer HTTP/2 and HTTP/1.1 by ALPN; false offers HTTP/1.1 alone */
    TlsServer(byte[] list, byte[] configMap, byte[] watch, boolean http2) throws IOException, InterruptedException {
        this(list, configMap, watch, http2, 0);
    }

    /**
     * @param getGapMillis when positive, each GET's headers are sent first and its body after a random
     *     pause of 0 to this many milliseconds, so clients see the two apart ({@link Soak})
     */
    TlsServer(byte[] list, byte[] configMap, byte[] watch, boolean http2, int getGapMillis)
            throws IOException, InterruptedException {
        this.http2 = http2;
        dir = Files.createTempDirectory("kube-client-bench-tls");
        Path keyStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-file", cert.toString());
        caPem = Files.readAllBytes(cert);

        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(0)
                .setSsl(true)
                .setUseAlpn(true)
                .setAlpnVersions(http2 ? List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1) : List.of(HttpVersion.HTTP_1_1))
                .setTcpNoDelay(true)
                .setKeyCertOptions(new KeyStoreOptions().setType("PKCS12").setPath(keyStore.toString()).setPassword(PASSWORD));
        Buffer listBody = Buffer.buffer(list);
        Buffer getBody = Buffer.buffer(configMap);
        server = vertx.createHttpServer(options).requestHandler(req -> {
            versions.computeIfAbsent(req.version(), v -> new LongAdder()).increment();
            String path = req.path();
            if (path.equals(GET_PATH) && getGapMillis > 0) {
                HttpServerResponse response = req.response().putHeader("Content-Type", "application/json")
                        .putHeader("Content-Length", Integer.toString(getBody.length()));
                response.writeHead();
                vertx.setTimer(1 + ThreadLocalRandom.current().nextInt(getGapMillis), id -> response.end(getBody));
            } else if (path.equals(GET_PATH)) {
                fixed(req, getBody);
            } else if (path.equals(LIST_PATH) && isWatch(req)) {
                chunked(req.response(), watch, 0);
            } else if (path.equals(LIST_PATH)) {
                fixed(req, listBody);
            } else {
                req.response().setStatusCode(404).end();
            }
        });
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IOException("the TLS benchmark server did not start", e);
        }
    }

    private static boolean isWatch(HttpServerRequest req) {
        String watch = req.getParam("watch");
        return "true".equals(watch) || "1".equals(watch);
    }

    private static void fixed(HttpServerRequest req, Buffer body) {
        req.response().putHeader("Content-Type", "application/json").end(body);
    }

    /** Writes {@code body} from {@code offset} in 64 KiB chunks, waiting whenever the write queue is full. */
    private static void chunked(HttpServerResponse response, byte[] body, int offset) {
        if (offset == 0) {
            response.setChunked(true).putHeader("Content-Type", "application/json");
        }
        int off = offset;
        while (off < body.length) {
            int n = Math.min(64 * 1024, body.length - off);
            response.write(Buffer.buffer().appendBytes(body, off, n));
            off += n;
            if (response.writeQueueFull()) {
                int next = off;
                response.drainHandler(v -> chunked(response, body, next));
                return;
            }
        }
        response.end();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>();
        command.add(keytool.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }

    /** How many requests each protocol version carried, for example {@code {HTTP_2=1200}}. */
    String versionsServed() {
        return new java.util.TreeMap<>(versions).toString();
    }

    @Override
    public String host() {
        return "https://127.0.0.1:" + server.actualPort();
    }

    @Override
    public byte[] caPem() {
        return caPem.clone();
    }

    @Override
    public boolean http2() {
        return http2;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The event-loop threads are daemons; nothing is left to wait for.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind.
        }
    }
}
