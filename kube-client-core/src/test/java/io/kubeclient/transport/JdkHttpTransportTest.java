package io.kubeclient.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class JdkHttpTransportTest {

    MockWebServer server;
    JdkHttpTransport transport;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        transport = JdkHttpTransport.builder().build();
    }

    @AfterEach
    void tearDown() {
        transport.close();
        server.close();
    }

    static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void sendsHeadersAndBodyAndReturnsStatusHeadersAndBody() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).addHeader("X-Reply", "yes").body("created").build());
        TransportRequest req = TransportRequest.builder("POST", server.url("/api/v1/pods").uri())
                .setHeader("Content-Type", "application/json")
                .addHeader("X-Multi", "a").addHeader("X-Multi", "b")
                .body(TransportRequest.Body.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .build();
        try (TransportResponse r = transport.send(req)) {
            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.header("x-reply")).contains("yes");
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("created");
        }
        RecordedRequest rec = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(rec.getMethod()).isEqualTo("POST");
        assertThat(rec.getVersion()).isEqualTo("HTTP/1.1");
        assertThat(rec.getHeaders().values("X-Multi")).containsExactly("a", "b");
        assertThat(rec.getHeaders().get("Upgrade")).isNull();
        assertThat(rec.getBody().utf8()).isEqualTo("{\"a\":1}");
    }

    @Test
    void streamsABodyOfKnownLength() throws Exception {
        server.enqueue(new MockResponse.Builder().build());
        byte[] data = "streamed".getBytes(StandardCharsets.UTF_8);
        TransportRequest req = TransportRequest.builder("PUT", server.url("/x").uri())
                .body(TransportRequest.Body.ofStream(() -> new java.io.ByteArrayInputStream(data), data.length, false)).build();
        transport.send(req).close();
        RecordedRequest rec = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(rec.getHeaders().get("Content-Length")).isEqualTo("8");
        assertThat(rec.getBody().utf8()).isEqualTo("streamed");
    }

    @Test
    void asksForGzipAndDecodesItTransparently() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip")
                .body(new Buffer().write(gzip("hello gzip"))).build());
        try (TransportResponse r = transport.send(TransportRequest.builder("GET", server.url("/").uri()).build())) {
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello gzip");
            assertThat(r.header("Content-Encoding")).isEmpty();
        }
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void disableCompressionNeitherAsksNorDecodes() throws Exception {
        transport.close();
        transport = JdkHttpTransport.builder().disableCompression(true).build();
        byte[] gz = gzip("raw");
        server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip").body(new Buffer().write(gz)).build());
        try (TransportResponse r = transport.send(TransportRequest.builder("GET", server.url("/").uri()).build())) {
            assertThat(r.body().readAllBytes()).isEqualTo(gz);
            assertThat(r.header("Content-Encoding")).contains("gzip");
        }
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Accept-Encoding")).isNull();
    }

    @Test
    void dropsHeadersTheJdkSetsItselfInAnyCaseAndSendsTheRest() throws Exception {
        server.enqueue(new MockResponse.Builder().build());
        TransportRequest req = TransportRequest.builder("GET", server.url("/").uri())
                .addHeader("CONNECTION", "close").addHeader("Host", "elsewhere").addHeader("tE", "trailers")
                .addHeader("Keep-Alive", "1").addHeader("Expect", "100-continue").addHeader("X-Kept", "1")
                .addHeader("Hosts", "not restricted").build();
        transport.send(req).close();
        RecordedRequest rec = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(rec.getHeaders().get("Host")).isEqualTo(server.getHostName() + ":" + server.getPort());
        assertThat(rec.getHeaders().get("TE")).isNull();
        assertThat(rec.getHeaders().get("Keep-Alive")).isNull();
        assertThat(rec.getHeaders().get("Expect")).isNull();
        assertThat(rec.getHeaders().get("X-Kept")).isEqualTo("1");
        assertThat(rec.getHeaders().get("Hosts")).isEqualTo("not restricted");
        assertThat(JdkHttpTransport.isRestricted("Content-Length")).isTrue();
        assertThat(JdkHttpTransport.isRestricted("transfer-ENCODING")).isTrue();
        assertThat(JdkHttpTransport.isRestricted("Upgrade")).isTrue();
        assertThat(JdkHttpTransport.isRestricted("Accept")).isFalse();
    }

    @Test
    void aCallersAcceptEncodingInAnyCaseStopsTheGzipRequest() throws Exception {
        server.enqueue(new MockResponse.Builder().body("plain").build());
        TransportRequest req = TransportRequest.builder("GET", server.url("/").uri()).setHeader("accept-ENCODING", "identity").build();
        try (TransportResponse r = transport.send(req)) {
            assertThat(r.body().readAllBytes()).isEqualTo("plain".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().values("Accept-Encoding")).containsExactly("identity");
    }

    @Test
    void responseHeaderLookupsIgnoreCaseWithAndWithoutDecoding() throws Exception {
        server.enqueue(new MockResponse.Builder().addHeader("X-Multi", "a").addHeader("x-multi", "b").body("plain").build());
        server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip").addHeader("X-Multi", "a")
                .addHeader("X-MULTI", "b").body(new Buffer().write(gzip("zipped"))).build());
        for (int i = 0; i < 2; i++) {
            try (TransportResponse r = transport.send(TransportRequest.builder("GET", server.url("/").uri()).build())) {
                assertThat(r.headerValues("x-MULTI")).containsExactly("a", "b");
                assertThat(r.header("X-Multi")).contains("a");
                assertThat(r.headerValues("X-Absent")).isEmpty();
                assertThat(r.header("x-absent")).isEmpty();
                assertThat(r.headerValues("content-encoding")).isEmpty();
                assertThat(r.headers().get("X-MULTI")).containsExactly("a", "b");
                r.body().readAllBytes();
            }
        }
    }

    @Test
    void leavesBodyEncodedWhenTheCallerAskedForAnEncoding() throws Exception {
        byte[] gz = gzip("mine");
        server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip").body(new Buffer().write(gz)).build());
        TransportRequest req = TransportRequest.builder("GET", server.url("/").uri()).setHeader("Accept-Encoding", "gzip").build();
        try (TransportResponse r = transport.send(req)) {
            assertThat(r.body().readAllBytes()).isEqualTo(gz);
        }
    }

    @Test
    void timesOutWaitingForHeaders() {
        server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).build());
        TransportRequest req = TransportRequest.builder("GET", server.url("/slow").uri()).timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> transport.send(req)).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void interruptingTheCallerCancelsTheExchange() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).build());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                transport.send(TransportRequest.builder("GET", server.url("/hang").uri()).build()).close();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        server.takeRequest(5, TimeUnit.SECONDS);
        caller.interrupt();
        caller.join(5_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void closingAResponseWithAnUnreadStreamDoesNotBlock() throws Exception {
        // An endless body, like a watch: the server keeps writing slowly.
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[1 << 20]))
                .throttleBody(1024, 100, TimeUnit.MILLISECONDS).build());
        TransportResponse r = transport.send(TransportRequest.builder("GET", server.url("/watch").uri()).build());
        InputStream in = r.body();
        assertThat(in.read(new byte[10])).isPositive();
        CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
            try {
                r.close();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        closed.get(5, TimeUnit.SECONDS);
    }

    @Test
    void connectionRefusedIsAnIOException() throws Exception {
        int port = server.getPort();
        server.close();
        assertThatThrownBy(() -> transport.send(TransportRequest.builder("GET", URI.create("http://127.0.0.1:" + port + "/")).build()))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("127.0.0.1");
    }

    /** Runs {@code task} on a new thread whose id is even ({@code parity} 0) or odd (1). */
    static <T> T onThread(int parity, java.util.concurrent.Callable<T> task) throws Exception {
        while (true) {
            java.util.concurrent.FutureTask<T> f = new java.util.concurrent.FutureTask<>(task);
            Thread t = new Thread(f);
            if (t.getId() % 2 == parity) {
                t.start();
                return f.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private int connectionOfGet(JdkHttpTransport t) throws Exception {
        server.enqueue(new MockResponse.Builder().body("ok").build());
        try (TransportResponse r = t.send(TransportRequest.builder("GET", server.url("/").uri()).build())) {
            assertThat(r.body().readAllBytes()).hasSize(2);
        }
        return server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex();
    }

    @Test
    void http11RequestsOfDifferentThreadsAreSpreadOverTheClientsAndEachThreadKeepsItsOwn() throws Exception {
        transport.close();
        transport = JdkHttpTransport.builder().shards(2).build();
        URI uri = server.url("/").uri();
        HttpClient even = onThread(0, () -> transport.client(uri));
        HttpClient odd = onThread(1, () -> transport.client(uri));
        assertThat(even).isNotSameAs(odd);
        assertThat(onThread(0, () -> transport.client(uri))).isSameAs(even);
        assertThat(onThread(1, () -> transport.client(uri))).isSameAs(odd);

        // Over the wire: each client keeps its own connection alive.
        int first = onThread(0, () -> connectionOfGet(transport));
        int second = onThread(1, () -> connectionOfGet(transport));
        assertThat(second).isNotEqualTo(first);
        assertThat(onThread(0, () -> connectionOfGet(transport))).isEqualTo(first);
        assertThat(onThread(1, () -> connectionOfGet(transport))).isEqualTo(second);
    }

    @Test
    void oneShardSendsEveryThreadsRequestsThroughOneClient() throws Exception {
        transport.close();
        transport = JdkHttpTransport.builder().shards(1).build();
        URI uri = server.url("/").uri();
        assertThat(onThread(0, () -> transport.client(uri))).isSameAs(onThread(1, () -> transport.client(uri)));
        assertThat(onThread(0, () -> connectionOfGet(transport))).isEqualTo(onThread(1, () -> connectionOfGet(transport)));
    }

    @Test
    void defaultShardsFollowTheProcessorsUpToFourAndACallersExecutorGetsOne() {
        assertThat(transport.shards()).isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            JdkHttpTransport withPool = JdkHttpTransport.builder().executor(pool).build();
            assertThat(withPool.shards()).isEqualTo(1);
            withPool.close();
        } finally {
            pool.shutdownNow();
        }
        assertThatThrownBy(() -> JdkHttpTransport.builder().shards(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void httpsRequestsThatMayUseHttp2AllGoToTheFirstClientAndClearTextOnesAreSpread() {
        transport.close();
        transport = JdkHttpTransport.builder().shards(3).build();
        URI https = URI.create("https://example.invalid/");
        URI http = URI.create("http://example.invalid/");
        for (long thread = 0; thread < 6; thread++) {
            assertThat(transport.shardOf(https, thread)).isZero();
            assertThat(transport.shardOf(http, thread)).isEqualTo((int) (thread % 3));
        }
        JdkHttpTransport http11 = JdkHttpTransport.builder().shards(3)
                .tls(TlsConfig.builder().nextProtos(java.util.List.of("http/1.1")).build()).build();
        try {
            assertThat(http11.shardOf(https, 4)).isEqualTo(1);
        } finally {
            http11.close();
        }
    }

    @Test
    void aRotatedClientCertificateReplacesEveryClientAndItsConnections() throws Exception {
        java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
        ClientCertificateSource source = new ClientCertificateSource() {
            @Override
            public ClientCertificate current() {
                return null;
            }

            @Override
            public long generation() {
                return generation.get();
            }
        };
        transport.close();
        transport = JdkHttpTransport.builder().shards(2).clientCertificates(source).build();
        URI uri = server.url("/").uri();
        HttpClient even = onThread(0, () -> transport.client(uri));
        HttpClient odd = onThread(1, () -> transport.client(uri));
        int evenConnection = onThread(0, () -> connectionOfGet(transport));
        int oddConnection = onThread(1, () -> connectionOfGet(transport));

        generation.incrementAndGet();
        HttpClient even2 = onThread(0, () -> transport.client(uri));
        HttpClient odd2 = onThread(1, () -> transport.client(uri));
        assertThat(even2).isNotSameAs(even).isNotSameAs(odd).isNotSameAs(odd2);
        assertThat(odd2).isNotSameAs(even).isNotSameAs(odd);
        assertThat(onThread(0, () -> connectionOfGet(transport))).isNotIn(evenConnection, oddConnection);
        assertThat(onThread(1, () -> connectionOfGet(transport))).isNotIn(evenConnection, oddConnection);
    }

    @Test
    void aWaitForTheFirstExchangeThatRunsOutEndsItForEveryoneElse() throws Exception {
        JdkHttpTransport.FirstExchange first = new JdkHttpTransport.FirstExchange();
        assertThat(first.lead()).isTrue();
        assertThat(first.lead()).isFalse();
        assertThat(first.isOver()).isFalse();
        // The leader never ends (say it was lost): one follower's wait runs out, and none waits after it.
        first.await(TimeUnit.MILLISECONDS.toNanos(20));
        assertThat(first.isOver()).isTrue();
    }

    @Test
    void theFirstExchangeEndingReleasesItsFollowers() throws Exception {
        JdkHttpTransport.FirstExchange first = new JdkHttpTransport.FirstExchange();
        assertThat(first.lead()).isTrue();
        java.util.concurrent.CompletableFuture<Void> follower = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                first.await(TimeUnit.MINUTES.toNanos(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        first.end();
        follower.get(30, TimeUnit.SECONDS);
        assertThat(first.isOver()).isTrue();
    }
}
