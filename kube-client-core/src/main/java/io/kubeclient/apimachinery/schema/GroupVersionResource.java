package io.kubeclient.apimachinery.schema;

import java.util.Optional;

/**
 * A fully qualified resource, such as {@code apps/v1, Resource=deployments}; client-go's
 * {@code schema.GroupVersionResource}.
 *
 * @param group the group, empty for the core group
 * @param version the version
 * @param resource the resource (plural, lower case)
 */
public record GroupVersionResource(String group, String version, String resource) {

    /** @throws IllegalArgumentException when a component is null */
    public GroupVersionResource {
        Names.require(group, "group");
        Names.require(version, "version");
        Names.require(resource, "resource");
    }

    /** Same as the constructor. */
    public static GroupVersionResource of(String group, String version, String resource) {
        return new GroupVersionResource(group, version, resource);
    }

    /**
     * Splits a command-line style argument ({@code resource.group.com} or
     * {@code resource.version.group.com}) into both readings, as {@code schema.ParseResourceArg}: with
     * at least two dots the first reading is {@code resource}, {@code version}, {@code group} (the rest);
     * the second reading is always {@link GroupResource#parse(String)} of the whole argument.
     *
     * @throws IllegalArgumentException when {@code arg} is null
     */
    public static ResourceArg parseResourceArg(String arg) {
        Names.require(arg, "resource argument");
        GroupVersionResource gvr = null;
        String[] parts = arg.split("\\.", 3);
        if (parts.length == 3) {
            gvr = new GroupVersionResource(parts[2], parts[1], parts[0]);
        }
        return new ResourceArg(Optional.ofNullable(gvr), GroupResource.parse(arg));
    }

    /** Whether group, version and resource are all empty. */
    public boolean isEmpty() {
        return group.isEmpty() && version.isEmpty() && resource.isEmpty();
    }

    /** The group and resource, without the version. */
    public GroupResource groupResource() {
        return new GroupResource(group, resource);
    }

    /** The group and version. */
    public GroupVersion groupVersion() {
        return new GroupVersion(group, version);
    }

    /** {@code group/version, Resource=resource} (the group part is empty for the core group, as upstream). */
    @Override
    public String toString() {
        return group + "/" + version + ", Resource=" + resource;
    }

    /**
     * The two readings of a resource argument.
     *
     * @param groupVersionResource the {@code resource.version.group} reading, present only when the
     *     argument has at least two dots
     * @param groupResource the {@code resource.group} reading
     */
    public record ResourceArg(Optional<GroupVersionResource> groupVersionResource, GroupResource groupResource) {
    }
}
