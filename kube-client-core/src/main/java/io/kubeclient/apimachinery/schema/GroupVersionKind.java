package io.kubeclient.apimachinery.schema;

/**
 * A fully qualified kind, such as {@code apps/v1, Kind=Deployment}.
 *
 * @param group the group, empty for the core group
 * @param version the version
 * @param kind the kind
 */
public record GroupVersionKind(String group, String version, String kind) {

    /** The group and version of this kind. */
    public GroupVersion groupVersion() {
        return new GroupVersion(group, version);
    }

    /** The group and kind, without version. */
    public GroupKind groupKind() {
        return new GroupKind(group, kind);
    }

    /** Whether group, version and kind are all empty. */
    public boolean isEmpty() {
        return group.isEmpty() && version.isEmpty() && kind.isEmpty();
    }
}
