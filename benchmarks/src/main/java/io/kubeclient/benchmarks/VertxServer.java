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
 * The benchmark payloads served by Vert.x (already on this module's class path for fabric8's Vert.x
 * backend; the JDK has no HTTP/2 server), with TCP_NODELAY: over TLS as clients reach an API server,
 * HTTP/2 negotiated by ALPN or HTTP/1.1 only, or as plain HTTP/1.1, to compare with the JDK's server.
 * For TLS the key and its self-signed certificate, valid for {@code 127.0.0.1} and
 * {@code localhost}, are made by the JDK's {@code keytool} into a temporary directory that
 * {@link #close()} deletes; clients trust that certificate alone, as a kubeconfig's CA.
 */
final class VertxServer implements BenchServer {

    /** What the server speaks. */
    enum Mode {
        PLAIN_HTTP1, TLS_HTTP1, TLS_H2
    }

    private static final String PASSWORD = "benchmark";

    private final Mode mode;
    private final Path dir;
    private final byte[] caPem;
    private final Vertx vertx;
    private final HttpServer server;
    /** Requests served per protocol version, so a run can show that every client used the one intended. */
    private final Map<HttpVersion, LongAdder> versions = new ConcurrentHashMap<>();

    /**
     * @param getGapMillis when positive, each GET's headers are sent first and its body after a random
     *     pause of 1 to this many milliseconds, so clients see the two apart ({@link Soak})
     */
    VertxServer(Mode mode, byte[] list, byte[] configMap, byte[] watch, int getGapMillis)
            throws IOException, InterruptedException {
        this.mode = mode;
        Path keyStore = null;
        if (mode == Mode.PLAIN_HTTP1) {
            dir = null;
            caPem = null;
        } else {
            dir = Files.createTempDirectory("kube-client-bench-tls");
            keyStore = dir.resolve("server.p12");
            Path cert = dir.resolve("server.pem");
            keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", PASSWORD);
            keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
                    "-storepass", PASSWORD, "-file", cert.toString());
            caPem = Files.readAllBytes(cert);
        }

        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true);
        if (keyStore != null) {
            options.setSsl(true)
                    .setUseAlpn(true)
                    .setAlpnVersions(mode == Mode.TLS_H2 ? List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1)
                            : List.of(HttpVersion.HTTP_1_1))
                    .setKeyCertOptions(new KeyStoreOptions().setType("PKCS12").setPath(keyStore.toString())
                            .setPassword(PASSWORD));
        }
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
            throw new IOException("the Vert.x benchmark server did not start", e);
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
        return (caPem == null ? "http" : "https") + "://127.0.0.1:" + server.actualPort();
    }

    @Override
    public byte[] caPem() {
        return caPem == null ? null : caPem.clone();
    }

    @Override
    public boolean http2() {
        return mode == Mode.TLS_H2;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The event-loop threads are daemons; nothing is left to wait for.
        }
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind.
        }
    }
}
