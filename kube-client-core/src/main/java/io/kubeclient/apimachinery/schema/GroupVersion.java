package io.kubeclient.apimachinery.schema;

import java.util.Objects;

/**
 * An API group and version, such as {@code apps/v1}, or {@code v1} for the core (legacy) group.
 *
 * @param group the group, empty for the core group
 * @param version the version, empty only for the empty group version
 */
public record GroupVersion(String group, String version) {

    public GroupVersion {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
    }

    public static GroupVersion of(String group, String version) {
        return new GroupVersion(group, version);
    }

    /**
     * Parses {@code "group/version"}, {@code "version"} (core group) or {@code ""} (empty), as
     * client-go's {@code schema.ParseGroupVersion}.
     *
     * @throws IllegalArgumentException when the string has more than one {@code /}
     */
    public static GroupVersion parse(String gv) {
        Objects.requireNonNull(gv, "groupVersion");
        if (gv.isEmpty() || gv.equals("/")) {
            return new GroupVersion("", "");
        }
        int slash = gv.indexOf('/');
        if (slash < 0) {
            return new GroupVersion("", gv);
        }
        if (gv.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("unexpected GroupVersion string: " + gv);
        }
        return new GroupVersion(gv.substring(0, slash), gv.substring(slash + 1));
    }

    /** Whether both group and version are empty. */
    public boolean isEmpty() {
        return group.isEmpty() && version.isEmpty();
    }

    /** The kind {@code kind} in this group version. */
    public GroupVersionKind withKind(String kind) {
        return new GroupVersionKind(group, version, kind);
    }

    /** The resource {@code resource} in this group version. */
    public GroupVersionResource withResource(String resource) {
        return new GroupVersionResource(group, version, resource);
    }

    // equals and hashCode are written out: a record's generated ones are bootstrapped through method
    // handles on first use, a few milliseconds of a Spring Boot application's start.
    @Override
    public boolean equals(Object o) {
        return o instanceof GroupVersion gv && group.equals(gv.group) && version.equals(gv.version);
    }

    @Override
    public int hashCode() {
        return 31 * group.hashCode() + version.hashCode();
    }

    /** {@code group/version}, or just {@code version} for the core group. */
    @Override
    public String toString() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
