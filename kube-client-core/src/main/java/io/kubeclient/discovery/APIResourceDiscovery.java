package io.kubeclient.discovery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * A resource in aggregated discovery ({@code apidiscovery.k8s.io/v2 APIResourceDiscovery}).
 *
 * @param resource the plural resource name, required
 * @param responseKind the kind the resource returns; {@code null} or empty means unknown, and the
 *     resource is then left out of the legacy form
 * @param scope whether the resource is namespaced or cluster-scoped, required
 * @param singularResource the singular name, may be empty
 * @param verbs the supported verbs, never {@code null}
 * @param shortNames short names such as {@code po}, never {@code null}
 * @param categories categories such as {@code all}, never {@code null}
 * @param subresources the subresources, never {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record APIResourceDiscovery(
        String resource,
        DiscoveryGroupVersionKind responseKind,
        Scope scope,
        String singularResource,
        List<String> verbs,
        List<String> shortNames,
        List<String> categories,
        List<APISubresourceDiscovery> subresources) {

    public APIResourceDiscovery {
        if (resource == null || resource.isEmpty()) {
            throw new IllegalArgumentException("resource discovery entry is missing \"resource\"");
        }
        if (scope == null) {
            throw new IllegalArgumentException("resource discovery entry \"" + resource + "\" is missing \"scope\"");
        }
        singularResource = singularResource == null ? "" : singularResource;
        verbs = verbs == null ? List.of() : List.copyOf(verbs);
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
        categories = categories == null ? List.of() : List.copyOf(categories);
        subresources = subresources == null ? List.of() : List.copyOf(subresources);
    }

    /** The scope of a resource: {@code Cluster} or {@code Namespaced}. */
    public enum Scope {
        /** Cluster-scoped ({@code "Cluster"}). */
        CLUSTER("Cluster"),
        /** Namespaced ({@code "Namespaced"}). */
        NAMESPACED("Namespaced");

        private final String wire;

        Scope(String wire) {
            this.wire = wire;
        }

        /** The JSON form, {@code Cluster} or {@code Namespaced}. */
        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        static Scope fromWire(String value) {
            for (Scope s : values()) {
                if (s.wire.equals(value)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown resource scope \"" + value + "\" (expected Cluster or Namespaced)");
        }
    }
}
