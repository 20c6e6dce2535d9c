package io.kubeclient.discovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.kubeclient.apimachinery.schema.GroupVersionKind;

/**
 * The {@code {group, version, kind}} object aggregated discovery uses for {@code responseKind} and
 * {@code acceptedTypes}. Missing members read as empty strings.
 *
 * @param group the group, empty for the core group
 * @param version the version
 * @param kind the kind
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DiscoveryGroupVersionKind(String group, String version, String kind) {

    public DiscoveryGroupVersionKind {
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        kind = kind == null ? "" : kind;
    }

    /** Whether all three members are empty, which discovery treats like an absent kind. */
    public boolean isEmpty() {
        return group.isEmpty() && version.isEmpty() && kind.isEmpty();
    }

    /** This kind as a schema {@link GroupVersionKind}. */
    public GroupVersionKind toGroupVersionKind() {
        return new GroupVersionKind(group, version, kind);
    }
}
