package io.kubeclient.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.kubeclient.ConfigException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.flowcontrol.RateLimiters;
import io.kubeclient.discovery.DiscoveryClient;
import io.kubeclient.rest.InvalidRequestException;
import io.kubeclient.rest.RESTClient;
import io.kubeclient.rest.RestConfig;
import io.kubeclient.rest.Transports;
import io.kubeclient.transport.HttpTransport;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Typed clients for every built-in API group/version, sharing one transport: client-go's
 * {@code kubernetes.Clientset}.
 *
 * <pre>{@code
 * Clientset cs = Clientset.newForConfig(config);
 * Pod pod = cs.coreV1().pods("default").get("web");
 * }</pre>
 *
 * <p>Rate limiting follows client-go: a config with its own {@link RestConfig#rateLimiter()} uses it
 * everywhere; a positive {@code qps} (with a positive {@code burst}) makes one token bucket that every
 * group/version shares; {@code qps} 0 gives each group/version its own default bucket (5 QPS, burst
 * 10); a negative {@code qps} disables throttling. Group clients are created on first use and cached.
 * Thread safe.
 *
 * <p>Group/versions offered: {@code v1}; {@code admissionregistration.k8s.io} v1, v1beta1, v1alpha1;
 * {@code apiextensions.k8s.io/v1}; {@code apps/v1}; {@code authentication.k8s.io/v1};
 * {@code authorization.k8s.io/v1}; {@code autoscaling} v1, v2; {@code batch/v1};
 * {@code certificates.k8s.io} v1, v1beta1; {@code coordination.k8s.io} v1, v1beta1, v1alpha2;
 * {@code discovery.k8s.io/v1}; {@code events.k8s.io/v1}; {@code flowcontrol.apiserver.k8s.io/v1};
 * {@code networking.k8s.io/v1}; {@code node.k8s.io/v1}; {@code policy/v1};
 * {@code rbac.authorization.k8s.io/v1}; {@code resource.k8s.io} v1, v1beta2, v1beta1, v1alpha3;
 * {@code scheduling.k8s.io} v1, v1beta1, v1alpha3; {@code storage.k8s.io/v1}. Beta and alpha versions
 * offer only the resources the API server still serves in them. Left out because current servers no
 * longer serve them: autoscaling v2beta1/v2beta2, batch/v1beta1, policy/v1beta1, flowcontrol
 * v1beta1-v1beta3, events/v1beta1, discovery/v1beta1, networking/v1beta1 (ingresses), node v1beta1/v1alpha1,
 * authentication and authorization v1beta1, apiextensions/v1beta1, certificates/v1beta1 signing requests,
 * storage v1beta1/v1alpha1, scheduling priority classes before v1, resource/v1alpha2. Anything else (or
 * a custom resource) is reachable through {@link #resource} or {@code DynamicClient}.
 */
public final class Clientset implements AutoCloseable {

    private final RestConfig config;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final ConcurrentMap<GroupVersion, RESTClient> restClients = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, GroupVersionClient> groups = new ConcurrentHashMap<>();
    private volatile DiscoveryClient discovery;

    private Clientset(RestConfig config, HttpTransport transport, boolean ownsTransport) {
        this.config = config;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        // Build one client now so an unusable host or rate limit fails here, not on first use.
        restClient(GroupVersion.of("", "v1"));
    }

    /**
     * A clientset for {@code config}, with an authenticated transport built from it that
     * {@link #close()} releases.
     *
     * @throws ConfigException when the config cannot be used (contradictory credentials, unreadable
     *     certificates, a bad host, {@code qps > 0} with {@code burst <= 0})
     */
    public static Clientset newForConfig(RestConfig config) {
        RestConfig c = withDefaults(config);
        HttpTransport transport = Transports.forConfig(c);
        try {
            return new Clientset(c, transport, true);
        } catch (RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    /**
     * client-go's {@code NewForConfigOrDie}; identical to {@link #newForConfig}, whose errors are
     * already unchecked.
     */
    public static Clientset newForConfigOrThrow(RestConfig config) {
        return newForConfig(config);
    }

    /**
     * A clientset sending through {@code transport}, which stays the caller's: {@link #close()}
     * leaves it open. The config's credentials are not applied again; the transport is expected to
     * carry them.
     *
     * @throws ConfigException as {@link #newForConfig}
     */
    public static Clientset newForConfigAndClient(RestConfig config, HttpTransport transport) {
        Objects.requireNonNull(transport, "transport");
        return new Clientset(withDefaults(config), transport, false);
    }

    /** client-go's shared limiter rule: one bucket for every group when QPS is set explicitly. */
    static RestConfig withDefaults(RestConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.rateLimiter() == null && config.qps() > 0) {
            if (config.burst() <= 0) {
                throw new ConfigException("burst is required to be greater than 0 when RateLimiter is not set"
                        + " and QPS is set to greater than 0", null, "burst", null);
            }
            return config.toBuilder().rateLimiter(RateLimiters.tokenBucket(config.qps(), config.burst())).build();
        }
        return config;
    }

    /**
     * The discovery client over this clientset's transport, with client-go's discovery defaults
     * (32 s timeout, burst 300, or the shared limiter when QPS is set). Not cached: wrap it in a
     * {@code MemCacheDiscoveryClient} to cache.
     */
    public DiscoveryClient discovery() {
        DiscoveryClient d = discovery;
        if (d == null) {
            synchronized (this) {
                d = discovery;
                if (d == null) {
                    d = DiscoveryClient.newForConfigAndTransport(config, transport);
                    discovery = d;
                }
            }
        }
        return d;
    }

    /** The clients of {@code v1}. */
    public CoreV1Client coreV1() {
        return group(CoreV1Client.class, "", "v1", CoreV1Client::new);
    }

    /** The clients of {@code admissionregistration.k8s.io/v1}. */
    public AdmissionregistrationV1Client admissionregistrationV1() {
        return group(AdmissionregistrationV1Client.class, "admissionregistration.k8s.io", "v1", AdmissionregistrationV1Client::new);
    }

    /** The clients of {@code admissionregistration.k8s.io/v1beta1}. */
    public AdmissionregistrationV1beta1Client admissionregistrationV1beta1() {
        return group(AdmissionregistrationV1beta1Client.class, "admissionregistration.k8s.io", "v1beta1", AdmissionregistrationV1beta1Client::new);
    }

    /** The clients of {@code admissionregistration.k8s.io/v1alpha1}. */
    public AdmissionregistrationV1alpha1Client admissionregistrationV1alpha1() {
        return group(AdmissionregistrationV1alpha1Client.class, "admissionregistration.k8s.io", "v1alpha1", AdmissionregistrationV1alpha1Client::new);
    }

    /** The clients of {@code apiextensions.k8s.io/v1}. */
    public ApiextensionsV1Client apiextensionsV1() {
        return group(ApiextensionsV1Client.class, "apiextensions.k8s.io", "v1", ApiextensionsV1Client::new);
    }

    /** The clients of {@code apps/v1}. */
    public AppsV1Client appsV1() {
        return group(AppsV1Client.class, "apps", "v1", AppsV1Client::new);
    }

    /** The clients of {@code authentication.k8s.io/v1}. */
    public AuthenticationV1Client authenticationV1() {
        return group(AuthenticationV1Client.class, "authentication.k8s.io", "v1", AuthenticationV1Client::new);
    }

    /** The clients of {@code authorization.k8s.io/v1}. */
    public AuthorizationV1Client authorizationV1() {
        return group(AuthorizationV1Client.class, "authorization.k8s.io", "v1", AuthorizationV1Client::new);
    }

    /** The clients of {@code autoscaling/v1}. */
    public AutoscalingV1Client autoscalingV1() {
        return group(AutoscalingV1Client.class, "autoscaling", "v1", AutoscalingV1Client::new);
    }

    /** The clients of {@code autoscaling/v2}. */
    public AutoscalingV2Client autoscalingV2() {
        return group(AutoscalingV2Client.class, "autoscaling", "v2", AutoscalingV2Client::new);
    }

    /** The clients of {@code batch/v1}. */
    public BatchV1Client batchV1() {
        return group(BatchV1Client.class, "batch", "v1", BatchV1Client::new);
    }

    /** The clients of {@code certificates.k8s.io/v1}. */
    public CertificatesV1Client certificatesV1() {
        return group(CertificatesV1Client.class, "certificates.k8s.io", "v1", CertificatesV1Client::new);
    }

    /** The clients of {@code certificates.k8s.io/v1beta1}. */
    public CertificatesV1beta1Client certificatesV1beta1() {
        return group(CertificatesV1beta1Client.class, "certificates.k8s.io", "v1beta1", CertificatesV1beta1Client::new);
    }

    /** The clients of {@code coordination.k8s.io/v1}. */
    public CoordinationV1Client coordinationV1() {
        return group(CoordinationV1Client.class, "coordination.k8s.io", "v1", CoordinationV1Client::new);
    }

    /** The clients of {@code coordination.k8s.io/v1beta1}. */
    public CoordinationV1beta1Client coordinationV1beta1() {
        return group(CoordinationV1beta1Client.class, "coordination.k8s.io", "v1beta1", CoordinationV1beta1Client::new);
    }

    /** The clients of {@code coordination.k8s.io/v1alpha2}. */
    public CoordinationV1alpha2Client coordinationV1alpha2() {
        return group(CoordinationV1alpha2Client.class, "coordination.k8s.io", "v1alpha2", CoordinationV1alpha2Client::new);
    }

    /** The clients of {@code discovery.k8s.io/v1}. */
    public DiscoveryV1Client discoveryV1() {
        return group(DiscoveryV1Client.class, "discovery.k8s.io", "v1", DiscoveryV1Client::new);
    }

    /** The clients of {@code events.k8s.io/v1}. */
    public EventsV1Client eventsV1() {
        return group(EventsV1Client.class, "events.k8s.io", "v1", EventsV1Client::new);
    }

    /** The clients of {@code flowcontrol.apiserver.k8s.io/v1}. */
    public FlowcontrolV1Client flowcontrolV1() {
        return group(FlowcontrolV1Client.class, "flowcontrol.apiserver.k8s.io", "v1", FlowcontrolV1Client::new);
    }

    /** The clients of {@code networking.k8s.io/v1}. */
    public NetworkingV1Client networkingV1() {
        return group(NetworkingV1Client.class, "networking.k8s.io", "v1", NetworkingV1Client::new);
    }

    /** The clients of {@code node.k8s.io/v1}. */
    public NodeV1Client nodeV1() {
        return group(NodeV1Client.class, "node.k8s.io", "v1", NodeV1Client::new);
    }

    /** The clients of {@code policy/v1}. */
    public PolicyV1Client policyV1() {
        return group(PolicyV1Client.class, "policy", "v1", PolicyV1Client::new);
    }

    /** The clients of {@code rbac.authorization.k8s.io/v1}. */
    public RbacV1Client rbacV1() {
        return group(RbacV1Client.class, "rbac.authorization.k8s.io", "v1", RbacV1Client::new);
    }

    /** The clients of {@code resource.k8s.io/v1}. */
    public ResourceV1Client resourceV1() {
        return group(ResourceV1Client.class, "resource.k8s.io", "v1", ResourceV1Client::new);
    }

    /** The clients of {@code resource.k8s.io/v1beta2}. */
    public ResourceV1beta2Client resourceV1beta2() {
        return group(ResourceV1beta2Client.class, "resource.k8s.io", "v1beta2", ResourceV1beta2Client::new);
    }

    /** The clients of {@code resource.k8s.io/v1beta1}. */
    public ResourceV1beta1Client resourceV1beta1() {
        return group(ResourceV1beta1Client.class, "resource.k8s.io", "v1beta1", ResourceV1beta1Client::new);
    }

    /** The clients of {@code resource.k8s.io/v1alpha3}. */
    public ResourceV1alpha3Client resourceV1alpha3() {
        return group(ResourceV1alpha3Client.class, "resource.k8s.io", "v1alpha3", ResourceV1alpha3Client::new);
    }

    /** The clients of {@code scheduling.k8s.io/v1}. */
    public SchedulingV1Client schedulingV1() {
        return group(SchedulingV1Client.class, "scheduling.k8s.io", "v1", SchedulingV1Client::new);
    }

    /** The clients of {@code scheduling.k8s.io/v1beta1}. */
    public SchedulingV1beta1Client schedulingV1beta1() {
        return group(SchedulingV1beta1Client.class, "scheduling.k8s.io", "v1beta1", SchedulingV1beta1Client::new);
    }

    /** The clients of {@code scheduling.k8s.io/v1alpha3}. */
    public SchedulingV1alpha3Client schedulingV1alpha3() {
        return group(SchedulingV1alpha3Client.class, "scheduling.k8s.io", "v1alpha3", SchedulingV1alpha3Client::new);
    }

    /** The clients of {@code storage.k8s.io/v1}. */
    public StorageV1Client storageV1() {
        return group(StorageV1Client.class, "storage.k8s.io", "v1", StorageV1Client::new);
    }

    /**
     * A typed client for a resource of one's own, such as a custom resource with a fabric8-style
     * model class: {@code cs.resource(gvr, CronTab.class, CronTabList.class).namespace("default")}.
     *
     * @throws InvalidRequestException when the version or resource is empty
     */
    public <T extends HasMetadata, L extends KubernetesResourceList<T>> NamespaceableResourceClient<T, L> resource(
            GroupVersionResource gvr, Class<T> type, Class<L> listType) {
        Objects.requireNonNull(gvr, "gvr");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(listType, "listType");
        if (gvr.version().isEmpty()) {
            throw new InvalidRequestException("a version is required to access " + gvr);
        }
        return NamespaceableResourceClient.of(restClient(gvr.groupVersion()), gvr.resource(), type, listType);
    }

    /** Releases the transport when this clientset built it; a transport passed in is left open. */
    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
        }
    }

    /** The REST client for a group/version, created on first use and shared by every client of it. */
    RESTClient restClient(GroupVersion gv) {
        return restClients.computeIfAbsent(gv, k -> RESTClient.forConfigAndTransport(config.toBuilder()
                .apiPath(k.group().isEmpty() ? "/api" : "/apis").groupVersion(k).build(), transport));
    }

    /** Whether the group client of {@code type} has been created (they are, on first use); for tests. */
    boolean groupClientCreated(Class<? extends GroupVersionClient> type) {
        return groups.containsKey(type);
    }

    private <G extends GroupVersionClient> G group(Class<G> type, String group, String version,
            Function<RESTClient, G> factory) {
        return type.cast(groups.computeIfAbsent(type, t -> factory.apply(restClient(GroupVersion.of(group, version)))));
    }
}
