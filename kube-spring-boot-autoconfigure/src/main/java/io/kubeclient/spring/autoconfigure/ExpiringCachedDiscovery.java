package io.kubeclient.spring.autoconfigure;

import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.kubeclient.discovery.CachedDiscoveryInterface;
import io.kubeclient.discovery.ServerGroupsAndResources;
import io.kubeclient.discovery.VersionInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A cached discovery client whose cache is dropped once it is older than a time to live
 * ({@code kube.client.discovery.cache-ttl}), so new CRDs and API versions show up without a restart.
 * The age counts from the first lookup after the cache was (re)filled; zero means never expire.
 */
final class ExpiringCachedDiscovery implements CachedDiscoveryInterface, AutoCloseable {

    /** {@link System#nanoTime()}. */
    static final LongSupplier SYSTEM_NANO_TIME = new SystemNanoTime();

    private final CachedDiscoveryInterface delegate;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final AutoCloseable resource;
    private final Object lock = new Object();
    private boolean filled;
    private long filledAt;

    /**
     * @param delegate the cache
     * @param ttl how long a filled cache is used; {@code null} or zero means forever
     * @param nanoTime the clock
     * @param resource closed with this client (the HTTP discovery client), or {@code null}
     */
    ExpiringCachedDiscovery(CachedDiscoveryInterface delegate, Duration ttl, LongSupplier nanoTime,
            AutoCloseable resource) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.resource = resource;
        this.ttlNanos = (ttl == null || ttl.isZero()) ? 0 : ttl.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The time to live; zero means forever. */
    Duration ttl() {
        return Duration.ofNanos(this.ttlNanos);
    }

    /** The wrapped cache. */
    CachedDiscoveryInterface delegate() {
        return this.delegate;
    }

    private void expireIfStale() {
        if (this.ttlNanos == 0) {
            return;
        }
        synchronized (this.lock) {
            long now = this.nanoTime.getAsLong();
            if (this.filled && now - this.filledAt >= this.ttlNanos) {
                this.delegate.invalidate();
                this.filled = false;
            }
            if (!this.filled) {
                this.filled = true;
                this.filledAt = now;
            }
        }
    }

    @Override
    public APIGroupList serverGroups() {
        expireIfStale();
        return this.delegate.serverGroups();
    }

    @Override
    public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
        expireIfStale();
        return this.delegate.serverResourcesForGroupVersion(groupVersion);
    }

    @Override
    public ServerGroupsAndResources serverGroupsAndResources() {
        expireIfStale();
        return this.delegate.serverGroupsAndResources();
    }

    @Override
    public List<APIResourceList> serverPreferredResources() {
        expireIfStale();
        return this.delegate.serverPreferredResources();
    }

    @Override
    public List<APIResourceList> serverPreferredNamespacedResources() {
        expireIfStale();
        return this.delegate.serverPreferredNamespacedResources();
    }

    @Override
    public VersionInfo serverVersion() {
        return this.delegate.serverVersion();
    }

    @Override
    public Map<String, String> openAPIV3Paths() {
        expireIfStale();
        return this.delegate.openAPIV3Paths();
    }

    @Override
    public byte[] openAPIV3Schema(String path, String contentType) {
        expireIfStale();
        return this.delegate.openAPIV3Schema(path, contentType);
    }

    @Override
    public boolean fresh() {
        return this.delegate.fresh();
    }

    @Override
    public void invalidate() {
        synchronized (this.lock) {
            this.filled = false;
        }
        this.delegate.invalidate();
    }

    @Override
    public void close() throws Exception {
        if (this.resource != null) {
            this.resource.close();
        }
    }

    @Override
    public String toString() {
        return "ExpiringCachedDiscovery{ttl=" + Duration.ofNanos(this.ttlNanos) + ", " + this.delegate + "}";
    }

    /**
     * {@link System#nanoTime()} as a class rather than a method reference, whose call site the
     * application would bootstrap on its main thread at start.
     */
    private static final class SystemNanoTime implements LongSupplier {

        @Override
        public long getAsLong() {
            return System.nanoTime();
        }
    }
}
