package io.kubeclient.apimachinery.schema;

/**
 * A resource within a group, without version, such as {@code deployments.apps}.
 *
 * @param group the group, empty for the core group
 * @param resource the resource (plural) name
 */
public record GroupResource(String group, String resource) {

    /** Whether group and resource are both empty. */
    public boolean isEmpty() {
        return group.isEmpty() && resource.isEmpty();
    }
}
