package io.kubeclient.rest;

import io.kubeclient.ConfigException;
import io.kubeclient.apimachinery.meta.PatchType;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.flowcontrol.BackoffManager;
import io.kubeclient.flowcontrol.RateLimiter;
import io.kubeclient.flowcontrol.RateLimiters;
import io.kubeclient.flowcontrol.Sleeper;
import io.kubeclient.rest.metrics.ClientMetrics;
import io.kubeclient.transport.HttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A client for one API group/version (or an unversioned API root) of one server: the Java form of
 * client-go's {@code rest.RESTClient}.
 *
 * <p>It builds {@link Request}s that share the client's base URL, content type, rate limiter,
 * timeout and warning handler. Thread safe; create one per group/version and reuse it.
 *
 * <pre>{@code
 * Pod pod = client.get().namespace("default").resource("pods").name("web").execute().into(Pod.class);
 * }</pre>
 */
public final class RESTClient implements AutoCloseable {

    /** client-go's default content type. */
    static final String JSON = "application/json";

    private final URI base;
    private final String pathPrefix;
    /** What every request URL starts with, computed once: {@code scheme://authority}, the escaped path prefix, and host[:port] for metrics. */
    private final String origin;
    private final String escapedPathPrefix;
    private final String hostPort;
    private final GroupVersion groupVersion;
    private final String contentType;
    private final String accept;
    private final RateLimiter rateLimiter;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final Duration timeout;
    private final WarningHandler warningHandler;
    private final int maxRetries;
    final Sleeper sleeper;
    final ClientMetrics metrics;
    final Supplier<BackoffManager> backoffs;

