package io.kubeclient.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link HttpTransport}, on {@link HttpClient}: TLS as configured by a
 * {@link TlsConfig}, an HTTP proxy from a {@link ProxyConfig}, HTTP/2 where the server offers it,
 * transparent gzip, streaming bodies and per-request timeouts.
 *
 * <p>All settings are loaded and validated by {@link Builder#build()}, which throws
 * {@link io.kubeclient.ConfigException} for unusable ones. When the client-certificate source
 * rotates, pooled connections (whose handshakes used the old certificate) are abandoned for a
 * fresh pool on the next request. Thread safe.
 *
 * <p>By default the HttpClient runs its work inline: its selector thread reads a response and
 * wakes the waiting caller itself, instead of handing each response to a worker thread that then
 * wakes the caller (a thread switch that cost about 30% of a small GET's latency). What runs on the
 * selector thread is therefore kept short and non-blocking: response bytes are only queued
 * ({@code PrefetchingBodySubscriber}), and streaming request bodies are read on the transport's own
 * daemon threads ({@code StreamingBodyPublisher}). TLS handshake tasks (certificate checks, key
 * agreement) also run there, delaying the client's other exchanges by a handshake's CPU time, and
 * the client-certificate source is consulted there (it must not block). {@link Builder#executor}
 * opts out.
 *
 * <p>Because one selector thread then reads every response of its client, HTTP/1.1 requests are
 * spread over one HttpClient per processor (up to 4), each calling thread always using the same
 * one; requests that may use HTTP/2 share one client and its one multiplexed connection.
 *
 * <p>A response declaring a {@code Content-Length} of at most 32 KiB (gzip bodies by their
 * compressed length) is received whole before {@code send} returns, so the caller is woken once
 * rather than once for the headers and again for the body; with a request timeout, {@code send}
 * then ends at that timeout with {@link ResponseBodyTimeoutException} if the body is late, and
 * a body cut short fails when read, as a streamed one does. Other bodies (chunked, as watches are,
 * or larger) are read ahead, up to about 256 KiB per response, so the socket is read while the
 * caller decodes; a caller that stops reading stops the reading of that response only.
 */
public final class JdkHttpTransport implements HttpTransport {

    private static final Logger log = LoggerFactory.getLogger(JdkHttpTransport.class);

    /** client-go's dial timeout. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Bodies declaring at most this many bytes are received whole inside {@code send}: two of the
     * JDK's 16 KiB read buffers. Larger ones gain from decoding while the socket is read.
     */
    static final int DEFAULT_BUFFER_LIMIT = 32 * 1024;

    /** Headers the JDK client manages itself and refuses to take from a caller, in any case. */
    private static final Set<String> RESTRICTED = restricted(
            "connection", "content-length", "expect", "host", "upgrade", "keep-alive", "transfer-encoding", "te");

    /**
     * How long requests to a new HTTP/2 client wait for its first exchange (see {@link FirstExchange}):
     * long enough for the first TLS handshake of a JVM that has just started (about 0.6 s for the
     * first GET here, class loading included), short enough that a slow first response (a large
     * LIST) delays the others once, by this much at most.
     */
    static final Duration FIRST_EXCHANGE_WAIT = Duration.ofSeconds(2);

    /** The least request timeout left after waiting for the first exchange: the JDK refuses zero. */
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

    /** A body publisher of no bytes; like the HttpRequest holding it, it can be subscribed to again and again. */
    private static final HttpRequest.BodyPublisher NO_BODY = HttpRequest.BodyPublishers.noBody();

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final TlsConfig tls;
    private final ProxyConfig proxy;
    private final boolean disableCompression;
    private final Duration connectTimeout;
    private final ClientCertificateSource certificates;
    /** The configured root certificates' DER, checked when the transport is built; null for none. */
    private final List<byte[]> roots;
    /** Built on first use (see the constructor); guarded by {@link #lock}. */
    private X509ExtendedTrustManager trustManager;
    private final HttpClient.Version version;
    /** The HttpClient's executor: the caller's, or inline. */
    private final Executor executor;
    /** Reads streaming request bodies; its threads start on first use and are daemons. */
    private final ExecutorService bodyThreads;
    private final int readAhead;
    /** The largest declared body length received whole inside {@code send}; 0 streams every body. */
    private final int bufferLimit;
    /** How many HttpClients clear-text and HTTP/1.1 requests are spread over; see {@link #shardOf}. */
    private final int shards;
    private final Object lock = new Object();
    private volatile Pool pool;

    private JdkHttpTransport(Builder b) {
        this.tls = b.tls;
        this.proxy = b.proxy;
        this.disableCompression = b.disableCompression;
        this.connectTimeout = b.connectTimeout;
        // Configured roots are read and their structure checked (and the insecure flag) now, so a bad CA
        // fails at build(). The JDK's parse of them, the key store and trust manager built from them, the
        // platform trust store, the SSL context and the HttpClient wait for the first request: loading
        // the JDK's CA certificates alone cost a Spring Boot application tens of milliseconds at start,
        // the first X.509 parse 20 to 26 ms of CPU, and a key store plus trust manager factory about
        // 10 ms more of class loading.
        this.roots = Tls.rootCertificates(tls);
        ClientCertificateSource staticCert = Tls.staticCertificate(tls);
        this.certificates = staticCert != null ? staticCert : b.certificates;
        this.version = tls.allowsHttp2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
        this.executor = b.executor != null ? b.executor : Runnable::run;
        this.bodyThreads = Executors.newCachedThreadPool(daemonThreads("kube-client-body-" + POOLS.incrementAndGet()));
        this.readAhead = b.readAhead;
        this.bufferLimit = b.bufferLimit;
        // With a caller's executor the selector thread only hands work off; one client suffices.
        this.shards = b.shards > 0 ? b.shards : b.executor != null ? 1 : defaultShards();
    }

    /**
     * One HttpClient per processor, up to 4. With the inline executor each client's single selector
     * thread reads and parses the responses of all its connections, and on a busy machine that one
     * thread gets one scheduler share for the work of every caller: over 2 clients on 2 cores, 16
     * threads' 1 KB GETs took about 12% less time each (the benchmark controls {@code floorDirect}
     * and {@code floorShard2} show the same for the bare JDK client).
     */
    private static int defaultShards() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The HttpClients of one client-certificate generation, one per shard, each built on first use
     * (a client starts a selector thread) and sharing one SSL context.
     */
    private final class Pool {
        final long generation;
        final SSLContext sslContext;
        final AtomicReferenceArray<HttpClient> clients = new AtomicReferenceArray<>(shards);
        /** The first exchange of the client that multiplexes HTTP/2 requests (shard 0). */
        final FirstExchange firstExchange = new FirstExchange();

        Pool(long generation) {
            this.generation = generation;
            if (trustManager == null) {
                trustManager = Tls.trustManager(tls, roots);
            }
            if (certificates instanceof Tls.StaticCertificateSource s) {
                s.current(); // parsed here, so that a certificate the JDK refuses fails the request, not the handshake
            }
            // A fresh SSL context per pool: its session cache must not let a new connection resume a
            // session that was authenticated with a rotated-out client certificate.
            this.sslContext = Tls.sslContext(tls, trustManager, certificates);
        }

        HttpClient client(int shard) {
            HttpClient c = clients.get(shard);
            if (c == null) {
                synchronized (this) {
                    c = clients.get(shard);
                    if (c == null) {
                        c = newClient(sslContext);
                        clients.set(shard, c);
                    }
                }
            }
            return c;
        }
    }

    private HttpClient newClient(SSLContext sslContext) {
        SSLParameters params = sslContext.getDefaultSSLParameters();
        params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(version)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(sslContext)
                .sslParameters(params)
                .executor(executor);
        var selector = proxy.selector();
        if (selector != null) {
            b.proxy(selector);
        }
        return b.build();
    }

    private Pool currentPool() {
        Pool p = pool;
        if (p != null && (certificates == null || certificates.generation() == p.generation)) {
            return p;
        }
        synchronized (lock) {
            long gen = certificates == null ? 0 : certificates.generation();
            if (pool == null || gen != pool.generation) {
                if (pool != null) {
                    log.debug("client certificate rotated; starting a new connection pool");
                }
                pool = new Pool(gen);
            }
            return pool;
        }
    }

    /** The HttpClient that sends {@code uri} from the calling thread. */
    HttpClient client(URI uri) {
        return currentPool().client(shardOf(uri, Thread.currentThread().getId()));
    }

    /**
     * Which client a request goes to: HTTP/1.1 requests by the calling thread (so a thread keeps
     * reusing its client's connections, and the number of connections stays that of concurrent
     * callers), those that may use HTTP/2 always to the first: one HTTP/2 connection multiplexes
     * every request, as client-go's does, and reads them on one selector thread anyway.
     */
    int shardOf(URI uri, long threadId) {
        if (shards == 1 || mayUseHttp2(uri)) {
            return 0;
        }
        return (int) Math.floorMod(threadId, (long) shards);
    }

    /** How many HttpClients HTTP/1.1 requests are spread over. */
    int shards() {
        return shards;
    }

    /** The TLS settings this transport was built from. */
    public TlsConfig tlsConfig() {
        return tls;
    }

    /** The proxy settings this transport was built from. */
    public ProxyConfig proxyConfig() {
        return proxy;
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
        // First, so that trust material the JDK refuses (a ConfigException) fails before any body is touched.
        Pool pool = currentPool();
        HttpRequest.Builder rb = HttpRequest.newBuilder(request.uri());
        boolean hasAcceptEncoding = false;
        boolean hasProxyAuthorization = false;
        for (Map.Entry<String, List<String>> e : request.headers().entrySet()) {
            String name = e.getKey();
            if (isRestricted(name)) {
                log.debug("dropping header {} that the JDK HttpClient sets itself", name);
                continue;
            }
            List<String> values = e.getValue();
            for (String v : values) {
                rb.header(name, v);
            }
            // What request.hasHeader would say, found in the same pass.
            if (!values.isEmpty()) {
                hasAcceptEncoding |= name.equalsIgnoreCase("Accept-Encoding");
                hasProxyAuthorization |= name.equalsIgnoreCase("Proxy-Authorization");
            }
        }
        boolean addedGzip = false;
        if (!disableCompression && !hasAcceptEncoding && !"HEAD".equals(request.method())) {
            rb.header("Accept-Encoding", "gzip");
            addedGzip = true;
        }
        String proxyAuth = proxy.proxyAuthorization(request.uri());
        if (proxyAuth != null && !hasProxyAuthorization) {
            rb.header("Proxy-Authorization", proxyAuth);
        }
        if ("http".equalsIgnoreCase(request.uri().getScheme())) {
            // No h2c upgrade dance on clear text: API servers speak HTTP/2 over TLS only.
            rb.version(HttpClient.Version.HTTP_1_1);
        }
        if (request.timeout() != null && !request.timeout().isZero()) {
            rb.timeout(request.timeout());
        }
        rb.method(request.method(), publisher(request));

        Receiver receiver = new Receiver(request);
        int shard = shardOf(request.uri(), Thread.currentThread().getId());
        HttpClient client = pool.client(shard);
        FirstExchange first = multiplexes(shard, request.uri()) ? pool.firstExchange : null;
        boolean leading = false;
        HttpResponse<InputStream> response;
        try {
            if (first != null && !first.isOver()) {
                leading = first.lead();
                if (!leading) {
                    awaitFirstExchange(first, request.timeout(), rb);
                }
            }
            HttpRequest httpRequest = rb.build();
            // send(), not sendAsync().get(): the blocking call runs the exchange on this thread until
            // it has to wait for the socket, while sendAsync hands every exchange to the executor and
            // its completion to the common pool, two thread switches that tripled the latency of a
            // small GET on loopback (benchmarks/README.md). On interrupt the JDK cancels the exchange.
            response = client.send(httpRequest, receiver);
        } catch (IOException e) {
            TransportResponse received = receiver.received(e, addedGzip);
            if (received != null) {
                return received;
            }
            IOException timeout = receiver.bodyTimeout(e);
            if (timeout != null) {
                throw timeout;
            }
            throw describe(e, request);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid request " + request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } finally {
            if (leading) {
                first.end();
            }
        }
        return new JdkResponse(response.statusCode(), response.headers().map(), response.body(), addedGzip, request);
    }

    /** Whether requests to {@code uri} on {@code shard} go to the one client that multiplexes HTTP/2. */
    private boolean multiplexes(int shard, URI uri) {
        return shard == 0 && mayUseHttp2(uri);
    }

    /** Whether a request to {@code uri} may negotiate HTTP/2: allowed, and over TLS (no h2c). */
    private boolean mayUseHttp2(URI uri) {
        return version == HttpClient.Version.HTTP_2 && !"http".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * Waits for the first exchange for at most {@link #FIRST_EXCHANGE_WAIT}, the connect timeout or
     * half the request's timeout, whichever is shortest; the time waited comes off the request's
     * timeout, which the JDK counts from {@code send}, so the request still ends within its timeout
     * and keeps at least half of it for its own exchange.
     */
    private void awaitFirstExchange(FirstExchange first, Duration requestTimeout, HttpRequest.Builder rb)
            throws InterruptedException {
        boolean timed = requestTimeout != null && !requestTimeout.isZero();
        Duration wait = FIRST_EXCHANGE_WAIT.compareTo(connectTimeout) < 0 ? FIRST_EXCHANGE_WAIT : connectTimeout;
        if (timed && requestTimeout.dividedBy(2).compareTo(wait) < 0) {
            wait = requestTimeout.dividedBy(2);
        }
        long start = System.nanoTime();
        first.await(wait.toNanos());
        if (timed) {
            Duration left = requestTimeout.minusNanos(System.nanoTime() - start);
            rb.timeout(left.compareTo(MIN_TIMEOUT) > 0 ? left : MIN_TIMEOUT);
        }
    }

    /**
     * The first exchange of a new HTTP/2 client, which the client's other requests wait for (at most
     * {@link #FIRST_EXCHANGE_WAIT}). While the JDK client has no connection to a server, it opens one
     * for every request sent, and keeps each open afterwards: an application whose informers all start
     * at once would hold one TLS connection per informer. Once the first exchange has its response
     * headers (or has failed), its connection is in the client's pool and the others multiplex over
     * it, as client-go's requests share the connection of a single dial. The wait ends early when the
     * first exchange does; a slow first response delays the others once, by the bound at most, after
     * which they go ahead (by then the connection is normally established and found in the pool).
     */
    static final class FirstExchange {
        private final CountDownLatch over = new CountDownLatch(1);
        private final AtomicBoolean led = new AtomicBoolean();

        /** Whether the first exchange has ended; after that no request waits. */
        boolean isOver() {
            return over.getCount() == 0;
        }

        /** Whether the caller's request is the first exchange; if so it must call {@link #end()}. */
        boolean lead() {
            return led.compareAndSet(false, true);
        }

        void end() {
            over.countDown();
        }

        /**
         * Waits until the first exchange ends, at most {@code nanos}. A wait that runs out ends the
         * first exchange for everyone else: its connection is normally established by then, and a
         * first exchange that never ended must not make every later request wait.
         */
        void await(long nanos) throws InterruptedException {
            if (!over.await(nanos, TimeUnit.NANOSECONDS)) {
                over.countDown();
            }
        }
    }

    /**
     * Picks the body subscriber when the headers arrive: a body whose declared length is at most
     * {@link #bufferLimit} is received whole inside {@code send} ({@link BufferingBodySubscriber}), so
     * the caller wakes once for the whole response; any other body (chunked, as watches are, or
     * larger) is streamed ({@link PrefetchingBodySubscriber}).
     *
     * <p>When the connection drops mid-way through a buffered body, the JDK hands the failure to the
     * subscriber and then also fails {@code send} with it, racing the subscriber's own completion
     * (over HTTP/2 the subscriber may not even be told). Once the headers have reached this handler
     * {@link #received} recovers the response, so that a body cut short is a failure to read the
     * body (never retried), as on the streaming path, and not a failure to send (which a GET
     * retries). A connection lost before the JDK handed over the headers still fails {@code send}.
     */
    final class Receiver implements HttpResponse.BodyHandler<InputStream> {
        private final TransportRequest request;
        /** The JDK's timeout ends at the headers; a buffered body must be complete by the same deadline. */
        private final long deadline;
        private volatile HttpResponse.ResponseInfo info;
        private volatile BufferingBodySubscriber buffered;

        Receiver(TransportRequest request) {
            this.request = request;
            Duration timeout = request.timeout();
            this.deadline = timeout == null || timeout.isZero() ? 0 : deadline(System.nanoTime(), timeout);
        }

        @Override
        public HttpResponse.BodySubscriber<InputStream> apply(HttpResponse.ResponseInfo responseInfo) {
            long declared = bufferLimit == 0 ? -1 : bufferableLength(responseInfo.headers().map());
            if (declared >= 0 && declared <= bufferLimit) {
                BufferingBodySubscriber s = new BufferingBodySubscriber((int) declared, request, deadline);
                info = responseInfo;
                buffered = s;
                return s;
            }
            return new PrefetchingBodySubscriber(readAhead, request);
        }

        /**
         * The response, if {@code send} failed with {@code failure} after its headers reached this
         * handler and it was to be buffered: its body is what was received followed by the read
         * failure. Null otherwise, and when the body timed out (the request's own timeout).
         */
        TransportResponse received(IOException failure, boolean addedGzip) {
            BufferingBodySubscriber s = buffered;
            InputStream body = s == null ? null : s.settledBody(failure);
            if (body == null) {
                return null;
            }
            HttpResponse.ResponseInfo i = info;
            return new JdkResponse(i.statusCode(), i.headers().map(), body, addedGzip, request);
        }

        /**
         * A {@link ResponseBodyTimeoutException} caused by {@code failure} if a body to be received
         * inside {@code send} missed the request's deadline (send() rethrows a plain
         * HttpTimeoutException, without the cause), else null. Built here rather than in
         * {@code send}, so that verifying the transport at start loads no exception class.
         */
        IOException bodyTimeout(IOException failure) {
            BufferingBodySubscriber s = buffered;
            if (s == null || !s.getBody().toCompletableFuture().isCompletedExceptionally()) {
                return null;
            }
            ResponseBodyTimeoutException timeout = new ResponseBodyTimeoutException(
                    "request timed out while receiving the response body of " + request);
            timeout.initCause(failure);
            return timeout;
        }
    }

    private static long deadline(long now, Duration timeout) {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE;
        }
        long d = now + Math.min(nanos, Long.MAX_VALUE / 4);
        return d == 0 ? 1 : d;
    }

    /**
     * The body length a response declares with a single well-formed {@code Content-Length} and no
     * {@code Transfer-Encoding} (which would take precedence), or -1.
     */
    static long bufferableLength(Map<String, List<String>> headers) {
        List<String> values = headers.get("Content-Length");
        if (values == null || values.size() != 1 || headers.containsKey("Transfer-Encoding")) {
            return -1;
        }
        String v = values.get(0);
        int n = v.length();
        if (n == 0 || n > 18) {
            return -1;
        }
        long len = 0;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            len = len * 10 + (c - '0');
        }
        return len;
    }

    private HttpRequest.BodyPublisher publisher(TransportRequest request) {
        TransportRequest.Body body = request.body();
        if (body == null) {
            return NO_BODY;
        }
        if (body.bytes() != null) {
            return HttpRequest.BodyPublishers.ofByteArray(body.bytes());
        }
        return new StreamingBodyPublisher(body, request.toString(), bodyThreads);
    }

    private static Set<String> restricted(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }

    /** Whether the JDK refuses the header; compared ignoring case, with no lower-cased copy of the name. */
    static boolean isRestricted(String name) {
        return RESTRICTED.contains(name);
    }

    /** The JDK client often reports failures with null messages; say what failed. */
    private static IOException describe(IOException e, TransportRequest request) {
        if (e.getMessage() == null || e.getMessage().isEmpty()) {
            // send() rewraps the real failure, keeping its (null) message: name the original.
            Throwable named = e.getClass() == IOException.class && e.getCause() != null ? e.getCause() : e;
            return new IOException(request.method() + " " + request.uri() + " failed: " + named.getClass().getSimpleName(), e);
        }
        return e;
    }

    @Override
    public void close() {
        // Interrupts reads of request bodies still being sent; their requests fail.
        bodyThreads.shutdownNow();
    }

    @Override
    public String toString() {
        return "JdkHttpTransport{" + tls + ", " + proxy + ", " + version + "}";
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * A response over the JDK's streaming body; closing it cancels an unread body. Its header map,
     * the JDK's or an edited copy, is ordered ignoring case.
     */
    private static final class JdkResponse implements TransportResponse {
        private final int status;
        private final Map<String, List<String>> headers;
        /** The body as received, before any gunzip. */
        private final InputStream raw;
        private final InputStream body;
        /** Names the response in {@code toString()} by its method and URI. */
        private final TransportRequest request;

        JdkResponse(int status, Map<String, List<String>> received, InputStream raw, boolean addedGzip,
                TransportRequest request) {
            this.status = status;
            this.raw = raw;
            this.request = request;
            // The JDK's map is already unmodifiable and ordered ignoring case; copy it only to edit it.
            boolean gunzip = addedGzip && isGzip(received.get("Content-Encoding"));
            if (gunzip || received.containsKey(":status")) {
                Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                h.putAll(received);
                if (gunzip) {
                    // As Go does: the caller sees the decoded body and no encoding headers.
                    h.remove("Content-Encoding");
                    h.remove("Content-Length");
                }
                h.remove(":status");
                this.headers = java.util.Collections.unmodifiableMap(h);
            } else {
                this.headers = received;
            }
            this.body = gunzip ? new LazyGzipInputStream(raw) : raw;
        }

        private static boolean isGzip(List<String> contentEncoding) {
            if (contentEncoding != null) {
                for (String v : contentEncoding) {
                    if (v.trim().equalsIgnoreCase("gzip")) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public int statusCode() {
            return status;
        }

        @Override
        public Map<String, List<String>> headers() {
            return headers;
        }

        /** A lookup in the map, which ignores case (the JDK's, or the edited copy), instead of a scan. */
        @Override
        public List<String> headerValues(String name) {
            List<String> values = headers.get(name);
            return values == null ? List.of() : values;
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public boolean bodyReceived() {
            return raw instanceof BufferingBodySubscriber.Body;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }

        @Override
        public String toString() {
            return "TransportResponse{" + status + " " + request.method() + " " + request.uri() + "}";
        }
    }

    /** Opens the gzip stream on first read, so that constructing the response never blocks on the body. */
    private static final class LazyGzipInputStream extends FilterInputStream {
        private final InputStream raw;
        private boolean opened;

        LazyGzipInputStream(InputStream raw) {
            super(raw);
            this.raw = Objects.requireNonNull(raw);
        }

        private void open() throws IOException {
            if (!opened) {
                opened = true;
                in = new GZIPInputStream(raw, 8192);
            }
        }

        @Override
        public int read() throws IOException {
            open();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            open();
            return in.read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            open();
            return in.skip(n);
        }

        @Override
        public int available() throws IOException {
            return opened ? in.available() : 0;
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    /** Builds a {@link JdkHttpTransport}. */
    public static final class Builder {
        private TlsConfig tls = TlsConfig.defaults();
        private ProxyConfig proxy = ProxyConfig.none();
        private boolean disableCompression;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private ClientCertificateSource certificates;
        private ExecutorService executor;
        private int readAhead = PrefetchingBodySubscriber.DEFAULT_READ_AHEAD;
        private int bufferLimit = DEFAULT_BUFFER_LIMIT;
        private int shards;

        private Builder() {}

        public Builder tls(TlsConfig tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** The proxy; the default connects directly. */
        public Builder proxy(ProxyConfig proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /** Neither asks for nor decodes gzip. */
        public Builder disableCompression(boolean disableCompression) {
            this.disableCompression = disableCompression;
            return this;
        }

        /** The TCP connect timeout; defaults to 30 seconds. */
        public Builder connectTimeout(Duration connectTimeout) {
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
            }
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * A dynamic client certificate (an exec plugin's), used when the {@link TlsConfig} has no
         * static one.
         */
        public Builder clientCertificates(ClientCertificateSource certificates) {
            this.certificates = certificates;
            return this;
        }

        /**
         * Runs the HttpClient's work (completing responses, delivering their bytes, TLS handshake
         * tasks) on {@code executor} instead of inline on its selector thread. That keeps handshake
         * CPU off the selector at the price of a thread switch per response, about 30% of a small
         * request's latency on loopback. The transport does not shut it down; {@code null} restores
         * the inline default.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        /** Buffer lists (about 16 KiB each) read ahead per response; for tests and measurements. */
        Builder readAhead(int lists) {
            if (lists < 1) {
                throw new IllegalArgumentException("readAhead must be positive: " + lists);
            }
            this.readAhead = lists;
            return this;
        }

        /**
         * The largest declared body length received whole before {@code send} returns; 0 streams
         * every body. For tests and measurements.
         */
        Builder bufferLimit(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bufferLimit must not be negative: " + bytes);
            }
            this.bufferLimit = bytes;
            return this;
        }

        /** How many HttpClients HTTP/1.1 requests are spread over; 0 (the default) chooses. */
        Builder shards(int shards) {
            if (shards < 0) {
                throw new IllegalArgumentException("shards must not be negative: " + shards);
            }
            this.shards = shards;
            return this;
        }

        /** Loads certificates and keys and validates every setting. */
        public JdkHttpTransport build() {
            return new JdkHttpTransport(this);
        }
    }
}
