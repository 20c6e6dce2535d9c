package io.kubeclient.discovery;

import io.kubeclient.KubeException;

/**
 * A cached discovery client was asked for a group version that its last refresh did not list. Like
 * client-go's memory cache, the cache does not look such a group version up live; call
 * {@link CachedDiscoveryInterface#invalidate()} to refresh.
 */
public class DiscoveryCacheMissException extends KubeException {

    private static final long serialVersionUID = 1L;

    public DiscoveryCacheMissException(String groupVersion) {
        super("group version " + groupVersion + " not found in the discovery cache");
    }
}
