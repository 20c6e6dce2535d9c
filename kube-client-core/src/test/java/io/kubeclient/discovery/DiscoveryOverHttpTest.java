package io.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.restmapper.DeferredDiscoveryRESTMapper;
import io.kubeclient.restmapper.NoResourceMatchException;
import io.kubeclient.restmapper.RESTMapper;
import io.kubeclient.restmapper.RESTMappers;
import io.kubeclient.restmapper.RESTMapping;
import io.kubeclient.restmapper.RESTScope;
import io.kubeclient.restmapper.ShortcutExpander;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The memory cache and the RESTMappers on top of the HTTP discovery client. */
class DiscoveryOverHttpTest {

    private static final GroupVersionResource GIZMOS = GroupVersionResource.of("", "", "gizmos");

    private DiscoveryServer server;
    private DiscoveryClient client;

    @BeforeEach
    void start() throws Exception {
        server = new DiscoveryServer();
        client = DiscoveryClient.newForConfig(server.config());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    // ---- memory cache ------------------------------------------------------------------------

    @Test
    void memCacheFillsOnceFromAnAggregatedServer() {
        server.aggregated("aggregated-api.json", "aggregated-apis-current.json");
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(client);
        assertThat(cache.fresh()).isFalse();

        assertThat(cache.serverResourcesForGroupVersion("batch/v1").getResources()).hasSize(1);
        assertThat(cache.fresh()).isTrue();
        cache.serverGroupsAndResources();
        cache.serverPreferredResources();
        cache.serverGroups();
        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("nope/v1"))
                .isInstanceOf(DiscoveryCacheMissException.class);

        assertThat(server.targets()).containsExactly("/api", "/apis");
    }

    @Test
    void memCacheInvalidateRefetchesWhatTheServerNowServes() {
        server.aggregated("aggregated-api.json", "aggregated-apis-current.json");
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(client);
        assertThat(cache.serverGroups().getGroups()).hasSize(3);

        server.fixture("/apis", DiscoveryServer.AGGREGATED, "aggregated-apis-crd.json");
        assertThat(cache.serverGroups().getGroups()).hasSize(3);

        cache.invalidate();
        assertThat(cache.fresh()).isFalse();
        assertThat(cache.serverGroups().getGroups()).hasSize(6);
        assertThat(cache.fresh()).isTrue();
        assertThat(server.targets()).containsExactly("/api", "/apis", "/api", "/apis");
    }

    @Test
    void memCacheFillsALegacyServerPerGroupVersionOnce() {
        server.legacy();
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(client);

        // An empty group version is cached as a failure, as upstream.
        assertThatThrownBy(cache::serverGroupsAndResources).isInstanceOf(GroupDiscoveryFailedException.class)
                .hasMessageEndingWith("received empty response for: metrics.example.io/v1beta1");
        cache.serverResourcesForGroupVersion("apps/v1");
        assertThatThrownBy(cache::serverPreferredResources).isInstanceOf(GroupDiscoveryFailedException.class);

        assertThat(server.requests).hasSize(7);
        assertThat(server.count("/apis/apps/v1")).isEqualTo(1);
    }

    @Test
    void memCacheFetchesAServerErrorAgainButNotAForbiddenOne() {
        server.legacy()
                .body("/apis/apps/v1", 500, "text/plain", "boom")
                .body("/apis/example.com/v1", 403, DiscoveryServer.JSON,
                        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"forbidden\","
                                + "\"reason\":\"Forbidden\",\"code\":403}");
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(client);
        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("example.com/v1"))
                .isInstanceOf(StatusException.class).hasMessage("forbidden");
        assertThat(server.count("/apis/apps/v1")).isEqualTo(1);

