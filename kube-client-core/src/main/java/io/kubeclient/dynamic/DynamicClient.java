package io.kubeclient.dynamic;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.kubeclient.ConfigException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.flowcontrol.RateLimiters;
import io.kubeclient.kubernetes.NamespaceableResourceClient;
import io.kubeclient.rest.InvalidRequestException;
import io.kubeclient.restmapper.NoResourceMatchException;
import io.kubeclient.restmapper.RESTMapper;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.Transports;
import io.kubeclient.transport.HttpTransport;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A client for any resource, built-in or custom, as schemaless {@link GenericKubernetesResource}s:
 * client-go's {@code dynamic.DynamicClient}.
 *
 * <pre>{@code
 * DynamicClient dc = DynamicClient.newForConfig(config);
 * GroupVersionResource crontabs = GroupVersionResource.of("stable.example.com", "v1", "crontabs");
 * GenericKubernetesResource ct = dc.resource(crontabs).namespace("default").get("my-cron");
 * }</pre>
 *
 * <p>One REST client per group/version is created on first use; all share the transport and, when
 * {@code qps} is set, one rate limiter. Thread safe.
 */
public final class DynamicClient implements AutoCloseable {

    private final RestConfig config;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final RESTMapper mapper;
    private final ConcurrentMap<GroupVersion, RESTClient> clients;

    private DynamicClient(RestConfig config, HttpTransport transport, boolean ownsTransport, RESTMapper mapper,
            ConcurrentMap<GroupVersion, RESTClient> clients) {
        this.config = config;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.mapper = mapper;
        this.clients = clients;
        restClient(GroupVersion.of("", "v1"));
    }

    private DynamicClient(RestConfig config, HttpTransport transport, boolean ownsTransport) {
        this(config, transport, ownsTransport, null, new ConcurrentHashMap<>());
    }

    /**
     * A dynamic client with an authenticated transport built from {@code config}, released by {@link #close()}.
     *
     * @throws ConfigException when the config cannot be used
     */
    public static DynamicClient newForConfig(RestConfig config) {
        RestConfig c = sharedLimiter(config);
        HttpTransport transport = Transports.forConfig(c);
        try {
            return new DynamicClient(c, transport, true);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    /** A dynamic client sending through {@code transport}, which stays the caller's. */
    public static DynamicClient newForConfigAndClient(RestConfig config, HttpTransport transport) {
        Objects.requireNonNull(transport, "transport");
        return new DynamicClient(sharedLimiter(config), transport, false);
    }

    /**
     * A view of this client that checks every group/version/resource against {@code mapper} (for
     * example a {@code DeferredDiscoveryRESTMapper} over a cached discovery client) before any request
     * to it, so an unknown group, version or resource fails with the mapper's
     * {@code NoResourceMatchException} instead of a 404 later. It shares this client's transport and
     * REST clients; closing either closes the transport only if this client owns it.
     */
    public DynamicClient withRESTMapper(RESTMapper mapper) {
        return new DynamicClient(config, transport, false, Objects.requireNonNull(mapper, "mapper"), clients);
    }

    private static RestConfig sharedLimiter(RestConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.rateLimiter() == null && config.qps() > 0) {
            if (config.burst() <= 0) {
                throw new ConfigException("burst is required to be greater than 0 when RateLimiter is not set"
                        + " and QPS is set to greater than 0", null, "burst", null);
            }
            return config.toBuilder()
                    .rateLimiter(RateLimiters.tokenBucket(config.qps(), config.burst()))
                    .build();
        }
        return config;
    }

    /**
     * The client for a resource; call {@code namespace(ns)} on it for a namespaced resource. As is,
     * requests carry no namespace (cluster-scoped, or listing across all namespaces).
     *
     * @throws InvalidRequestException when the version or resource is empty or invalid
     * @throws io.kubeclient.restmapper.NoResourceMatchException when a {@link #withRESTMapper mapper}
     *     is set and does not know the resource
     */
    public NamespaceableResourceClient<GenericKubernetesResource, GenericKubernetesResourceList> resource(
            GroupVersionResource gvr) {
        Objects.requireNonNull(gvr, "gvr");
        if (gvr.version().isEmpty()) {
            throw new InvalidRequestException("a version is required to access " + gvr
                    + "; the dynamic client needs the full group, version and resource");
        }
        if (gvr.resource().isEmpty()) {
            throw new InvalidRequestException("a resource is required to access group/version " + gvr.groupVersion());
        }
        if (mapper != null && !mapper.resourcesFor(gvr).contains(gvr)) {
            throw new NoResourceMatchException(gvr);
        }
        return NamespaceableResourceClient.of(restClient(gvr.groupVersion()), gvr.resource(),
                GenericKubernetesResource.class, GenericKubernetesResourceList.class);
    }

    /** Releases the transport when this client built it. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    private RESTClient restClient(GroupVersion gv) {
        return clients.computeIfAbsent(gv, k -> RESTClient.forConfigAndTransport(config.toBuilder()
                .apiPath(k.group().isEmpty() ? "/api" : "/apis").groupVersion(k).build(), transport));
    }
}
