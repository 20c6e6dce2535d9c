package io.kubeclient.apimachinery.schema;

/**
 * A kind within an API group without a version, such as {@code Pod} or {@code Deployment.apps};
 * client-go's {@code schema.GroupKind}.
 *
 * @param group the group, empty for the core group
 * @param kind the kind (CamelCase), may be empty
 */
public record GroupKind(String group, String kind) {

    /** @throws IllegalArgumentException when a component is null */
    public GroupKind {
        Names.require(group, "group");
        Names.require(kind, "kind");
    }

    /** Same as the constructor. */
    public static GroupKind of(String group, String kind) {
        return new GroupKind(group, kind);
    }

    /**
     * Parses {@code Kind.group} (everything after the first dot is the group) or a bare
     * {@code Kind}, as {@code schema.ParseGroupKind}.
     *
     * @throws IllegalArgumentException when {@code value} is null
     */
    public static GroupKind parse(String value) {
        Names.require(value, "group kind");
        int dot = value.indexOf('.');
        if (dot < 0) {
            return new GroupKind("", value);
        }
        return new GroupKind(value.substring(dot + 1), value.substring(0, dot));
    }

    /** This kind at {@code version}. */
    public GroupVersionKind withVersion(String version) {
        return new GroupVersionKind(group, version, kind);
    }

    /** Whether both group and kind are empty. */
    public boolean isEmpty() {
        return group.isEmpty() && kind.isEmpty();
    }

    /** {@code Kind.group}, or just {@code Kind} for the core group. */
    @Override
    public String toString() {
        return group.isEmpty() ? kind : kind + "." + group;
    }
}
