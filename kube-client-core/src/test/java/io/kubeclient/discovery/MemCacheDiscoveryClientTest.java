package io.kubeclient.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.KubeException;
import io.kubeclient.KubeIOException;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemCacheDiscoveryClientTest {

    @Test
    void aggregatedServerIsCachedInOneRoundTrip() {
        FakeDiscovery fake = FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json");
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(fake);
        assertThat(cache.fresh()).isFalse();

        assertThat(cache.serverResourcesForGroupVersion("apps/v1").getResources()).isNotEmpty();
        assertThat(cache.serverGroups().getGroups()).hasSize(5);
        assertThat(cache.serverResourcesForGroupVersion("v1").getGroupVersion()).isEqualTo("v1");
        assertThatThrownBy(cache::serverGroupsAndResources).isInstanceOf(GroupDiscoveryFailedException.class);

        assertThat(cache.fresh()).isTrue();
        assertThat(fake.groupCalls).hasValue(1);
        assertThat(fake.resourceCalls).hasValue(0);
    }

    @Test
    void staleGroupVersionIsCachedAsItsError() {
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(
                FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json"));

        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("apps/v1beta1"))
                .isInstanceOf(StaleGroupVersionException.class);
        assertThat(cache.groupsAndMaybeResources().failed()).containsKey(GroupVersion.parse("apps/v1beta1"));
    }

    @Test
    void unknownGroupVersionIsACacheMissWithoutLiveLookup() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(fake.plain());
        cache.serverGroups();
        int calls = fake.resourceCalls.get();

        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("batch/v1"))
                .isInstanceOf(DiscoveryCacheMissException.class)
                .hasMessageContaining("batch/v1");
        assertThat(fake.resourceCalls).hasValue(calls);
    }

    @Test
    void legacyServerIsFilledPerGroupVersionOnce() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(fake.plain());

        cache.serverResourcesForGroupVersion("v1");
        cache.serverResourcesForGroupVersion("apps/v1");
        catchThrowableOfType(GroupDiscoveryFailedException.class, cache::serverPreferredResources);
        catchThrowableOfType(GroupDiscoveryFailedException.class, cache::serverGroupsAndResources);

        assertThat(fake.groupCalls).hasValue(1);
        assertThat(fake.resourceCalls).hasValue(5);
        assertThat(cache.groupsAndMaybeResources().hasResources()).isFalse();
    }

    @Test
    void emptyGroupVersionIsCachedAsAFailure() {
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(FakeDiscovery.legacy(FakeDiscovery.legacyFiles()).plain());

        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("metrics.example.io/v1beta1"))
                .isInstanceOf(KubeException.class)
                .hasMessage("received empty response for: metrics.example.io/v1beta1");
        GroupDiscoveryFailedException e = catchThrowableOfType(GroupDiscoveryFailedException.class,
                cache::serverGroupsAndResources);
        assertThat(e.groups()).containsOnlyKeys(GroupVersion.parse("metrics.example.io/v1beta1"));
        assertThat(e.partialResources()).extracting(APIResourceList::getGroupVersion)
                .containsExactly("v1", "apps/v1", "example.com/v1", "example.com/v2", "metrics.example.io/v1beta1");
    }

    @Test
    void transientFailureIsFetchedAgainOnAccess() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());
        fake.failures.put("apps/v1", new KubeIOException("connection refused"));
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(fake.plain());

        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("apps/v1")).isInstanceOf(KubeIOException.class);
        int calls = fake.resourceCalls.get();
        fake.failures.clear();

        assertThat(cache.serverResourcesForGroupVersion("apps/v1").getResources()).isNotEmpty();
        assertThat(cache.serverResourcesForGroupVersion("apps/v1").getResources()).isNotEmpty();
        assertThat(fake.resourceCalls).hasValue(calls + 1);
    }

    @Test
    void serverErrorsAndTooManyRequestsAreTransientOtherStatusesAreNot() {
        assertThat(MemCacheDiscoveryClient.isTransient(Errors.newInternalError("boom"))).isTrue();
        assertThat(MemCacheDiscoveryClient.isTransient(Errors.newServiceUnavailable("later"))).isTrue();
        assertThat(MemCacheDiscoveryClient.isTransient(
                Errors.newGenericServerResponse(504, "GET", null, "", "", 0, true))).isTrue();
        assertThat(MemCacheDiscoveryClient.isTransient(Errors.newTooManyRequests("slow down", 1))).isTrue();
        assertThat(MemCacheDiscoveryClient.isTransient(
                new KubeException("wrapped", Errors.newInternalError("boom")))).isTrue();
        assertThat(MemCacheDiscoveryClient.isTransient(Errors.newForbidden(io.kubeclient.apimachinery.schema.GroupResource.of("", "pods"), "x", "no"))).isFalse();
        assertThat(MemCacheDiscoveryClient.isTransient(
                Errors.newGenericServerResponse(404, "GET", null, "", "", 0, true))).isFalse();
        assertThat(MemCacheDiscoveryClient.isTransient(new KubeException("forbidden"))).isFalse();
    }

    @Test
    void permanentFailureStaysCachedUntilInvalidated() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());
        fake.failures.put("apps/v1", new KubeException("forbidden"));
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(fake.plain());
        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("apps/v1")).hasMessage("forbidden");
        fake.failures.clear();

        assertThatThrownBy(() -> cache.serverResourcesForGroupVersion("apps/v1")).hasMessage("forbidden");

        cache.invalidate();
        assertThat(cache.fresh()).isFalse();
        assertThat(cache.serverResourcesForGroupVersion("apps/v1").getResources()).isNotEmpty();
        assertThat(cache.fresh()).isTrue();
    }

    @Test
    void invalidateDropsCachesAndRefetches() {
        FakeDiscovery fake = FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json");
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(fake);
        cache.serverGroups();
        cache.openAPIV3Paths();

        cache.invalidate();
        assertThat(cache.fresh()).isFalse();
        assertThat(fake.groupCalls).hasValue(1);

        cache.serverGroups();
        cache.openAPIV3Paths();
        assertThat(fake.groupCalls).hasValue(2);
        assertThat(fake.openAPICalls).hasValue(2);
    }

    @Test
    void invalidatePropagatesToACachedDelegate() {
        FakeDiscovery fake = FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json");
        MemCacheDiscoveryClient inner = new MemCacheDiscoveryClient(fake);
        MemCacheDiscoveryClient outer = new MemCacheDiscoveryClient(inner);
        outer.serverGroups();
        assertThat(inner.fresh()).isTrue();

        outer.invalidate();

        assertThat(inner.fresh()).isFalse();
    }

    @Test
    void failedRefreshLeavesCacheStaleAndIsRetried() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());
        AtomicInteger attempts = new AtomicInteger();
        DiscoveryInterface flaky = new DelegatingDiscovery(fake.plain()) {
            @Override
            public APIGroupList serverGroups() {
                if (attempts.incrementAndGet() == 1) {
                    throw new KubeIOException("connection reset");
                }
                return super.serverGroups();
            }
        };
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(flaky);

        assertThatThrownBy(cache::serverGroups).isInstanceOf(KubeIOException.class);
        assertThat(cache.fresh()).isFalse();
        assertThat(cache.serverGroups().getGroups()).isNotEmpty();
        assertThat(cache.fresh()).isTrue();
    }

    @Test
    void onlyOneFillRunsForConcurrentCallers() throws Exception {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());
        CountDownLatch fillStarted = new CountDownLatch(1);
        CountDownLatch releaseFill = new CountDownLatch(1);
        DiscoveryInterface slow = new DelegatingDiscovery(fake.plain()) {
            @Override
            public APIGroupList serverGroups() {
                fillStarted.countDown();
                try {
                    releaseFill.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.serverGroups();
            }
        };
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(slow);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<APIGroupList> first = pool.submit(cache::serverGroups);
            assertThat(fillStarted.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<APIResourceList>> others = List.of(
                    pool.submit(() -> cache.serverResourcesForGroupVersion("v1")),
                    pool.submit(() -> cache.serverResourcesForGroupVersion("apps/v1")),
                    pool.submit(() -> cache.serverResourcesForGroupVersion("example.com/v2")));
            releaseFill.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS).getGroups()).extracting(APIGroup::getName).contains("apps");
            for (Future<APIResourceList> f : others) {
                assertThat(f.get(5, TimeUnit.SECONDS).getResources()).isNotEmpty();
            }
            assertThat(fake.groupCalls).hasValue(1);
            assertThat(fake.resourceCalls).hasValue(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fillsGroupVersionsOnTheGivenExecutor() {
        FakeDiscovery fake = FakeDiscovery.legacy(FakeDiscovery.legacyFiles());
        AtomicInteger tasks = new AtomicInteger();
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(fake.plain(),
                r -> { tasks.incrementAndGet(); r.run(); }, e -> false);

        cache.serverGroups();

        assertThat(tasks).hasValue(5);
    }

    @Test
    void serverVersionPassesThroughAndOpenAPISchemasAreCached() {
        FakeDiscovery fake = FakeDiscovery.aggregated("aggregated-api.json", "aggregated-apis.json");
        MemCacheDiscoveryClient cache = new MemCacheDiscoveryClient(fake);

        assertThat(cache.serverVersion().gitVersion()).isEqualTo("v1.34.1");
        assertThat(cache.serverVersion().major()).isEqualTo("1");
        assertThat(fake.versionCalls).hasValue(2);

        assertThat(cache.openAPIV3Paths()).containsEntry("api/v1", "/openapi/v3/api/v1?hash=ABC");
        byte[] schema = cache.openAPIV3Schema("api/v1", "application/json");
        schema[0] = 'X';
        assertThat(new String(cache.openAPIV3Schema("api/v1", "application/json"))).isEqualTo("{\"path\":\"api/v1\"}");
        cache.openAPIV3Paths();
        assertThat(fake.openAPICalls).hasValue(2);
    }

    /** Forwards everything; tests override single calls. */
    static class DelegatingDiscovery implements DiscoveryInterface {
        private final DiscoveryInterface d;

        DelegatingDiscovery(DiscoveryInterface d) {
            this.d = d;
        }

        @Override
        public APIGroupList serverGroups() {
            return d.serverGroups();
        }

        @Override
        public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
            return d.serverResourcesForGroupVersion(groupVersion);
        }

        @Override
        public VersionInfo serverVersion() {
            return d.serverVersion();
        }

        @Override
        public Map<String, String> openAPIV3Paths() {
            return d.openAPIV3Paths();
        }

        @Override
        public byte[] openAPIV3Schema(String path, String contentType) {
            return d.openAPIV3Schema(path, contentType);
        }
    }
}
