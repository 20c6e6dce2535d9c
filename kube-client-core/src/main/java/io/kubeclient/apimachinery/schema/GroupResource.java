package io.kubeclient.apimachinery.schema;

/**
 * A resource within an API group without a version, such as {@code pods} (core group) or
 * {@code deployments.apps}; client-go's {@code schema.GroupResource}.
 *
 * @param group the group, empty for the core group
 * @param resource the resource (plural, lower case), may be empty
 */
public record GroupResource(String group, String resource) {

    /** @throws IllegalArgumentException when a component is null */
    public GroupResource {
        Names.require(group, "group");
        Names.require(resource, "resource");
    }

    /** Same as the constructor. */
    public static GroupResource of(String group, String resource) {
        return new GroupResource(group, resource);
    }

    /**
     * Parses {@code resource.group} (everything after the first dot is the group) or a bare
     * {@code resource}, as {@code schema.ParseGroupResource}; empty parts are allowed.
     *
     * @throws IllegalArgumentException when {@code value} is null
     */
    public static GroupResource parse(String value) {
        Names.require(value, "group resource");
        int dot = value.indexOf('.');
        if (dot < 0) {
            return new GroupResource("", value);
        }
        return new GroupResource(value.substring(dot + 1), value.substring(0, dot));
    }

    /** This resource at {@code version}. */
    public GroupVersionResource withVersion(String version) {
        return new GroupVersionResource(group, version, resource);
    }

    /** Whether both group and resource are empty. */
    public boolean isEmpty() {
        return group.isEmpty() && resource.isEmpty();
    }

    /** {@code resource.group}, or just {@code resource} for the core group. */
    @Override
    public String toString() {
        return group.isEmpty() ? resource : resource + "." + group;
    }
}
