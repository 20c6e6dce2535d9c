package io.kubeclient.discovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One API group in aggregated discovery ({@code apidiscovery.k8s.io/v2 APIGroupDiscovery}). Versions
 * are listed in the server's preference order.
 *
 * @param metadata the object metadata; only its name (the group, empty for the core group) is read
 * @param versions the group's versions, most preferred first, never {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record APIGroupDiscovery(Metadata metadata, List<APIVersionDiscovery> versions) {

    public APIGroupDiscovery {
        metadata = metadata == null ? new Metadata("") : metadata;
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** The group name, empty for the core group. */
    public String name() {
        return metadata.name();
    }

    /**
     * The part of {@code ObjectMeta} discovery uses.
     *
     * @param name the group name, empty (or absent) for the core group
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(String name) {
        public Metadata {
            name = name == null ? "" : name;
        }
    }
}
