package io.kubeclient.apimachinery.schema;

import java.util.Optional;

/**
 * A fully qualified kind, such as {@code apps/v1, Kind=Deployment}; client-go's
 * {@code schema.GroupVersionKind}.
 *
 * @param group the group, empty for the core group
 * @param version the version
 * @param kind the kind (CamelCase)
 */
public record GroupVersionKind(String group, String version, String kind) {

    /** @throws IllegalArgumentException when a component is null */
    public GroupVersionKind {
        Names.require(group, "group");
        Names.require(version, "version");
        Names.require(kind, "kind");
    }

    /** Same as the constructor. */
    public static GroupVersionKind of(String group, String version, String kind) {
        return new GroupVersionKind(group, version, kind);
    }

    /**
     * The kind named by an object's {@code apiVersion} and {@code kind}, as
     * {@code schema.FromAPIVersionAndKind}: an unparseable apiVersion (more than one {@code /}) yields
     * an empty group and version, as upstream. A null apiVersion is treated as empty.
     *
     * @throws IllegalArgumentException when {@code kind} is null
     */
    public static GroupVersionKind fromApiVersionAndKind(String apiVersion, String kind) {
        Names.require(kind, "kind");
        String av = apiVersion == null ? "" : apiVersion;
        if (av.indexOf('/') != av.lastIndexOf('/')) {
            return new GroupVersionKind("", "", kind);
        }
        GroupVersion gv = GroupVersion.parse(av);
        return new GroupVersionKind(gv.group(), gv.version(), kind);
    }

    /**
     * Splits a command-line style argument ({@code Kind.group.com} or {@code Kind.version.group.com})
     * into both readings, as {@code schema.ParseKindArg}.
     *
     * @throws IllegalArgumentException when {@code arg} is null
     */
    public static KindArg parseKindArg(String arg) {
        Names.require(arg, "kind argument");
        GroupVersionKind gvk = null;
        String[] parts = arg.split("\\.", 3);
        if (parts.length == 3) {
            gvk = new GroupVersionKind(parts[2], parts[1], parts[0]);
        }
        return new KindArg(Optional.ofNullable(gvk), GroupKind.parse(arg));
    }

    /** The {@code apiVersion} and {@code kind} an object of this kind carries; both empty when this is empty. */
    public ApiVersionAndKind toApiVersionAndKind() {
        if (isEmpty()) {
            return new ApiVersionAndKind("", "");
        }
        return new ApiVersionAndKind(groupVersion().toString(), kind);
    }

    /** Whether group, version and kind are all empty. */
    public boolean isEmpty() {
        return group.isEmpty() && version.isEmpty() && kind.isEmpty();
    }

    /** The group and kind, without the version. */
    public GroupKind groupKind() {
        return new GroupKind(group, kind);
    }

    /** The group and version. */
    public GroupVersion groupVersion() {
        return new GroupVersion(group, version);
    }

    /** {@code group/version, Kind=kind} (the group part is empty for the core group, as upstream). */
    @Override
    public String toString() {
        return group + "/" + version + ", Kind=" + kind;
    }

    /**
     * The {@code apiVersion} and {@code kind} fields of an object's type metadata.
     *
     * @param apiVersion {@code group/version}, or {@code version} for the core group
     * @param kind the kind
     */
    public record ApiVersionAndKind(String apiVersion, String kind) {
    }

    /**
     * The two readings of a kind argument.
     *
     * @param groupVersionKind the {@code Kind.version.group} reading, present only when the argument
     *     has at least two dots
     * @param groupKind the {@code Kind.group} reading
     */
    public record KindArg(Optional<GroupVersionKind> groupVersionKind, GroupKind groupKind) {
    }
}
