package io.kubeclient.testing;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.kubeclient.rest.RestConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process fake Kubernetes API server with real semantics: resource versions, optimistic concurrency,
 * selectors, paging, watches with bookmarks and 410s, patches and server-side apply, discovery, tables and
 * {@code Status} errors, plus seeding, a controllable clock and fault injection.
 *
 * <pre>{@code
 * try (FakeApiServer server = FakeApiServer.builder().start()) {
 *     RestConfig config = server.restConfig();
 *     ...
 * }
 * }</pre>
 *
 * <p>Listens on a loopback ephemeral port. Namespaces {@code default}, {@code kube-system},
 * {@code kube-public} and {@code kube-node-lease} exist from the start. See the module README for what is and
 * is not emulated.
 */
public final class FakeApiServer implements AutoCloseable {

    private final Registry registry;
    private final Storage storage;
    private final FakeClock clock;
    private final Faults faults;
    private final HttpServer http;
    private final ExecutorService executor;
    private final ScheduledExecutorService ticker;
    private final ApiHandler handler;
    private final URI url;
    private final byte[] caPem;
    private volatile boolean closed;

    private FakeApiServer(Builder b) throws IOException {
        this.clock = b.clock != null ? b.clock : FakeClock.atNow();
        this.registry = Registry.builtIns();
        b.resources.forEach(registry::register);
        this.storage = new Storage(clock, b.historyLimit, registry.view());
        this.faults = new Faults(this::cutWatches);
        for (String ns : List.of("default", "kube-system", "kube-public", "kube-node-lease")) {
            storage.put(ResourceType.of(Namespace.class), namespace(ns));
        }
        clock.onAdvance(storage::expireGracePeriods);

        // Without TCP_NODELAY every small response waits ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        SelfSignedCertificate cert = null;
        if (b.https) {
            cert = SelfSignedCertificate.generate("fake-kube-apiserver");
            HttpsServer https = HttpsServer.create(addr, 256);
            https.setHttpsConfigurator(new HttpsConfigurator(cert.sslContext()));
            this.http = https;
        } else {
            this.http = HttpServer.create(addr, 256);
        }
        this.caPem = cert == null ? null : cert.certificatePem();
        this.executor = Executors.newCachedThreadPool(daemon("fake-apiserver-"));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("fake-apiserver-bookmarks-"));
        String host = "127.0.0.1:" + http.getAddress().getPort();
        this.url = URI.create((b.https ? "https://" : "http://") + host);
        this.handler = new ApiHandler(registry, storage, clock, faults, host);
        http.createContext("/", handler);
        http.setExecutor(executor);
        http.start();
        long every = b.bookmarkInterval.toMillis();
        ticker.scheduleAtFixedRate(storage::bookmarkAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** A builder for a plain-HTTP server with default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** The server's base URL, such as {@code http://127.0.0.1:41234}. */
    public URI url() {
        return url;
    }

    /**
     * A config that reaches this server: its host, for HTTPS the generated CA certificate as
     * {@code caData}, and client-side throttling off ({@code qps} -1), since a fake has no capacity to
     * protect and tests should not wait on client-go's default 5 QPS.
     */
    public RestConfig restConfig() {
        RestConfig.Builder b = RestConfig.builder().host(url.toString()).qps(-1);
        if (caPem != null) {
            b.caData(caPem.clone());
        }
        return b.build();
    }

    /** The PEM of the self-signed CA the HTTPS server presents, or {@code null} for HTTP. */
    public byte[] caCertificatePem() {
        return caPem == null ? null : caPem.clone();
    }

    /** The clock that stamps creation and deletion times; advance it to age objects and end grace periods. */
    public FakeClock clock() {
        return clock;
    }

    /** Fault injection for the requests this server serves. */
    public Faults faults() {
        return faults;
    }

    /** Serves another resource, such as a custom resource, from now on. */
    public void register(ResourceType type) {
        registry.register(Objects.requireNonNull(type, "type"));
    }

    /** The current value of the global resource-version counter. */
    public long resourceVersion() {
        return storage.currentRv();
    }

    /**
     * Stores an object directly, bypassing validation: created when absent, replaced when present, with
     * uid, creationTimestamp and a new resourceVersion filled in; its namespace is created when missing
     * (namespaced objects without one go to {@code default}). Watches see the change.
     *
     * @return the stored object as the server now serves it
     */
    public <T extends HasMetadata> T put(T object) {
        ObjectNode node = ApiHandler.JSON.valueToTree(Objects.requireNonNull(object, "object"));
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) object.getClass();
        return ApiHandler.JSON.treeToValue(put(node), type);
    }

