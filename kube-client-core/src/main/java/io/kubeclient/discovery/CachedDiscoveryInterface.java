package io.kubeclient.discovery;

/** A discovery client that caches what it found, as client-go's {@code CachedDiscoveryInterface}. */
public interface CachedDiscoveryInterface extends DiscoveryInterface {

    /**
     * Whether the cached data was fetched since the last {@link #invalidate()}: if so, a miss is a real
     * miss, and asking again will not help until something invalidates the cache.
     */
    boolean fresh();

    /** Drops the cached data; the next call fetches it again. */
    void invalidate();
}
