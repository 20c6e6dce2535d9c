package io.kubeclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.discovery.CachedDiscoveryInterface;
import io.kubeclient.discovery.VersionInfo;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCachedDiscoveryTests {

    private final AtomicLong now = new AtomicLong(1_000);

    private final CountingCache cache = new CountingCache();

    @Test
    void keepsTheCacheWithinTheTtl() {
        ExpiringCachedDiscovery discovery = new ExpiringCachedDiscovery(this.cache, Duration.ofSeconds(10), this.now::get, null);
        discovery.serverGroups();
        this.now.addAndGet(Duration.ofSeconds(9).toNanos());
        discovery.serverResourcesForGroupVersion("v1");
        assertThat(this.cache.invalidations).hasValue(0);
    }

    @Test
    void invalidatesOnceTheCacheIsOlderThanTheTtl() {
        ExpiringCachedDiscovery discovery = new ExpiringCachedDiscovery(this.cache, Duration.ofSeconds(10), this.now::get, null);
        discovery.serverGroups();
        this.now.addAndGet(Duration.ofSeconds(10).toNanos());
        discovery.serverGroups();
        assertThat(this.cache.invalidations).hasValue(1);
        this.now.addAndGet(Duration.ofSeconds(5).toNanos());
        discovery.serverPreferredResources();
        assertThat(this.cache.invalidations).hasValue(1);
        this.now.addAndGet(Duration.ofSeconds(5).toNanos());
        discovery.openAPIV3Paths();
        assertThat(this.cache.invalidations).hasValue(2);
    }

    @Test
    void zeroTtlNeverExpires() {
        ExpiringCachedDiscovery discovery = new ExpiringCachedDiscovery(this.cache, Duration.ZERO, this.now::get, null);
        discovery.serverGroups();
        this.now.addAndGet(Duration.ofDays(365).toNanos());
        discovery.serverGroups();
        assertThat(this.cache.invalidations).hasValue(0);
    }

    @Test
    void explicitInvalidationRestartsTheClockAndCloseReleasesTheResource() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        ExpiringCachedDiscovery discovery = new ExpiringCachedDiscovery(this.cache, Duration.ofSeconds(10), this.now::get,
                () -> closed.set(true));
        discovery.serverGroups();
        this.now.addAndGet(Duration.ofSeconds(8).toNanos());
        discovery.invalidate();
        discovery.serverGroups();
        this.now.addAndGet(Duration.ofSeconds(8).toNanos());
        discovery.serverGroups();
        assertThat(this.cache.invalidations).hasValue(1);
        discovery.close();
        assertThat(closed).isTrue();
    }

    static final class CountingCache implements CachedDiscoveryInterface {

        final AtomicInteger invalidations = new AtomicInteger();

        @Override
        public APIGroupList serverGroups() {
            return new APIGroupList();
        }

        @Override
        public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
            return new APIResourceList();
        }

        @Override
        public java.util.List<APIResourceList> serverPreferredResources() {
            return java.util.List.of();
        }

        @Override
        public VersionInfo serverVersion() {
            return null;
        }

        @Override
        public Map<String, String> openAPIV3Paths() {
            return Map.of();
        }

        @Override
        public byte[] openAPIV3Schema(String path, String contentType) {
            return new byte[0];
        }

        @Override
        public boolean fresh() {
            return true;
        }

        @Override
        public void invalidate() {
            this.invalidations.incrementAndGet();
        }
    }
}
