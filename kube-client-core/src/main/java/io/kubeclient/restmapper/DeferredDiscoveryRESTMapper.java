package io.kubeclient.restmapper;

import io.kubeclient.apimachinery.schema.GroupKind;
import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import io.kubeclient.discovery.CachedDiscoveryInterface;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A discovery-backed {@link RESTMapper} built on first use, as client-go's
 * {@code DeferredDiscoveryRESTMapper}.
 *
 * <p>When a lookup fails (or, for the list methods, finds nothing) and the cached discovery is not
 * {@link CachedDiscoveryInterface#fresh() fresh}, the mapper {@link #reset() resets} (invalidating the
 * cache) and tries once more, so a new CRD is found. A memory cache that was just filled is fresh, so
 * a miss then is final until someone calls {@link #reset()}.
 */
public final class DeferredDiscoveryRESTMapper implements ResettableRESTMapper {

    private final CachedDiscoveryInterface discovery;
    private final Object lock = new Object();
    private RESTMapper delegate; // guarded by lock

    public DeferredDiscoveryRESTMapper(CachedDiscoveryInterface discovery) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
    }

    private RESTMapper delegate() {
        synchronized (lock) {
            if (delegate == null) {
                delegate = RESTMappers.newDiscoveryRESTMapper(RESTMappers.getAPIGroupResources(discovery));
            }
            return delegate;
        }
    }

    /** Invalidates the discovery cache and drops the mapper; the next lookup rebuilds it. */
    @Override
    public void reset() {
        discovery.invalidate();
        synchronized (lock) {
            delegate = null;
        }
    }

    private <T> T single(Function<RESTMapper, T> lookup) {
        RESTMapper mapper = delegate();
        try {
            return lookup.apply(mapper);
        } catch (RuntimeException e) {
            if (discovery.fresh()) {
                throw e;
            }
        }
        reset();
        return lookup.apply(delegate());
    }

    private <T> List<T> many(Function<RESTMapper, List<T>> lookup) {
        RESTMapper mapper = delegate();
        try {
            List<T> result = lookup.apply(mapper);
            if (!result.isEmpty() || discovery.fresh()) {
                return result;
            }
        } catch (RuntimeException e) {
            if (discovery.fresh()) {
                throw e;
            }
        }
        reset();
        return lookup.apply(delegate());
    }

    @Override
    public GroupVersionKind kindFor(GroupVersionResource resource) {
        return single(m -> m.kindFor(resource));
    }

    @Override
    public List<GroupVersionKind> kindsFor(GroupVersionResource resource) {
        return many(m -> m.kindsFor(resource));
    }

    @Override
    public GroupVersionResource resourceFor(GroupVersionResource input) {
        return single(m -> m.resourceFor(input));
    }

    @Override
    public List<GroupVersionResource> resourcesFor(GroupVersionResource input) {
        return many(m -> m.resourcesFor(input));
    }

    @Override
    public RESTMapping restMapping(GroupKind groupKind, String... versions) {
        return single(m -> m.restMapping(groupKind, versions));
    }

    @Override
    public List<RESTMapping> restMappings(GroupKind groupKind, String... versions) {
        return many(m -> m.restMappings(groupKind, versions));
    }

    @Override
    public String resourceSingularizer(String resource) {
        return single(m -> m.resourceSingularizer(resource));
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "DeferredDiscoveryRESTMapper{" + (delegate == null ? "not built" : delegate) + "}";
        }
    }
}