        server.legacy();
        assertThat(cache.serverResourcesForGroupVersion("apps/v1").getResources()).hasSize(2);
        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("example.com/v1"))
                .isInstanceOf(StatusException.class).hasMessage("forbidden");

        assertThat(server.count("/apis/apps/v1")).isEqualTo(2);
        assertThat(server.count("/apis/example.com/v1")).isEqualTo(1);
    }

    @Test
    void memCacheKeepsStaleGroupVersionsAsTheirErrors() {
        server.aggregated("aggregated-api.json", "aggregated-apis.json");
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(client);

        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("apps/v1beta1"))
                .isInstanceOf(StaleGroupVersionException.class);
        assertThatThrownBy(cache::serverGroupsAndResources).isInstanceOf(GroupDiscoveryFailedException.class);
        assertThat(server.targets()).containsExactly("/api", "/apis");
    }

    @Test
    void memCacheCachesOpenAPIV3ButNotTheVersion() {
        server.fixture("/openapi/v3", DiscoveryServer.JSON, "openapi-v3-index.json")
                .body("/openapi/v3/api/v1", 200, DiscoveryServer.JSON, "{}")
                .fixture("/version", DiscoveryServer.JSON, "version.json");
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(client);

        cache.openAPIV3Schema("api/v1", "application/json");
        cache.openAPIV3Schema("api/v1", "application/json");
        cache.openAPIV3Paths();
        cache.serverVersion();
        cache.serverVersion();

        assertThat(server.targets()).containsExactly("/openapi/v3", "/openapi/v3/api/v1", "/openapi/v3", "/version",
                "/version");
    }

    // ---- RESTMappers over discovery ----------------------------------------------------------

    @Test
    void deferredMapperFindsACrdThatAppearsAfterAMiss() {
        server.aggregated("aggregated-api.json", "aggregated-apis-current.json");
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(client);
        DeferredDiscoveryRESTMapper mapper = new DeferredDiscoveryRESTMapper(cache);

        assertThatThrownBy(() -> mapper.resourceFor(GIZMOS)).isInstanceOf(NoResourceMatchException.class);
        assertThat(server.requests).hasSize(2);

        // The CRD is installed. The cache was just filled, so a miss is still final ...
        server.fixture("/apis", DiscoveryServer.AGGREGATED, "aggregated-apis-crd.json");
        assertThatThrownBy(() -> mapper.resourceFor(GIZMOS)).isInstanceOf(NoResourceMatchException.class);
        assertThat(server.requests).hasSize(2);

        // ... until something (a periodic refresher, a CRD informer) invalidates the cache: the next miss
        // rebuilds the mapper from a fresh discovery.
        cache.invalidate();
        assertThat(mapper.resourceFor(GIZMOS)).isEqualTo(GroupVersionResource.of("crd.example.io", "v1alpha1", "gizmos"));
        assertThat(mapper.kindFor(GroupVersionResource.of("crd.example.io", "", "gizmo")))
                .isEqualTo(GroupVersionKind.of("crd.example.io", "v1alpha1", "Gizmo"));
        assertThat(server.requests).hasSize(4);
    }

    @Test
    void shortcutExpanderOverADiscoveryMapperResolvesShortNames() {
        server.legacy();
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(client);
        List<String> warnings = new ArrayList<>();
        RESTMapper mapper = new ShortcutExpander(
                RESTMappers.newDiscoveryRESTMapper(RESTMappers.getAPIGroupResources(cache)), cache, warnings::add);

        assertThat(mapper.resourceFor(GroupVersionResource.of("", "", "deploy")))
                .isEqualTo(GroupVersionResource.of("apps", "v1", "deployments"));
        assertThat(mapper.resourceFor(GroupVersionResource.of("", "", "po")))
                .isEqualTo(GroupVersionResource.of("", "v1", "pods"));
        // example.com prefers v2.
        assertThat(mapper.resourceFor(GroupVersionResource.of("", "", "widgets")))
                .isEqualTo(GroupVersionResource.of("example.com", "v2", "widgets"));
        RESTMapping deployment = mapper.restMapping(GroupKind.of("apps", "Deployment"));
        assertThat(deployment.resource()).isEqualTo(GroupVersionResource.of("apps", "v1", "deployments"));
        assertThat(deployment.scope()).isEqualTo(RESTScope.NAMESPACE);
        RESTMapping gadget = mapper.restMapping(GroupKind.of("example.com", "Gadget"));
        assertThat(gadget.scope()).isEqualTo(RESTScope.ROOT);
        assertThat(gadget.resource()).isEqualTo(GroupVersionResource.of("example.com", "v1", "gadgets"));
        assertThat(warnings).isEmpty();
        assertThat(server.requests).hasSize(7);
    }

    // ---- the README's kubectl api-resources example ------------------------------------------

    /** The README example (its listing part), printing to {@code out} instead of standard output. */
    static void apiResources(DiscoveryInterface discovery, PrintWriter out) {
        List<APIResourceList> lists;
        try {
            lists = Discovery.serverPreferredResources(discovery);
        } catch (GroupDiscoveryFailedException e) {
            out.println("warning: " + e.getMessage());
            lists = e.partialResources();
        }
        out.printf("%-12s %-10s %-16s %-10s %s%n", "NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND");
        for (APIResourceList list : lists) {
            for (APIResource r : list.getResources()) {
                out.printf("%-12s %-10s %-16s %-10s %s%n", r.getName(), String.join(",", r.getShortNames()),
                        list.getGroupVersion(), r.getNamespaced(), r.getKind());
            }
        }
    }

    @Test
    void apiResourcesExamplePrintsPreferredResources() {
        server.aggregated("aggregated-api.json", "aggregated-apis-current.json");
        StringWriter text = new StringWriter();

        apiResources(new MemCacheDiscoveryClient(client), new PrintWriter(text, true));

        assertThat(text.toString().lines()).containsExactly(
                "NAME         SHORTNAMES APIVERSION       NAMESPACED KIND",
                "pods         po         v1               true       Pod",
                "services     svc        v1               true       Service",
                "namespaces   ns         v1               false      Namespace",
                "endpoints    ep         v1               true       Endpoints",
                "deployments  deploy     apps/v1          true       Deployment",
                "cronjobs     cj         batch/v1         true       CronJob");
    }

    @Test
    void apiResourcesExampleWarnsAndGoesOnWhenAGroupFails() {
        server.legacy().body("/apis/example.com/v2", 503, "text/plain", "unavailable");
        StringWriter text = new StringWriter();

        apiResources(client, new PrintWriter(text, true));

        assertThat(text.toString().lines().toList()).first().asString()
                .startsWith("warning: unable to retrieve the complete list of server APIs: example.com/v2:");
        assertThat(text.toString()).contains("widgets").contains("gadgets").contains("deployments");
    }
}
