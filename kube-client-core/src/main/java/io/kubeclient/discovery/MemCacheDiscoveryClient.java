package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.kubeclient.KubeIOException;
import io.kubeclient.apimachinery.errors.Errors;
import io.kubeclient.apimachinery.errors.StatusException;
import io.kubeclient.apimachinery.schema.GroupVersion;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A memory cache over any {@link DiscoveryInterface}, as client-go's {@code memory.NewMemCacheClient}.
 *
 * <p>The first call fills the cache: in one round trip when the delegate supports aggregated discovery
 * and the server answered that way, otherwise by listing groups and then fetching every group version
 * (on the given executor). Each group version's result or error is cached; an empty group version is
 * cached as an error. Group versions that failed with a transient error are fetched again when asked
 * for. The cache stays {@link #fresh()} until {@link #invalidate()}; a group version it does not hold is
 * a {@link DiscoveryCacheMissException}, never a live lookup. {@link #serverVersion()} is not cached;
 * the OpenAPI v3 index and schemas are cached until invalidated.
 *
 * <p>Thread safe: one lock guards the cache, so only one fill runs at a time and callers wait for it.
 * Returned model objects are shared with the cache and must not be modified.
 */
public final class MemCacheDiscoveryClient implements CachedDiscoveryInterface, AggregatedDiscoveryInterface {

    private record Entry(APIResourceList resources, RuntimeException error) {}

    private final DiscoveryInterface delegate;
    private final Executor executor;
    private final Predicate<RuntimeException> transientError;
    private final ReentrantLock lock = new ReentrantLock();

    // Guarded by lock.
    private Map<String, Entry> groupToServerResources = new LinkedHashMap<>();
    private List<APIGroup> groups = List.of();
    private boolean receivedAggregated;
    private Map<String, String> openAPIPaths;
    private final Map<String, byte[]> openAPISchemas = new HashMap<>();
    private volatile boolean cacheValid;

    /**
     * A cache over {@code delegate} that fetches group versions one after another, and treats
     * {@link KubeIOException}s (and causes that are connection or timeout failures), 5xx answers and
     * 429 Too Many Requests as transient.
     */
    public MemCacheDiscoveryClient(DiscoveryInterface delegate) {
        this(delegate, Runnable::run, MemCacheDiscoveryClient::isTransient);
    }

    /**
     * @param delegate the discovery client to cache
     * @param executor runs the per-group-version fetches of a legacy refresh (in parallel if it can)
     * @param transientError which cached errors to retry when their group version is asked for again
     *     (client-go retries connection failures, 429 and 5xx answers)
     */
    public MemCacheDiscoveryClient(
            DiscoveryInterface delegate, Executor executor, Predicate<RuntimeException> transientError) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.transientError = Objects.requireNonNull(transientError, "transientError");
    }

    static boolean isTransient(RuntimeException e) {
        if (e instanceof KubeIOException || Errors.isTooManyRequests(e)) {
            return true;
        }
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StatusException status && status.code() >= 500) {
                return true;
            }
            if (t instanceof ConnectException || t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public APIResourceList serverResourcesForGroupVersion(String groupVersion) {
        lock.lock();
        try {
            if (!cacheValid) {
                refreshLocked();
            }
            Entry entry = groupToServerResources.get(groupVersion);
            if (entry == null) {
                throw new DiscoveryCacheMissException(groupVersion);
            }
            if (entry.error() != null && transientError.test(entry.error())) {
                entry = fetch(groupVersion);
                groupToServerResources.put(groupVersion, entry);
            }
            if (entry.error() != null) {
                throw entry.error();
            }
            return entry.resources();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public GroupsAndMaybeResources groupsAndMaybeResources() {
        lock.lock();
        try {
            if (!cacheValid) {
                refreshLocked();
            }
            if (!receivedAggregated || groupToServerResources.isEmpty()) {
                return new GroupsAndMaybeResources(groups, null, null);
            }
            Map<GroupVersion, APIResourceList> resources = new LinkedHashMap<>();
            Map<GroupVersion, RuntimeException> failed = new LinkedHashMap<>();
            groupToServerResources.forEach((gv, entry) -> {
                if (entry.error() != null) {
                    failed.put(GroupVersion.parse(gv), entry.error());
                } else {
                    resources.put(GroupVersion.parse(gv), entry.resources());
                }
            });
            return new GroupsAndMaybeResources(groups, resources, failed);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public APIGroupList serverGroups() {
        APIGroupList list = new APIGroupList();
        list.setGroups(new ArrayList<>(groupsAndMaybeResources().groups()));
        return list;
    }

    @Override
    public ServerGroupsAndResources serverGroupsAndResources() {
        return Discovery.serverGroupsAndResources(this);
    }

    @Override
    public List<APIResourceList> serverPreferredResources() {
        return Discovery.serverPreferredResources(this);
    }

    @Override
    public VersionInfo serverVersion() {
        return delegate.serverVersion();
    }

    @Override
    public Map<String, String> openAPIV3Paths() {
        lock.lock();
        try {
            if (openAPIPaths == null) {
                openAPIPaths = Map.copyOf(delegate.openAPIV3Paths());
            }
            return openAPIPaths;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public byte[] openAPIV3Schema(String path, String contentType) {
        String key = path + "\n" + contentType;
        lock.lock();
        try {
            byte[] schema = openAPISchemas.get(key);
            if (schema == null) {
                schema = delegate.openAPIV3Schema(path, contentType).clone();
                openAPISchemas.put(key, schema);
            }
            return schema.clone();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean fresh() {
        return cacheValid;
    }

    @Override
    public void invalidate() {
        lock.lock();
        try {
            cacheValid = false;
            groupToServerResources = new LinkedHashMap<>();
            groups = List.of();
            receivedAggregated = false;
            openAPIPaths = null;
            openAPISchemas.clear();
        } finally {
            lock.unlock();
        }
        if (delegate instanceof CachedDiscoveryInterface cached) {
            cached.invalidate();
        }
    }

    private void refreshLocked() {
        List<APIGroup> found;
        if (delegate instanceof AggregatedDiscoveryInterface aggregated) {
            GroupsAndMaybeResources result = aggregated.groupsAndMaybeResources();
            if (result.hasResources()) {
                Map<String, Entry> entries = new LinkedHashMap<>();
                result.resources().forEach((gv, list) -> entries.put(gv.toString(), new Entry(list, null)));
                result.failed().forEach((gv, error) -> entries.put(gv.toString(), new Entry(null, error)));
                groupToServerResources = entries;
                groups = result.groups();
                receivedAggregated = true;
                cacheValid = true;
                return;
            }
            found = result.groups();
        } else {
            found = delegate.serverGroups().getGroups();
        }
        if (found.isEmpty()) {
            // As client-go: nothing to cache, so stay stale and ask again next time.
            groups = List.copyOf(found);
            groupToServerResources = new LinkedHashMap<>();
            return;
        }
        Map<String, CompletableFuture<Entry>> futures = new LinkedHashMap<>();
        for (APIGroup group : found) {
            for (GroupVersionForDiscovery v : Discovery.versions(group)) {
                String gv = v.getGroupVersion();
                futures.put(gv, CompletableFuture.supplyAsync(() -> fetch(gv), executor));
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        futures.forEach((gv, future) -> entries.put(gv, join(future)));
        groupToServerResources = entries;
        groups = List.copyOf(found);
        receivedAggregated = false;
        cacheValid = true;
    }

    private static Entry join(CompletableFuture<Entry> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                return new Entry(null, re);
            }
            throw e;
        }
    }

    private Entry fetch(String groupVersion) {
        try {
            APIResourceList list = delegate.serverResourcesForGroupVersion(groupVersion);
            if (list == null || list.getResources() == null || list.getResources().isEmpty()) {
                return new Entry(null, new EmptyDiscoveryResponseException(groupVersion, list));
            }
            return new Entry(list, null);
        } catch (RuntimeException e) {
            return new Entry(null, e);
        }
    }
}
