package io.kubeclient.apimachinery.schema;

/**
 * A fully qualified resource, such as {@code apps/v1, Resource=deployments}.
 *
 * @param group the group, empty for the core group
 * @param version the version
 * @param resource the resource (plural) name
 */
public record GroupVersionResource(String group, String version, String resource) {

    /** The group and version of this resource. */
    public GroupVersion groupVersion() {
        return new GroupVersion(group, version);
    }

    /** The group and resource, without version. */
    public GroupResource groupResource() {
        return new GroupResource(group, resource);
    }

    /** Whether group, version and resource are all empty. */
    public boolean isEmpty() {
        return group.isEmpty() && version.isEmpty() && resource.isEmpty();
    }
}
