package io.kubeclient.discovery;

import io.fabric8.kubernetes.api.model.APIResource;

/** Chooses discovered resources, for {@link Discovery#filteredBy}. */
@FunctionalInterface
public interface ResourcePredicate {

    /**
     * @param groupVersion the group version of the list holding the resource, such as {@code apps/v1}
     * @param resource the resource
     * @return whether to keep the resource
     */
    boolean test(String groupVersion, APIResource resource);
}