    /** Stores an object given as a JSON tree; its {@code apiVersion} and {@code kind} select the resource. */
    public ObjectNode put(JsonNode object) {
        if (!(object instanceof ObjectNode o)) {
            throw new IllegalArgumentException("object must be a JSON object");
        }
        ResourceType rt = registry.byKind(o.path("apiVersion").asString(""), o.path("kind").asString(""));
        if (rt == null) {
            throw new IllegalArgumentException("no resource is registered for apiVersion "
                    + o.path("apiVersion").asString("") + " kind " + o.path("kind").asString(""));
        }
        try {
            return storage.put(rt, o).deepCopy();
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The stored object, or {@code null}; {@code namespace} is ignored for cluster-scoped types. */
    public <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
        ObjectNode o = get(ResourceType.of(type), namespace, name);
        return o == null ? null : ApiHandler.JSON.treeToValue(o, type);
    }

    /** A copy of the stored object, or {@code null}. */
    public ObjectNode get(ResourceType type, String namespace, String name) {
        ObjectNode o = storage.find(resolve(type), namespace, name);
        return o == null ? null : o.deepCopy();
    }

    /** Every stored object of a type, in one namespace or in all when {@code namespace} is {@code null}. */
    public <T extends HasMetadata> List<T> list(Class<T> type, String namespace) {
        List<T> out = new ArrayList<>();
        for (ObjectNode o : list(ResourceType.of(type), namespace)) {
            out.add(ApiHandler.JSON.treeToValue(o, type));
        }
        return out;
    }

    /** Copies of every stored object of a type, in key order. */
    public List<ObjectNode> list(ResourceType type, String namespace) {
        List<ObjectNode> out = new ArrayList<>();
        storage.snapshot(resolve(type), namespace, 0, "").items().values().forEach(o -> out.add(o.deepCopy()));
        return out;
    }

    /**
     * Forgets the event history, as etcd compaction does: afterwards watches and continue tokens from any
     * older resource version get 410 Expired, and every open watch receives a 410 ERROR event.
     */
    public void compact() {
        storage.compact();
    }

    private ResourceType resolve(ResourceType type) {
        ResourceType known = registry.byGroupResource(type.groupResource());
        if (known == null) {
            throw new IllegalArgumentException("resource " + type.groupResource() + " is not registered");
        }
        return known;
    }

    private void cutWatches() {
        for (Watch w : storage.watches()) {
            w.offer(new Watch.Stop(true));
        }
    }

    /** Ends every watch, stops listening and releases the threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        handler.closing();
        for (Watch w : storage.watches()) {
            w.offer(new Watch.Stop(false));
        }
        ticker.shutdownNow();
        http.stop(0);
        executor.shutdownNow();
    }

    private static ObjectNode namespace(String name) {
        ObjectNode o = Storage.F.objectNode();
        o.put("apiVersion", "v1");
        o.put("kind", "Namespace");
        o.putObject("metadata").put("name", name);
        return o;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Settings for a {@link FakeApiServer}. */
    public static final class Builder {
        private boolean https;
        private FakeClock clock;
        private int historyLimit = 10_000;
        private Duration bookmarkInterval = Duration.ofSeconds(1);
        private final List<ResourceType> resources = new ArrayList<>();

        private Builder() {
        }

        /** Serve HTTPS with a freshly generated self-signed certificate for 127.0.0.1 and localhost. */
        public Builder https() {
            this.https = true;
            return this;
        }

        /** The clock to use; defaults to a {@link FakeClock} reading the current time. */
        public Builder clock(FakeClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How many events the server remembers (default 10,000): watches and continue tokens older than the
         * oldest remembered event get 410 Expired.
         */
        public Builder historyLimit(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("historyLimit must be positive: " + events);
            }
            this.historyLimit = events;
            return this;
        }

        /** How often watches that allow bookmarks receive one (default one second). */
        public Builder bookmarkInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("bookmarkInterval must be positive: " + interval);
            }
            this.bookmarkInterval = interval;
            return this;
        }

        /** An extra resource to serve, such as a custom resource. */
        public Builder resource(ResourceType type) {
            resources.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /** Starts the server. */
        public FakeApiServer start() {
            try {
                return new FakeApiServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the fake API server", e);
            }
        }
    }
}
