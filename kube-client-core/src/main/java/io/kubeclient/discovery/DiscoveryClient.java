package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.Request;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.Result;
import io.kubeclient.transport.HttpTransport;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Discovers the server's API groups, resources, version and OpenAPI v3 documents over HTTP, as
 * client-go's {@code discovery.DiscoveryClient}.
 *
 * <p>{@code /api} and {@code /apis} are asked for in aggregated discovery v2 form (with a plain JSON
 * fallback in {@code Accept}); the response's {@code Content-Type} says which form the server chose.
 * When it answered in legacy form, each group version's resources are fetched from {@code /api/v1}
 * and {@code /apis/<group>/<version>}, in parallel. Failed or stale group versions give partial
 * results inside a {@link GroupDiscoveryFailedException}; the combined calls try once more when that
 * happens. Nothing is cached: wrap the client in a {@link MemCacheDiscoveryClient} for that.
 *
 * <pre>{@code
 * try (DiscoveryClient discovery = DiscoveryClient.newForConfig(config)) {
 *     List<APIResourceList> preferred = discovery.serverPreferredResources();
 * }
 * }</pre>
 *
 * <p>Thread safe.
 */
public final class DiscoveryClient implements AggregatedDiscoveryInterface, AutoCloseable {

    /** client-go's discovery timeout, used when the config sets none. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(32);
    /** client-go's discovery burst: discovery is bursty, one request per group version. */
    static final int DEFAULT_BURST = 300;
    /** client-go's {@code withRetries(defaultRetries, ...)} attempts for the combined views. */
    static final int ATTEMPTS = 2;
    /** Upper bound on concurrent group version fetches of a legacy server. */
    static final int PARALLELISM = 8;

    private static final String LEGACY_PREFIX = "/api";
    private static final String OPENAPI_V3 = "/openapi/v3";
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final RESTClient client;
    private final boolean ownsClient;
    private final boolean legacyOnly;

