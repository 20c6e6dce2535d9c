package io.kubeclient.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor every scenario is measured against: a bare JDK HttpClient and a bare Jackson 3 mapper
 * reading the same bytes, with nothing else in between (over TLS, the server's protocol and its
 * certificate as the only trusted one).
 */
final class Floor implements Peer {

    /** One watch frame as the bare mapper sees it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Frame(String type, Pod object) {}

    private final URI listUri;
    private final URI getUri;
    private final URI watchUri;

    private final boolean async;

    /** @param async call {@code sendAsync(...).get()} on an own executor instead of {@code send} */
    Floor(BenchServer server, boolean async) {
        this(server, async, false);
    }

    /** @param direct run the client's executor tasks inline ({@code Runnable::run}) */
    Floor(BenchServer server, boolean async, boolean direct) {
        this(server, async, direct, 1, false);
    }

    /**
     * @param shards with {@code direct}, how many HttpClients (each with its own selector thread)
     *     requests are spread over
     * @param byThread pick the HttpClient by the calling thread's id instead of round-robin
     */
    Floor(BenchServer server, boolean async, boolean direct, int shards, boolean byThread) {
        this(server, async, direct, shards, byThread, null);
    }

    /** @param timeout sent as each request's {@code HttpRequest} timeout, or null for none */
    Floor(BenchServer server, boolean async, boolean direct, int shards, boolean byThread, Duration timeout) {
        this.timeout = timeout;
        this.async = async;
        this.byThread = byThread;
        extra = new HttpClient[shards - 1];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = builder(server).executor(Runnable::run).build();
        }
        http = direct ? builder(server).executor(Runnable::run).build()
                : async
                ? builder(server).executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "floor-async");
                    t.setDaemon(true);
                    return t;
                })).build()
                : builder(server).build();
        listUri = server.uri(BenchServer.LIST_PATH);
        getUri = server.uri(BenchServer.GET_PATH);
        watchUri = server.uri(BenchServer.LIST_PATH + "?watch=true");
    }

    /**
     * A client for {@code server}: HTTP/1.1 over plain HTTP; over TLS the server's protocol, trusting
     * its certificate alone.
     */
    private static HttpClient.Builder builder(BenchServer server) {
        byte[] ca = server.caPem();
        if (ca == null) {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        }
        return HttpClient.newBuilder()
                .version(server.http2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .sslContext(trusting(ca));
    }

    static SSLContext trusting(byte[] caPem) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caPem)));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot trust the benchmark server's certificate", e);
        }
    }

    private final Duration timeout;
    private final HttpClient http;
    private final HttpClient[] extra;
    private final boolean byThread;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final ObjectReader listReader = mapper.readerFor(PodList.class);
    private final ObjectReader cmReader = mapper.readerFor(ConfigMap.class);
    private final ObjectReader frameReader = mapper.readerFor(Frame.class);

    @Override
    public PodList list() throws IOException, InterruptedException, ExecutionException {
        try (InputStream in = send(listUri)) {
            return listReader.readValue(in);
        }
    }

    @Override
    public ConfigMap get() throws IOException, InterruptedException, ExecutionException {
        try (InputStream in = send(getUri)) {
            return cmReader.readValue(in);
        }
    }

    /** Reads every frame of a watch stream and returns how many there were. */
    @Override
    public long watch() throws IOException, InterruptedException, ExecutionException {
        long n = 0;
        try (InputStream in = send(watchUri); MappingIterator<Frame> it = frameReader.readValues(in)) {
            while (it.hasNextValue()) {
                Frame f = it.nextValue();
                if (f.object() != null) {
                    n++;
                }
            }
        }
        return n;
    }

    private InputStream send(URI uri) throws IOException, InterruptedException, ExecutionException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        if (timeout != null) {
            rb.timeout(timeout);
        }
        HttpRequest req = rb.build();
        HttpClient c = http;
        if (extra.length > 0) {
            int i = byThread ? (int) (Thread.currentThread().getId() % (extra.length + 1))
                    : Math.floorMod(next.getAndIncrement(), extra.length + 1);
            c = i == 0 ? http : extra[i - 1];
        }
        HttpResponse<InputStream> resp = async
                ? c.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream()).get()
                : c.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (resp.statusCode() != 200) {
            resp.body().close();
            throw new IOException("unexpected status " + resp.statusCode() + " from " + uri);
        }
        return resp.body();
    }

    @Override
    public void close() {
        // HttpClient has no close() on JDK 17; its threads end when it is unreachable.
    }
}