    RESTClient(RestConfig config, boolean versioned, HttpTransport transport, boolean ownsTransport,
            Sleeper sleeper, ClientMetrics metrics, Supplier<BackoffManager> backoffs) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(transport, "transport");
        GroupVersion gv = config.groupVersion();
        if (versioned && gv == null) {
            throw new ConfigException("GroupVersion is required when initializing a RESTClient");
        }
        this.groupVersion = gv == null ? GroupVersion.of("", "") : gv;
        ServerUrls.ServerUrl server = ServerUrls.defaultServerUrl(
                versioned ? config : config.toBuilder().groupVersion(null).build());
        this.base = withTrailingSlash(server.base());
        this.pathPrefix = UrlParts.join("/", base.getRawPath(), server.versionedApiPath());
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
        this.escapedPathPrefix = UrlParts.escapePath(pathPrefix);
        this.hostPort = base.getHost() + (base.getPort() >= 0 ? ":" + base.getPort() : "");
        this.contentType = config.contentType().isEmpty() ? JSON : config.contentType();
        this.accept = config.acceptContentTypes().isEmpty() ? contentType + ", */*" : config.acceptContentTypes();
        this.rateLimiter = rateLimiterFor(config);
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        Duration t = config.timeout();
        this.timeout = t == null || t.isZero() || t.isNegative() ? null : t;
        this.warningHandler = config.warningHandler();
        this.maxRetries = config.maxRetries();
        this.sleeper = sleeper;
        this.metrics = metrics;
        this.backoffs = backoffs;
    }

    /**
     * A client for {@code config.groupVersion()} under {@code config.apiPath()}, with its own
     * authenticated transport that {@link #close()} releases.
     *
     * @throws ConfigException when the config has no group/version or cannot be used
     */
    public static RESTClient forConfig(RestConfig config) {
        requireGroupVersion(config);
        return withOwnTransport(config, true);
    }

    /** A client for the API root {@code config.apiPath()} with no group/version, such as discovery uses. */
    public static RESTClient unversionedForConfig(RestConfig config) {
        Objects.requireNonNull(config, "config");
        return withOwnTransport(config, false);
    }

    private static RESTClient withOwnTransport(RestConfig config, boolean versioned) {
        HttpTransport transport = Transports.forConfig(config);
        try {
            return new RESTClient(config, versioned, transport, true, Sleeper.system(), metricsFor(config),
                    ENV_BACKOFF);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    /**
     * A client for {@code config.groupVersion()} that sends through {@code transport}, which stays
     * owned by the caller (several clients may share it; {@link #close()} leaves it open).
     */
    public static RESTClient forConfigAndTransport(RestConfig config, HttpTransport transport) {
        requireGroupVersion(config);
        return new RESTClient(config, true, transport, false, Sleeper.system(), metricsFor(config), ENV_BACKOFF);
    }

    /** The unversioned form of {@link #forConfigAndTransport}. */
    public static RESTClient unversionedForConfigAndTransport(RestConfig config, HttpTransport transport) {
        Objects.requireNonNull(config, "config");
        return new RESTClient(config, false, transport, false, Sleeper.system(), metricsFor(config), ENV_BACKOFF);
    }

    /** The config's own metrics listener, or the process-wide one. */
    private static ClientMetrics metricsFor(RestConfig config) {
        return config.metrics() != null ? config.metrics() : ClientMetrics.global();
    }

    private static void requireGroupVersion(RestConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.groupVersion() == null) {
            throw new ConfigException("GroupVersion is required when initializing a RESTClient");
        }
    }

    /** A request with the given HTTP verb. */
    public Request verb(String verb) {
        return new Request(this, verb);
    }

    public Request get() {
        return verb("GET");
    }

    public Request post() {
        return verb("POST");
    }

    public Request put() {
        return verb("PUT");
    }

    public Request delete() {
        return verb("DELETE");
    }

    /** A PATCH request whose {@code Content-Type} is the patch type's, such as {@code application/merge-patch+json}. */
    public Request patch(PatchType patchType) {
        Objects.requireNonNull(patchType, "patchType");
        return verb("PATCH").setHeader("Content-Type", patchType.contentType());
    }

    /** The group/version this client talks to; empty for an unversioned client. */
    public GroupVersion apiVersion() {
        return groupVersion;
    }

    /** The client's rate limiter, or {@code null} when requests are not throttled (negative QPS). */
    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    /** Releases the transport when this client created it; a transport passed in is left open. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    URI base() {
        return base;
    }

    String pathPrefix() {
        return pathPrefix;
    }

    /** {@code scheme://authority} of every request URL. */
    String origin() {
        return origin;
    }

    /** {@link #pathPrefix()} escaped for a URL. */
    String escapedPathPrefix() {
        return escapedPathPrefix;
    }

    /** The host, and the port when the URL has one, as request metrics name the server. */
    String hostPort() {
        return hostPort;
    }

    String contentType() {
        return contentType;
    }

    String accept() {
        return accept;
    }

    HttpTransport transport() {
        return transport;
    }

    Duration timeout() {
        return timeout;
    }

    WarningHandler warningHandler() {
        return warningHandler;
    }

    int maxRetries() {
        return maxRetries;
    }

    /**
     * client-go's {@code readExpBackoffConfig}: a fresh backoff manager per request, exponential
     * only when {@code KUBE_CLIENT_BACKOFF_BASE} and {@code KUBE_CLIENT_BACKOFF_DURATION} are set.
     */
    private static final Supplier<BackoffManager> ENV_BACKOFF = envBackoff(System::getenv);

    /**
     * A fresh backoff manager from the environment per request. A JVM's environment cannot change,
     * so when it sets no backoff (the usual case) requests do not look it up again.
     */
    static Supplier<BackoffManager> envBackoff(UnaryOperator<String> getenv) {
        if (BackoffManager.fromEnvironment(getenv) == BackoffManager.noBackoff()) {
            return BackoffManager::noBackoff;
        }
        return () -> BackoffManager.fromEnvironment(getenv);
    }

    static RateLimiter rateLimiterFor(RestConfig config) {
        if (config.rateLimiter() != null) {
            return config.rateLimiter();
        }
        float qps = config.qps() == 0 ? RestConfig.DEFAULT_QPS : config.qps();
        int burst = config.burst() == 0 ? RestConfig.DEFAULT_BURST : config.burst();
        if (qps < 0) {
            return null;
        }
        try {
            return RateLimiters.tokenBucket(qps, burst);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid client rate limit: " + e.getMessage(), null, "burst", e);
        }
    }

    /** client-go's {@code NewRESTClient} keeps the base path with a trailing slash and no query. */
    private static URI withTrailingSlash(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
    }
}
