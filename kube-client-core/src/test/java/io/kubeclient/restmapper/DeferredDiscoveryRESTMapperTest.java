package io.kubeclient.restmapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.discovery.CachedDiscoveryInterface;
import io.kubeclient.discovery.FakeDiscovery;
import io.kubeclient.discovery.MemCacheDiscoveryClient;
import io.kubeclient.discovery.ServerGroupsAndResources;
import io.kubeclient.discovery.VersionInfo;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredDiscoveryRESTMapperTest {

    private static final GroupVersionResource GIZMOS = new GroupVersionResource("", "", "gizmos");

    /**
     * A cached discovery that, like client-go's disk cache, starts from possibly outdated data that is
     * not fresh; after an invalidation it reads the live server and is fresh.
     */
    static final class DiskLikeCache implements CachedDiscoveryInterface {
        final FakeDiscovery server = FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json");
        final AtomicInteger invalidations = new AtomicInteger();
        final AtomicInteger loads = new AtomicInteger();
        volatile boolean fresh;

        private ServerGroupsAndResources snapshot;

        @Override
        public synchronized ServerGroupsAndResources serverGroupsAndResources() {
            if (snapshot == null) {
                loads.incrementAndGet();
                try {
                    snapshot = server.serverGroupsAndResources();
                } catch (io.kubeclient.discovery.GroupDiscoveryFailedException e) {
                    snapshot = new ServerGroupsAndResources(e.partialGroups(), e.partialResources());
                }
            }
            return snapshot;
        }

        @Override
        public APIGroupList serverGroups() {
            return server.serverGroups();
        }

        @Override
        public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
            return server.serverResourcesForGroupVersion(groupVersion);
        }

        @Override
        public VersionInfo serverVersion() {
            return server.serverVersion();
        }

        @Override
        public Map<String, String> openAPIV3Paths() {
            return server.openAPIV3Paths();
        }

        @Override
        public byte[] openAPIV3Schema(String path, String contentType) {
            return server.openAPIV3Schema(path, contentType);
        }

        @Override
        public boolean fresh() {
            return fresh;
        }

        @Override
        public synchronized void invalidate() {
            snapshot = null;
            invalidations.incrementAndGet();
            fresh = true;
        }
    }

    @Test
    void buildsLazilyOnFirstUseAndOnlyOnce() {
        DiskLikeCache cache = new DiskLikeCache();
        cache.fresh = true;
        DeferredDiscoveryRESTMapper mapper = new DeferredDiscoveryRESTMapper(cache);
        assertThat(cache.loads).hasValue(0);

        mapper.kindFor(new GroupVersionResource("", "", "pods"));
        mapper.restMapping(new GroupKind("apps", "Deployment"));

        assertThat(cache.loads).hasValue(1);
    }

    @Test
    void crdAppearingAfterAMissIsFoundWhenTheCacheWasNotFresh() {
        DiskLikeCache cache = new DiskLikeCache();
        DeferredDiscoveryRESTMapper mapper = new DeferredDiscoveryRESTMapper(cache);
        assertThat(mapper.resourcesFor(new GroupVersionResource("", "", "pods"))).hasSize(1);

        cache.server.serveAggregated("aggregated-api.json", "aggregated-apis-crd.json");

        assertThat(mapper.kindFor(GIZMOS)).isEqualTo(new GroupVersionKind("crd.example.io", "v1alpha1", "Gizmo"));
        assertThat(cache.invalidations).hasValue(1);
        assertThat(cache.loads).hasValue(2);
    }

    @Test
    void listLookupsAlsoRetryOnce() {
        DiskLikeCache cache = new DiskLikeCache();
        DeferredDiscoveryRESTMapper mapper = new DeferredDiscoveryRESTMapper(cache);
        mapper.kindFor(new GroupVersionResource("", "", "pods"));
        cache.server.serveAggregated("aggregated-api.json", "aggregated-apis-crd.json");

        assertThat(mapper.restMappings(new GroupKind("crd.example.io", "Gizmo"))).hasSize(1);
    }

    @Test
    void missWithAFreshCacheIsFinal() {
        DiskLikeCache cache = new DiskLikeCache();
        DeferredDiscoveryRESTMapper mapper = new DeferredDiscoveryRESTMapper(cache);
        cache.server.serveAggregated("aggregated-api.json", "aggregated-apis.json");

        assertThatThrownBy(() -> mapper.resourceFor(GIZMOS)).isInstanceOf(NoResourceMatchException.class);
        // One reset and retry, then the cache is fresh: a second miss does not reload again.
        assertThatThrownBy(() -> mapper.resourceFor(GIZMOS)).isInstanceOf(NoResourceMatchException.class);
        assertThat(cache.invalidations).hasValue(1);
        assertThat(cache.loads).hasValue(2);
    }

    @Test
    void withMemoryCacheANewCrdNeedsAnExplicitReset() {
        FakeDiscovery server = FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json");
        DeferredDiscoveryRESTMapper mapper = new DeferredDiscoveryRESTMapper(new MemCacheDiscoveryClient(server));
        assertThatThrownBy(() -> mapper.kindFor(GIZMOS)).isInstanceOf(NoResourceMatchException.class);
        assertThat(server.groupCalls).hasValue(1);

        server.serveAggregated("aggregated-api.json", "aggregated-apis-crd.json");
        assertThatThrownBy(() -> mapper.kindFor(GIZMOS)).isInstanceOf(NoResourceMatchException.class);

        mapper.reset();
        assertThat(mapper.resourceFor(GIZMOS)).isEqualTo(new GroupVersionResource("crd.example.io", "v1alpha1", "gizmos"));
        assertThat(server.groupCalls).hasValue(2);
    }
}
