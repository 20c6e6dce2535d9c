package io.kubeclient.transport;

import static io.kubeclient.transport.TlsFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streaming behaviour of the transport with its defaults (inline executor, read-ahead bodies,
 * request bodies on own threads), over clear-text HTTP/1.1 ({@code "http/1.1"}) and over TLS with
 * HTTP/2 negotiated ({@code "h2"}).
 */
@Timeout(120)
class JdkHttpTransportStreamingTest {

    static final HeldCertificate CA = TlsFixtures.ca("test-ca");
    static final HeldCertificate SERVER_CERT = TlsFixtures.server(CA, "localhost");

    MockWebServer server;
    JdkHttpTransport transport;
    String protocol;
    /** Releases server-side bodies that stall, so the server can shut down. */
    final CountDownLatch release = new CountDownLatch(1);
    final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        for (Thread t : threads) {
            t.interrupt();
        }
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    void start(String protocol, Dispatcher dispatcher) throws Exception {
        start(protocol, dispatcher, JdkHttpTransport.builder());
    }

    void start(String protocol, Dispatcher dispatcher, JdkHttpTransport.Builder builder) throws Exception {
        this.protocol = protocol;
        server = new MockWebServer();
        if (dispatcher != null) {
            server.setDispatcher(dispatcher);
        }
        if (tls()) {
            server.useHttps(new HandshakeCertificates.Builder().heldCertificate(SERVER_CERT).build().sslSocketFactory());
            server.setProtocols(protocol.equals("h2") ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1));
            builder.tls(TlsConfig.builder().caData(bytes(CA.certificatePem())).build());
        }
        server.start();
        transport = builder.build();
    }

    /** {@code "h2"} and {@code "tls+http/1.1"} (a server offering only HTTP/1.1 over TLS). */
    boolean tls() {
        return !protocol.equals("http/1.1");
    }

    URI url(String path) {
        return tls() ? URI.create("https://localhost:" + server.getPort() + path) : server.url(path).uri();
    }

    TransportResponse get(String path) throws Exception {
        return transport.send(TransportRequest.builder("GET", url(path)).build());
    }

    String getString(String path) throws Exception {
        try (TransportResponse r = get(path)) {
            return r.statusCode() + " " + new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void assertProtocol(RecordedRequest r) {
        assertThat(r.getVersion()).isEqualTo(protocol.equals("h2") ? "HTTP/2" : "HTTP/1.1");
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A body written in pieces of random size, each flushed, so it reaches the client in odd slices. */
    static MockResponseBody flushedInRandomPieces(byte[] data, long seed) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return data.length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                Random r = new Random(seed);
                for (int off = 0; off < data.length; ) {
                    int n = Math.min(1 + r.nextInt(40_000), data.length - off);
                    sink.write(data, off, n);
                    sink.flush();
                    off += n;
                }
            }
        };
    }

    /** Writes {@code head} bytes, then holds the rest of a much longer body until the test ends. */
    MockResponseBody stallingAfter(int head) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return head + 1_000_000L;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(new byte[head]);
                sink.flush();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("test over");
            }
        };
    }

    /** Reads with a mix of single bytes, odd lengths and skips of zero, as decoders do. */
    static byte[] readOddly(InputStream in, long seed) throws IOException {
        Random r = new Random(seed);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[70_000];
        while (true) {
            if (r.nextInt(10) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
            } else {
                int off = r.nextInt(100);
                int n = in.read(buf, off, 1 + r.nextInt(buf.length - off - 1));
                if (n < 0) {
                    break;
                }
                out.write(buf, off, n);
            }
        }
        return out.toByteArray();
    }

    static void awaitBlocked(Thread t) {
        PrefetchingBodySubscriberTest.awaitBlocked(t);
    }

    Thread thread(Runnable r) {
        Thread t = new Thread(r, "test-reader");
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return t;
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void largeBodiesArriveIntactHoweverTheyAreSliced(String protocol) throws Exception {
        start(protocol, null);
        byte[] a = random(6 << 20, 1);
        byte[] b = random(3 << 20, 2);
        server.enqueue(new MockResponse.Builder().body(flushedInRandomPieces(a, 3)).build());
        if (protocol.equals("h2")) {
            server.enqueue(new MockResponse.Builder().body(new Buffer().write(b)).build());
        } else {
            server.enqueue(new MockResponse.Builder().chunkedBody(new Buffer().write(b), 7_919).build());
        }
        try (TransportResponse r = get("/a")) {
            assertThat(sha256(readOddly(r.body(), 4))).isEqualTo(sha256(a));
        }
        try (TransportResponse r = get("/b")) {
            assertThat(sha256(readOddly(r.body(), 5))).isEqualTo(sha256(b));
        }
        assertProtocol(server.takeRequest(5, TimeUnit.SECONDS));
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        assertProtocol(second);
        // Both on one connection: the first body's end returned it for reuse.
        assertThat(second.getConnectionIndex()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void sendReturnsAtTheHeadersWhenAStreamedBodyIsLate(String protocol) throws Exception {
        // The JDK's request timeout ends at the headers; a streamed body is not awaited inside send(),
        // where the caller's deadline could not close it. (Small bodies of declared length are
        // awaited there, under a deadline: JdkHttpTransportBufferedBodyTest.)
        start(protocol, null);
        server.enqueue(new MockResponse.Builder().bodyDelay(30, TimeUnit.SECONDS)
                .body(new Buffer().write(new byte[JdkHttpTransport.DEFAULT_BUFFER_LIMIT + 1])).build());
        TransportResponse r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> get("/late"));
        assertThat(r.statusCode()).isEqualTo(200);
        r.close();
    }

    @Test
    void aReadAheadOfOneListStillDeliversEverything() throws Exception {
        start("http/1.1", null, JdkHttpTransport.builder().readAhead(1));
        byte[] data = random(2 << 20, 11);
        server.enqueue(new MockResponse.Builder().chunkedBody(new Buffer().write(data), 5_000).build());
        try (TransportResponse r = get("/a")) {
            assertThat(sha256(readOddly(r.body(), 12))).isEqualTo(sha256(data));
        }
        assertThatThrownBy(() -> JdkHttpTransport.builder().readAhead(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void closingMidBodyCancelsItAndTheNextRequestWorks(String protocol) throws Exception {
        start(protocol, null);
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[8 << 20])).build());
        server.enqueue(new MockResponse.Builder().body("next").build());
        TransportResponse r = get("/big");
        InputStream in = r.body();
        assertThat(in.readNBytes(100)).hasSize(100);
        r.close();
        r.close();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
        assertThat(getString("/next")).isEqualTo("200 next");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aConnectionDroppedMidBodyFailsTheRead(String protocol) throws Exception {
        start(protocol, null);
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[4 << 20]))
                .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        server.enqueue(new MockResponse.Builder().body("next").build());
        try (TransportResponse r = get("/dropped")) {
            assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(IOException.class);
        }
        assertThat(getString("/next")).isEqualTo("200 next");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void interruptingABlockedReadThrowsInterruptedIOException(String protocol) throws Exception {
        start(protocol, null);
        server.enqueue(new MockResponse.Builder().body(stallingAfter(1000)).build());
        TransportResponse r = get("/watch");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread reader = thread(() -> {
            try {
                r.body().readNBytes(1000);
                r.body().read();
            } catch (Throwable t) {
                thrown.set(t);
            }
            flag.set(Thread.currentThread().isInterrupted());
        });
        awaitBlocked(reader);
        reader.interrupt();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedIOException.class);
        assertThat(flag.get()).isTrue();
        r.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void closingFromAnotherThreadWakesABlockedReader(String protocol) throws Exception {
        start(protocol, null);
        server.enqueue(new MockResponse.Builder().body(stallingAfter(1000)).build());
        server.enqueue(new MockResponse.Builder().body("next").build());
        TransportResponse r = get("/watch");
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread reader = thread(() -> {
            try {
                r.body().readAllBytes();
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        awaitBlocked(reader);
        r.close();
        assertThat(thrown.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class).isNotInstanceOf(InterruptedIOException.class);
        assertThat(getString("/next")).isEqualTo("200 next");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aBodyNobodyReadsDoesNotHoldUpOtherRequests(String protocol) throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch wroteMany = new CountDownLatch(1);
        start(protocol, new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getTarget().startsWith("/watch")) {
                    // A watch that keeps sending far more than the transport may read ahead.
                    return new MockResponse.Builder().body(new MockResponseBody() {
                        @Override
                        public long getContentLength() {
                            return -1;
                        }

                        @Override
                        public void writeTo(BufferedSink sink) throws IOException {
                            byte[] chunk = new byte[64 * 1024];
                            while (release.getCount() > 0) {
                                sink.write(chunk);
                                sink.flush();
                                if (written.addAndGet(chunk.length) >= 2 << 20) {
                                    wroteMany.countDown();
                                }
                            }
                        }
                    }).build();
                }
                return new MockResponse.Builder().body("ok " + request.getTarget()).build();
            }
        });
        TransportResponse watch = get("/watch");
        assertThat(watch.body().read()).isEqualTo(0);
        // The server got well past what the transport reads ahead before the first GET starts.
        assertThat(wroteMany.await(20, TimeUnit.SECONDS)).isTrue();
        RecordedRequest watchRequest = server.takeRequest(5, TimeUnit.SECONDS);
        assertProtocol(watchRequest);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 20; i++) {
                assertThat(getString("/get/" + i)).isEqualTo("200 ok /get/" + i);
            }
        });
        for (int i = 0; i < 20; i++) {
            RecordedRequest rec = server.takeRequest(5, TimeUnit.SECONDS);
            assertProtocol(rec);
            if (protocol.equals("h2")) {
                // The same connection as the unread stream: multiplexed beside it, not on a new one.
                assertThat(rec.getConnectionIndex()).isEqualTo(watchRequest.getConnectionIndex());
            }
        }
        watch.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aRequestBodyThatBlocksDoesNotStallOtherRequests(String protocol) throws Exception {
        start(protocol, new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().body(request.getMethod() + " " + request.getBodySize()).build();
            }
        });
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        InputStream upload = new InputStream() {
            int sent;

            @Override
            public int read() {
                throw new AssertionError();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent == 3 * 1024) {
                    blocked.countDown();
                    try {
                        proceed.await();
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                    }
                    return -1;
                }
                int n = Math.min(len, 1024);
                sent += n;
                return n;
            }
        };
        TransportRequest post = TransportRequest.builder("POST", url("/upload"))
                .body(TransportRequest.Body.ofStream(() -> upload, -1, false)).build();
        CompletableFuture<String> posted = new CompletableFuture<>();
        thread(() -> {
            try (TransportResponse r = transport.send(post)) {
                posted.complete(new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
            } catch (Throwable t) {
                posted.completeExceptionally(t);
            }
        });
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 5; i++) {
                assertThat(getString("/get")).isEqualTo("200 GET 0");
            }
        });
        assertThat(posted).isNotDone();
        proceed.countDown();
        assertThat(posted.get(10, TimeUnit.SECONDS)).isEqualTo("POST 3072");
        List<Integer> connections = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertProtocol(r);
            connections.add(r.getConnectionIndex());
        }
        if (protocol.equals("h2")) {
            // The GETs shared the connection whose upload was stuck.
            assertThat(connections).containsOnly(connections.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aFailingRequestBodyFailsTheRequestNamingIt(String protocol) throws Exception {
        start(protocol, null);
        server.enqueue(new MockResponse.Builder().body("unexpected").build());
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        URI uri = url("/upload");
        TransportRequest post = TransportRequest.builder("POST", uri)
                .body(TransportRequest.Body.ofStream(() -> broken, 10, false)).build();
        assertThatThrownBy(() -> transport.send(post).close()).isInstanceOf(IOException.class)
                .hasMessageContaining("POST " + uri).hasMessageContaining("disk gone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "tls+http/1.1"})
    void manyConcurrentHttpsRequestsAllSucceed(String protocol) throws Exception {
        // Over HTTP/1.1 the 16 threads open about 16 connections: concurrent handshakes, whose
        // delegated tasks run on the client's selector thread with the inline executor. Over HTTP/2
        // the first exchange goes alone and every request shares its connection.
        start(protocol, new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().body("ok " + request.getTarget()).build();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        String path = "/cm/" + thread + "/" + i;
                        assertThat(getString(path)).isEqualTo("200 ok " + path);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(800);
        int connections = 0;
        for (int i = 0; i < 800; i++) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertProtocol(r);
            assertThat(r.getHandshake()).isNotNull();
            connections = Math.max(connections, r.getConnectionIndex() + 1);
        }
        if (protocol.equals("h2")) {
            assertThat(connections).isEqualTo(1);
        } else {
            assertThat(connections).isGreaterThan(1);
        }
    }

    @Test
    void anExecutorOfTheCallersStillWorksAndIsNotShutDown() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            start("h2", null, JdkHttpTransport.builder().executor(pool));
            byte[] data = random(1 << 20, 9);
            server.enqueue(new MockResponse.Builder().body(new Buffer().write(data)).build());
            server.enqueue(new MockResponse.Builder().build());
            try (TransportResponse r = get("/a")) {
                assertThat(r.body().readAllBytes()).isEqualTo(data);
            }
            TransportRequest put = TransportRequest.builder("PUT", url("/b"))
                    .body(TransportRequest.Body.ofStream(() -> new java.io.ByteArrayInputStream(data), data.length, true)).build();
            transport.send(put).close();
            assertProtocol(server.takeRequest(5, TimeUnit.SECONDS));
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().toByteArray()).isEqualTo(data);
            transport.close();
            assertThat(pool.isShutdown()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A soak over one TLS + HTTP/2 connection with the default inline executor: concurrent GETs of
     * small bodies (received whole inside {@code send}, under a deadline) and larger ones (streamed),
     * each with a request timeout, all complete with the right bytes and none stalls.
     */
    @Test
    void manyConcurrentSmallAndStreamedGetsOverOneHttp2ConnectionAllComplete() throws Exception {
        byte[] small = new byte[1_000];
        byte[] large = new byte[48_000];
        new Random(7).nextBytes(small);
        new Random(8).nextBytes(large);
        start("h2", new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                byte[] body = request.getTarget().endsWith("/large") ? large : small;
                return new MockResponse.Builder().body(new Buffer().write(body)).build();
            }
        });
        int threads = 4;
        int perThread = 400;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < perThread; i++) {
                        boolean big = i % 5 == 0;
                        TransportRequest request = TransportRequest.builder("GET", url(big ? "/large" : "/small"))
                                .timeout(Duration.ofSeconds(20)).build();
                        try (TransportResponse r = transport.send(request)) {
                            assertThat(r.bodyReceived()).isEqualTo(!big);
                            assertThat(r.body().readAllBytes()).isEqualTo(big ? large : small);
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
                for (Future<Integer> f : done) {
                    assertThat(f.get()).isEqualTo(perThread);
                }
            });
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(threads * perThread);
    }

    /**
     * The JDK client opens a connection for every request sent while it has none, and keeps each:
     * eight requests starting together on a new transport (as an application's informers do) would
     * hold eight TLS connections. The first exchange goes alone; the others multiplex over its
     * connection.
     */
    @Test
    void concurrentFirstRequestsOverHttp2ShareOneConnection() throws Exception {
        start("h2", new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().headersDelay(200, TimeUnit.MILLISECONDS).body("ok").build();
            }
        });
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> bodies = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                bodies.add(pool.submit(() -> {
                    go.await();
                    try (TransportResponse r = transport.send(TransportRequest.builder("GET", url("/x")).build())) {
                        return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
                    }
                }));
            }
            go.countDown();
            for (Future<String> body : bodies) {
                assertThat(body.get(30, TimeUnit.SECONDS)).isEqualTo("ok");
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> connections = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(recorded.getVersion()).isEqualTo("HTTP/2");
            connections.add(recorded.getConnectionIndex());
        }
        assertThat(connections).containsOnly(connections.get(0));
    }

    /**
     * A first response that is slow to start (a large LIST) holds the other requests back for a
     * bounded time only: they complete long before it, over the connection it opened.
     */
    @Test
    void aSlowFirstResponseDelaysTheOtherHttp2RequestsOnlyBriefly() throws Exception {
        startWithSlowFirstPath();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<Integer> slow = pool.submit(() -> status("/slow", null));
            RecordedRequest first = server.takeRequest(10, TimeUnit.SECONDS);
            assertThat(first.getTarget()).endsWith("/slow");
            List<Future<Integer>> fast = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fast.add(pool.submit(() -> status("/fast", null)));
            }
            for (Future<Integer> f : fast) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(slow).isNotDone();
            for (int i = 0; i < 4; i++) {
                assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex())
                        .isEqualTo(first.getConnectionIndex());
            }
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A request with a timeout waits for a slow first exchange for half its timeout at most, and
     * that wait counts towards its timeout: it still has time for its own exchange.
     */
    @Test
    void waitingForTheFirstHttp2ExchangeLeavesARequestHalfItsTimeout() throws Exception {
        startWithSlowFirstPath();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> slow = pool.submit(() -> status("/slow", null));
            assertThat(server.takeRequest(10, TimeUnit.SECONDS).getTarget()).endsWith("/slow");
            assertThat(status("/fast", Duration.ofSeconds(1))).isEqualTo(200);
            assertThat(slow).isNotDone();
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    /** An HTTP/2 server whose {@code /slow} response headers come 6 s late, every other path's at once. */
    private void startWithSlowFirstPath() throws Exception {
        start("h2", new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long delay = request.getTarget().endsWith("/slow") ? 6_000 : 0;
                return new MockResponse.Builder().headersDelay(delay, TimeUnit.MILLISECONDS).body("ok").build();
            }
        });
    }

    /** The status of a GET of {@code path}, with {@code timeout} if not null. */
    private int status(String path, Duration timeout) throws Exception {
        TransportRequest.Builder b = TransportRequest.builder("GET", url(path));
        if (timeout != null) {
            b.timeout(timeout);
        }
        try (TransportResponse r = transport.send(b.build())) {
            return r.statusCode();
        }
    }
}
