package io.kubeclient.restmapper;

import io.kubeclient.apimachinery.schema.GroupVersionKind;
import io.kubeclient.apimachinery.schema.GroupVersionResource;
import java.util.Objects;

/**
 * How to reach a kind over REST: its resource, and whether that resource is namespaced.
 *
 * @param resource the plural resource, such as {@code apps/v1, Resource=deployments}
 * @param groupVersionKind the kind this mapping is for
 * @param scope namespaced or cluster-scoped
 */
public record RESTMapping(GroupVersionResource resource, GroupVersionKind groupVersionKind, RESTScope scope) {

    public RESTMapping {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(groupVersionKind, "groupVersionKind");
        Objects.requireNonNull(scope, "scope");
    }
}
