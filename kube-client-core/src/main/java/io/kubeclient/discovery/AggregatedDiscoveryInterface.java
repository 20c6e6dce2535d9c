package io.kubeclient.discovery;

/**
 * A discovery client that can return groups together with their resources in one round trip, when the
 * server supports aggregated discovery (client-go's {@code AggregatedDiscoveryInterface}).
 */
public interface AggregatedDiscoveryInterface extends DiscoveryInterface {

    /**
     * The groups, plus all resources and failed group versions when the server answered in aggregated
     * form (see {@link GroupsAndMaybeResources#hasResources()}).
     */
    GroupsAndMaybeResources groupsAndMaybeResources();
}
