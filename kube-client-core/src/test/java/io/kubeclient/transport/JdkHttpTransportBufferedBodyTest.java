package io.kubeclient.transport;

import static io.kubeclient.transport.TlsFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small bodies of declared length are received whole inside {@code send}; everything else streams.
 * Over clear-text HTTP/1.1 ({@code "http/1.1"}) and over TLS with HTTP/2 ({@code "h2"}).
 */
@Timeout(60)
class JdkHttpTransportBufferedBodyTest {

    MockWebServer server;
    JdkHttpTransport transport;
    String protocol;
    /** Releases server-side bodies that stall, so the server can shut down. */
    final CountDownLatch release = new CountDownLatch(1);
    /** Counted down once a stalling body has sent its head: the response is under way. */
    final CountDownLatch stalled = new CountDownLatch(1);

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    void start(String protocol) throws Exception {
        start(protocol, JdkHttpTransport.builder());
    }

    void start(String protocol, JdkHttpTransport.Builder builder) throws Exception {
        this.protocol = protocol;
        server = new MockWebServer();
        if (protocol.equals("h2")) {
            var cert = JdkHttpTransportStreamingTest.SERVER_CERT;
            server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert).build().sslSocketFactory());
            server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
            builder.tls(TlsConfig.builder().caData(bytes(JdkHttpTransportStreamingTest.CA.certificatePem())).build());
        }
        server.start();
        transport = builder.build();
    }

    URI url(String path) {
        return protocol.equals("h2") ? URI.create("https://localhost:" + server.getPort() + path) : server.url(path).uri();
    }

    TransportResponse get(String path) throws Exception {
        return transport.send(TransportRequest.builder("GET", url(path)).build());
    }

    TransportResponse get(String path, Duration timeout) throws Exception {
        return transport.send(TransportRequest.builder("GET", url(path)).timeout(timeout).build());
    }

    String getString(String path) throws Exception {
        try (TransportResponse r = get(path)) {
            return r.statusCode() + " " + new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** Declares {@code declared} bytes, writes {@code head} of them, then holds the rest until the test ends. */
    MockResponseBody stalling(long declared, int head) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return declared;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(new byte[head]);
                sink.flush();
                stalled.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("test over");
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aSmallBodyArrivesWholeWithTheResponse(String protocol) throws Exception {
        start(protocol);
        byte[] data = random(1000, 1);
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(data)).build());
        server.enqueue(new MockResponse.Builder().body("next").build());
        TransportResponse r = get("/small");
        assertThat(r.bodyReceived()).isTrue();
        InputStream in = r.body();
        assertThat(in.available()).isEqualTo(1000);
        assertThat(in.read()).isEqualTo(data[0] & 0xff);
        assertThat(in.skip(9)).isEqualTo(9);
        assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 10, 1000));
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.available()).isZero();
        r.close();
        r.close();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("stream closed");
        assertThatThrownBy(in::available).isInstanceOf(IOException.class).hasMessage("stream closed");
        // The connection was given back at the body's end and is reused.
        assertThat(getString("/next")).isEqualTo("200 next");
        server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aSmallGzipBodyIsBufferedByItsCompressedLengthAndDecoded(String protocol) throws Exception {
        start(protocol);
        // 200 KB of text compresses to well under the limit: what counts is the compressed length.
        byte[] text = "{\"kind\":\"ConfigMap\"}\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        byte[] gz = gzip(text);
        assertThat(gz.length).isLessThan(JdkHttpTransport.DEFAULT_BUFFER_LIMIT);
        server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip").body(new Buffer().write(gz)).build());
        try (TransportResponse r = get("/gz")) {
            assertThat(r.bodyReceived()).isTrue();
            assertThat(r.headerValues("Content-Encoding")).isEmpty();
            assertThat(r.headerValues("Content-Length")).isEmpty();
            assertThat(r.body().readAllBytes()).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void bodiesUpToTheLimitAreBufferedAndLargerOnesStreamed(String protocol) throws Exception {
        start(protocol);
        int limit = JdkHttpTransport.DEFAULT_BUFFER_LIMIT;
        byte[] at = random(limit, 2);
        byte[] above = random(limit + 1, 3);
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(at)).build());
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(above)).build());
        try (TransportResponse r = get("/at")) {
            assertThat(r.bodyReceived()).isTrue();
            assertThat(r.body().readAllBytes()).isEqualTo(at);
        }
        try (TransportResponse r = get("/above")) {
            assertThat(r.bodyReceived()).isFalse();
            assertThat(r.body().readAllBytes()).isEqualTo(above);
        }
    }

    @Test
    void theLimitIsConfigurableAndZeroStreamsEverything() throws Exception {
        start("http/1.1", JdkHttpTransport.builder().bufferLimit(10));
        server.enqueue(new MockResponse.Builder().body("0123456789").build());
        server.enqueue(new MockResponse.Builder().body("0123456789a").build());
        try (TransportResponse r = get("/10")) {
            assertThat(r.bodyReceived()).isTrue();
        }
        try (TransportResponse r = get("/11")) {
            assertThat(r.bodyReceived()).isFalse();
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("0123456789a");
        }
        transport.close();
        transport = JdkHttpTransport.builder().bufferLimit(0).build();
        server.enqueue(new MockResponse.Builder().body("").build());
        try (TransportResponse r = get("/0")) {
            assertThat(r.bodyReceived()).isFalse();
        }
        assertThatThrownBy(() -> JdkHttpTransport.builder().bufferLimit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void anEmptyBodyIsBuffered(String protocol) throws Exception {
        start(protocol);
        server.enqueue(new MockResponse.Builder().code(200).body("").build());
        try (TransportResponse r = get("/empty")) {
            assertThat(r.bodyReceived()).isTrue();
            assertThat(r.body().read()).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aSmallChunkedBodyStreamsAndSendReturnsAtTheHeaders(String protocol) throws Exception {
        start(protocol);
        if (protocol.equals("h2")) {
            // HTTP/2 has no chunking: a body of unknown length is sent without a Content-Length.
            server.enqueue(new MockResponse.Builder().body(new MockResponseBody() {
                @Override
                public long getContentLength() {
                    return -1;
                }

                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                    sink.writeUtf8("small");
                }
            }).bodyDelay(30, TimeUnit.SECONDS).build());
        } else {
            server.enqueue(new MockResponse.Builder().chunkedBody("small", 2).bodyDelay(30, TimeUnit.SECONDS).build());
        }
        TransportResponse r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> get("/chunked"));
        assertThat(r.bodyReceived()).isFalse();
        // (mockwebserver sends HTTP/2's unknown length as "content-length: -1", which does not count.)
        assertThat(JdkHttpTransport.bufferableLength(r.headers())).isEqualTo(-1);
        r.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aWatchStreamsItsEventsAsTheyCome(String protocol) throws Exception {
        start(protocol);
        server.enqueue(new MockResponse.Builder().body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("{\"type\":\"ADDED\"}\n");
                sink.flush();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("test over");
            }
        }).build());
        TransportResponse r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> get("/watch?watch=true"));
        assertThat(r.bodyReceived()).isFalse();
        byte[] event = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> r.body().readNBytes(17));
        assertThat(new String(event, StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"ADDED\"}\n");
        r.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aStalledSmallBodyEndsSendAtTheRequestTimeout(String protocol) throws Exception {
        start(protocol);
        server.enqueue(new MockResponse.Builder().body(stalling(1000, 10)).build());
        server.enqueue(new MockResponse.Builder().body("next").build());
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> get("/stall", Duration.ofMillis(500))).isExactlyInstanceOf(ResponseBodyTimeoutException.class));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(getString("/next")).isEqualTo("200 next");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aSmallBodyCompleteBeforeTheTimeoutArrivesWhole(String protocol) throws Exception {
        start(protocol);
        server.enqueue(new MockResponse.Builder().body("in time").build());
        try (TransportResponse r = get("/ok", Duration.ofSeconds(30))) {
            assertThat(r.bodyReceived()).isTrue();
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("in time");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void interruptingACallerWaitingForASmallBodyAbortsTheCall(String protocol) throws Exception {
        start(protocol);
        server.enqueue(new MockResponse.Builder().body(stalling(1000, 10)).build());
        server.enqueue(new MockResponse.Builder().body("next").build());
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<TransportResponse> got = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                got.set(get("/stall"));
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "test-caller");
        caller.setDaemon(true);
        caller.start();
        // Not takeRequest: the server records a request before it takes a response from the queue,
        // and an interrupt in between (seen under load, over h2) cancels the stream before the
        // stalling response is taken, which then goes to the next request.
        assertThat(stalled.await(10, TimeUnit.SECONDS)).as("the stalling body was sent").isTrue();
        PrefetchingBodySubscriberTest.awaitBlocked(caller);
        caller.interrupt();
        caller.join(10_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(got.get()).isNull();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(getString("/next")).isEqualTo("200 next");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aConnectionDroppedMidSmallBodyFailsTheRead(String protocol) throws Exception {
        start(protocol);
        // As on the streaming path, send returns the response and reading its body fails.
        assertThat(droppedSmallBodies(10, 1)).isEqualTo(1);
        server.enqueue(new MockResponse.Builder().body("next").build());
        assertThat(getString("/next")).isEqualTo("200 next");
    }

    /**
     * Has the server drop small bodies half-way and sends a GET for each, until {@code wanted} of them
     * returned a response (at most {@code attempts}): each response must be buffered and fail when
     * its body is read. Over HTTP/1.1 every send returns; over HTTP/2 the JDK may lose the headers
     * with the connection before handing them over, and then send fails (a transport error).
     * Returns how many sends returned.
     */
    int droppedSmallBodies(int attempts, int wanted) throws Exception {
        int returned = 0;
        for (int i = 0; i < attempts && returned < wanted; i++) {
            String path = "/dropped/" + i;
            server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[1000]))
                    .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
            TransportResponse r;
            try {
                r = get(path);
            } catch (IOException e) {
                assertThat(protocol).as("send failed over HTTP/1.1: %s", e).isEqualTo("h2");
                continue;
            }
            returned++;
            try (r) {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.bodyReceived()).isTrue();
                assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(IOException.class)
                        .hasMessageContaining("reading the response body of GET " + url(path) + " failed");
            }
        }
        return returned;
    }

    @ParameterizedTest
    @ValueSource(strings = {"http/1.1", "h2"})
    void aSmallBodyCutShortIsNeverASendFailure(String protocol) throws Exception {
        // The JDK fails send with the same error it hands the subscriber, racing the subscriber's own
        // completion; before the fix about one drop in twelve surfaced as a send failure (retried),
        // over both protocols.
        start(protocol);
        int drops = 150;
        int returned = droppedSmallBodies(drops, drops);
        if (protocol.equals("http/1.1")) {
            assertThat(returned).isEqualTo(drops);
        } else {
            // Losing the headers with the connection is rare: most drops return their response.
            assertThat(returned).isGreaterThan(drops * 9 / 10);
        }
    }

    /** Headers for a fake {@link java.net.http.HttpResponse.ResponseInfo}. */
    static java.net.http.HttpResponse.ResponseInfo info(int status, Map<String, List<String>> headers) {
        java.net.http.HttpHeaders h = java.net.http.HttpHeaders.of(headers, (k, v) -> true);
        return new java.net.http.HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public java.net.http.HttpHeaders headers() {
                return h;
            }

            @Override
            public java.net.http.HttpClient.Version version() {
                return java.net.http.HttpClient.Version.HTTP_1_1;
            }
        };
    }

    @Test
    void aFailedSendRecoversTheResponseOnceItsHeadersReachedTheHandler() throws Exception {
        transport = JdkHttpTransport.builder().build();
        TransportRequest request = TransportRequest.builder("GET", URI.create("http://127.0.0.1:1/api/v1/x")).build();

        // Headers in, body cut short: the response, its status and headers, the bytes, then the failure.
        JdkHttpTransport.Receiver cut = transport.new Receiver(request);
        var s = cut.apply(info(200, Map.of("Content-Length", List.of("10"), "X-A", List.of("1"))));
        s.onSubscribe(new PrefetchingBodySubscriberTest.FakeSubscription());
        s.onNext(List.of(java.nio.ByteBuffer.wrap("abcd".getBytes(StandardCharsets.US_ASCII))));
        s.onError(new java.io.EOFException("fixed content-length: 10, bytes received: 4"));
        TransportResponse r = cut.received(new IOException("what send threw"), false);
        assertThat(r).isNotNull();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headerValues("x-a")).containsExactly("1");
        byte[] head = new byte[4];
        assertThat(r.body().read(head)).isEqualTo(4);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("abcd");
        assertThatThrownBy(() -> r.body().read()).isInstanceOf(IOException.class)
                .hasMessageContaining("reading the response body of GET http://127.0.0.1:1/api/v1/x failed")
                .hasRootCauseMessage("fixed content-length: 10, bytes received: 4");

        // Headers handed over, then send failed without a word to the subscriber (HTTP/2 can): the
        // response with whatever came, then send's failure.
        JdkHttpTransport.Receiver silent = transport.new Receiver(request);
        var ss = silent.apply(info(200, Map.of("Content-Length", List.of("10"))));
        ss.onSubscribe(new PrefetchingBodySubscriberTest.FakeSubscription());
        ss.onNext(List.of(java.nio.ByteBuffer.wrap("ab".getBytes(StandardCharsets.US_ASCII))));
        TransportResponse sr = silent.received(new java.io.EOFException("EOF reached while reading"), false);
        assertThat(sr).isNotNull();
        assertThat(sr.body().readNBytes(2)).containsExactly('a', 'b');
        assertThatThrownBy(() -> sr.body().read()).isInstanceOf(IOException.class)
                .hasMessageContaining("reading the response body of GET http://127.0.0.1:1/api/v1/x failed")
                .hasRootCauseMessage("EOF reached while reading");

        // No headers yet, or a streamed body (send returns at the headers): nothing to recover.
        JdkHttpTransport.Receiver none = transport.new Receiver(request);
        assertThat(none.received(new IOException("refused"), false)).isNull();
        JdkHttpTransport.Receiver streamed = transport.new Receiver(request);
        streamed.apply(info(200, Map.of("Transfer-Encoding", List.of("chunked"))));
        assertThat(streamed.received(new IOException("reset"), false)).isNull();

        // A buffered body that missed its deadline stays a timeout.
        TransportRequest timed = TransportRequest.builder("GET", URI.create("http://127.0.0.1:1/api/v1/x"))
                .timeout(Duration.ofMillis(1)).build();
        JdkHttpTransport.Receiver late = transport.new Receiver(timed);
        var ls = late.apply(info(200, Map.of("Content-Length", List.of("10"))));
        ls.onSubscribe(new PrefetchingBodySubscriberTest.FakeSubscription());
        assertThatThrownBy(() -> ls.getBody().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ResponseBodyTimeoutException.class);
        IOException jdks = new java.net.http.HttpTimeoutException("request timed out while receiving the response body");
        assertThat(late.received(jdks, false)).isNull();
        // send() then throws the typed exception, the JDK's (untyped, cause-less) one as its cause.
        assertThat(late.bodyTimeout(jdks)).isExactlyInstanceOf(ResponseBodyTimeoutException.class)
                .hasMessage("request timed out while receiving the response body of GET http://127.0.0.1:1/api/v1/x")
                .hasCause(jdks);
        // Any other failure is not a body timeout: no headers, a streamed body, a body still coming.
        assertThat(none.bodyTimeout(new IOException("refused"))).isNull();
        assertThat(streamed.bodyTimeout(new IOException("reset"))).isNull();
        assertThat(silent.bodyTimeout(new IOException("reset"))).isNull();
    }

    @Test
    void onlyASingleWellFormedContentLengthWithoutTransferEncodingCounts() {
        assertThat(JdkHttpTransport.bufferableLength(headers("Content-Length", "1024"))).isEqualTo(1024);
        assertThat(JdkHttpTransport.bufferableLength(headers("content-length", "0"))).isZero();
        assertThat(JdkHttpTransport.bufferableLength(headers())).isEqualTo(-1);
        assertThat(JdkHttpTransport.bufferableLength(headers("Content-Length", ""))).isEqualTo(-1);
        assertThat(JdkHttpTransport.bufferableLength(headers("Content-Length", "-1"))).isEqualTo(-1);
        assertThat(JdkHttpTransport.bufferableLength(headers("Content-Length", "1e3"))).isEqualTo(-1);
        assertThat(JdkHttpTransport.bufferableLength(headers("Content-Length", "99999999999999999999"))).isEqualTo(-1);
        assertThat(JdkHttpTransport.bufferableLength(headers("Content-Length", "10", "Content-Length", "10"))).isEqualTo(-1);
        assertThat(JdkHttpTransport.bufferableLength(headers("Content-Length", "10", "Transfer-Encoding", "chunked"))).isEqualTo(-1);
    }

    static Map<String, List<String>> headers(String... nameValues) {
        Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValues.length; i += 2) {
            m.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return m;
    }
}