    private DiscoveryClient(RESTClient client, boolean ownsClient, boolean legacyOnly) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.legacyOnly = legacyOnly;
    }

    /**
     * A discovery client for {@code config} with its own transport (released by {@link #close()}),
     * after client-go's discovery defaults: no API path or group version, JSON only, a 32 s timeout
     * when none is set, and a burst of 300 when none is set (the QPS is kept).
     *
     * @throws io.kubeclient.ConfigException when the config cannot be used
     */
    public static DiscoveryClient newForConfig(RestConfig config) {
        return new DiscoveryClient(RESTClient.unversionedForConfig(discoveryConfig(config)), true, false);
    }

    /**
     * As {@link #newForConfig}, sending through {@code transport}, which stays owned by the caller.
     */
    public static DiscoveryClient newForConfigAndTransport(RestConfig config, HttpTransport transport) {
        return new DiscoveryClient(
                RESTClient.unversionedForConfigAndTransport(discoveryConfig(config), transport), false, false);
    }

    /**
     * A discovery client over an existing unversioned client, which stays owned by the caller; only
     * absolute paths are requested, so the client's API path does not matter.
     */
    public static DiscoveryClient forRESTClient(RESTClient client) {
        return new DiscoveryClient(client, false, false);
    }

    static RestConfig discoveryConfig(RestConfig config) {
        Objects.requireNonNull(config, "config");
        RestConfig.Builder b = config.toBuilder()
                .apiPath("")
                .groupVersion(null)
                .contentType("application/json")
                .acceptContentTypes("");
        if (config.timeout() == null || config.timeout().isZero()) {
            b.timeout(DEFAULT_TIMEOUT);
        }
        if (config.burst() == 0) {
            b.burst(DEFAULT_BURST);
        }
        return b.build();
    }

    /**
     * A client sharing this one's connection that asks only for legacy discovery (plain
     * {@code application/json}), as client-go's {@code WithLegacy()}. Closing it does not close this one.
     */
    public DiscoveryClient withLegacy() {
        return new DiscoveryClient(client, false, true);
    }

    /** The underlying unversioned client. */
    public RESTClient restClient() {
        return client;
    }

    /** Releases the transport when this client created it. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    // ---- groups ------------------------------------------------------------------------------

    /**
     * Fetches {@code /api} then {@code /apis}. A 404 on {@code /api} means the server has no core
     * group. Resources are included only when both answers were aggregated.
     *
     * @throws io.kubeclient.apimachinery.errors.StatusException when the server refused a request
     * @throws DiscoveryDocumentException when an answer could not be read
     */
    @Override
    public GroupsAndMaybeResources groupsAndMaybeResources() {
        GroupsAndMaybeResources core = downloadGroups(LEGACY_PREFIX, true);
        GroupsAndMaybeResources apis = downloadGroups("/apis", false);
        return DiscoveryDocuments.merge(core, apis);
    }

    private GroupsAndMaybeResources downloadGroups(String path, boolean core) {
        Request request = client.get().absPath(path)
                .setHeader("Accept", legacyOnly ? DiscoveryDocuments.ACCEPT_V1 : DiscoveryDocuments.ACCEPT_AGGREGATED);
        String url = request.url().toString();
        Result result = request.execute();
        if (result.error() != null) {
            if (core && Errors.isNotFound(result.error())) {
                return DiscoveryDocuments.coreNotFound();
            }
            throw result.error();
        }
        return DiscoveryDocuments.decodeGroups(url, result.contentType(), result.raw(), core);
    }

    @Override
    public APIGroupList serverGroups() {
        APIGroupList list = new APIGroupList();
        list.setGroups(new ArrayList<>(groupsAndMaybeResources().groups()));
        return list;
    }

    /**
     * The resources of one group version from {@code /api/v1} (for {@code v1}) or
     * {@code /apis/<group>/<version>}. A 404 for {@code v1} is an empty list, as upstream.
     *
     * @throws IllegalArgumentException when {@code groupVersion} is empty or not a valid path
     */
    @Override
    public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
        Objects.requireNonNull(groupVersion, "groupVersion");
        if (groupVersion.isEmpty()) {
            throw new IllegalArgumentException("groupVersion shouldn't be empty");
        }
        String[] parts = groupVersion.split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("invalid groupVersion \"" + groupVersion + "\": more than one \"/\"");
        }
        for (String part : parts) {
            requireSegment(part, "groupVersion", groupVersion);
        }
        Request request = groupVersion.equals("v1")
                ? client.get().absPath(LEGACY_PREFIX, "v1")
                : client.get().absPath(prepend("apis", parts));
        String url = request.url().toString();
        Result result = request.execute();
        if (result.error() != null) {
            if (groupVersion.equals("v1") && Errors.isNotFound(result.error())) {
                return Discovery.resourceList(groupVersion, new ArrayList<>());
            }
            throw result.error();
        }
        requireJson(url, result, "APIResourceList");
        return DiscoveryDocuments.parseResourceList(url, result.raw(), groupVersion);
    }

    // ---- combined views, retried once on partial failure --------------------------------------

    /**
     * All groups and resources, fetching group versions in parallel when the server answered in legacy
     * form. Tried twice when some group versions fail, as client-go.
     *
     * @throws GroupDiscoveryFailedException when some group versions still failed; it carries the rest
     */
    @Override
    public ServerGroupsAndResources serverGroupsAndResources() {
        return withRetries(() -> inParallel(executor -> Discovery.serverGroupsAndResources(this, executor)));
    }

    /**
     * The preferred resources (see {@link Discovery#preferredResources}), retried once on partial failure.
     *
     * @throws GroupDiscoveryFailedException when some group versions still failed; it carries the rest
     */
    @Override
    public List<APIResourceList> serverPreferredResources() {
        return withRetries(() -> inParallel(executor -> Discovery.serverPreferredResources(this, executor)));
    }

    static <T> T withRetries(Supplier<T> call) {
        GroupDiscoveryFailedException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return call.get();
            } catch (GroupDiscoveryFailedException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Runs {@code call} with a pool for the per-group-version fetches; threads start only when a legacy
     * server makes them needed, and stop when the call returns.
     */
    private static <T> T inParallel(Function<Executor, T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM, r -> {
            Thread t = new Thread(r, "kube-discovery-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            return call.apply(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- version and OpenAPI -----------------------------------------------------------------

    /** The server's {@code /version}. */
    @Override
    public VersionInfo serverVersion() {
        Request request = client.get().absPath("/version");
        String url = request.url().toString();
        Result result = request.execute();
        if (result.error() != null) {
            throw result.error();
        }
        requireJson(url, result, "version.Info");
        return DiscoveryDocuments.parseVersion(url, result.raw());
    }

    /** The OpenAPI v3 index from {@code /openapi/v3}. Not cached. */
    @Override
    public Map<String, String> openAPIV3Paths() {
        Request request = client.get().absPath(OPENAPI_V3);
        String url = request.url().toString();
        Result result = request.execute();
        if (result.error() != null) {
            throw result.error();
        }
        requireJson(url, result, "OpenAPI v3 index");
        return DiscoveryDocuments.parseOpenAPIV3Paths(url, result.raw());
    }

    /**
     * The raw schema of one OpenAPI v3 path, from the URL the index gives for it (keeping its
     * {@code hash}, so the server can answer with long-lived caching), or from
     * {@code /openapi/v3/<path>} when the index does not list the path. Fetches the index first.
     *
     * @param path such as {@code apis/apps/v1}
     * @param contentType sent as {@code Accept}, such as {@code application/json}
     * @throws IllegalArgumentException when {@code path} has empty, {@code .} or {@code ..} segments
     * @throws DiscoveryDocumentException when the index gives an URL that is not server-relative
     */
    @Override
    public byte[] openAPIV3Schema(String path, String contentType) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentType, "contentType");
        String[] segments = path.split("/", -1);
        for (String segment : segments) {
            requireSegment(segment, "OpenAPI v3 path", path);
        }
        Request request;
        String listed = openAPIV3Paths().get(path);
        if (listed == null) {
            request = client.get().absPath(prepend("openapi", prepend("v3", segments)));
        } else {
            request = serverRelative(listed);
        }
        return request.setHeader("Accept", contentType).executeRaw();
    }

    private Request serverRelative(String listed) {
        URI uri;
        try {
            uri = new URI(listed);
        } catch (URISyntaxException e) {
            throw new DiscoveryDocumentException(OPENAPI_V3, "invalid serverRelativeURL \"" + listed + "\": "
                    + e.getMessage(), e);
        }
        if (uri.isAbsolute() || uri.getRawAuthority() != null || uri.getPath() == null
                || !uri.getPath().startsWith("/")) {
            throw new DiscoveryDocumentException(OPENAPI_V3,
                    "serverRelativeURL \"" + listed + "\" is not a server-relative path", null);
        }
        Request request = client.get().absPath(uri.getPath());
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                // The request timeout is ours to set; every other parameter (the hash) is kept.
                if (!name.equals("timeout")) {
                    request.param(name, value);
                }
            }
        }
        return request;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void requireJson(String url, Result result, String what) {
        String contentType = result.contentType();
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new DiscoveryDocumentException(url,
                    "unexpected content type \"" + contentType + "\" for " + what + ", expected application/json", null);
        }
    }

    private static void requireSegment(String segment, String what, String whole) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                || segment.chars().anyMatch(c -> c == '?' || c == '#' || c == '%' || c < 0x21 || c == 0x7f)) {
            throw new IllegalArgumentException("invalid " + what + " \"" + whole + "\": bad segment \"" + segment + "\"");
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
